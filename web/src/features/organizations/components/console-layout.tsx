import { SidebarLayout } from "../../../components/ui/sidebar-layout";
import { useOrganization } from "./use-organization";

const links = [
  ["members", "Members"], ["groups", "Groups"], ["collections", "Collections"], ["policies", "Policies"],
  ["events", "Event log"], ["reports", "Reports"], ["import", "Import"], ["export", "Export"], ["settings", "Settings"],
] as const;

/** The Admin Console: the org's name, a sidebar of its pages, and the page. */
export function ConsoleLayout() {
  const { name, known } = useOrganization();
  return (
    <div className="admin-console">
      <p className="console-org-name">{name}</p>
      {!known && <p className="error" role="alert">This organization is not among those you administer.</p>}
      <SidebarLayout label="Admin Console" links={links} />
    </div>
  );
}
