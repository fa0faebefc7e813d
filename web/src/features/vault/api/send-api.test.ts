// @vitest-environment node
// Node's own FormData and Blob: jsdom's do not survive Node's fetch, while a browser's do.
import { http, HttpResponse } from "msw";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decrypt, decryptToString } from "../../../lib/crypto/enc-string";
import { makeUserKey } from "../../../lib/crypto/symmetric-key";
import { keyStore } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { decryptFile } from "./attachment-api";
import { saveSend, SendType, type SendDraft } from "./send-api";
import { deriveSendKey, hashSendPassword } from "./send-crypto";

let nodeFetch: typeof fetch;
beforeAll(() => {
  nodeFetch = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    nodeFetch(typeof input === "string" && input.startsWith("/") ? `http://localhost${input}` : input, init)) as typeof fetch;
});
afterAll(() => {
  globalThis.fetch = nodeFetch;
});

const draft: SendDraft = {
  type: SendType.Text, name: "Wi-Fi", notes: "", text: "tr0ub4dor&3", hidden: true, file: null, password: "open sesame",
  maxAccessCount: 3, expirationDate: null, deletionDate: "2026-12-14T10:00:00.000Z", disabled: false, hideEmail: true,
};

type Body = Record<string, unknown> & { key: string; name: string; text: { text: string; hidden: boolean } | null };

/** The server's answer: the request echoed back as a SendResponseModel. */
const answer = (body: Body, id = "s1") => ({
  object: "send", id, accessId: "AQID", type: body.type, name: body.name, notes: body.notes, key: body.key, text: body.text,
  file: body.file, maxAccessCount: body.maxAccessCount, accessCount: 0, password: body.password ? "stored" : null,
  disabled: body.disabled, hideEmail: body.hideEmail, revisionDate: "2026-12-07T10:00:00Z", expirationDate: body.expirationDate,
  deletionDate: body.deletionDate,
});

describe("saving Sends as Bitwarden's clients do", () => {
  it("wraps 16 bytes of key material with the user key and encrypts the rest with the key derived from them", async () => {
    const userKey = makeUserKey();
    keyStore.unlock({ email: "a@b.c", userKey });
    let sent: Body | undefined;
    server.use(http.post("http://localhost/api/sends", async ({ request }) => {
      sent = (await request.json()) as Body;
      return HttpResponse.json(answer(sent));
    }));
    const saved = await saveSend(draft, null);

    const material = await decrypt(sent!.key, userKey);
    expect(material).toHaveLength(16);
    const key = await deriveSendKey(material);
    expect(await decryptToString(sent!.name, key)).toBe("Wi-Fi");
    expect(await decryptToString(sent!.text!.text, key)).toBe("tr0ub4dor&3");
    expect(sent).toMatchObject({ type: 0, authType: null, maxAccessCount: 3, hideEmail: true, disabled: false, notes: null,
      text: { hidden: true }, password: await hashSendPassword("open sesame", material) });
    expect(saved).toMatchObject({ name: "Wi-Fi", text: "tr0ub4dor&3", hasPassword: true });
  });

  it("announces a file Send with the encrypted length, then uploads the bytes encrypted with the Send's key", async () => {
    const userKey = makeUserKey();
    keyStore.unlock({ email: "a@b.c", userKey });
    let announced: Body | undefined;
    let uploaded: Uint8Array | undefined;
    server.use(
      http.post("http://localhost/api/sends/file/v2", async ({ request }) => {
        announced = (await request.json()) as Body;
        return HttpResponse.json({ object: "send-fileUpload", url: "/sends/s2/file/f1", fileUploadType: 0, sendResponse: answer(announced, "s2") });
      }),
      http.post("http://localhost/api/sends/s2/file/f1", async ({ request }) => {
        uploaded = new Uint8Array(await ((await request.formData()).get("data") as Blob).arrayBuffer());
        return new HttpResponse(null, { status: 200 });
      }),
    );
    const file = new File([new TextEncoder().encode("Q3: all green\n")], "report.txt");
    await saveSend({ ...draft, type: SendType.File, text: "", file, password: "" }, null);

    const key = await deriveSendKey(await decrypt(announced!.key, userKey));
    expect(announced).toMatchObject({ type: 1, authType: 2, text: null, fileLength: uploaded!.length });
    expect(await decryptToString((announced!.file as { fileName: string }).fileName, key)).toBe("report.txt");
    expect(new TextDecoder().decode(await decryptFile(uploaded!, key))).toBe("Q3: all green\n");
  });
});
