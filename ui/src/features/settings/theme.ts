// The colour theme: "system" follows the OS (styles.css reads prefers-color-scheme), "light" and
// "dark" force one. It is kept in localStorage too, so the first paint already has the right
// colours before the backend answers.
export const THEMES = ["system", "light", "dark"] as const;
export type Theme = (typeof THEMES)[number];

const STORAGE_KEY = "recourse.theme";

export function isTheme(v: unknown): v is Theme {
  return typeof v === "string" && (THEMES as readonly string[]).includes(v);
}

export function initialTheme(): Theme {
  const saved = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return isTheme(saved) ? saved : "system";
}

/** Applies the theme to the document and remembers it for the next start. */
export function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(STORAGE_KEY, theme);
  } catch {
    // Storage may be unavailable (private mode); the backend still has the choice.
  }
}
