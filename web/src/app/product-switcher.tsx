import { useState } from "react";
import { Button as AriaButton, Dialog, DialogTrigger, Popover } from "react-aria-components";
import { Link, useLocation } from "react-router";
import { t } from "../lib/i18n/messages";
import { administeredOrganizations, useProfile } from "../lib/profile";
import { useServerStatus } from "../lib/server-status";

/**
 * Vault, each Admin Console the user may open, each Provider Portal, and Admin (only when the server has /admin on).
 * A react-aria popover holding a navigation list: it opens from the keyboard, closes on Escape or a click outside,
 * returns focus to its button, and closes after a choice.
 */
export function ProductSwitcher() {
  const profile = useProfile();
  const location = useLocation();
  const status = useServerStatus();
  const [open, setOpen] = useState(false);
  const orgs = profile ? administeredOrganizations(profile) : [];
  const providers = profile?.providers ?? [];
  const here = (to: string) => location.pathname === to || location.pathname.startsWith(`${to}/`);
  const item = (to: string, text: string) => (
    <li key={to}>
      <Link className="menu-item" to={to} aria-current={here(to) ? "page" : undefined} onClick={() => setOpen(false)}>{text}</Link>
    </li>
  );
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <AriaButton className="header-button">
        {t("products.button")} <span aria-hidden="true">▾</span>
      </AriaButton>
      <Popover className="menu-popover" placement="bottom start">
        <Dialog className="menu" aria-label={t("products.navigation")}>
          <nav aria-label={t("products.navigation")}>
            <ul style={{ listStyle: "none", margin: 0, padding: 0 }}>
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
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
