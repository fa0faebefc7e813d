import { Outlet } from "react-router";

export function AppLayout() {
  return (
    <div className="app">
      <header className="app-header">
        <span className="app-title">Custodian</span>
      </header>
      <main className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
