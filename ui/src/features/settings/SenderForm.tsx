import { useEffect, useState, type FormEvent } from "react";
import { useTranslation } from "react-i18next";
import { api, type AppError } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { runAction } from "../../components/runAction";
import { emptySender, type Sender } from "./sender";
import { ParticularsFields, type Particulars } from "./ParticularsFields";

/** The sender block of every letter: name, postal address and contact. */
export function SenderForm() {
  const { t } = useTranslation();
  const [sender, setSender] = useState<Sender>(emptySender);
  const [loaded, setLoaded] = useState(false);
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  useEffect(() => {
    void runAction(async () => {
      const p = await api.sender();
      setSender({ ...emptySender, ...p });
      setLoaded(true);
    }, { setError });
  }, []);

  const edit = (field: keyof Sender, value: string) => change({ [field]: value });
  const change = (c: Partial<Sender> | Partial<Particulars>) => {
    setSender((p) => ({ ...p, ...c }));
    setDirty(true);
    setSaved(false);
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    await runAction(async () => {
      await api.setSender(sender);
      setDirty(false);
      setSaved(true);
    }, { setError });
  };

  return (
    <form className="card settings-card" onSubmit={save} data-testid="settings-sender">
      <h2>{t("settings.sender")}</h2>
      <p className="muted hint">{t("settings.senderHint")}</p>
      <div className="settings-grid">
        <label htmlFor="sender-name">{t("settings.name")}</label>
        <input id="sender-name" value={sender.name} onChange={(e) => edit("name", e.target.value)} autoComplete="name" />
        <label htmlFor="sender-address">{t("settings.address")}</label>
        <textarea
          id="sender-address"
          rows={3}
          value={sender.address}
          onChange={(e) => edit("address", e.target.value)}
          autoComplete="street-address"
        />
        <label htmlFor="sender-email">{t("settings.email")}</label>
        <input id="sender-email" type="email" value={sender.email} onChange={(e) => edit("email", e.target.value)} autoComplete="email" />
        <label htmlFor="sender-phone">{t("settings.phone")}</label>
        <input id="sender-phone" type="tel" value={sender.phone} onChange={(e) => edit("phone", e.target.value)} autoComplete="tel" />
      </div>
      <ParticularsFields value={sender} onChange={change} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!loaded || !dirty} data-testid="sender-save">
          {t("settings.saveSender")}
        </button>
        {saved && (
          <span className="notice" role="status">
            {t("settings.saved")}
          </span>
        )}
      </div>
      {error && <ErrorPanel error={error} title={t("settings.senderFailed")} onClose={() => setError(null)} />}
    </form>
  );
}
