import type { CipherView } from "../../../lib/ciphers/cipher-types";

/** One sidebar choice at a time, like the links of Bitwarden's vault filter; it lives in the URL's query. */
export type VaultFilter =
  | { kind: "all" }
  | { kind: "favorites" }
  | { kind: "trash" }
  | { kind: "type"; type: number }
  | { kind: "folder"; folderId: string | null }
  | { kind: "organization"; organizationId: string | null }
  | { kind: "collection"; collectionId: string };

export function filterFromParams(params: URLSearchParams): VaultFilter {
  const type = params.get("type");
  const folder = params.get("folder");
  const org = params.get("organization");
  const collection = params.get("collection");
  if (params.has("favorites")) return { kind: "favorites" };
  if (params.has("trash")) return { kind: "trash" };
  if (type && Number.isInteger(Number(type))) return { kind: "type", type: Number(type) };
  if (folder) return { kind: "folder", folderId: folder === "none" ? null : folder };
  if (org) return { kind: "organization", organizationId: org === "personal" ? null : org };
  if (collection) return { kind: "collection", collectionId: collection };
  return { kind: "all" };
}

export function filterToQuery(filter: VaultFilter): string {
  switch (filter.kind) {
    case "all": return "";
    case "favorites": return "?favorites";
    case "trash": return "?trash";
    case "type": return `?type=${filter.type}`;
    case "folder": return `?folder=${encodeURIComponent(filter.folderId ?? "none")}`;
    case "organization": return `?organization=${encodeURIComponent(filter.organizationId ?? "personal")}`;
    case "collection": return `?collection=${encodeURIComponent(filter.collectionId)}`;
  }
}

function matchesFilter(c: CipherView, filter: VaultFilter): boolean {
  if (filter.kind === "trash") return c.deletedDate !== null;
  if (c.deletedDate !== null) return false;
  switch (filter.kind) {
    case "all": return true;
    case "favorites": return c.favorite;
    case "type": return c.type === filter.type;
    case "folder": return c.folderId === filter.folderId;
    case "organization": return c.organizationId === filter.organizationId;
    case "collection": return c.collectionIds.includes(filter.collectionId);
  }
}

/** Case-insensitive search over name, username, URIs and notes. */
export function matchesSearch(c: CipherView, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [c.name, c.login.username, c.notes, ...c.login.uris.map((u) => u.uri)].some((v) => v.toLowerCase().includes(needle));
}

export function filterCiphers(ciphers: readonly CipherView[], filter: VaultFilter, search: string): CipherView[] {
  return ciphers.filter((c) => matchesFilter(c, filter) && matchesSearch(c, search));
}
