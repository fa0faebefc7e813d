import type { RouteObject } from "react-router";
import { BulkJobsPage } from "../../features/providers/components/bulk-jobs-page";
import { ClientTagsPage } from "../../features/providers/components/client-tags-page";
import { ClientTemplatesPage } from "../../features/providers/components/client-templates-page";
import { ConfirmEverywherePage } from "../../features/providers/components/confirm-everywhere-page";

/** Managing many clients at once (children of /providers/:providerId). */
export const providerBulkRoutes: RouteObject[] = [
  { path: "tags", element: <ClientTagsPage /> },
  { path: "templates", element: <ClientTemplatesPage /> },
  { path: "bulk", element: <BulkJobsPage /> },
  { path: "confirm", element: <ConfirmEverywherePage /> },
];
