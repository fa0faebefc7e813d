import { useParams, type RouteObject } from "react-router";
import { EventLogPage } from "../../features/events/components/event-log-page";

function ProviderEventsRoute() {
  const { providerId = "" } = useParams();
  return <EventLogPage source={{ kind: "provider", id: providerId }} />;
}

/** Provider Portal event log (children of /providers/:providerId). */
export const providerToolsRoutes: RouteObject[] = [{ path: "events", element: <ProviderEventsRoute /> }];
