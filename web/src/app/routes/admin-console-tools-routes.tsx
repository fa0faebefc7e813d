import { useParams, type RouteObject } from "react-router";
import { EventLogPage } from "../../features/events/components/event-log-page";
import { ImportPage } from "../../features/import-export/components/import-page";
import { useProfile } from "../../lib/profile";

function OrganizationEventsRoute() {
  const { organizationId = "" } = useParams();
  return <EventLogPage source={{ kind: "organization", id: organizationId }} />;
}

function OrganizationImportRoute() {
  const { organizationId = "" } = useParams();
  const profile = useProfile()!; // loaded by RequireUnlocked
  return <ImportPage orgId={organizationId} userId={profile.id} />;
}

/** Admin Console event log, reports, import and export (children of /organizations/:organizationId). */
export const adminConsoleToolsRoutes: RouteObject[] = [
  { path: "events", element: <OrganizationEventsRoute /> },
  { path: "import", element: <OrganizationImportRoute /> },
];
