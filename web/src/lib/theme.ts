import { useSyncExternalStore } from "react";

/** "system" follows prefers-color-scheme; the others pin a theme. Kept in localStorage: it is no secret. */
export type Theme = "system" | "light" | "dark";

const key = "custodian.theme";
const listeners = new Set<() => void>();

function read(): Theme {
  try {
    const v = localStorage.getItem(key);
    return v === "light" || v === "dark" ? v : "system";
  } catch {
    return "system";
  }
}

/** Puts the stored choice on <html> (tokens.css reads data-theme); called once before the first render. */
export function applyTheme(theme: Theme = read()): void {
  if (theme === "system") document.documentElement.removeAttribute("data-theme");
  else document.documentElement.setAttribute("data-theme", theme);
}

export function setTheme(theme: Theme): void {
  try {
    if (theme === "system") localStorage.removeItem(key);
    else localStorage.setItem(key, theme);
  } catch {
    // private mode: the choice lasts for this page only
  }
  applyTheme(theme);
  listeners.forEach((l) => l());
}

export function useTheme(): Theme {
  return useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), read, () => "system");
}
