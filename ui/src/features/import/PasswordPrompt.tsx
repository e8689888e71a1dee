import { useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";

type Props = {
  /** The archive's file name. */
  file: string;
  /** The last password given did not open it. */
  wrong: boolean;
  busy: boolean;
  onSubmit: (password: string) => void;
  onCancel: () => void;
};

/**
 * Asks for the password of an encrypted ZIP archive (the Alipay and WeChat Pay bill e-mails).
 * The password goes to the backend with the import and is never stored.
 */
export function PasswordPrompt({ file, wrong, busy, onSubmit, onCancel }: Props) {
  const { t } = useTranslation();
  const [password, setPassword] = useState("");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password) onSubmit(password);
  };
  return (
    <form className="card" role="dialog" aria-labelledby="zip-password-title" onSubmit={submit} data-testid="zip-password-prompt">
      <h2 id="zip-password-title">{t("import.password.title", { file })}</h2>
      <p className="hint">{t("import.password.hint")}</p>
      {wrong && (
        <p className="warning" role="alert" data-testid="zip-password-wrong">
          {t("import.password.wrong")}
        </p>
      )}
      <label>
        <span>{t("import.password.label")}</span>
        <input
          type="password"
          autoComplete="off"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          data-testid="zip-password"
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy || !password} data-testid="zip-password-submit">
          {t("import.password.open")}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          {t("import.password.cancel")}
        </button>
      </div>
    </form>
  );
}
