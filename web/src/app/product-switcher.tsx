import { useEffect, useId, useRef, useState } from "react";
import { Link, useLocation } from "react-router";
import { t } from "../lib/i18n/messages";
import { administeredOrganizations, useProfile } from "../lib/profile";
import { useServerStatus } from "../lib/server-status";

/**
 * Vault, each Admin Console the user may open, each Provider Portal, and Admin (only when the server has /admin on).
 * A disclosure: a button (aria-expanded) opening a navigation list of links beneath it, closed by Escape (focus back
 * on the button), a click outside, or a choice. Deliberately not a modal popover: those hide the rest of the page
 * from assistive tech while open, which a list of links does not call for.
 */
export function ProductSwitcher() {
  const profile = useProfile();
  const location = useLocation();
  const status = useServerStatus();
  const [open, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();
  const orgs = profile ? administeredOrganizations(profile) : [];
  const providers = profile?.providers ?? [];

  useEffect(() => setOpen(false), [location.pathname]);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent) => box.current?.contains(e.target as Node) || setOpen(false);
    document.addEventListener("pointerdown", outside);
    return () => document.removeEventListener("pointerdown", outside);
  }, [open]);

  const here = (to: string) => location.pathname === to || location.pathname.startsWith(`${to}/`);
  const item = (to: string, text: string) => (
    <li key={to}>
      <Link className="menu-item" to={to} aria-current={here(to) ? "page" : undefined} onClick={() => setOpen(false)}>{text}</Link>
    </li>
  );
  return (
    <div className="switcher" ref={box} onKeyDown={(e) => {
      if (e.key === "Escape" && open) {
        setOpen(false);
        button.current?.focus();
      }
    }}>
      <button ref={button} type="button" className="header-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {t("products.button")} <span aria-hidden="true">▾</span>
      </button>
      {open && (
        <nav id={id} aria-label={t("products.navigation")} className="menu-popover switcher-panel">
          <ul className="menu">
            {item("/vault", t("products.vault"))}
            <li className="menu-section-header" aria-hidden="true">{t("products.adminConsole")}</li>
            {orgs.map((o) => item(`/organizations/${o.id}`, o.name))}
            {item("/organizations/new", t("products.newOrganization"))}
            {providers.length > 0 && <li className="menu-section-header" aria-hidden="true">{t("products.providerPortal")}</li>}
            {providers.map((p) => item(`/providers/${p.id}`, p.name))}
            <li className="menu-section-header" aria-hidden="true">{t("products.system")}</li>
            {status?.adminEnabled === false ? <li className="menu-hint">{t("products.adminOff")}</li> : item("/admin", t("products.admin"))}
          </ul>
        </nav>
      )}
    </div>
  );
}
