import { useTranslation } from "react-i18next";
import type { i18n, TFunction } from "i18next";
import type { AppError } from "../ipc/api";

/**
 * The backend's error in the user's language: its `detail` (a key and values) worded by the
 * translation under `backendErrors`, else the backend's English sentence.
 */
export function errorText(error: AppError, t: TFunction, i18n: i18n): string {
  const key = error.detail && `backendErrors.${error.detail.key}`;
  if (key && i18n.exists(key)) return t(key, error.detail!.args);
  return error.message;
}

/** A readable error from the backend, with what happened and, where given, what stayed the same. */
export function ErrorPanel({ error, title, note, onClose }: { error: AppError; title?: string; note?: string; onClose?: () => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="error-panel" role="alert" data-testid="error-panel">
      <strong>{title ?? t("errors.title")}</strong>
      <p className="error-message">{errorText(error, t, i18n)}</p>
      {note && <p className="muted">{note}</p>}
      {onClose && (
        <button type="button" className="link" onClick={onClose}>
          {t("errors.dismiss")}
        </button>
      )}
    </div>
  );
}
