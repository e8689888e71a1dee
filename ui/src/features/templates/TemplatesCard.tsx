// The Settings entry to the letter-templates editor.
import { useTranslation } from "react-i18next";

export function TemplatesCard({ onOpen }: { onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="card settings-card" data-testid="settings-templates">
      <h2>{t("templates.title")}</h2>
      <p className="muted hint">{t("templates.cardHint")}</p>
      <div className="actions">
        <button type="button" onClick={onOpen} data-testid="settings-templates-open">
          {t("templates.open")}
        </button>
      </div>
    </div>
  );
}
