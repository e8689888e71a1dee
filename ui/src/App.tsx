import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ImportScreen } from "./features/import/ImportScreen";
import { TransactionsScreen } from "./features/transactions/TransactionsScreen";

export type Screen = "import" | "transactions";

const SCREENS: Screen[] = ["import", "transactions"];

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>("transactions");
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
          </button>
        ))}
      </nav>
      <main className="content">
        {screen === "import" && <ImportScreen onNavigate={setScreen} />}
        {screen === "transactions" && <TransactionsScreen onNavigate={setScreen} />}
      </main>
    </div>
  );
}
