import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type AppError, type DataLocation } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { runAction } from "../../components/runAction";
import { useLoad } from "../../components/useLoad";
import { formatNumber } from "../../i18n/format";

/** Copies text; falls back to a hidden text area where the async clipboard is not allowed. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand?.("copy") ?? false;
    area.remove();
    if (!ok) throw new Error("clipboard unavailable");
  }
}

function megabytes(bytes: number): string {
  return `${formatNumber(Math.max(0.1, Math.round(bytes / 104857.6) / 10))} MB`;
}

/** Where the data lives, and backup / restore of all of it as one file. */
export function DataSection({ onRestored }: { onRestored: () => void }) {
  const { t } = useTranslation();
  const locationLoad = useLoad(() => api.dataLocation(), [], null as DataLocation | null);
  const location = locationLoad.data;
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setError] = useState<AppError | null>(null);
  const error = actionError ?? locationLoad.error;

  const copy = async () => {
    if (!location) return;
    try {
      await copyText(location.data_dir);
      setNotice(t("settings.copied"));
    } catch {
      setNotice(t("settings.copyFailed"));
    }
  };

  const act = (job: () => Promise<void>) => runAction(job, { setBusy, setError, setNotice });

  const backup = () =>
    act(async () => {
      const r = await api.backupToFile();
      if (r) setNotice(t("settings.backedUp", { path: r.path, size: megabytes(r.bytes), count: r.evidence_files }));
    });

  const restore = () =>
    act(async () => {
      setConfirming(false);
      const r = await api.restoreFromFile();
      if (r) {
        setNotice(t("settings.restored", { path: r.restored_from, previous: r.previous_copy }));
        onRestored();
      }
    });

  return (
    <div className="card settings-card" data-testid="settings-data">
      <h2>{t("settings.data")}</h2>
      <p className="muted hint">{t("settings.dataHint")}</p>
      {location && (
        <div className="settings-grid">
          <span>{t("settings.dataFolder")}</span>
          <div className="path-row">
            <code className="path" data-testid="settings-data-dir">{location.data_dir}</code>
            <button type="button" onClick={copy} data-testid="settings-copy-path">
              {t("settings.copy")}
            </button>
          </div>
          <span>{t("settings.database")}</span>
          <code className="path">{location.db_path || t("settings.inMemory")}</code>
        </div>
      )}
      <div className="actions">
        <button type="button" className="primary" onClick={backup} disabled={busy} data-testid="settings-backup">
          {t("settings.backup")}
        </button>
        <button type="button" onClick={() => setConfirming(true)} disabled={busy || confirming} data-testid="settings-restore">
          {t("settings.restore")}
        </button>
      </div>
      {confirming && (
        <div className="confirm" role="alertdialog" aria-labelledby="restore-warning">
          <p id="restore-warning">{t("settings.restoreWarning")}</p>
          <div className="actions">
            <button type="button" className="danger" onClick={restore} data-testid="settings-restore-confirm">
              {t("settings.restoreConfirm")}
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              {t("settings.cancel")}
            </button>
          </div>
        </div>
      )}
      {busy && <p className="muted" role="status">{t("settings.working")}</p>}
      {notice && (
        <p className="notice" role="status" data-testid="settings-data-notice">
          {notice}
        </p>
      )}
      {error && (
        <ErrorPanel
          error={error}
          title={t("settings.dataFailed")}
          note={t("settings.unchanged")}
          onClose={() => {
            setError(null);
            locationLoad.clearError();
          }}
        />
      )}
    </div>
  );
}
