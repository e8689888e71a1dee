import { useTranslation } from "react-i18next";
import type { AppError } from "../ipc/api";

/** A readable error from the backend, with what happened and, where given, what stayed the same. */
export function ErrorPanel({ error, title, note, onClose }: { error: AppError; title?: string; note?: string; onClose?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="error-panel" role="alert" data-testid="error-panel">
      <strong>{title ?? t("errors.title")}</strong>
      <p className="error-message">{error.message}</p>
      {note && <p className="muted">{note}</p>}
      {onClose && (
        <button type="button" className="link" onClick={onClose}>
          {t("errors.dismiss")}
        </button>
      )}
    </div>
  );
}
