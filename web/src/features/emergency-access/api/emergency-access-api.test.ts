import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { makeUserKey } from "../../../lib/crypto/symmetric-key";
import type { AttachmentView, CipherView } from "../../../lib/ciphers/cipher-types";
import { server } from "../../../test/msw-server";
import { encryptFile } from "../../vault/api/attachment-api";
import { downloadGrantorFile } from "./emergency-access-api";

const text = "the will, page 1";
const cipher = { id: "c1", itemKey: null } as unknown as CipherView;

/** The emergency-access link route answers a signed link; the link answers the encrypted bytes. */
function serve(encrypted: Uint8Array) {
  const asked: string[] = [];
  server.use(
    http.get("/api/emergency-access/e1/c1/attachment/a1", ({ request }) => {
      asked.push(new URL(request.url).pathname);
      return HttpResponse.json({ object: "attachment", id: "a1", url: "/attachments/c1/a1?token=signed", fileName: "2.x", key: null, size: "1", sizeName: "1 Bytes" });
    }),
    http.get("/attachments/c1/a1", ({ request }) => {
      asked.push(new URL(request.url).search);
      return HttpResponse.arrayBuffer(encrypted.slice().buffer as ArrayBuffer);
    }),
  );
  return asked;
}

describe("the grantee's download of a grantor's file", () => {
  it("asks the emergency-access route for a link, fetches it, and decrypts with the file's own key", async () => {
    const fileKey = makeUserKey();
    const asked = serve(await encryptFile(new TextEncoder().encode(text), fileKey));
    const attachment: AttachmentView = { id: "a1", fileName: "will.txt", key: fileKey, sizeName: "1 KB" };
    const blob = await downloadGrantorFile("e1", { ciphers: [], key: makeUserKey() }, cipher, attachment);
    expect(await blob.text()).toBe(text);
    expect(asked).toEqual(["/api/emergency-access/e1/c1/attachment/a1", "?token=signed"]);
  });

  it("a legacy file without its own key opens with the grantor's key", async () => {
    const grantorKey = makeUserKey();
    serve(await encryptFile(new TextEncoder().encode(text), grantorKey));
    const attachment: AttachmentView = { id: "a1", fileName: "will.txt", key: null, sizeName: "1 KB" };
    expect(await (await downloadGrantorFile("e1", { ciphers: [], key: grantorKey }, cipher, attachment)).text()).toBe(text);
  });
});
