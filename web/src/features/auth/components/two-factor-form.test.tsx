import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClient } from "../../../lib/api-client";
import { login } from "../api/login";
import { TwoFactorForm } from "./two-factor-form";

afterEach(() => vi.unstubAllGlobals());

describe("two-step login prompt", () => {
  it("offers the methods the server listed plus the recovery code, and submits the code with remember me", async () => {
    const onSubmit = vi.fn(async () => {});
    render(<TwoFactorForm providers={{ "0": null, "1": { Email: "a***@b.c" } }} onSubmit={onSubmit} onSendEmail={async () => {}} />);
    const method = screen.getByLabelText("Method");
    expect([...(method as HTMLSelectElement).options].map((o) => o.text)).toEqual(["Authenticator app", "Email", "Recovery code"]);
    await userEvent.type(screen.getByLabelText("Verification code"), "123456");
    await userEvent.click(screen.getByLabelText("Remember me on this device"));
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect(onSubmit).toHaveBeenCalledWith({ provider: 0, token: "123456", remember: true });
  });

  it("answers a security key challenge with the signed assertion as the token", async () => {
    const buf = (...b: number[]) => new Uint8Array(b).buffer;
    class FakeCredential {
      id = "AQI"; rawId = buf(1, 2); type = "public-key";
      response = { authenticatorData: buf(3), clientDataJSON: buf(4), signature: buf(255, 254), userHandle: null };
      getClientExtensionResults() { return {}; }
    }
    const get = vi.fn(async () => new FakeCredential());
    vi.stubGlobal("PublicKeyCredential", FakeCredential);
    vi.stubGlobal("navigator", { ...navigator, credentials: { get } });
    const onSubmit = vi.fn(async () => {});
    render(<TwoFactorForm providers={{ "7": { challenge: "AAEC_w", allowCredentials: [{ type: "public-key", id: "AQI", transports: null }], rpId: "localhost" } }}
      onSubmit={onSubmit} onSendEmail={async () => {}} />);
    expect(screen.queryByLabelText("Verification code")).toBeNull();
    await userEvent.click(screen.getByRole("button", { name: "Use your security key" }));
    const options = (get.mock.calls[0] as unknown as [{ publicKey: PublicKeyCredentialRequestOptions }])[0].publicKey;
    expect([...new Uint8Array(options.challenge as ArrayBuffer)]).toEqual([0, 1, 2, 255]);
    expect(options.allowCredentials![0]).toEqual({ type: "public-key", id: new Uint8Array([1, 2]) });
    expect(onSubmit).toHaveBeenCalledWith({ provider: 7, remember: false, token: JSON.stringify({
      id: "AQI", rawId: "AQI", type: "public-key", extensions: {},
      response: { authenticatorData: "Aw", clientDataJSON: "BA", signature: "__4" },
    }) });
  });

  it("asks for an email code on request and shows the redacted address", async () => {
    const onSendEmail = vi.fn(async () => {});
    render(<TwoFactorForm providers={{ "1": { Email: "a***@b.c" } }} onSubmit={async () => {}} onSendEmail={onSendEmail} />);
    await userEvent.click(screen.getByRole("button", { name: "Send code" }));
    expect(onSendEmail).toHaveBeenCalled();
    expect(await screen.findByText(/A code was sent to a\*\*\*@b\.c\./)).toBeTruthy();
  });

  it("shows the server's message for a wrong code", async () => {
    render(<TwoFactorForm providers={{ "0": null }} onSendEmail={async () => {}}
      onSubmit={async () => { throw new Error("Two-step token is invalid. Try again."); }} />);
    await userEvent.selectOptions(screen.getByLabelText("Method"), "8");
    await userEvent.type(screen.getByLabelText("Recovery code"), "abcd");
    await userEvent.click(screen.getByRole("button", { name: "Continue" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Two-step token is invalid. Try again.");
  });

  it("the token request carries the second factor in Bitwarden's form fields", async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ access_token: "at" }), { headers: { "Content-Type": "application/json" } }));
    vi.stubGlobal("fetch", fetchMock);
    await login(new ApiClient(), { email: "a@b.c", masterPasswordHash: "h", deviceIdentifier: "d", twoFactor: { provider: 0, token: "123456", remember: true } });
    const form = new URLSearchParams((fetchMock.mock.calls[0] as unknown as [string, RequestInit])[1].body as string);
    expect([form.get("twoFactorToken"), form.get("twoFactorProvider"), form.get("twoFactorRemember")]).toEqual(["123456", "0", "1"]);
  });
});
