import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { makeUserKey } from "../../../lib/crypto/symmetric-key";
import { server } from "../../../test/msw-server";
import { parseCsv } from "./csv-parse";
import { importBatchSize, importIntoOrganization } from "./import-api";
import { parseBitwardenCsv, parseBitwardenJson } from "./import-parse";

describe("parseCsv", () => {
  it("reads quoted commas, doubled quotes and line breaks, and numbers rows by their first line", () => {
    const rows = parseCsv('a,b\n"x, y","say ""hi""\nthere"\r\nlast,\n');
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x, y", 'say "hi"\nthere'] },
      { line: 4, cells: ["last", ""] },
    ]);
    expect(() => parseCsv('a\n"open')).toThrow(/Line 2/);
  });
});

describe("Bitwarden formats", () => {
  it("reads the org CSV, lists bad lines with their numbers", () => {
    const csv = "collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
      + 'Ops,login,Router,,"pin: 1234",0,"https://r.example,http://r.local",admin,pw,\n'
      + ",card,Visa,,,0,,,,\n"
      + "Ops,note,Runbook,steps,,1,,,,\n";
    const parsed = parseBitwardenCsv(csv);
    expect(parsed.errors).toEqual(['Line 3: unknown type "card" (login or note).']);
    expect(parsed.items.map((i) => [i.cipher.name, i.collections])).toEqual([["Router", ["Ops"]], ["Runbook", ["Ops"]]]);
    expect(parsed.items[0]!.cipher.login.uris.map((u) => u.uri)).toEqual(["https://r.example", "http://r.local"]);
    expect(parsed.items[0]!.cipher.fields).toEqual([{ type: 0, name: "pin", value: "1234", linkedId: null }]);
    expect(parsed.items[1]!.cipher.reprompt).toBe(1);
  });

  it("reads the JSON export and refuses an encrypted one", () => {
    const json = JSON.stringify({ encrypted: false, collections: [{ id: "c1", name: "Ops" }], items: [
      { type: 3, name: "Visa", card: { number: "4111", code: "123" }, collectionIds: ["c1"] },
      { type: 9, name: "Odd" },
    ] });
    const parsed = parseBitwardenJson(json);
    expect(parsed.items[0]!.cipher.card.number).toBe("4111");
    expect(parsed.items[0]!.collections).toEqual(["Ops"]);
    expect(parsed.errors).toEqual(["Item 2: unsupported type 9."]);
    expect(parseBitwardenJson('{"encrypted":true,"items":[]}').errors[0]).toMatch(/encrypted export/);
    expect(parseBitwardenJson("{oops").errors[0]).toMatch(/not valid JSON/);
  });
});

describe("importIntoOrganization", () => {
  it("creates missing collections once, then sends batches of EncStrings pointing at them", async () => {
    const orgKey = makeUserKey();
    const collections: { id: string; name: string }[] = [{ id: "existing", name: await encrypt("Ops", orgKey) }];
    const bodies: { ciphers: { name: string; login?: { password: string } }[]; collections: { id?: string; name: string }[];
      collectionRelationships: { key: number; value: number }[] }[] = [];
    server.use(
      http.get("/api/organizations/o1/collections", () => HttpResponse.json({ data: collections })),
      http.post("/api/ciphers/import-organization", async ({ request }) => {
        const body = (await request.json()) as (typeof bodies)[number];
        bodies.push(body);
        body.collections.filter((c) => !c.id).forEach((c, i) => collections.push({ id: `new-${i}`, name: c.name }));
        return HttpResponse.json(null);
      }),
    );
    const csv = "collections,type,name,login_password\n" + Array.from({ length: importBatchSize + 1 },
      (_, i) => `${i % 2 ? "Ops" : "Finance"},login,Item ${i},secret ${i}`).join("\n");
    const seen: number[] = [];
    const result = await importIntoOrganization("o1", orgKey, "u1", parseBitwardenCsv(csv), (done) => seen.push(done));
    expect(result).toEqual({ items: importBatchSize + 1, collections: 2 });
    expect(bodies).toHaveLength(3); // the new collection, then two batches
    expect(bodies[0]!.ciphers).toEqual([]);
    expect(await decryptToString(bodies[0]!.collections[0]!.name, orgKey)).toBe("Finance");
    expect(seen).toEqual([0, importBatchSize, importBatchSize + 1]);
    const first = bodies[1]!;
    expect(JSON.stringify(first)).not.toContain("secret 0");
    expect(await decryptToString(first.ciphers[1]!.login!.password, orgKey)).toBe("secret 1");
    const ids = first.collections.map((c) => c.id);
    expect(ids.sort()).toEqual(["existing", "new-0"]);
    const rel = first.collectionRelationships.find((r) => r.key === 1)!;
    expect(first.collections[rel.value]!.id).toBe("existing"); // item 1 is in Ops
  });
});
