// At start: paint with the remembered theme at once, then adopt the backend's saved theme and
// language (the source of truth, shared with the CLI) when it answers.
import { api } from "../../ipc/api";
import { LANGUAGES, setLanguage, type Language } from "../../i18n";
import i18n from "../../i18n";
import { applyTheme, initialTheme } from "./theme";

export function applyRememberedTheme() {
  applyTheme(initialTheme());
}

export async function syncSettingsFromBackend(): Promise<void> {
  try {
    const s = await api.getSettings();
    applyTheme(s.theme);
    const lang = s.language;
    if (lang && (LANGUAGES as readonly string[]).includes(lang) && lang !== i18n.language) setLanguage(lang as Language);
  } catch {
    // No backend (e.g. a plain browser preview): keep what localStorage said.
  }
}
