// The notice shown wherever a letter or a plan is read: Recourse is a self-help document tool
// and gives information, not legal advice (disputes-facts §9.5).
import { useTranslation } from "react-i18next";

export function LegalNotice() {
  const { t } = useTranslation();
  return (
    <p className="notice legal-notice small" role="note" data-testid="legal-notice">
      {t("notice.notLegalAdvice")}
    </p>
  );
}
