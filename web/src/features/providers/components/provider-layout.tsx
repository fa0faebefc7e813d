import { NavLink, Outlet } from "react-router";
import { useProvider } from "./use-provider";

/** The Provider Portal: the provider's name, a sidebar of its pages, and the page. */
export function ProviderLayout() {
  const { name, known } = useProvider();
  return (
    <div className="provider-portal">
      <p className="portal-provider-name">{name}</p>
      {!known && (
        <p className="error" role="alert">
          This provider is not among yours, or a provider admin has not confirmed you yet.
        </p>
      )}
      <div className="sidebar-layout">
        <aside className="sidebar">
          <nav aria-label="Provider Portal">
            <ul>
              <li><NavLink to="clients">Clients</NavLink></li>
              <li><NavLink to="members">Members</NavLink></li>
              <li><NavLink to="events">Event log</NavLink></li>
              <li><NavLink to="settings">Settings</NavLink></li>
            </ul>
          </nav>
        </aside>
        <section>
          <Outlet />
        </section>
      </div>
    </div>
  );
}
