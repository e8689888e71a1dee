// The editable parts of a case page: the merchant's name and address (used in letters), the
// notes (saved when the field loses focus), and closing or deleting the case.
import { useEffect, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type AppError, type CaseView } from "../../ipc/api";
import { runAction } from "../../components/runAction";

type Update = (change: () => Promise<CaseView>) => Promise<void>;

export function MerchantForm({ view, onUpdate }: { view: CaseView; onUpdate: Update }) {
  const { t } = useTranslation();
  const id = useId();
  const [name, setName] = useState(view.merchant);
  const [address, setAddress] = useState(view.merchant_address.join("\n"));
  useEffect(() => {
    setName(view.merchant);
    setAddress(view.merchant_address.join("\n"));
  }, [view.merchant, view.merchant_address]);
  const changed = name !== view.merchant || address !== view.merchant_address.join("\n");
  return (
    <form
      className="card form-grid"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void onUpdate(() => api.setCaseMerchant(view.id, name.trim(), address.trim()));
      }}
    >
      <h2 id={`${id}-title`} className="span">
        {t("cases.merchantForm.title")}
      </h2>
      <label htmlFor={`${id}-name`}>{t("cases.merchantForm.name")}</label>
      <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} />
      <label htmlFor={`${id}-addr`}>{t("cases.merchantForm.address")}</label>
      <textarea id={`${id}-addr`} rows={3} value={address} onChange={(e) => setAddress(e.target.value)} />
      <p className="muted small span">{t("cases.merchantForm.hint")}</p>
      <div className="actions span">
        <button type="submit" disabled={!changed || !name.trim()}>
          {t("cases.save")}
        </button>
      </div>
    </form>
  );
}

export function NotesField({ view, onUpdate }: { view: CaseView; onUpdate: Update }) {
  const { t } = useTranslation();
  const id = useId();
  const [notes, setNotes] = useState(view.notes);
  useEffect(() => setNotes(view.notes), [view.notes]);
  return (
    <section className="card" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <label htmlFor={`${id}-notes`}>{t("cases.notes")}</label>
      </h2>
      <textarea
        id={`${id}-notes`}
        className="notes"
        rows={4}
        value={notes}
        placeholder={t("cases.notesHint")}
        onChange={(e) => setNotes(e.target.value)}
        onBlur={() => {
          if (notes !== view.notes) void onUpdate(() => api.setCaseNotes(view.id, notes));
        }}
        data-testid="case-notes"
      />
    </section>
  );
}

export function ClosePanel({
  view,
  closed,
  onUpdate,
  onDeleted,
  onError,
}: {
  view: CaseView;
  closed: boolean;
  onUpdate: Update;
  onDeleted: () => void;
  onError: (e: AppError) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [outcome, setOutcome] = useState("");
  return (
    <section className="card close-case" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{closed ? t("cases.closedTitle") : t("cases.closeTitle")}</h2>
      {!closed && (
        <div className="inline-form">
          <input
            aria-label={t("cases.closeOutcome")}
            placeholder={t("cases.closeOutcome")}
            value={outcome}
            onChange={(e) => setOutcome(e.target.value)}
          />
          <button type="button" disabled={!outcome.trim()} onClick={() => onUpdate(() => api.closeCase(view.id, outcome.trim()))} data-testid="case-close">
            {t("cases.close")}
          </button>
        </div>
      )}
      <button
        type="button"
        className="danger link"
        onClick={async () => {
          if (!window.confirm(t("cases.deleteConfirm"))) return;
          if (await runAction(() => api.deleteCase(view.id), { setError: (e) => e && onError(e) })) onDeleted();
        }}
      >
        {t("cases.delete")}
      </button>
    </section>
  );
}
