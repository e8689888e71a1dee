import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ImportScreen } from "./features/import/ImportScreen";
import { TransactionsScreen } from "./features/transactions/TransactionsScreen";
import { ReviewScreen } from "./features/review/ReviewScreen";
import { useOpenFlagCount } from "./features/review/useOpenFlagCount";
import { InsightsScreen } from "./features/insights/InsightsScreen";
import { CasesScreen, type CasesRoute } from "./features/cases/CasesScreen";
import { SettingsScreen } from "./features/settings/SettingsScreen";
import { AboutScreen } from "./features/about/AboutScreen";
import { useOpenedFiles } from "./features/import/useOpenedFiles";
import { applyRememberedTheme, syncSettingsFromBackend } from "./features/settings/startup";
import { formatNumber } from "./i18n/format";
import type { Reason, TemplateKind } from "./ipc/api";

// The remembered theme is applied before the first render, so the app never flashes light.
applyRememberedTheme();

export type Screen = "review" | "transactions" | "import" | "insights" | "cases" | "settings" | "about";

const SCREENS: Screen[] = ["review", "transactions", "import", "insights", "cases", "settings"];

/** What other screens call to start a dispute: opens the Cases screen on a new case. */
export type OnDispute = (transactionIds: number[], reason?: Reason) => void;

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>("transactions");
  const [casesRoute, setCasesRoute] = useState<CasesRoute>({ view: "list" });
  // The template a letter asked to edit; each visit to Settings starts a fresh page (its key).
  const [templateToEdit, setTemplateToEdit] = useState<TemplateKind | null>(null);
  const [settingsVisit, setSettingsVisit] = useState(0);
  const [flagCount, refreshFlagCount] = useOpenFlagCount();
  // An import elsewhere may have raised flags: recount whenever the screen changes.
  useEffect(refreshFlagCount, [screen, refreshFlagCount]);
  useEffect(() => {
    void syncSettingsFromBackend();
  }, []);

  const navigate = useCallback((s: Screen) => {
    // The Cases entry in the menu always leads to the list.
    if (s === "cases") setCasesRoute({ view: "list" });
    if (s === "settings") {
      setTemplateToEdit(null);
      setSettingsVisit((n) => n + 1);
    }
    setScreen(s);
  }, []);
  const editTemplate = useCallback((kind: TemplateKind) => {
    setTemplateToEdit(kind);
    setSettingsVisit((n) => n + 1);
    setScreen("settings");
  }, []);
  // Files opened with the app (file manager, command line, a second launch) go to the import preview.
  const { opened, done: openedTaken } = useOpenedFiles(useCallback(() => setScreen("import"), []));
  const openDispute: OnDispute = useCallback((transactionIds, reason) => {
    setCasesRoute({ view: "new", transactionIds, reason });
    setScreen("cases");
  }, []);

  return (
    <div className="shell">
      <nav className="sidebar" aria-label="Main">
        <div className="brand">
          <span className="logo" aria-hidden="true">R</span>
          <span>{t("app.name")}</span>
        </div>
        {SCREENS.map((s) => (
          <button
            key={s}
            type="button"
            className={s === screen ? "nav-item active" : "nav-item"}
            aria-current={s === screen ? "page" : undefined}
            data-testid={`nav-${s}`}
            onClick={() => navigate(s)}
          >
            {t(`nav.${s}`)}
            {s === "review" && flagCount > 0 && (
              <span className="count" data-testid="nav-review-count" aria-label={t("review.badge", { count: flagCount })}>
                {formatNumber(flagCount)}
              </span>
            )}
          </button>
        ))}
        <button
          type="button"
          className={screen === "about" ? "nav-item nav-about active" : "nav-item nav-about"}
          aria-current={screen === "about" ? "page" : undefined}
          data-testid="nav-about"
          onClick={() => navigate("about")}
        >
          {t("nav.about")}
        </button>
      </nav>
      <main className="content">
        {screen === "review" && <ReviewScreen onDispute={openDispute} onChanged={refreshFlagCount} />}
        {screen === "transactions" && <TransactionsScreen onNavigate={navigate} onDispute={openDispute} />}
        {screen === "import" && <ImportScreen onNavigate={navigate} opened={opened} onOpenedTaken={openedTaken} />}
        {screen === "insights" && <InsightsScreen />}
        {screen === "cases" && (
          <CasesScreen route={casesRoute} onRoute={setCasesRoute} onSettings={() => navigate("settings")} onEditTemplate={editTemplate} />
        )}
        {screen === "settings" && <SettingsScreen key={settingsVisit} openTemplate={templateToEdit} />}
        {screen === "about" && <AboutScreen />}
      </main>
    </div>
  );
}
