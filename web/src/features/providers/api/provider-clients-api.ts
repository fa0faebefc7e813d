import { toBase64 } from "../../../lib/crypto/bytes";
import { reencrypt } from "../../../lib/crypto/client-rewrap";
import { encrypt } from "../../../lib/crypto/enc-string";
import { generateRsaKeyPair } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { t } from "../../../lib/i18n/messages";
import { orgKey } from "../../../lib/profile";
import { apiClient } from "../../../lib/session";
import type { AddableOrganization, ListResponse, ProviderClient } from "./provider-types";

/** The orders ProviderClientEndpoints.List knows; anything else sorts by name. */
export type ClientSort = "name" | "-name" | "created" | "-created" | "members";

export interface ClientQuery {
  search: string;
  sort: ClientSort;
  /** The previous page's continuationToken; null for the first page. */
  after: string | null;
  pageSize: number;
}

export function clientListPath(providerId: string, q: ClientQuery): string {
  const params = new URLSearchParams();
  if (q.search.trim()) params.set("search", q.search.trim());
  params.set("sort", q.sort);
  // The token is a keyset position: a deep page is an index seek, where a page number walked every earlier client.
  if (q.after) params.set("continuationToken", q.after);
  params.set("pageSize", String(q.pageSize));
  return `/api/providers/${providerId}/organizations?${params.toString()}`;
}

/** A page of clients; a continuationToken means another page follows. */
export function listClients(providerId: string, q: ClientQuery): Promise<ListResponse<ProviderClient>> {
  return apiClient.get<ListResponse<ProviderClient>>(clientListPath(providerId, q));
}

export interface NewClient {
  name: string;
  ownerEmail: string;
  planType: number;
  seats: number;
  collectionName: string;
  /** A client template to set the client up from (ClientTemplateEndpoints); its collection names move to the new org key. */
  template?: { id: string; body: { collections: { id: string; name: string }[] } } | null;
}

/**
 * A new client org, its secrets made here: a 64-byte org key, the org's RSA key pair (private key under the org
 * key), the default collection's name under the org key, and the org key wrapped with the provider key, which is
 * how every provider user reaches it (ClientCreateRequest).
 */
export async function createClient(providerId: string, providerKey: SymmetricKey, input: NewClient): Promise<void> {
  const key = makeUserKey();
  const pair = await generateRsaKeyPair();
  await apiClient.post(`/api/providers/${providerId}/clients`, {
    name: input.name.trim(),
    ownerEmail: input.ownerEmail.trim(),
    planType: input.planType,
    seats: input.seats,
    key: await encrypt(symmetricKeyToBytes(key), providerKey),
    keyPair: { publicKey: toBase64(pair.publicKeySpki), encryptedPrivateKey: await encrypt(pair.privateKeyPkcs8, key) },
    collectionName: await encrypt(input.collectionName.trim(), key),
    ...(input.template ? {
      templateId: input.template.id,
      templateCollections: await Promise.all(input.template.body.collections.map(async (c) => ({ id: c.id, name: await reencrypt(c.name, providerKey, key) }))),
    } : {}),
  });
}

/** Orgs the caller owns that no provider administers yet (a plain array, not a list). */
export function listAddableOrganizations(providerId: string): Promise<AddableOrganization[]> {
  return apiClient.get<AddableOrganization[]>(`/api/providers/${providerId}/clients/addable`);
}

/** Links an org the caller owns: its key, held as a member, is wrapped with the provider key. */
export async function addExistingClient(providerId: string, providerKey: SymmetricKey, organizationId: string): Promise<void> {
  const key = await orgKey(organizationId);
  if (!key) throw new Error(t("portal.addExisting.noOrgKey"));
  await apiClient.post(`/api/providers/${providerId}/clients/existing`, {
    organizationId,
    key: await encrypt(symmetricKeyToBytes(key), providerKey),
  });
}

/** `linkId` is the ProviderOrganization id (the list's `id`), not the organization's. */
export async function unlinkClient(providerId: string, linkId: string): Promise<void> {
  await apiClient.request(`/api/providers/${providerId}/organizations/${linkId}`, { method: "DELETE" });
}

/** Rename a client and set its seats (0: no limit); the server refuses fewer seats than are in use. */
export async function updateClient(providerId: string, linkId: string, name: string, assignedSeats: number): Promise<void> {
  await apiClient.request(`/api/providers/${providerId}/clients/${linkId}`, { method: "PUT", json: { name: name.trim(), assignedSeats } });
}
