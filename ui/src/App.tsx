import { useCallback, useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ImportScreen } from "./features/import/ImportScreen";
import { TransactionsScreen } from "./features/transactions/TransactionsScreen";
import { ReviewScreen } from "./features/review/ReviewScreen";
import { useOpenFlagCount } from "./features/review/useOpenFlagCount";
import { InsightsScreen } from "./features/insights/InsightsScreen";
import { formatNumber } from "./i18n/format";

export type Screen = "review" | "transactions" | "import" | "insights";

const SCREENS: Screen[] = ["review", "transactions", "import", "insights"];

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>("transactions");
  const [flagCount, refreshFlagCount] = useOpenFlagCount();
  // An import elsewhere may have raised flags: recount whenever the screen changes.
  useEffect(refreshFlagCount, [screen, refreshFlagCount]);
  // Until the Cases screen takes a dispute over, show the transactions it is about.
  const startDispute = useCallback((_transactionIds: number[], _reason: string) => setScreen("transactions"), []);
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
            onClick={() => setScreen(s)}
          >
            {t(`nav.${s}`)}
            {s === "review" && flagCount > 0 && (
              <span className="count" data-testid="nav-review-count" aria-label={t("review.badge", { count: flagCount })}>
                {formatNumber(flagCount)}
              </span>
            )}
          </button>
        ))}
      </nav>
      <main className="content">
        {screen === "review" && <ReviewScreen onDispute={startDispute} onChanged={refreshFlagCount} />}
        {screen === "transactions" && <TransactionsScreen onNavigate={setScreen} />}
        {screen === "import" && <ImportScreen onNavigate={setScreen} />}
        {screen === "insights" && <InsightsScreen />}
      </main>
    </div>
  );
}
