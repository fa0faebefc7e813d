import { describe, expect, it } from "vitest";
import { filterCiphers, filterFromParams, filterToQuery, type VaultFilter } from "./vault-filter";
import { emptyCipher, type CipherView } from "../../../lib/ciphers/cipher-types";

const item = (patch: Partial<CipherView>): CipherView => ({ ...emptyCipher(), ...patch });

describe("vault filters", () => {
  it("round-trips every filter through the query string", () => {
    const filters: VaultFilter[] = [
      { kind: "all" }, { kind: "favorites" }, { kind: "trash" }, { kind: "type", type: 3 },
      { kind: "folder", folderId: "f1" }, { kind: "folder", folderId: null },
      { kind: "organization", organizationId: "o1" }, { kind: "organization", organizationId: null },
      { kind: "collection", collectionId: "c1" },
    ];
    for (const f of filters) expect(filterFromParams(new URLSearchParams(filterToQuery(f)))).toEqual(f);
  });

  it("keeps trashed items out of every view but the trash", () => {
    const live = item({ id: "1", name: "Live", favorite: true });
    const trashed = item({ id: "2", name: "Gone", favorite: true, deletedDate: "2026-01-01T00:00:00Z" });
    expect(filterCiphers([live, trashed], { kind: "favorites" }, "").map((c) => c.id)).toEqual(["1"]);
    expect(filterCiphers([live, trashed], { kind: "trash" }, "").map((c) => c.id)).toEqual(["2"]);
    expect(filterCiphers([live, trashed], { kind: "trash" }, "live")).toEqual([]);
  });

  it("searches name, username, URIs and notes, ignoring case, but not passwords", () => {
    const login = item({ id: "1", name: "Bank", notes: "Branch in Lyon" });
    login.login = { ...login.login, username: "Ann", password: "zebra", uris: [{ uri: "https://bank.example", match: null }] };
    for (const term of ["BANK", "ann", "BANK.EXAMPLE", "lyon", "  bank  "]) {
      expect(filterCiphers([login], { kind: "all" }, term), term).toHaveLength(1);
    }
    expect(filterCiphers([login], { kind: "all" }, "zebra")).toHaveLength(0);
  });
});
