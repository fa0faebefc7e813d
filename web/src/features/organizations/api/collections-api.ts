import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { orgKey } from "../../../lib/profile";
import { apiClient } from "../../../lib/session";
import type { AccessSelection, ListResponse, OrgCollection } from "./org-types";
import { t } from "../../../lib/i18n/messages";

const base = (orgId: string) => `/api/organizations/${orgId}/collections`;

interface CollectionBody {
  id: string;
  name: string;
  groups: AccessSelection[];
  users: AccessSelection[];
}

/** The org key, or an error a page can show: without it no name can be read or written. */
export async function requireOrgKey(orgId: string) {
  const key = await orgKey(orgId);
  if (!key) throw new Error(t("collections.noOrgKey"));
  return key;
}

/**
 * Collections, names decrypted with the org key right after the response. With `access` (the Collections page), each
 * carries who reaches it; without (a dialog's choices), the plain list is read, which for a provider user is not
 * logged as opening the client's vault.
 */
export async function listCollections(orgId: string, access = true): Promise<OrgCollection[]> {
  const key = await requireOrgKey(orgId);
  const list = await apiClient.get<ListResponse<Partial<CollectionBody> & { id: string; name: string }>>(access ? `${base(orgId)}/details` : base(orgId));
  const out = await Promise.all(list.data.map(async (c) => ({
    id: c.id, name: await decryptToString(c.name, key).catch(() => t("collections.undecryptable")), groups: c.groups ?? [], users: c.users ?? [],
  })));
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export interface CollectionInput {
  name: string;
  groups: AccessSelection[];
  users: AccessSelection[];
}

/** Creates (no id) or updates a collection; the name is encrypted with the org key before the request. */
export async function saveCollection(orgId: string, id: string | null, input: CollectionInput): Promise<void> {
  const key = await requireOrgKey(orgId);
  const json = { name: await encrypt(input.name, key), externalId: null, groups: input.groups, users: input.users };
  if (id) await apiClient.request(`${base(orgId)}/${id}`, { method: "PUT", json });
  else await apiClient.post(base(orgId), json);
}

/** Deletes one or several collections in one request. */
export async function deleteCollections(orgId: string, ids: string[]): Promise<void> {
  await apiClient.request(base(orgId), { method: "DELETE", json: { ids } });
}
