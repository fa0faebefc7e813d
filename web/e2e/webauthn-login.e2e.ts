import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { CDPSession, Page } from "playwright-core";
import { registerApi } from "./support/accounts";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { heading, logOut, passwordStep } from "./support/journey-steps";
import { logInThroughUi, uniqueEmail } from "./support/session";

const env = serverAndBrowser();
const password = "correct horse battery staple";

interface Credential { credentialId: string; rpId: string; privateKey: string; signCount: number; isResidentCredential: boolean; userHandle?: string }

/** Chromium's virtual authenticator (CDP WebAuthn domain): a USB key that answers at once, no touch needed. */
async function addAuthenticator(cdp: CDPSession): Promise<string> {
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: { protocol: "ctap2", transport: "usb", hasResidentKey: true, hasUserVerification: true, isUserVerified: true, automaticPresenceSimulation: true },
  });
  return authenticatorId;
}

async function openTwoStepSettings(page: Page) {
  await page.goto("/#/settings/two-step-login");
  await heading(page, "Two-step login");
  await page.getByLabel("Master password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Security keys and passkeys" }).isVisible(), { timeout: 60_000 }).toBe(true);
}

describe("WebAuthn two-step login in Chromium", () => {
  it("registers a security key, logs in with it, refuses a forged credential, and stops asking once the key is removed", async () => {
    const email = uniqueEmail("webauthn");
    await registerApi(env.server, email, password);
    // WebAuthn refuses IP addresses as relying party ids: the browser goes through "localhost", as a person would.
    const { context, page } = await personPage(env.browser, env.server.baseUrl.replace("127.0.0.1", "localhost"));
    const cdp = await context.newCDPSession(page);
    await cdp.send("WebAuthn.enable");
    const authenticator = await addAuthenticator(cdp);

    await logInThroughUi(page, email, password);
    await openTwoStepSettings(page);
    await page.getByLabel("Name of the new key").fill("Desk key");
    await page.getByRole("button", { name: "Register security key" }).click();
    const keys = page.getByRole("table", { name: "Security keys" });
    await expect.poll(() => keys.getByRole("cell", { name: "Desk key", exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole("status").filter({ hasText: "Two-step login is" }).textContent()).toBe("Two-step login is on.");
    const credentials = async () => (await cdp.send("WebAuthn.getCredentials", { authenticatorId: authenticator })).credentials as Credential[];
    expect(await credentials()).toHaveLength(1);

    // The key signs the server's challenge at login.
    await logOut(page);
    await passwordStep(page, email, password);
    expect(await page.getByLabel("Method").inputValue()).toBe("7");
    await page.getByRole("button", { name: "Use your security key" }).click();
    await heading(page, "Vault");

    // A key that claims the registered credential id but holds another private key: the server checks the
    // signature against the stored public key and refuses.
    await logOut(page);
    // Taken after the login, so its signature counter is current when it comes back (the server refuses a counter that goes back).
    const [registered] = await credentials();
    await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: authenticator });
    const forger = await addAuthenticator(cdp);
    const otherKey = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "der", type: "pkcs8" }).toString("base64");
    await cdp.send("WebAuthn.addCredential", { authenticatorId: forger, credential: { ...registered!, privateKey: otherKey } });
    await passwordStep(page, email, password);
    await page.getByRole("button", { name: "Use your security key" }).click();
    await expect.poll(() => page.getByRole("alert").textContent(), { timeout: 30_000 }).toBe("Two-step token is invalid. Try again.");
    expect(await page.getByRole("heading", { name: "Two-step login" }).isVisible()).toBe(true);

    // The real key again; then it is removed in the settings, and the next login asks for no second step.
    await cdp.send("WebAuthn.removeVirtualAuthenticator", { authenticatorId: forger });
    const restored = await addAuthenticator(cdp);
    await cdp.send("WebAuthn.addCredential", { authenticatorId: restored, credential: registered! });
    await page.getByRole("button", { name: "Back to log in" }).click();
    await passwordStep(page, email, password);
    await page.getByRole("button", { name: "Use your security key" }).click();
    await heading(page, "Vault");
    await openTwoStepSettings(page);
    await page.getByRole("button", { name: "Remove Desk key" }).click();
    await expect.poll(() => page.getByText("No security key is registered.").isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByRole("status").filter({ hasText: "Two-step login is" }).textContent()).toBe("Two-step login is off.");
    await logOut(page);
    await logInThroughUi(page, email, password);
    await heading(page, "Vault");
    await context.close();
  }, 300_000);
});
