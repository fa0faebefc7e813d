import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it, vi } from "vitest";
import { server } from "../../../test/msw-server";
import { otpauthUri } from "../api/two-factor-api";
import { AuthenticatorSetupPanel } from "./authenticator-setup";

vi.mock("qrcode", () => ({ toDataURL: vi.fn(async () => "data:image/png;base64,AAAA") }));

const setup = { authenticator: { enabled: false, key: "JBSWY3DPEHPK3PXP" }, userVerificationToken: "uvt" };

describe("authenticator setup", () => {
  it("shows the key as text and a QR code, and turns on with the code typed", async () => {
    let body: unknown = null;
    server.use(http.put("/api/two-factor/authenticator", async ({ request }) => {
      body = await request.json();
      return HttpResponse.json({ object: "twoFactorAuthenticatorUpdate", authenticator: { enabled: true, key: setup.authenticator.key } });
    }));
    const onChanged = vi.fn(async () => {});
    render(<AuthenticatorSetupPanel email="a@b.c" setup={setup} onChanged={onChanged} />);
    expect(screen.getByLabelText("Authenticator key").textContent).toBe("JBSWY3DPEHPK3PXP");
    expect(await screen.findByRole("img", { name: "QR code of the authenticator key" })).toBeTruthy();
    await userEvent.type(screen.getByLabelText("Verification code"), "123456");
    await userEvent.click(screen.getByRole("button", { name: "Turn on" }));
    expect(onChanged).toHaveBeenCalled();
    expect(body).toEqual({ key: "JBSWY3DPEHPK3PXP", token: "123456", userVerificationToken: "uvt" });
  });

  it("shows the server's refusal of a wrong code", async () => {
    server.use(http.put("/api/two-factor/authenticator", () =>
      HttpResponse.json({ object: "error", message: "Invalid token.", validationErrors: { Token: ["Invalid token."] } }, { status: 400 })));
    render(<AuthenticatorSetupPanel email="a@b.c" setup={setup} onChanged={async () => {}} />);
    await userEvent.type(screen.getByLabelText("Verification code"), "000000");
    await userEvent.click(screen.getByRole("button", { name: "Turn on" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Invalid token.");
  });

  it("builds the otpauth URI apps read", () => {
    expect(otpauthUri("a@b.c", "KEY")).toBe("otpauth://totp/Custodian%3Aa%40b.c?secret=KEY&issuer=Custodian");
  });
});
