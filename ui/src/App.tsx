import { useCallback, useState } from "react";
import { useTranslation } from "react-i18next";
import { ImportScreen } from "./features/import/ImportScreen";
import { TransactionsScreen } from "./features/transactions/TransactionsScreen";
import { CasesScreen, type CasesRoute } from "./features/cases/CasesScreen";
import type { Reason } from "./ipc/api";

export type Screen = "import" | "transactions" | "cases";

const SCREENS: Screen[] = ["import", "transactions", "cases"];

/** What other screens call to start a dispute: opens the Cases screen on a new case. */
export type OnDispute = (transactionIds: number[], reason?: Reason) => void;

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>("transactions");
  const [casesRoute, setCasesRoute] = useState<CasesRoute>({ view: "list" });

  const navigate = useCallback((s: Screen) => {
    // The Cases entry in the menu always leads to the list.
    if (s === "cases") setCasesRoute({ view: "list" });
    setScreen(s);
  }, []);
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
          </button>
        ))}
      </nav>
      <main className="content">
        {screen === "import" && <ImportScreen onNavigate={navigate} />}
        {screen === "transactions" && <TransactionsScreen onNavigate={navigate} onDispute={openDispute} />}
        {screen === "cases" && <CasesScreen route={casesRoute} onRoute={setCasesRoute} />}
      </main>
    </div>
  );
}
