// The particulars a Chinese court complaint (民事起诉状) states about the plaintiff, kept with the
// sender's details: sex, date of birth, 民族, identity card number, employer or occupation. Each
// is printed only when given; a blank one stays a blank to fill in by hand on the complaint.
import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { Gender, Sender } from "../../ipc/api";

export type Particulars = Pick<Sender, "gender" | "birth_date" | "ethnicity" | "id_number" | "occupation">;

/** True when the complaint would still print a blank for one of the particulars. */
export function particularsIncomplete(p: Particulars): boolean {
  return !p.gender || !p.birth_date.trim() || !p.ethnicity.trim() || !p.id_number.trim() || !p.occupation.trim();
}

export function ParticularsFields({ value, onChange }: { value: Particulars; onChange: (change: Partial<Particulars>) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const text = (key: "birth_date" | "ethnicity" | "id_number" | "occupation") => ({
    id: `${id}-${key}`,
    value: value[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => onChange({ [key]: e.target.value }),
  });
  return (
    <fieldset className="span particulars" data-testid="sender-particulars">
      <legend>{t("sender.particulars.title")}</legend>
      <p className="muted small">{t("sender.particulars.hint")}</p>
      <div className="form-grid">
        <label htmlFor={`${id}-gender`}>{t("sender.particulars.gender")}</label>
        <select id={`${id}-gender`} value={value.gender ?? ""} onChange={(e) => onChange({ gender: (e.target.value || null) as Gender | null })}>
          <option value="">—</option>
          <option value="female">{t("sender.particulars.female")}</option>
          <option value="male">{t("sender.particulars.male")}</option>
        </select>
        <label htmlFor={`${id}-birth_date`}>{t("sender.particulars.birthDate")}</label>
        <input {...text("birth_date")} type="date" />
        <label htmlFor={`${id}-ethnicity`}>{t("sender.particulars.ethnicity")}</label>
        <input {...text("ethnicity")} />
        <label htmlFor={`${id}-id_number`}>{t("sender.particulars.idNumber")}</label>
        <input {...text("id_number")} inputMode="text" maxLength={18} autoComplete="off" />
        <label htmlFor={`${id}-occupation`}>{t("sender.particulars.occupation")}</label>
        <input {...text("occupation")} />
      </div>
    </fieldset>
  );
}
