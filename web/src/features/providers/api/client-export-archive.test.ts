import { strFromU8, unzipSync } from "fflate";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { decryptCipher, encryptCipher } from "../../../lib/ciphers/cipher-crypto";
import { CipherType, emptyCipher, type CipherWire } from "../../../lib/ciphers/cipher-types";
import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { symmetricKeyFromBytes, symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { server } from "../../../test/msw-server";
import { BulkKind, driveJob, finishExport, ItemStatus, type BulkJob } from "./client-bulk-api";
import { archiveFileName } from "./client-export-archive";

const p = "00000000-0000-4000-8000-0000000000aa";
const jobId = "00000000-0000-4000-8000-0000000000bb";
/** Fixed keys and IV, so each collection name is a known ciphertext that the archive must carry unchanged. */
const keyOf = (seed: number) => symmetricKeyFromBytes(Uint8Array.from({ length: 64 }, (_, i) => (seed * 31 + i) & 0xff));
const iv = Uint8Array.from({ length: 16 }, (_, i) => i);
const providerKey = keyOf(9);
const clients = [
  { organizationId: "00000000-0000-4000-8000-000000000001", organizationName: "Acme / Clinic: North", key: keyOf(1) },
  { organizationId: "00000000-0000-4000-8000-000000000002", organizationName: "Globex", key: keyOf(2) },
  { organizationId: "00000000-0000-4000-8000-000000000003", organizationName: "Initech", key: keyOf(3) },
];

async function serveClient(c: (typeof clients)[number]) {
  const login = { ...emptyCipher(CipherType.Login), name: `${c.organizationName} router`, organizationId: c.organizationId };
  login.login = { ...login.login, username: "admin", password: `pw-${c.organizationId.slice(-1)}` };
  const wire = { ...(await encryptCipher(login, c.key, "u1")), id: `i${c.organizationId.slice(-1)}`, collectionIds: ["c1"], deletedDate: null };
  const gone = { ...wire, id: "deleted", deletedDate: "2026-01-01T00:00:00Z" };
  server.use(http.get(`/api/organizations/${c.organizationId}/export`, async () => HttpResponse.json({
    collections: [{ id: "c1", organizationId: c.organizationId, name: await encrypt("Ops", c.key, iv), externalId: null }], ciphers: [wire, gone],
  })));
}

function job(succeeded: number, failed: number): BulkJob {
  return { id: jobId, kind: BulkKind.Export, total: 3, pending: 3 - succeeded - failed, running: 0, succeeded, failed, runsOnServer: false,
    done: succeeded + failed === 3, creationDate: "2026-12-07T00:00:00Z", parameters: {} };
}

describe("bulk export archive", () => {
  it("zips each client's encrypted export, readable with that client's org key, and a manifest of every result", async () => {
    for (const c of clients) await serveClient(c);
    const wrapped = await Promise.all(clients.map(async (c) => ({ ...c, key: await encrypt(symmetricKeyToBytes(c.key), providerKey) })));
    const results: { organizationId: string; error: string | null }[] = [];
    server.use(
      // The first claim hands out Acme and Globex; Initech's claim comes without a key, so the browser reports it failed.
      http.post(`/api/providers/${p}/bulk-jobs/${jobId}/claim`, () => HttpResponse.json(results.length === 0
        ? { claimToken: "t1", clients: wrapped.slice(0, 2), job: job(0, 0) }
        : { claimToken: "t2", clients: [{ ...wrapped[2], key: null }], job: job(2, 0) })),
      http.post(`/api/providers/${p}/bulk-jobs/${jobId}/results`, async ({ request }) => {
        results.push(...((await request.json()) as { results: typeof results }).results);
        return HttpResponse.json(job(results.filter((r) => !r.error).length, results.filter((r) => r.error).length));
      }),
      http.get(`/api/providers/${p}/bulk-jobs/${jobId}/items`, () => HttpResponse.json({ object: "list", continuationToken: null, data: clients.map((c) => {
        const r = results.find((x) => x.organizationId === c.organizationId)!;
        return { organizationId: c.organizationId, organizationName: c.organizationName, status: r.error ? ItemStatus.Failed : ItemStatus.Succeeded, error: r.error };
      }) })),
    );
    const finished = await driveJob(p, job(0, 0), providerKey, () => {});
    expect(finished.done).toBe(true);
    expect(results.find((r) => r.organizationId === clients[2]!.organizationId)?.error).toBe("No key for this client.");

    const files = unzipSync(new Uint8Array(await (await finishExport(p, finished, async () => undefined)).arrayBuffer()));
    expect(Object.keys(files).sort()).toEqual([
      "Acme _ Clinic_ North-00000000-0000-4000-8000-000000000001.json", "Globex-00000000-0000-4000-8000-000000000002.json", "manifest.json"]);
    for (const c of clients.slice(0, 2)) {
      const file = JSON.parse(strFromU8(files[archiveFileName(c.organizationName, c.organizationId)]!)) as {
        encrypted: boolean; encKeyValidation_DO_NOT_EDIT: string; collections: { name: string }[]; items: CipherWire[] };
      expect(file.encrypted).toBe(true);
      expect(JSON.stringify(file)).not.toContain("pw-");
      expect(await decryptToString(file.encKeyValidation_DO_NOT_EDIT, c.key)).toMatch(/^[0-9a-f-]{36}$/);
      expect(file.collections[0]!.name).toBe(await encrypt("Ops", c.key, iv)); // known answer: the very ciphertext the server holds
      expect(file.items.map((i) => i.id)).toEqual([`i${c.organizationId.slice(-1)}`]);
      const item = await decryptCipher(file.items[0]!, c.key);
      expect([item.name, item.login.password]).toEqual([`${c.organizationName} router`, `pw-${c.organizationId.slice(-1)}`]);
      await expect(decryptToString(file.items[0]!.name, wrongKey(c.key))).rejects.toThrow(); // and only with it
    }
    const manifest = JSON.parse(strFromU8(files["manifest.json"]!));
    expect(manifest).toMatchObject({ jobId, encrypted: true, counts: { clients: 3, succeeded: 2, failed: 1, pending: 0, items: 2, collections: 2 } });
    expect(manifest.clients.map((c: { name: string; result: string; error: string | null; items: number | null }) => [c.name, c.result, c.error, c.items]))
      .toEqual([["Acme / Clinic: North", "succeeded", null, 1], ["Globex", "succeeded", null, 1], ["Initech", "failed", "No key for this client.", null]]);
  }, 30_000);

  it("fetches again a client exported before a reload, so the archive still holds every exported client", async () => {
    const c = clients[1]!;
    await serveClient(c);
    server.use(http.get(`/api/providers/${p}/bulk-jobs/${jobId}/items`, () => HttpResponse.json({ object: "list", continuationToken: null,
      data: [{ organizationId: c.organizationId, organizationName: c.organizationName, status: ItemStatus.Succeeded, error: null }] })));
    const keys = new Map([[c.organizationId, c.key]]);
    const files = unzipSync(new Uint8Array(await (await finishExport(p, { ...job(3, 0), total: 1 }, async (id) => keys.get(id))).arrayBuffer()));
    const file = JSON.parse(strFromU8(files[archiveFileName(c.organizationName, c.organizationId)]!));
    expect((await decryptCipher(file.items[0], c.key)).name).toBe("Globex router");
    expect(JSON.parse(strFromU8(files["manifest.json"]!)).counts).toMatchObject({ clients: 1, succeeded: 1 });
  }, 30_000);
});

function wrongKey(k: SymmetricKey): SymmetricKey {
  const bytes = symmetricKeyToBytes(k);
  bytes[0] = bytes[0]! ^ 1;
  return symmetricKeyFromBytes(bytes);
}
