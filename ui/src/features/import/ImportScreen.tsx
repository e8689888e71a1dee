import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, onFileDrop, onImportProgress, type AppError, type Batch, type ImportProgress, type ImportReport } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { formatNumber } from "../../i18n/format";
import type { Screen } from "../../App";

export function ImportScreen({ onNavigate }: { onNavigate: (s: Screen) => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [hover, setHover] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [reports, setReports] = useState<ImportReport[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  const [batches, setBatches] = useState<Batch[]>([]);
  const [notice, setNotice] = useState<string | null>(null);

  const refreshBatches = useCallback(() => {
    api.batches().then(setBatches, (e) => setError(e));
  }, []);

  const run = useCallback(
    async (job: () => Promise<ImportReport[]>) => {
      setBusy(true);
      setError(null);
      setReports([]);
      setNotice(null);
      try {
        setReports(await job());
      } catch (e) {
        setError(e as AppError);
      } finally {
        setBusy(false);
        setProgress(null);
        refreshBatches();
      }
    },
    [refreshBatches],
  );

  const importPaths = useCallback((paths: string[]) => {
    if (paths.length > 0) void run(() => api.importFiles(paths));
  }, [run]);

  useEffect(() => {
    refreshBatches();
    const unlisten = [onImportProgress(setProgress), onFileDrop(importPaths, setHover)];
    return () => unlisten.forEach((p) => void p.then((f) => f()).catch(() => undefined));
  }, [importPaths, refreshBatches]);

  const choose = async () => {
    try {
      importPaths(await api.pickFiles());
    } catch (e) {
      setError(e as AppError);
    }
  };

  const undo = async (b: Batch) => {
    try {
      const n = await api.undoBatch(b.id);
      setNotice(t("import.undone", { id: b.id, count: n }));
      refreshBatches();
    } catch (e) {
      setError(e as AppError);
    }
  };

  return (
    <section className="screen" aria-labelledby="import-title">
      <header className="screen-header">
        <h1 id="import-title">{t("import.title")}</h1>
      </header>
      <p className="intro">{t("import.intro")}</p>
      <div className={hover ? "dropzone hover" : "dropzone"} data-testid="dropzone">
        <p className="drop-title">{t("import.drop")}</p>
        <p className="muted">{t("import.or")}</p>
        <div className="actions">
          <button type="button" className="primary" onClick={choose} disabled={busy} data-testid="choose-files">
            {t("import.choose")}
          </button>
          <button type="button" onClick={() => run(api.importSample)} disabled={busy} data-testid="import-sample">
            {t("import.sample")}
          </button>
        </div>
      </div>

      {busy && (
        <div className="progress" role="status" data-testid="import-progress">
          <span>{t("import.importing", { file: progress?.file ?? "" })}</span>
          <progress max={progress?.total_lines ?? 1} value={progress?.line ?? 0} />
          {progress && <span className="muted">{t("import.rows", { count: progress.rows })}</span>}
          <button type="button" onClick={() => void api.cancelImport()}>
            {t("import.cancel")}
          </button>
        </div>
      )}

      {error && (
        <ErrorPanel error={error} title={t("import.failed")} note={error.code === "import" ? t("import.unchanged") : undefined} onClose={() => setError(null)} />
      )}
      {notice && <p className="notice" role="status">{notice}</p>}

      {reports.length > 0 && (
        <div className="card" data-testid="import-summary">
          <h2>{t("import.done")}</h2>
          <ul>
            {reports.map((r) => (
              <li key={r.file + r.batch_id}>
                {t("import.summary", {
                  file: r.file,
                  imported: formatNumber(r.imported),
                  present: formatNumber(r.already_present),
                  skipped: formatNumber(r.skipped),
                  flagged: formatNumber(r.flagged),
                })}
                <span className="muted"> · {t("import.account")}: {r.account}</span>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button type="button" className="primary" onClick={() => onNavigate("transactions")}>
              {t("import.seeTransactions")}
            </button>
          </div>
        </div>
      )}

      {batches.length > 0 && (
        <div className="card">
          <h2>{t("import.history")}</h2>
          <table className="simple-table">
            <thead>
              <tr>
                <th>{t("import.file")}</th>
                <th>{t("import.account")}</th>
                <th>{t("import.when")}</th>
                <th>{t("import.added")}</th>
                <th aria-label={t("import.undo")} />
              </tr>
            </thead>
            <tbody>
              {batches.map((b) => (
                <tr key={b.id}>
                  <td>{b.file_name}</td>
                  <td>{b.account}</td>
                  <td>{b.imported_at.replace("T", " ")}</td>
                  <td className="num">{formatNumber(b.imported)}</td>
                  <td>
                    <button type="button" className="link" onClick={() => undo(b)}>
                      {t("import.undo")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
