import { clientOrgKey, missingCollections, reencrypt } from "../../../lib/crypto/client-rewrap";
import { encrypt } from "../../../lib/crypto/enc-string";
import type { SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { confirmMany, type BulkResult, type ConfirmCandidate } from "../../../lib/confirm-members";
import { fromBase64 } from "../../../lib/crypto/bytes";
import { fingerprintPhrase } from "../../../lib/crypto/fingerprint";
import { t } from "../../../lib/i18n/messages";
import { apiClient } from "../../../lib/session";
import type { ListResponse } from "./provider-types";

/** Wire shapes of Features/Providers/Bulk (tags, templates, bulk jobs, pending confirmations). */
export interface ClientTag { id: string; name: string; clientCount: number }
export interface RoleAccess { readOnly: boolean; hidePasswords: boolean; manage: boolean }
export interface TemplateCollection { id: string; name: string; ownerAccess: RoleAccess | null; adminAccess: RoleAccess | null }
export interface TemplatePolicy { type: number; enabled: boolean; data: Record<string, unknown> | null }
export interface TemplateBody {
  collections: TemplateCollection[];
  groups: { name: string; collections: { id: string; readOnly: boolean; hidePasswords: boolean; manage: boolean }[] | null }[];
  policies: TemplatePolicy[];
  collectionManagement: { limitCollectionCreation: boolean; limitCollectionDeletion: boolean; limitItemDeletion: boolean; allowAdminAccessToAllCollectionItems: boolean } | null;
}
export interface ClientTemplate { id: string; name: string; body: TemplateBody; clientCount: number }
export interface TemplateDrift {
  templateId: string; organizationId: string; key: string | null; collections: { id: string; name: string }[];
  missingGroups: string[]; policies: { type: number; enabled: boolean; clientEnabled: boolean }[]; collectionManagementDiffers: boolean; follows: boolean;
}
export const BulkKind = { Policy: 0, Seats: 1, Enable: 2, Template: 10, AddCollection: 11, Export: 12 } as const;
export const ItemStatus = { Pending: 0, Running: 1, Succeeded: 2, Failed: 3 } as const;
export interface BulkJob {
  id: string; kind: number; total: number; pending: number; running: number; succeeded: number; failed: number; runsOnServer: boolean; done: boolean;
  creationDate: string; parameters: { templateId?: string | null; collectionName?: string | null };
}
export interface BulkItem { organizationId: string; organizationName: string; status: number; error: string | null }
export interface ClientSelection { all?: boolean; search?: string; tagId?: string; organizationIds?: string[] }
export interface PendingConfirmation {
  id: string; userId: string; email: string | null; name: string | null; publicKey: string | null;
  organizationId: string; organizationName: string; organizationKey: string | null;
}

const base = (providerId: string) => `/api/providers/${providerId}`;

export const listTags = (p: string) => apiClient.get<ListResponse<ClientTag>>(`${base(p)}/client-tags`).then((r) => r.data);
export const createTag = (p: string, name: string) => apiClient.post<ClientTag>(`${base(p)}/client-tags`, { name });
export const deleteTag = (p: string, id: string) => apiClient.request<void>(`${base(p)}/client-tags/${id}`, { method: "DELETE" });
export const tagClients = (p: string, id: string, organizationIds: string[], add: boolean) =>
  apiClient.post<void>(`${base(p)}/client-tags/${id}/clients${add ? "" : "/remove"}`, { organizationIds });

export const listTemplates = (p: string) => apiClient.get<ListResponse<ClientTemplate>>(`${base(p)}/client-templates`).then((r) => r.data);
export const deleteTemplate = (p: string, id: string) => apiClient.request<void>(`${base(p)}/client-templates/${id}`, { method: "DELETE" });
export const templateDrift = (p: string, id: string, orgId: string) => apiClient.get<TemplateDrift>(`${base(p)}/client-templates/${id}/drift/${orgId}`);

/** A template whose collection names the admin typed: each is encrypted under the provider key before it leaves. */
export async function saveTemplate(p: string, providerKey: SymmetricKey, name: string, body: Omit<TemplateBody, "collections">,
  collections: { name: string; ownerAccess: RoleAccess | null; adminAccess: RoleAccess | null; id?: string }[], id?: string): Promise<ClientTemplate> {
  const encrypted = await Promise.all(collections.map(async (c) => ({ ...c, id: c.id ?? crypto.randomUUID(), name: await encrypt(c.name.trim(), providerKey) })));
  const json = { name, body: { ...body, collections: encrypted } };
  return id ? apiClient.request<ClientTemplate>(`${base(p)}/client-templates/${id}`, { method: "PUT", json }) : apiClient.post<ClientTemplate>(`${base(p)}/client-templates`, json);
}

/** Applies a template to one client: the browser finds the missing collections and re-encrypts their names. */
export async function applyTemplate(p: string, providerKey: SymmetricKey, template: ClientTemplate, organizationId: string): Promise<TemplateDrift> {
  const drift = await templateDrift(p, template.id, organizationId);
  if (!drift.key) throw new Error(t("templates.drift.noKey"));
  const orgKey = await clientOrgKey(drift.key, providerKey);
  const missing = await missingCollections(template.body.collections, providerKey, drift.collections.map((c) => c.name), orgKey);
  const collections = await Promise.all(missing.map(async (m) => ({ id: m.id, name: await encrypt(m.plaintext, orgKey) })));
  return apiClient.post<TemplateDrift>(`${base(p)}/client-templates/${template.id}/apply`, { organizationId, collections });
}

const onOff = (on: boolean) => t(on ? "templates.drift.on" : "templates.drift.off");

/** Drift in words, for one client against one template (collection names compared in the browser). */
export async function describeDrift(providerKey: SymmetricKey, template: ClientTemplate, drift: TemplateDrift): Promise<string[]> {
  const orgKey = drift.key ? await clientOrgKey(drift.key, providerKey) : null;
  const missing = orgKey ? await missingCollections(template.body.collections, providerKey, drift.collections.map((c) => c.name), orgKey) : [];
  return [
    ...missing.map((m) => t("templates.drift.collection", { name: m.plaintext })),
    ...drift.missingGroups.map((g) => t("templates.drift.group", { name: g })),
    ...drift.policies.map((x) => t("templates.drift.policy", { type: x.type, here: onOff(x.clientEnabled), template: onOff(x.enabled) })),
    ...(drift.collectionManagementDiffers ? [t("templates.drift.management")] : []),
  ];
}

export const startJob = (p: string, kind: number, selection: ClientSelection, parameters: Record<string, unknown>) =>
  apiClient.post<BulkJob>(`${base(p)}/bulk-jobs`, { kind, selection, parameters });
export const listJobs = (p: string) => apiClient.get<ListResponse<BulkJob>>(`${base(p)}/bulk-jobs`).then((r) => r.data);
export const getJob = (p: string, id: string) => apiClient.get<BulkJob>(`${base(p)}/bulk-jobs/${id}`);
export const retryJob = (p: string, id: string) => apiClient.post<BulkJob>(`${base(p)}/bulk-jobs/${id}/retry`);
export const jobItems = (p: string, id: string, status: number | null, after: string | null) =>
  apiClient.get<ListResponse<BulkItem>>(`${base(p)}/bulk-jobs/${id}/items?${new URLSearchParams({
    ...(status === null ? {} : { status: String(status) }), ...(after ? { continuationToken: after } : {}) })}`);

/**
 * Works a job to its end in batches, reporting progress after each: the server applies keyless kinds itself; for
 * the others the browser claims clients, does the crypto for each, and reports each client's result. Stopping
 * (a closed tab) only pauses the job: running it again resumes.
 */
export async function driveJob(p: string, job: BulkJob, providerKey: SymmetricKey | undefined, onProgress: (job: BulkJob) => void,
  signal?: AbortSignal, templates?: ClientTemplate[]): Promise<BulkJob> {
  let current = job;
  while (!current.done && !signal?.aborted) {
    if (current.runsOnServer) {
      current = await apiClient.post<BulkJob>(`${base(p)}/bulk-jobs/${job.id}/run`, { count: 25 });
    } else {
      if (!providerKey) throw new Error(t("bulk.unlockKey"));
      const claim = await apiClient.post<{ claimToken: string; clients: { organizationId: string; organizationName: string; key: string | null }[]; job: BulkJob }>(
        `${base(p)}/bulk-jobs/${job.id}/claim`, { count: 5 });
      if (claim.clients.length === 0) {
        current = claim.job;
        if (!current.done) await new Promise((r) => setTimeout(r, 1000)); // another worker holds the rest
        continue;
      }
      const results = await Promise.all(claim.clients.map(async (c) => ({
        organizationId: c.organizationId, error: await browserStep(p, current, providerKey, c, templates).then(() => null, (e: unknown) => String(e instanceof Error ? e.message : e).slice(0, 500)),
      })));
      current = await apiClient.post<BulkJob>(`${base(p)}/bulk-jobs/${job.id}/results`, { claimToken: claim.claimToken, results });
    }
    onProgress(current);
  }
  return current;
}

/** Per-client archive entries of an export job, kept by the page that drives it. */
export const exportEntries = new Map<string, unknown>();

async function browserStep(p: string, job: BulkJob, providerKey: SymmetricKey, client: { organizationId: string; organizationName: string; key: string | null },
  templates?: ClientTemplate[]): Promise<void> {
  if (job.kind === BulkKind.Template) {
    const template = templates?.find((t) => t.id === job.parameters.templateId);
    if (!template) throw new Error(t("bulk.templateGone"));
    await applyTemplate(p, providerKey, template, client.organizationId);
  } else if (job.kind === BulkKind.AddCollection) {
    if (!client.key || !job.parameters.collectionName) throw new Error(t("bulk.noClientKey"));
    const orgKey = await clientOrgKey(client.key, providerKey);
    await apiClient.post(`/api/organizations/${client.organizationId}/collections`, { name: await reencrypt(job.parameters.collectionName, providerKey, orgKey) });
  } else {
    // The items stay encrypted: the archive holds each client's encrypted export as the server gave it.
    const data = await apiClient.get<unknown>(`/api/organizations/${client.organizationId}/export`);
    exportEntries.set(`${job.id}/${client.organizationId}`, { organizationId: client.organizationId, name: client.organizationName, export: data });
  }
}

export const pendingConfirmations = (p: string, after: string | null) =>
  apiClient.get<ListResponse<PendingConfirmation>>(`${base(p)}/pending-confirmations?pageSize=100${after ? `&continuationToken=${after}` : ""}`);

/** Fingerprint phrases of a page of pending members (compared by the technician before confirming). */
export async function withPhrases(rows: PendingConfirmation[]): Promise<(PendingConfirmation & { phrase: string })[]> {
  return Promise.all(rows.filter((r) => r.publicKey).map(async (r) => ({ ...r, phrase: await fingerprintPhrase(r.userId, fromBase64(r.publicKey!)) })));
}

/** Confirms the chosen members, one bulk call per client: the org key reached through the provider key, RSA-wrapped to each. */
export async function confirmEverywhere(providerKey: SymmetricKey, rows: PendingConfirmation[]): Promise<BulkResult[]> {
  const byOrg = new Map<string, PendingConfirmation[]>();
  for (const r of rows) byOrg.set(r.organizationId, [...(byOrg.get(r.organizationId) ?? []), r]);
  const results: BulkResult[] = [];
  for (const [orgId, members] of byOrg) {
    const first = members[0]!;
    if (!first.organizationKey) {
      results.push(...members.map((m) => ({ id: m.id, error: t("bulk.noClientKey") })));
      continue;
    }
    const orgKey = await clientOrgKey(first.organizationKey, providerKey);
    const candidates: ConfirmCandidate[] = members.map((m) => ({ id: m.id, userId: m.userId, publicKey: fromBase64(m.publicKey!), phrase: "" }));
    results.push(...await confirmMany(`/api/organizations/${orgId}/users`, orgKey, candidates));
  }
  return results;
}

/** The provider's clients by name, optionally only those with a tag (server-side filter and paging). */
export function findClients(p: string, search: string, tagId: string | null, after: string | null) {
  const q = new URLSearchParams({ sort: "name", pageSize: "50" });
  if (search.trim()) q.set("search", search.trim());
  if (tagId) q.set("tag", tagId);
  if (after) q.set("continuationToken", after);
  return apiClient.get<ListResponse<import("./provider-types").ProviderClient>>(`${base(p)}/organizations?${q}`);
}

/** Which of these clients carry which tags (for one page of a list). */
export async function tagsOf(p: string, organizationIds: string[]): Promise<Map<string, string[]>> {
  if (organizationIds.length === 0) return new Map();
  const r = await apiClient.post<ListResponse<{ organizationId: string; tagIds: string[] }>>(`${base(p)}/client-tags/of`, { organizationIds });
  return new Map(r.data.map((x) => [x.organizationId, x.tagIds]));
}
