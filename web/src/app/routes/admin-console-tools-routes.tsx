import { useParams, type RouteObject } from "react-router";
import { EventLogPage } from "../../features/events/components/event-log-page";
import { ReportsPage } from "../../features/reports/components/reports-page";

function OrganizationEventsRoute() {
  const { organizationId = "" } = useParams();
  return <EventLogPage source={{ kind: "organization", id: organizationId }} />;
}

function OrganizationReportsRoute() {
  const { organizationId = "" } = useParams();
  return <ReportsPage organizationId={organizationId} />;
}

/** Admin Console event log, reports, import and export (children of /organizations/:organizationId). */
export const adminConsoleToolsRoutes: RouteObject[] = [
  { path: "events", element: <OrganizationEventsRoute /> },
  { path: "reports", element: <OrganizationReportsRoute /> },
];
