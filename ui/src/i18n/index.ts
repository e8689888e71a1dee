// i18next setup: English and Simplified Chinese. The first start follows the system language;
// the user's choice in Settings is remembered.
import i18n from "i18next";
import { initReactI18next } from "react-i18next";
import en from "./en.json";
import zh from "./zh-CN.json";
import type { Lang } from "../ipc/bindings";

/** The UI speaks the languages letters are written in. */
export const LANGUAGES: readonly Lang[] = ["en", "zh-CN"];
export type Language = Lang;

const STORAGE_KEY = "recourse.language";

export function systemLanguage(): Language {
  const langs = typeof navigator !== "undefined" ? navigator.languages ?? [navigator.language] : [];
  return langs.some((l) => l?.toLowerCase().startsWith("zh")) ? "zh-CN" : "en";
}

export function initialLanguage(): Language {
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return saved === "en" || saved === "zh-CN" ? saved : systemLanguage();
}

export function setLanguage(lang: Language) {
  localStorage.setItem(STORAGE_KEY, lang);
  void i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
}

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, "zh-CN": { translation: zh } },
  lng: initialLanguage(),
  fallbackLng: "en",
  interpolation: { escapeValue: false },
});

export default i18n;
