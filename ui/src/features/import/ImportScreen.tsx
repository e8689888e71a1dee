import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api, onFileDrop, onImportProgress, type AppError, type Batch, type ImportProgress, type ImportReport, type Profile } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { formatNumber } from "../../i18n/format";
import type { Screen } from "../../App";
import { MappingEditor, type Review } from "./MappingEditor";
import { ImportSummary } from "./ImportSummary";
import { PasswordPrompt } from "./PasswordPrompt";
import type { OpenedFiles } from "./useOpenedFiles";

/** The error keys that mean an archive needs (another) password. */
const PASSWORD_KEYS = ["import.password_needed", "import.wrong_password"];

/**
 * Import: pick or drop files. A file whose layout is detected with confidence is imported at
 * once; otherwise (or when the user asks to check every mapping) its preview opens for the user
 * to correct, file after file. Files opened with the app (`opened`) always open in the preview.
 */
export function ImportScreen({
  onNavigate,
  opened = null,
  onOpenedTaken,
}: {
  onNavigate: (s: Screen) => void;
  opened?: OpenedFiles | null;
  onOpenedTaken?: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [hover, setHover] = useState(false);
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [reports, setReports] = useState<ImportReport[]>([]);
  const [error, setError] = useState<AppError | null>(null);
  /** The file an error came from, so the user can open its mapping and fix it. */
  const [failedPath, setFailedPath] = useState<string | null>(null);
  const [batches, setBatches] = useState<Batch[]>([]);
  const [accounts, setAccounts] = useState<string[]>([]);
  /** Accounts with a saved column mapping, which can be exported to a file. */
  const [profiled, setProfiled] = useState<string[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  const [review, setReview] = useState<Review | null>(null);
  const [pending, setPending] = useState<string[]>([]);
  const [total, setTotal] = useState(0);
  const [checkFirst, setCheckFirst] = useState(false);
  // The drop listener is registered once; it reads the current choice through a ref.
  const checkFirstRef = useRef(checkFirst);
  checkFirstRef.current = checkFirst;
  // Set while the files in hand were opened with the app: each one is previewed, not imported.
  const previewEachRef = useRef(false);
  // Answers to earlier re-previews are dropped when a newer edit was made meanwhile.
  const previewSeq = useRef(0);
  /** Passwords of encrypted archives, by path, held in memory only until the file is imported. */
  const passwords = useRef(new Map<string, string>());
  /** The encrypted archive waiting for its password, and the files after it. */
  const [askPassword, setAskPassword] = useState<{ path: string; rest: string[]; wrong: boolean } | null>(null);

  const refreshBatches = useCallback(() => {
    api.batches().then(setBatches, (e: AppError) => setError(e));
    api.accounts().then(
      (a) => {
        setAccounts(a.map((x) => x.name));
        setProfiled(a.filter((x) => x.has_profile).map((x) => x.name));
      },
      () => undefined,
    );
  }, []);

  const openReview = (path: string, preview: Review["preview"]) => {
    const asked = ["default", "none"].includes(preview.detected.currency_source);
    setReview({
      path,
      preview,
      profile: preview.detected.profile,
      account: "",
      namedAccount: preview.detected.account,
      saveProfile: false,
      currencyAsked: asked,
      currencyAnswered: !asked,
    });
  };

  /** The profile the backend reads with: without a currency while the user has not given one. */
  const profileToSend = (r: Review, profile: Profile = r.profile): Profile =>
    r.currencyAnswered ? profile : { ...profile, currency: null };

  /** Handles `paths` in order until one needs the user's review (or all are done). */
  const advance = useCallback(
    async (paths: string[]) => {
      setBusy(true);
      try {
        for (let i = 0; i < paths.length; i++) {
          const path = paths[i];
          const password = passwords.current.get(path) ?? null;
          // A file that never names its currency is read in the currency of its account's
          // earlier imports, else of the user's jurisdiction (the backend's default); in the
          // latter case the preview asks.
          let preview;
          try {
            preview = await api.previewFile(path, null, password);
          } catch (e) {
            const key = (e as AppError).detail?.key ?? "";
            if (PASSWORD_KEYS.includes(key)) {
              // An encrypted archive: ask for its password, then carry on from this file.
              setAskPassword({ path, rest: paths.slice(i + 1), wrong: key === "import.wrong_password" });
              return;
            }
            setFailedPath(null);
            throw e;
          }
          // The preview also asks when nothing tells the account (the file, a preset, the
          // account given before for this layout): rows are never put in a shared account
          // behind the user's back. A currency taken only from the default makes detection
          // not confident, so it is asked too.
          const ask = !preview.detected.confident || !preview.detected.account;
          if (ask || checkFirstRef.current || previewEachRef.current) {
            openReview(path, preview);
            setPending(paths.slice(i + 1));
            return;
          }
          const done = await api.importFiles([path], { password }).catch((e: AppError) => {
            setFailedPath(path);
            throw e;
          });
          passwords.current.delete(path);
          setReports((r) => [...r, ...done]);
        }
        setReview(null);
        setPending([]);
      } catch (e) {
        setError(e as AppError);
        setReview(null);
        setPending([]);
      } finally {
        setBusy(false);
        setProgress(null);
        refreshBatches();
      }
    },
    [refreshBatches],
  );

  const start = useCallback(
    (paths: string[], previewEach = false) => {
      if (paths.length === 0) return;
      previewEachRef.current = previewEach;
      setError(null);
      setFailedPath(null);
      setNotice(null);
      setReports([]);
      setTotal(paths.length);
      void advance(paths);
    },
    [advance],
  );

  // Opened files start over in the preview; once taken, the app forgets them.
  useEffect(() => {
    if (!opened) return;
    onOpenedTaken?.();
    setReview(null);
    start(opened.paths, true);
  }, [opened, start, onOpenedTaken]);

  useEffect(() => {
    refreshBatches();
    const unlisten = [onImportProgress(setProgress), onFileDrop((paths) => start(paths), setHover)];
    return () => unlisten.forEach((p) => void p.then((f) => f()).catch(() => undefined));
  }, [start, refreshBatches]);

  const choose = async () => {
    try {
      start(await api.pickFiles());
    } catch (e) {
      setError(e as AppError);
    }
  };

  const importSample = async () => {
    setBusy(true);
    setError(null);
    setFailedPath(null);
    setReports([]);
    setNotice(null);
    try {
      setReports(await api.importSample());
    } catch (e) {
      setError(e as AppError);
    } finally {
      setBusy(false);
      setProgress(null);
      refreshBatches();
    }
  };

  /** Every edit of the mapping (or of the account) is previewed again with it. */
  const repreview = async (next: Review) => {
    const path = next.path;
    setReview(next);
    const seq = ++previewSeq.current;
    try {
      const preview = await api.previewFile(path, profileToSend(next), passwords.current.get(path) ?? null, next.account.trim() || null);
      if (seq === previewSeq.current) setReview((r) => (r && r.path === path ? { ...r, preview } : r));
    } catch (e) {
      if (seq === previewSeq.current) setError(e as AppError);
    }
  };

  const editProfile = (profile: Profile) => {
    if (!review) return;
    // A currency the user typed is their answer; other edits leave the question open.
    const answered = review.currencyAnswered || profile.currency !== review.profile.currency;
    void repreview({ ...review, profile, currencyAnswered: answered });
  };

  const editAccount = (account: string) => {
    if (!review) return;
    void repreview({ ...review, account });
  };

  const importReviewed = async () => {
    if (!review) return;
    setBusy(true);
    setError(null);
    try {
      const typed = review.account.trim() || null;
      const done = await api.importFiles([review.path], {
        account: review.namedAccount ? typed : null,
        accountIfUnnamed: review.namedAccount ? null : typed,
        profile: profileToSend(review),
        saveProfile: review.saveProfile,
        password: passwords.current.get(review.path) ?? null,
      });
      passwords.current.delete(review.path);
      setReports((r) => [...r, ...done]);
    } catch (e) {
      // The editor stays open: the user can fix the mapping and try again.
      setError(e as AppError);
      setFailedPath(null);
      setBusy(false);
      setProgress(null);
      return;
    }
    setReview(null);
    await advance(pending);
  };

  const submitPassword = (password: string) => {
    if (!askPassword) return;
    passwords.current.set(askPassword.path, password);
    const next = [askPassword.path, ...askPassword.rest];
    setAskPassword(null);
    void advance(next);
  };

  const cancelPassword = () => {
    if (!askPassword) return;
    passwords.current.delete(askPassword.path);
    const rest = askPassword.rest;
    setAskPassword(null);
    void advance(rest);
  };

  const skip = () => {
    setReview(null);
    void advance(pending);
  };

  const fixMapping = async () => {
    if (!failedPath) return;
    const path = failedPath;
    setError(null);
    setFailedPath(null);
    try {
      openReview(path, await api.previewFile(path));
      setTotal(1);
      setPending([]);
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

  const exportProfile = async (account: string) => {
    try {
      const path = await api.exportImportProfile(account);
      if (path) setNotice(t("import.profileExported", { account, path }));
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
          <button type="button" className="primary" onClick={choose} disabled={busy || review !== null || askPassword !== null} data-testid="choose-files">
            {t("import.choose")}
          </button>
          <button type="button" onClick={importSample} disabled={busy || review !== null} data-testid="import-sample">
            {t("import.sample")}
          </button>
        </div>
        <label className="check">
          <input type="checkbox" checked={checkFirst} onChange={(e) => setCheckFirst(e.target.checked)} data-testid="review-mapping" />
          <span>{t("import.checkFirst")}</span>
        </label>
      </div>

      {busy && (
        <div className="progress" role="status" data-testid="import-progress">
          <span>{progress ? t("import.importing", { file: progress.file }) : t("import.reading")}</span>
          <progress max={progress?.total_lines ?? 1} value={progress?.line ?? 0} />
          {progress && <span className="muted">{t("import.rows", { count: progress.rows })}</span>}
          <button type="button" onClick={() => void api.cancelImport()}>
            {t("import.cancel")}
          </button>
        </div>
      )}

      {error && (
        <div>
          <ErrorPanel
            error={error}
            title={t("import.failed")}
            note={error.code === "import" ? t("import.unchanged") : undefined}
            onClose={() => setError(null)}
          />
          {failedPath && (
            <button type="button" className="link" onClick={fixMapping} data-testid="fix-mapping">
              {t("import.fixMapping")}
            </button>
          )}
        </div>
      )}
      {notice && <p className="notice" role="status">{notice}</p>}

      {askPassword && (
        <PasswordPrompt
          file={askPassword.path.split(/[\\/]/).pop() ?? askPassword.path}
          wrong={askPassword.wrong}
          busy={busy}
          onSubmit={submitPassword}
          onCancel={cancelPassword}
        />
      )}

      {review && (
        <MappingEditor
          review={review}
          position={total - pending.length}
          total={total}
          accounts={accounts}
          busy={busy}
          onProfile={editProfile}
          onAccount={editAccount}
          onSaveProfile={(saveProfile) => setReview({ ...review, saveProfile })}
          onImport={() => void importReviewed()}
          onSkip={skip}
        />
      )}

      {reports.length > 0 && (
        <ImportSummary reports={reports} onReview={() => onNavigate("review")} onTransactions={() => onNavigate("transactions")} />
      )}

      {profiled.length > 0 && (
        <div className="card" data-testid="saved-profiles">
          <h2>{t("import.savedProfiles")}</h2>
          <p className="hint">{t("import.savedProfilesHint")}</p>
          <ul className="plain-list">
            {profiled.map((name) => (
              <li key={name}>
                <span>{name}</span>{" "}
                <button type="button" className="link" onClick={() => exportProfile(name)}
                  aria-label={t("import.exportProfileOf", { account: name })}>
                  {t("import.exportProfile")}
                </button>
              </li>
            ))}
          </ul>
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
