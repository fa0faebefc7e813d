import { lazy, Suspense, useState } from "react";
import { Link, Outlet } from "react-router";
import { Toasts } from "../components/ui/toast";
import { t } from "../lib/i18n/messages";
import { lockSession, logOut } from "../lib/session";
import { useSessionStatus } from "../lib/use-session";
import { LocationCrumbs } from "./location-crumbs";
import { ProductSwitcher } from "./product-switcher";
import { ShortcutHelp } from "./shortcut-help";
import { ThemeMenu } from "./theme-menu";
import { useShortcuts } from "./use-shortcuts";

// The palette (and the vault decryption it may start) loads on first use only.
const CommandPalette = lazy(() => import("./command-palette").then((m) => ({ default: m.CommandPalette })));

export function Logo() {
  return (
    <svg viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <path d="M16 2 4 7v8c0 7.4 5.1 13.4 12 15 6.9-1.6 12-7.6 12-15V7L16 2Z" fill="currentColor" opacity=".9" />
      <path d="M16 9a4 4 0 0 0-2 7.5V22h4v-5.5A4 4 0 0 0 16 9Z" fill="var(--header-bg)" />
    </svg>
  );
}

export function AppLayout() {
  const status = useSessionStatus();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({ enabled: status === "unlocked", openPalette: () => setPaletteOpen(true), openHelp: () => setHelpOpen(true) });
  return (
    <div className="app">
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById("main")?.focus(); }}>
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        <Link to="/" className="app-title"><Logo />{t("app.name")}</Link>
        {status === "unlocked" && <ProductSwitcher />}
        <div className="account-actions">
          {status === "unlocked" && (
            <button type="button" className="header-button" onClick={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K">
              <span aria-hidden="true">⌕</span> {t("palette.button")} <kbd className="hide-narrow" aria-hidden="true">Ctrl K</kbd>
            </button>
          )}
          {status === "unlocked" && <Link className="header-button" to="/settings/two-step-login">Two-step login</Link>}
          {status === "unlocked" && <Link className="header-button" to="/settings/emergency-access">{t("emergency.title")}</Link>}
          {status === "unlocked" && <Link className="header-button" to="/settings/login-requests">{t("device.requestsTitle")}</Link>}
          {status === "unlocked" && <Link className="header-button" to="/settings/security-events">{t("account.securityEvents")}</Link>}
          <ThemeMenu />
          {status === "unlocked" && <button type="button" className="header-button" onClick={lockSession}>{t("action.lock")}</button>}
          {status !== "loggedOut" && <button type="button" className="header-button" onClick={logOut}>{t("action.logOut")}</button>}
        </div>
      </header>
      <main className="app-main" id="main" tabIndex={-1}>
        <LocationCrumbs />
        <Outlet />
      </main>
      {paletteOpen && (
        <Suspense fallback={null}>
          <CommandPalette onClose={() => setPaletteOpen(false)} />
        </Suspense>
      )}
      <ShortcutHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      <Toasts />
    </div>
  );
}
