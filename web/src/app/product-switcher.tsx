import { Link, useLocation } from "react-router";
import { administeredOrganizations, useProfile } from "../lib/profile";

/**
 * Vault, each Admin Console the user may open, each Provider Portal, and Admin. A <details> menu: keyboard
 * operable without script, closed again after a choice or with Escape.
 */
export function ProductSwitcher() {
  const profile = useProfile();
  const location = useLocation();
  const orgs = profile ? administeredOrganizations(profile) : [];
  const providers = profile?.providers ?? [];
  return (
    <details className="switcher" key={location.pathname}
      onKeyDown={(e) => {
        if (e.key === "Escape" && e.currentTarget.open) {
          e.currentTarget.open = false;
          e.currentTarget.querySelector("summary")?.focus();
        }
      }}>
      <summary>Products</summary>
      <nav aria-label="Products">
        <ul>
          <li><Link to="/vault">Vault</Link></li>
          <li className="switcher-group">Admin Console</li>
          {orgs.map((o) => (
            <li key={o.id}><Link to={`/organizations/${o.id}`}>{o.name}</Link></li>
          ))}
          <li><Link to="/organizations/new">New organization</Link></li>
          {providers.length > 0 && <li className="switcher-group">Provider Portal</li>}
          {providers.map((p) => (
            <li key={p.id}><Link to={`/providers/${p.id}`}>{p.name}</Link></li>
          ))}
          <li className="switcher-group">System</li>
          <li><Link to="/admin">Admin</Link></li>
        </ul>
      </nav>
    </details>
  );
}
