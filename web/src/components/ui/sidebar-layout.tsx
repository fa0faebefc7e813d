import { NavLink, Outlet } from "react-router";

/** A product's page list beside the page itself (Admin Console, Provider Portal); links are relative to the route. */
export function SidebarLayout({ label, links }: { label: string; links: readonly (readonly [to: string, text: string])[] }) {
  return (
    <div className="sidebar-layout">
      <aside className="sidebar">
        <nav aria-label={label}>
          <ul>
            {links.map(([to, text]) => <li key={to}><NavLink to={to}>{text}</NavLink></li>)}
          </ul>
        </nav>
      </aside>
      <section>
        <Outlet />
      </section>
    </div>
  );
}
