// @vitest-environment node
// Node's own FormData and Blob: jsdom's do not survive Node's fetch, while a browser's do.
import { http, HttpResponse } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decrypt, decryptToString } from "../../../lib/crypto/enc-string";
import { makeUserKey, symmetricKeyFromBytes } from "../../../lib/crypto/symmetric-key";
import { keyStore } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { decryptFile, downloadAttachment, encryptFile, uploadAttachment } from "./attachment-api";
import { emptyCipher } from "../../../lib/ciphers/cipher-types";

// Node has no page to resolve "/api/…" against; jsdom's would be http://localhost.
let nodeFetch: typeof fetch;
beforeAll(() => {
  nodeFetch = globalThis.fetch; // MSW's, installed by the setup file's beforeAll
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    nodeFetch(typeof input === "string" && input.startsWith("/") ? `http://localhost${input}` : input, init)) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = nodeFetch;
});

describe("attachments", () => {
  it("lays files out as type byte, IV, MAC, ciphertext and reads them back", async () => {
    const key = makeUserKey();
    const plain = new TextEncoder().encode("x".repeat(40));
    const file = await encryptFile(plain, key);
    expect(file[0]).toBe(2);
    expect(file.length).toBe(1 + 16 + 32 + 48);
    expect(new TextDecoder().decode(await decryptFile(file, key))).toBe("x".repeat(40));
    file[60] = file[60]! ^ 1;
    await expect(decryptFile(file, key)).rejects.toThrow(/MAC/);
  });

  it("uploads an encrypted file under a new key wrapped by the item key, and downloads it decrypted", async () => {
    const userKey = makeUserKey();
    keyStore.unlock({ email: "a@b.c", userKey });
    const itemKey = makeUserKey();
    const cipher = { ...emptyCipher(), id: "c1", itemKey, revisionDate: "2026-11-25T08:00:00.000Z" };
    let announced: { key: string; fileName: string; fileSize: number; lastKnownRevisionDate: string } | undefined;
    let stored = new Uint8Array();
    server.use(
      http.post("http://localhost/api/ciphers/c1/attachment/v2", async ({ request }) => {
        announced = (await request.json()) as typeof announced;
        return HttpResponse.json({ attachmentId: "a1", url: "/ciphers/c1/attachment/a1", fileUploadType: 0 });
      }),
      http.post("http://localhost/api/ciphers/c1/attachment/a1", async ({ request }) => {
        expect(request.headers.get("Authorization")).toBeNull(); // no token in this test's session
        const data = (await request.formData()).get("data") as File;
        stored = new Uint8Array(await data.arrayBuffer());
        return new HttpResponse(null, { status: 200 });
      }),
      http.get("http://localhost/api/ciphers/c1/attachment/a1", () => HttpResponse.json({ id: "a1", url: "http://files.test/attachments/c1/a1?token=t" })),
      http.get("http://files.test/attachments/c1/a1", () => HttpResponse.arrayBuffer(stored.slice().buffer)),
    );
    await uploadAttachment(cipher, new File(["secret contents"], "notes.txt"));

    expect(announced!.fileSize).toBe(stored.length);
    expect(announced!.lastKnownRevisionDate).toBe(cipher.revisionDate);
    expect(await decryptToString(announced!.fileName, itemKey)).toBe("notes.txt");
    expect(new TextDecoder("latin1").decode(stored)).not.toContain("secret contents");
    const fileKey = symmetricKeyFromBytes(await decrypt(announced!.key, itemKey));
    const blob = await downloadAttachment(cipher, { id: "a1", fileName: "notes.txt", key: fileKey, sizeName: "1 KB" });
    expect(await blob.text()).toBe("secret contents");
  });
});
