import { apiClient } from "../../../lib/session";
import type { ListResponse } from "./provider-types";

/** Wire shapes of Features/Providers/Billing, Features/Providers/Audit and Features/Events/Sinks. */
export interface ClientUsage {
  clientName: string; externalId: string | null; organizationId: string; period: string; periodStart: string; periodEnd: string;
  seats: number; averageSeats: number; assignedSeats: number | null; daysRecorded: number;
}
export const SinkKind = { Webhook: 0, Syslog: 1 } as const;
export const SyslogTransport = { Tcp: 0, Tls: 1, Udp: 2 } as const;
export interface EventSink {
  id: string; kind: number; target: string; transport: number; enabled: boolean; hasSecret: boolean;
  lastError: string | null; lastDeliveryDate: string | null; pending: number; creationDate: string;
}
export interface EventSinkRequest { kind: number; target: string; transport: number; secret: string | null; enabled: boolean }

const base = (providerId: string) => `/api/providers/${providerId}`;
const query = (values: Record<string, string | null | undefined>) =>
  new URLSearchParams(Object.entries(values).filter((e): e is [string, string] => !!e[1])).toString();

export const usagePage = (p: string, period: string, after: string | null) =>
  apiClient.get<ListResponse<ClientUsage>>(`${base(p)}/billing/usage?${query({ period, continuationToken: after, pageSize: "100" })}`);
export const usageCsv = (p: string, period: string) => apiClient.getBlob(`${base(p)}/billing/usage.csv?${query({ period })}`);
export const setExternalId = (p: string, organizationId: string, externalId: string | null) =>
  apiClient.request<void>(`${base(p)}/billing/clients/${organizationId}`, { method: "PUT", json: { externalId } });

export interface AuditFilter { organizationId?: string | null; providerUserId?: string | null }
export const auditQuery = (filter: AuditFilter) => query({ organizationId: filter.organizationId, providerUserId: filter.providerUserId });
export const auditExport = (p: string, filter: AuditFilter, range: { start: string; end: string }, format: "csv" | "jsonl") =>
  apiClient.getBlob(`${base(p)}/audit/events/export?${query({ ...range, organizationId: filter.organizationId, providerUserId: filter.providerUserId, format })}`);

export const listSinks = (p: string) => apiClient.get<ListResponse<EventSink>>(`${base(p)}/event-sinks`).then((r) => r.data);
export const createSink = (p: string, sink: EventSinkRequest) => apiClient.post<EventSink>(`${base(p)}/event-sinks`, sink);
export const updateSink = (p: string, id: string, sink: EventSinkRequest) =>
  apiClient.request<EventSink>(`${base(p)}/event-sinks/${id}`, { method: "PUT", json: sink });
export const deleteSink = (p: string, id: string) => apiClient.request<void>(`${base(p)}/event-sinks/${id}`, { method: "DELETE" });

/** A webhook signing secret made in the browser: 32 random bytes as hex, shown to the admin once. */
export function newWebhookSecret(): string {
  return [...crypto.getRandomValues(new Uint8Array(32))].map((b) => b.toString(16).padStart(2, "0")).join("");
}
