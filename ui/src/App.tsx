import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ImportScreen } from "./features/import/ImportScreen";
import { TransactionsScreen } from "./features/transactions/TransactionsScreen";
import { SettingsScreen } from "./features/settings/SettingsScreen";
import { applyRememberedTheme, syncSettingsFromBackend } from "./features/settings/startup";

// The remembered theme is applied before the first render, so the app never flashes light.
applyRememberedTheme();

export type Screen = "import" | "transactions" | "settings";

const SCREENS: Screen[] = ["import", "transactions", "settings"];

export function App() {
  const { t } = useTranslation();
  const [screen, setScreen] = useState<Screen>("transactions");
  useEffect(() => {
    void syncSettingsFromBackend();
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
            onClick={() => setScreen(s)}
          >
            {t(`nav.${s}`)}
          </button>
        ))}
      </nav>
      <main className="content">
        {screen === "import" && <ImportScreen onNavigate={setScreen} />}
        {screen === "transactions" && <TransactionsScreen onNavigate={setScreen} />}
        {screen === "settings" && <SettingsScreen />}
      </main>
    </div>
  );
}
