import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { generateRsaKeyPair, rsaDecrypt } from "../../../lib/crypto/rsa";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { AcceptProviderPage } from "./accept-provider-page";
import { ids, publicKeyBase64, startProviderSession } from "./provider-fixture.test-support";
import { renderAt } from "./render-portal.test-support";
import { SetupProviderPage } from "./setup-provider-page";

afterEach(() => logOut());

const routes = [
  { path: "/providers/setup-provider", element: <SetupProviderPage /> },
  { path: "/providers/accept-provider", element: <AcceptProviderPage /> },
];
const setupLink = `/providers/setup-provider?providerId=${ids.provider}&providerUserId=${ids.member}&email=pat%40example.com&token=tok%2Bx`;
const acceptLink = `/providers/accept-provider?providerId=${ids.provider}&providerUserId=${ids.member}&email=pat%40example.com`
  + `&providerName=Contoso%20MSP&token=tok%2By`;

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("setup provider", { timeout: 30_000 }, () => {
  it("offers login, returning here afterwards, and registration for the invited address", async () => {
    const { router } = renderAt(setupLink, routes);
    expect(screen.getByRole("heading", { level: 1, name: "Set up your provider" })).toBeTruthy();
    const register = new URL(screen.getByRole("link", { name: "Create account" }).getAttribute("href")!, "http://x");
    expect(register.pathname).toBe("/register");
    expect(register.searchParams.get("email")).toBe("pat@example.com");
    expect(register.searchParams.get("returnTo")).toBe(setupLink);
    expect(register.searchParams.get("providerInviteToken")).toBe("tok+x");

    await userEvent.click(screen.getByRole("button", { name: "Log in" }));
    expect(router.state.location.pathname).toBe("/login");
    // The login page fills the address in; a provider's own setup link carries no client branding.
    expect(router.state.location.state).toEqual({ returnTo: setupLink, email: "pat@example.com", branding: null });
  });

  it("wraps a new provider key to the user's own public key and opens the portal", async () => {
    const session = await startProviderSession(null);
    server.use(http.get(`/api/users/${ids.user}/public-key`, () =>
      HttpResponse.json({ object: "userKey", userId: ids.user, publicKey: publicKeyBase64(session.userKeys) })));
    let body: Record<string, string | null> = {};
    server.use(http.post(`/api/providers/${ids.provider}/setup`, async ({ request }) => {
      body = (await request.json()) as typeof body;
      return HttpResponse.json({ object: "provider", id: ids.provider, name: body.name, businessName: null, billingEmail: body.billingEmail });
    }));
    const { router } = renderAt(setupLink, routes);

    await userEvent.type(await screen.findByLabelText("Provider name"), "Contoso MSP");
    expect((screen.getByLabelText("Billing email") as HTMLInputElement).value).toBe("pat@example.com");
    await userEvent.click(screen.getByRole("button", { name: "Set up provider" }));

    await waitFor(() => expect(router.state.location.pathname).toBe(`/providers/${ids.provider}`));
    expect(body).toMatchObject({ name: "Contoso MSP", businessName: null, billingEmail: "pat@example.com", token: "tok+x" });
    expect((await rsaDecrypt(body.key!, session.userKeys.privateKeyPkcs8)).length).toBe(64);
  });

  it("refuses a public key from the server that is not the user's", async () => {
    await startProviderSession(null);
    const stranger = await generateRsaKeyPair();
    server.use(http.get(`/api/users/${ids.user}/public-key`, () =>
      HttpResponse.json({ object: "userKey", userId: ids.user, publicKey: publicKeyBase64(stranger) })));
    renderAt(setupLink, routes);
    await userEvent.type(await screen.findByLabelText("Provider name"), "Contoso MSP");
    await userEvent.click(screen.getByRole("button", { name: "Set up provider" }));
    expect((await screen.findByRole("alert")).textContent).toBe("The server's copy of your public key does not match your private key.");
  });
});

describe("accept provider invitation", { timeout: 30_000 }, () => {
  it("accepts with the token on arrival and says an admin must confirm", async () => {
    await startProviderSession(null);
    let token = "";
    server.use(http.post(`/api/providers/${ids.provider}/users/${ids.member}/accept`, async ({ request }) => {
      token = ((await request.json()) as { token: string }).token;
      return new HttpResponse(null, { status: 200 });
    }));
    renderAt(acceptLink, routes);
    expect(screen.getByRole("heading", { level: 1, name: "Join provider" })).toBeTruthy();
    expect(await screen.findByText("You joined Contoso MSP; a provider admin must confirm you.")).toBeTruthy();
    expect(token).toBe("tok+y");
  });

  it("shows the server's reason when the invitation is spent, and can try again", async () => {
    await startProviderSession(null);
    let calls = 0;
    server.use(http.post(`/api/providers/${ids.provider}/users/${ids.member}/accept`, () => {
      calls++;
      return HttpResponse.json({ message: "Already accepted." }, { status: 400 });
    }));
    renderAt(acceptLink, routes);
    expect((await screen.findByRole("alert")).textContent).toBe("Already accepted.");
    expect(calls).toBe(1);
    await userEvent.click(screen.getByRole("button", { name: "Try again" }));
    await waitFor(() => expect(calls).toBe(2));
  });

  it("waits for login before accepting", async () => {
    renderAt(acceptLink, routes);
    expect(screen.getByRole("button", { name: "Log in" })).toBeTruthy();
    expect(screen.queryByRole("status")).toBeNull();
  });
});
