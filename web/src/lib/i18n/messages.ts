/**
 * The message catalogue: every sentence of the shell, the auth pages and the shared components, by key, so a
 * translation is one more object of the same shape. Pages not yet moved here still hold their English inline.
 * Placeholders are {name}; dates and numbers go through Intl (format.ts), never through these strings.
 */
import { accessMessages } from "./access-messages";

const en = {
  "app.name": "Custodian",
  "app.skipToContent": "Skip to content",
  "app.loading": "Loading…",
  "field.optional": "(optional)",
  "form.fillRequired": "Fill in the required fields to continue.",
  "action.cancel": "Cancel",
  "action.close": "Close",
  "action.lock": "Lock",
  "action.logOut": "Log out",
  "action.moreActions": "More actions for {name}",
  "theme.label": "Theme",
  "theme.system": "System theme",
  "theme.light": "Light theme",
  "theme.dark": "Dark theme",
  "products.button": "Products",
  "products.navigation": "Products",
  "products.vault": "Vault",
  "products.adminConsole": "Admin Console",
  "products.newOrganization": "New organization",
  "products.providerPortal": "Provider Portal",
  "products.system": "System",
  "products.admin": "Admin",
  "products.adminOff": "Admin is switched off on this server. Start it with an admin token (Admin__Token=… ./run.sh) to create providers.",
  "palette.button": "Search",
  "palette.title": "Go to",
  "palette.placeholder": "Jump to a client, member, item or page…",
  "palette.empty": "Nothing matches.",
  "palette.hint": "↑↓ to choose, Enter to open, Esc to close",
  "palette.page": "Page",
  "palette.client": "Client",
  "palette.organization": "Organization",
  "palette.provider": "Provider",
  "palette.item": "Item",
  "palette.member": "Member",
  "breadcrumbs.label": "Breadcrumbs",
  "table.selectAll": "Select all",
  "table.select": "Select {name}",
  "table.sortBy": "Sort by {name}",
  "login.title": "Log in",
  "login.email": "Email address",
  "login.password": "Master password",
  "login.submit": "Log in",
  "login.busy": "Logging in…",
  "login.needsBoth": "Enter your email address and master password.",
  "login.noAccount": "New here?",
  "login.createAccount": "Create account",
  "register.title": "Create account",
  "register.email": "Email address",
  "register.name": "Name",
  "register.password": "Master password",
  "register.confirm": "Confirm master password",
  "register.hint": "Master password hint",
  "register.submit": "Create account",
  "register.busy": "Creating account…",
  "register.emailInvalid": "Enter an email address such as you@example.com.",
  "register.passwordShort": "The master password must be at least {min} characters.",
  "register.passwordMismatch": "The passwords do not match.",
  "register.hintIsPassword": "The hint must not be the password itself.",
  "register.fixErrors": "Fix the fields marked above.",
  "firstRun.title": "A fresh server",
  "firstRun.body": "Nobody has an account here yet. Create the first account, then have the system administrator create a provider for it:",
  "firstRun.adminHint": "Start the server with an admin token and use Admin in the Products menu, or run on the server:",
  "toast.saved": "Saved {name}",
  ...accessMessages,
} as const;

export type MessageKey = keyof typeof en;
const catalogue: Record<MessageKey, string> = en;

/** The message for `key` with its {placeholders} filled in. */
export function t(key: MessageKey, values?: Record<string, string | number>): string {
  const text = catalogue[key];
  return values ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in values ? String(values[name]) : m)) : text;
}
