import { useCallback, useEffect, useMemo, useReducer, useRef } from "react";
import { useTranslation } from "react-i18next";
import { api, onFileDrop, onImportProgress, type AppError, type Batch, type Profile } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { runAction, statusOf, type ActionState } from "../../components/runAction";
import { useLatest, useLoad } from "../../components/useLoad";
import { formatNumber } from "../../i18n/format";
import type { Screen } from "../../App";
import { MappingEditor, type Review } from "./MappingEditor";
import { ImportSummary } from "./ImportSummary";
import { PasswordPrompt } from "./PasswordPrompt";
import type { OpenedFiles } from "./useOpenedFiles";
import { importReducer, initialImport, profileToSend, withProfile } from "./importState";

/** The error keys that mean an archive needs (another) password. */
const PASSWORD_KEYS = ["import.password_needed", "import.wrong_password"];

/** The import history and the accounts, as the backend has them now. */
async function loadHistory() {
  const [batches, accounts] = await Promise.all([api.batches(), api.accounts()]);
  return {
    batches,
    accounts: accounts.map((x) => x.name),
    /** Accounts with a saved column mapping, which can be exported to a file. */
    profiled: accounts.filter((x) => x.has_profile).map((x) => x.name),
  };
}
const noHistory = { batches: [] as Batch[], accounts: [] as string[], profiled: [] as string[] };

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
  const [state, dispatch] = useReducer(importReducer, initialImport);
  const { busy, hover, progress, reports, error, failedPath, notice, review, pending, total, checkFirst, askPassword } = state;
  const history = useLoad(loadHistory, [], noHistory);
  const { batches, accounts, profiled } = history.data;
  const refreshHistory = history.reload;
  // The drop listener is registered once; it reads the current choice through a ref.
  const checkFirstRef = useRef(checkFirst);
  checkFirstRef.current = checkFirst;
  // Set while the files in hand were opened with the app: each one is previewed, not imported.
  const previewEachRef = useRef(false);
  // Answers to earlier re-previews are dropped when a newer edit was made meanwhile.
  const beginPreview = useLatest();
  /** Passwords of encrypted archives, by path, held in memory only until the file is imported. */
  const passwords = useRef(new Map<string, string>());

  const shows = useMemo(() => statusOf(dispatch), []);
  // Errors only: an action that leaves the busy state and the notice alone.
  const showsError = useMemo<ActionState>(() => ({ setError: shows.setError }), [shows]);

  /** Handles `paths` in order until one needs the user's review or password (or all are done). */
  const advance = useCallback(
    async (paths: string[]) => {
      let stopped = false;
      await runAction(
        async () => {
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
                dispatch({ type: "passwordAsked", path, rest: paths.slice(i + 1), wrong: key === "import.wrong_password" });
                stopped = true;
                return;
              }
              dispatch({ type: "failedAt", path: null });
              throw e;
            }
            // The preview also asks when nothing tells the account (the file, a preset, the
            // account given before for this layout): rows are never put in a shared account
            // behind the user's back. A currency taken only from the default makes detection
            // not confident, so it is asked too.
            const ask = !preview.detected.confident || !preview.detected.account;
            if (ask || checkFirstRef.current || previewEachRef.current) {
              dispatch({ type: "reviewOpened", path, preview, pending: paths.slice(i + 1) });
              stopped = true;
              return;
            }
            const done = await api.importFiles([path], { password }).catch((e: unknown) => {
              dispatch({ type: "failedAt", path });
              throw e;
            });
            passwords.current.delete(path);
            dispatch({ type: "imported", reports: done });
          }
        },
        { setBusy: shows.setBusy, setError: shows.setError },
      );
      dispatch(stopped ? { type: "progress", progress: null } : { type: "roundEnded" });
      void refreshHistory();
    },
    [refreshHistory, shows],
  );

  const start = useCallback(
    (paths: string[], previewEach = false) => {
      if (paths.length === 0) return;
      previewEachRef.current = previewEach;
      dispatch({ type: "started", total: paths.length });
      void advance(paths);
    },
    [advance],
  );

  // Opened files start over in the preview; once taken, the app forgets them.
  useEffect(() => {
    if (!opened) return;
    onOpenedTaken?.();
    dispatch({ type: "reviewClosed" });
    start(opened.paths, true);
  }, [opened, start, onOpenedTaken]);

  useEffect(() => {
    const unlisten = [
      onImportProgress((p) => dispatch({ type: "progress", progress: p })),
      onFileDrop(
        (paths) => start(paths),
        (over) => dispatch({ type: "hover", over }),
      ),
    ];
    return () => unlisten.forEach((p) => void p.then((f) => f()).catch(() => undefined));
  }, [start]);

  const choose = () => runAction(async () => start(await api.pickFiles()), showsError);

  const importSample = async () => {
    dispatch({ type: "started" });
    await runAction(async () => dispatch({ type: "imported", reports: await api.importSample() }), shows);
    dispatch({ type: "progress", progress: null });
    void refreshHistory();
  };

  /** Every edit of the mapping (or of the account) is previewed again with it. */
  const repreview = (next: Review) => {
    const path = next.path;
    dispatch({ type: "reviewEdited", review: next });
    const current = beginPreview();
    return runAction(
      async () => {
        const preview = await api.previewFile(path, profileToSend(next), passwords.current.get(path) ?? null, next.account.trim() || null);
        if (current()) dispatch({ type: "reviewPreviewed", path, preview });
      },
      { setError: shows.setError, current },
    );
  };

  const editProfile = (profile: Profile) => {
    if (review) void repreview(withProfile(review, profile));
  };

  const editAccount = (account: string) => {
    if (review) void repreview({ ...review, account });
  };

  const importReviewed = async () => {
    if (!review) return;
    beginPreview(); // the mapping is settled: a re-preview still on its way is not shown
    const ok = await runAction(async () => {
      const typed = review.account.trim() || null;
      const done = await api.importFiles([review.path], {
        account: review.namedAccount ? typed : null,
        accountIfUnnamed: review.namedAccount ? null : typed,
        profile: profileToSend(review),
        saveProfile: review.saveProfile,
        password: passwords.current.get(review.path) ?? null,
      });
      passwords.current.delete(review.path);
      dispatch({ type: "imported", reports: done });
    }, { setBusy: shows.setBusy, setError: shows.setError });
    if (!ok) {
      // The editor stays open: the user can fix the mapping and try again.
      dispatch({ type: "failedAt", path: null });
      dispatch({ type: "progress", progress: null });
      return;
    }
    dispatch({ type: "reviewClosed" });
    await advance(pending);
  };

  const submitPassword = (password: string) => {
    if (!askPassword) return;
    passwords.current.set(askPassword.path, password);
    const next = [askPassword.path, ...askPassword.rest];
    dispatch({ type: "passwordAnswered" });
    void advance(next);
  };

  const cancelPassword = () => {
    if (!askPassword) return;
    passwords.current.delete(askPassword.path);
    const rest = askPassword.rest;
    dispatch({ type: "passwordAnswered" });
    void advance(rest);
  };

  const skip = () => {
    beginPreview();
    dispatch({ type: "reviewClosed" });
    void advance(pending);
  };

  const fixMapping = () => {
    if (!failedPath) return;
    const path = failedPath;
    dispatch({ type: "failedAt", path: null });
    return runAction(async () => dispatch({ type: "fixOpened", path, preview: await api.previewFile(path) }), showsError);
  };

  const undo = (b: Batch) =>
    runAction(async () => {
      const n = await api.undoBatch(b.id);
      dispatch({ type: "notice", notice: t("import.undone", { id: b.id, count: n }) });
      void refreshHistory();
    }, { setError: shows.setError, setNotice: shows.setNotice });

  const exportProfile = (account: string) =>
    runAction(async () => {
      const path = await api.exportImportProfile(account);
      if (path) dispatch({ type: "notice", notice: t("import.profileExported", { account, path }) });
    }, { setError: shows.setError, setNotice: shows.setNotice });

  const cancel = () => runAction(() => api.cancelImport(), showsError);

  // The import's own failure first; else why the history could not be read.
  const shownError = error ?? history.error;
  const closeError = () => {
    dispatch({ type: "error", error: null });
    history.clearError();
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
          <button type="button" className="primary" onClick={() => void choose()} disabled={busy || review !== null || askPassword !== null} data-testid="choose-files">
            {t("import.choose")}
          </button>
          <button type="button" onClick={importSample} disabled={busy || review !== null} data-testid="import-sample">
            {t("import.sample")}
          </button>
        </div>
        <label className="check">
          <input type="checkbox" checked={checkFirst} onChange={(e) => dispatch({ type: "checkFirst", on: e.target.checked })} data-testid="review-mapping" />
          <span>{t("import.checkFirst")}</span>
        </label>
      </div>

      {busy && (
        <div className="progress" role="status" data-testid="import-progress">
          <span>{progress ? t("import.importing", { file: progress.file }) : t("import.reading")}</span>
          <progress max={progress?.total_lines ?? 1} value={progress?.line ?? 0} />
          {progress && <span className="muted">{t("import.rows", { count: progress.rows })}</span>}
          <button type="button" onClick={() => void cancel()}>
            {t("import.cancel")}
          </button>
        </div>
      )}

      {shownError && (
        <div>
          <ErrorPanel
            error={shownError}
            title={t("import.failed")}
            note={shownError.code === "import" ? t("import.unchanged") : undefined}
            onClose={closeError}
          />
          {failedPath && (
            <button type="button" className="link" onClick={() => void fixMapping()} data-testid="fix-mapping">
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
          onSaveProfile={(saveProfile) => dispatch({ type: "reviewEdited", review: { ...review, saveProfile } })}
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
                <button type="button" className="link" onClick={() => void exportProfile(name)}
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
                    <button type="button" className="link" onClick={() => void undo(b)}>
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
