import { Link, Outlet } from "react-router";
import { lockSession, logOut } from "../lib/session";
import { useSessionStatus } from "../lib/use-session";
import { ProductSwitcher } from "./product-switcher";

export function AppLayout() {
  const status = useSessionStatus();
  return (
    <div className="app">
      <header className="app-header">
        <Link to="/" className="app-title">Custodian</Link>
        {status === "unlocked" && <ProductSwitcher />}
        {status !== "loggedOut" && (
          <div className="account-actions">
            {status === "unlocked" && <Link to="/settings/two-step-login">Two-step login</Link>}
            {status === "unlocked" && <button type="button" className="link-button" onClick={lockSession}>Lock</button>}
            <button type="button" className="link-button" onClick={logOut}>Log out</button>
          </div>
        )}
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
