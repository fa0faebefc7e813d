import { apiClient } from "../../../lib/session";
import type { ListResponse } from "./provider-types";

export type DashboardSort = "name" | "-name" | "seats" | "pending" | "twoStep" | "activity";
export type DashboardFilter = "" | "pending" | "twoStep" | "disabled" | "overSeats";

/** One client's figures, computed by the server from counts (no names of members or items). */
export interface DashboardClient {
  organizationId: string;
  name: string;
  enabled: boolean;
  seats: number | null;
  occupiedSeats: number;
  pendingAcceptance: number;
  pendingConfirmation: number;
  withoutTwoStep: number;
  policiesEnabled: number;
  lastActivity: string | null;
}

export interface DashboardQuery {
  search: string;
  sort: DashboardSort;
  filter: DashboardFilter;
  page: number;
  pageSize: number;
}

export function dashboardPath(providerId: string, q: DashboardQuery): string {
  const params = new URLSearchParams({ sort: q.sort, page: String(q.page), pageSize: String(q.pageSize) });
  if (q.search.trim()) params.set("search", q.search.trim());
  if (q.filter) params.set("filter", q.filter);
  return `/api/providers/${encodeURIComponent(providerId)}/dashboard?${params}`;
}

/** A page of the dashboard; its continuationToken is the next page's number, or null on the last page. */
export function loadDashboard(providerId: string, q: DashboardQuery): Promise<ListResponse<DashboardClient>> {
  return apiClient.get<ListResponse<DashboardClient>>(dashboardPath(providerId, q));
}
