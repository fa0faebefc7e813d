import { useParams, type RouteObject } from "react-router";
import { EventLogPage } from "../../features/events/components/event-log-page";
import { BillingPage } from "../../features/providers/components/billing-page";
import { EventSinksPage } from "../../features/providers/components/event-sinks-page";
import { AuditRollupPage } from "./provider-audit-page";

function ProviderEventsRoute() {
  const { providerId = "" } = useParams();
  return <EventLogPage source={{ kind: "provider", id: providerId }} />;
}

/** Provider Portal event log, audit roll-up, event sinks and billing (children of /providers/:providerId). */
export const providerToolsRoutes: RouteObject[] = [
  { path: "events", element: <ProviderEventsRoute /> },
  { path: "audit", element: <AuditRollupPage /> },
  { path: "event-sinks", element: <EventSinksPage /> },
  { path: "billing", element: <BillingPage /> },
];
