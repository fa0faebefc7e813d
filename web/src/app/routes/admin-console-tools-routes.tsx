import { useParams, type RouteObject } from "react-router";
import { AccessEventHistory } from "../../features/events/components/access-event-history";
import { EventLogPage } from "../../features/events/components/event-log-page";
import { ExportPage } from "../../features/import-export/components/export-page";
import { ImportPage } from "../../features/import-export/components/import-page";
import { ClientAccessPage } from "../../features/providers/components/client-access-page";
import { ReportsPage } from "../../features/reports/components/reports-page";
import { useProfile } from "../../lib/profile";

function OrganizationEventsRoute() {
  const { organizationId = "" } = useParams();
  return <EventLogPage source={{ kind: "organization", id: organizationId }} />;
}

/** A provider's client: who reaches its vault, with the provider access events of its own log. */
function OrganizationProviderAccessRoute() {
  const { organizationId = "" } = useParams();
  return <ClientAccessPage orgId={organizationId} history={(changes) => <AccessEventHistory organizationId={organizationId} changes={changes} />} />;
}

function OrganizationReportsRoute() {
  const { organizationId = "" } = useParams();
  return <ReportsPage organizationId={organizationId} />;
}

function OrganizationImportRoute() {
  const { organizationId = "" } = useParams();
  const profile = useProfile()!; // loaded by RequireUnlocked
  return <ImportPage orgId={organizationId} userId={profile.id} />;
}

function OrganizationExportRoute() {
  const { organizationId = "" } = useParams();
  return <ExportPage orgId={organizationId} />;
}

/** Admin Console event log, provider access, reports, import and export (children of /organizations/:organizationId). */
export const adminConsoleToolsRoutes: RouteObject[] = [
  { path: "events", element: <OrganizationEventsRoute /> },
  { path: "provider-access", element: <OrganizationProviderAccessRoute /> },
  { path: "reports", element: <OrganizationReportsRoute /> },
  { path: "import", element: <OrganizationImportRoute /> },
  { path: "export", element: <OrganizationExportRoute /> },
];
