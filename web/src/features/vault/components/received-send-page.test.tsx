import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { MemoryRouter, Route, Routes } from "react-router";
import { describe, expect, it } from "vitest";
import { encrypt } from "../../../lib/crypto/enc-string";
import { server } from "../../../test/msw-server";
import { deriveSendKey } from "../api/send-crypto";
import { fromHex } from "../../../lib/crypto/vectors.test-support";
import { ReceivedSendPage } from "./received-send-page";

// The key material 00..0f of send-crypto.test.ts, as the link carries it (unpadded base64url).
const keyMaterial = fromHex("000102030405060708090a0b0c0d0e0f");
const linkKey = "AAECAwQFBgcICQoLDA0ODw";
const accessId = "AQIDBAUGBwgJCgsMDQ4PEA";

function open(key = linkKey) {
  render(
    <MemoryRouter initialEntries={[`/send/${accessId}/${key}`]}>
      <Routes><Route path="/send/:accessId/:key" element={<ReceivedSendPage />} /></Routes>
    </MemoryRouter>,
  );
}

describe("received Send page", () => {
  it("asks for the password, refuses a wrong one, then decrypts the name and reveals the hidden text on request", async () => {
    const key = await deriveSendKey(keyMaterial);
    const opened = { object: "send-access", id: accessId, type: 0, name: await encrypt("Wi-Fi", key),
      text: { text: await encrypt("tr0ub4dor&3", key), hidden: true }, file: null, expirationDate: null, creatorIdentifier: null };
    const bodies: unknown[] = [];
    server.use(http.post(`/api/sends/access/${accessId}`, async ({ request }) => {
      const body = (await request.json()) as { password?: string };
      bodies.push(body);
      if (!body.password) return HttpResponse.json({ object: "error", message: "Password is required." }, { status: 401 });
      // PBKDF2-SHA256("correct horse", key material, 100,000): the vector of send-crypto.test.ts.
      if (body.password !== "V/LC8HOXSNUWQZsGKohGZjI8WD6krhZVBKgfe1PGKgk=") {
        return HttpResponse.json({ object: "error", message: "Invalid password." }, { status: 400 });
      }
      return HttpResponse.json(opened);
    }));
    open();
    await userEvent.type(await screen.findByLabelText("Password"), "wrong horse");
    await userEvent.click(screen.getByRole("button", { name: "View Send" }));
    expect((await screen.findByRole("alert")).textContent).toBe("That password is not correct.");
    await userEvent.clear(screen.getByLabelText("Password"));
    await userEvent.type(screen.getByLabelText("Password"), "correct horse");
    await userEvent.click(screen.getByRole("button", { name: "View Send" }));

    expect(await screen.findByRole("heading", { level: 2, name: "Wi-Fi" })).toBeTruthy();
    expect((screen.getByLabelText("Text") as HTMLInputElement).value).not.toContain("tr0ub4dor");
    await userEvent.click(screen.getByRole("button", { name: "Show text" }));
    expect((screen.getByLabelText("Text") as HTMLTextAreaElement).value).toBe("tr0ub4dor&3");
    expect(bodies).toHaveLength(3);
    expect(bodies[0]).toEqual({});
  }, 30_000);

  it("says a link without a whole key is incomplete, and asks the server nothing", async () => {
    let asked = false;
    server.use(http.post(`/api/sends/access/${accessId}`, () => { asked = true; return HttpResponse.json({}); }));
    open("AAECAwQF");
    expect((await screen.findByRole("alert")).textContent).toContain("This link is incomplete");
    expect(asked).toBe(false);
  });

  it("says a Send that is gone (deleted, expired, disabled, used up) is no longer available", async () => {
    server.use(http.post(`/api/sends/access/${accessId}`, () => HttpResponse.json({ object: "error", message: "Not found." }, { status: 404 })));
    open();
    expect((await screen.findByRole("alert")).textContent).toBe("This Send does not exist or is no longer available.");
  });
});
