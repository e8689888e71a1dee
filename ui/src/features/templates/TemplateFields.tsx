// The fields a template can use and the few tags it needs, as a short reference beside the
// editor. The explanations come from the letter engine; Chinese ones from the translations.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { TemplateField } from "../../ipc/api";

// Template code is the same in every language; only the sentence around it is translated.
const SYNTAX = {
  print: "{{ field }}",
  choose: "{% if … %}…{% endif %}",
  repeat: "{% for x in list %}…{% endfor %}",
  subject: "Subject: … / 事由：…",
};

export function TemplateFields({ fields }: { fields: TemplateField[] }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <section className="card template-fields" aria-labelledby={`${id}-title`} data-testid="templates-fields">
      <h2 id={`${id}-title`}>{t("templates.fieldsTitle")}</h2>
      <p className="muted small">{t("templates.syntax", SYNTAX)}</p>
      <ul>
        {fields.map((f) => (
          <li key={f.key}>
            <code>{names(f)}</code>
            {description(f) && <> — {t(`templates.fields.${f.key}`, { defaultValue: description(f) })}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The field names of an engine line: everything before its first " — ". */
function names(f: TemplateField): string {
  const i = f.text.indexOf(" — ");
  return i < 0 ? f.text : f.text.slice(0, i);
}

/** The explanation after the names (empty when the line is names only). */
function description(f: TemplateField): string {
  const i = f.text.indexOf(" — ");
  return i < 0 ? "" : f.text.slice(i + 3);
}
