import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api, type AppError, type AppSettings, type TemplateKind } from "../../ipc/api";
import { ErrorPanel } from "../../components/ErrorPanel";
import { runAction } from "../../components/runAction";
import { useLoad } from "../../components/useLoad";
import { SenderForm } from "./SenderForm";
import { DataSection } from "./DataSection";
import { setLanguage, type Language } from "../../i18n";
import { applyTheme, THEMES } from "./theme";
import { syncSettingsFromBackend } from "./startup";
import { TemplatesCard } from "../templates/TemplatesCard";
import { TemplatesScreen } from "../templates/TemplatesScreen";

const LANGUAGE_NAMES: Record<Language, string> = { en: "English", "zh-CN": "简体中文" };
const JURISDICTIONS = ["us", "uk", "eu", "cn"] as const;
const SENSITIVITIES = ["low", "normal", "high"] as const;

/** `openTemplate`: open the letter-templates editor on this template at once. */
export function SettingsScreen({ openTemplate }: { openTemplate?: TemplateKind | null } = {}) {
  const { t, i18n } = useTranslation();
  const settingsLoad = useLoad(() => api.getSettings(), [], null as AppSettings | null);
  const { data: settings, setData: setSettings, reload: load } = settingsLoad;
  const [actionError, setError] = useState<AppError | null>(null);
  const error = actionError ?? settingsLoad.error;
  const [saved, setSaved] = useState(false);
  // The letter-templates editor is a page of Settings, opened from its card.
  const [templatesOpen, setTemplatesOpen] = useState(!!openTemplate);

  /** Saves the whole settings object at once; the screen shows the saved value only on success. */
  const update = async (patch: Partial<AppSettings>) => {
    if (!settings) return;
    const next = { ...settings, ...patch };
    setSaved(false);
    await runAction(async () => {
      await api.setSettings(next);
      setSettings(next);
      setSaved(true);
      if (patch.theme) applyTheme(patch.theme);
      if (patch.language) setLanguage(patch.language);
    }, { setError });
  };

  const language = (settings?.language ?? (i18n.language === "zh-CN" ? "zh-CN" : "en")) as Language;

  if (templatesOpen) return <TemplatesScreen initial={openTemplate} onBack={() => setTemplatesOpen(false)} />;

  return (
    <section className="screen settings" aria-labelledby="settings-title">
      <header className="screen-header">
        <h1 id="settings-title">{t("settings.title")}</h1>
      </header>

      <SenderForm />

      <div className="card settings-card">
        <h2>{t("settings.preferences")}</h2>
        {settings ? (
          <div className="settings-grid">
            <label htmlFor="settings-language">{t("settings.language")}</label>
            <select
              id="settings-language"
              data-testid="settings-language"
              value={language}
              onChange={(e) => void update({ language: e.target.value as Language })}
            >
              {(Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>

            <span id="settings-theme-label">{t("settings.theme")}</span>
            <div className="segmented" role="radiogroup" aria-labelledby="settings-theme-label" data-testid="settings-theme">
              {THEMES.map((th) => (
                <label key={th} className={settings.theme === th ? "segment active" : "segment"}>
                  <input
                    type="radio"
                    name="theme"
                    value={th}
                    checked={settings.theme === th}
                    onChange={() => void update({ theme: th })}
                  />
                  {t(`settings.themes.${th}`)}
                </label>
              ))}
            </div>

            <label htmlFor="settings-jurisdiction">{t("settings.jurisdiction")}</label>
            <div>
              <select
                id="settings-jurisdiction"
                data-testid="settings-jurisdiction"
                value={settings.default_jurisdiction}
                onChange={(e) => void update({ default_jurisdiction: e.target.value as AppSettings["default_jurisdiction"] })}
              >
                {JURISDICTIONS.map((j) => (
                  <option key={j} value={j}>
                    {t(`settings.jurisdictions.${j}`)}
                  </option>
                ))}
              </select>
              <p className="hint muted">{t("settings.jurisdictionHint")}</p>
            </div>

            <label htmlFor="settings-sensitivity">{t("settings.sensitivity")}</label>
            <div>
              <select
                id="settings-sensitivity"
                data-testid="settings-sensitivity"
                value={settings.sensitivity}
                onChange={(e) => void update({ sensitivity: e.target.value as AppSettings["sensitivity"] })}
              >
                {SENSITIVITIES.map((s) => (
                  <option key={s} value={s}>
                    {t(`settings.sensitivities.${s}`)}
                  </option>
                ))}
              </select>
              <p className="hint muted">{t(`settings.sensitivityHints.${settings.sensitivity}`)}</p>
            </div>
          </div>
        ) : (
          !error && <p className="muted">{t("settings.loading")}</p>
        )}
        {saved && (
          <p className="notice" role="status" data-testid="settings-saved">
            {t("settings.saved")}
          </p>
        )}
        {error && (
          <ErrorPanel
            error={error}
            title={t("settings.saveFailed")}
            onClose={() => {
              setError(null);
              settingsLoad.clearError();
            }}
          />
        )}
      </div>

      <TemplatesCard onOpen={() => setTemplatesOpen(true)} />

      <DataSection
        onRestored={() => {
          // The restored database brings its own theme and language.
          setSaved(false);
          void syncSettingsFromBackend().then(load);
        }}
      />
    </section>
  );
}
