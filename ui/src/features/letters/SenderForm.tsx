// A minimal form for the sender of letters (name, address, email, phone), for when the user has
// not filled it in Settings yet; for a Chinese court complaint, also the plaintiff's particulars.
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import type { Sender } from "../../ipc/api";
import { ParticularsFields } from "../settings/ParticularsFields";

export function SenderForm({
  sender,
  particulars = false,
  onSave,
  onCancel,
}: {
  sender: Sender;
  /** Also ask for the particulars a Chinese court complaint states. */
  particulars?: boolean;
  onSave: (p: Sender) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [p, setP] = useState<Sender>(sender);
  const field = (key: "name" | "address" | "email" | "phone") => ({
    id: `${id}-${key}`,
    value: p[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => setP({ ...p, [key]: e.target.value }),
  });
  return (
    <form
      className="card form-grid"
      aria-label={t("letter.sender.title")}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(p);
      }}
      data-testid="letter-sender-form"
    >
      <label htmlFor={`${id}-name`}>{t("letter.sender.name")}</label>
      <input {...field("name")} required />
      <label htmlFor={`${id}-address`}>{t("letter.sender.address")}</label>
      <textarea {...field("address")} rows={3} />
      <label htmlFor={`${id}-email`}>{t("letter.sender.email")}</label>
      <input {...field("email")} type="email" />
      <label htmlFor={`${id}-phone`}>{t("letter.sender.phone")}</label>
      <input {...field("phone")} type="tel" />
      {particulars && <ParticularsFields value={p} onChange={(c) => setP({ ...p, ...c })} />}
      <div className="actions span">
        <button type="submit" className="primary" disabled={!p.name.trim()}>
          {t("cases.save")}
        </button>
        <button type="button" onClick={onCancel}>
          {t("cases.cancel")}
        </button>
      </div>
    </form>
  );
}
