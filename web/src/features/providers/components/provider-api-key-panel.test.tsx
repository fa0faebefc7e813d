import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { hashMasterPassword, makeMasterKey } from "../../../lib/crypto/kdf";
import { makeUserKey } from "../../../lib/crypto/symmetric-key";
import { keyStore, logOut, startSession } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { ProviderApiKeyPanel } from "./provider-api-key-panel";

afterEach(() => logOut());

const providerId = "44444444-4444-4444-8444-444444444444";
const kdf = { type: 0, iterations: 5000 } as const;

describe("provider API key panel", () => {
  it("shows the key after re-confirming the master password, and rotates it", async () => {
    keyStore.unlock({ email: "admin@msp.example", userKey: makeUserKey() });
    startSession("access-token", null, { email: "admin@msp.example", kdf, protectedUserKey: "2.x", encryptedPrivateKey: null });
    const hashes: string[] = [];
    const answer = (apiKey: string) => async ({ request }: { request: Request }) => {
      hashes.push(((await request.json()) as { masterPasswordHash: string }).masterPasswordHash);
      return HttpResponse.json({ object: "apiKey", apiKey, revisionDate: "2026-12-07T00:00:00Z" });
    };
    server.use(
      http.post(`/api/providers/${providerId}/api-key`, answer("FIRSTKEY")),
      http.post(`/api/providers/${providerId}/rotate-api-key`, answer("SECONDKEY")),
    );
    render(<ProviderApiKeyPanel providerId={providerId} />);
    expect(screen.getByText(`provider.${providerId}`)).toBeTruthy();
    await userEvent.type(screen.getByLabelText("Master password"), "admin's password");
    await userEvent.click(screen.getByRole("button", { name: "View API key" }));
    expect(await screen.findByText("FIRSTKEY")).toBeTruthy();
    await userEvent.type(screen.getByLabelText("Master password"), "admin's password");
    await userEvent.click(screen.getByRole("button", { name: "Rotate API key" }));
    expect(await screen.findByText("SECONDKEY")).toBeTruthy();
    const expected = await hashMasterPassword(await makeMasterKey("admin's password", "admin@msp.example", kdf), "admin's password");
    expect(hashes).toEqual([expected, expected]);
  }, 60_000);
});
