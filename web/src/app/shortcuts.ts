/** What a keyboard shortcut asks for; app-layout decides what each means on the current page. */
export type ShortcutAction = "palette" | "search" | "new" | "help" | "goVault" | "goAdminConsole" | "goProviderPortal";

/** The shortcuts as the help dialog lists them: keys pressed one after the other, and the message naming the action. */
export const shortcutList = [
  { keys: ["Ctrl", "K"], action: "palette" },
  { keys: ["/"], action: "search" },
  { keys: ["n"], action: "new" },
  { keys: ["g", "v"], action: "goVault" },
  { keys: ["g", "a"], action: "goAdminConsole" },
  { keys: ["g", "p"], action: "goProviderPortal" },
  { keys: ["?"], action: "help" },
] as const satisfies readonly { keys: readonly string[]; action: ShortcutAction }[];

const afterG: Record<string, ShortcutAction> = { v: "goVault", a: "goAdminConsole", p: "goProviderPortal" };
const single: Record<string, ShortcutAction> = { "/": "search", n: "new", "?": "help" };

/** A "g" waits this long for its second key. */
const sequenceMs = 1500;

/** Where typing goes to a control (fields, date segments) or to an open menu, list, calendar or dialog: no shortcut there. */
const ownsKeys = "input, textarea, select, [contenteditable]:not([contenteditable='false']), [role='menu'], [role='listbox'], " +
  "[role='grid'], [role='spinbutton'], [role='combobox'], [role='dialog'], dialog";

export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  target: EventTarget | null;
  /** When, in ms; passed in so a test decides how much time went by. */
  time: number;
}

/**
 * Reads key presses one by one and answers the shortcut they complete, or null. Ctrl/Cmd+K works everywhere; the
 * one-key shortcuts and "g" sequences never take a key from a field, a menu or a dialog, and never when a modifier
 * other than Shift is held (Ctrl+N, Alt+G stay the browser's).
 */
export function createShortcutReader() {
  let pendingG: number | null = null;
  return (press: KeyPress): ShortcutAction | null => {
    const key = press.key;
    if ((press.ctrlKey || press.metaKey) && key.toLowerCase() === "k" && !press.altKey) return "palette";
    if (press.ctrlKey || press.metaKey || press.altKey) return (pendingG = null);
    const typing = press.target instanceof Element && press.target.closest(ownsKeys);
    if (typing) return (pendingG = null);
    if (pendingG !== null && press.time - pendingG <= sequenceMs) {
      pendingG = null;
      return afterG[key] ?? null;
    }
    pendingG = null;
    if (key === "g") {
      pendingG = press.time;
      return null;
    }
    return single[key] ?? null;
  };
}
