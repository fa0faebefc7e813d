import { expect, it, describe } from "vitest";
import type { Page } from "playwright-core";
import { encrypt } from "../src/lib/crypto/enc-string";
import { registerApi } from "./support/accounts";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { heading } from "./support/journey-steps";
import { newestLinkTo } from "./support/outbox";
import { logInThroughUi, uniqueEmail } from "./support/session";

const env = serverAndBrowser();

async function openEmergencyAccess(page: Page): Promise<void> {
  // Through another page and back by the hash alone: the lists are read afresh, and the session (in memory) stays.
  await page.evaluate(() => { location.hash = "#/vault"; });
  await page.getByRole("banner").getByRole("link", { name: "Emergency access" }).click();
  await heading(page, "Emergency access");
}

describe("emergency access in Chromium", () => {
  it("a grantor invites a contact, who accepts; the grantor confirms after the fingerprint; the contact asks, is approved and views the vault", async () => {
    const [grantorEmail, granteeEmail, password] = [uniqueEmail("grantor"), uniqueEmail("grantee"), "a long enough master password"];
    const grantorApi = await registerApi(env.server, grantorEmail, password);
    await registerApi(env.server, granteeEmail, password);
    await grantorApi.api.post("/api/ciphers", { type: 2, name: await encrypt("Will and testament", grantorApi.userKey), secureNote: { type: 0 } });

    const grantor = (await personPage(env.browser, env.server.baseUrl)).page;
    await logInThroughUi(grantor, grantorEmail, password);
    await openEmergencyAccess(grantor);
    await grantor.getByLabel("Contact's email address").fill(granteeEmail);
    await grantor.getByRole("button", { name: "Invite contact" }).click();
    await expect.poll(() => grantor.getByRole("cell", { name: granteeEmail }).first().isVisible(), { timeout: 30_000 }).toBe(true);

    const grantee = (await personPage(env.browser, env.server.baseUrl)).page;
    await logInThroughUi(grantee, granteeEmail, password);
    await grantee.goto(`/#${newestLinkTo(env.server.dataDir, granteeEmail)}`);
    await heading(grantee, "Emergency access invitation");
    await expect.poll(() => grantee.getByRole("status").textContent(), { timeout: 30_000 }).toContain("You are now an emergency contact");

    await openEmergencyAccess(grantor);
    await grantor.getByRole("button", { name: "Confirm", exact: true }).click();
    const dialog = grantor.getByRole("dialog", { name: `Confirm ${granteeEmail}` });
    await expect.poll(() => dialog.getByLabel("Fingerprint phrase").textContent(), { timeout: 30_000 }).toMatch(/[a-z]+(-[a-z]+){4}/);
    await dialog.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect.poll(() => grantor.getByRole("cell", { name: "Confirmed" }).isVisible(), { timeout: 30_000 }).toBe(true);

    await openEmergencyAccess(grantee);
    await grantee.getByRole("button", { name: "Request access" }).click();
    await expect.poll(() => grantee.getByRole("cell", { name: "Access requested" }).isVisible(), { timeout: 30_000 }).toBe(true);

    await openEmergencyAccess(grantor);
    await grantor.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => grantor.getByRole("cell", { name: "Access granted" }).isVisible(), { timeout: 30_000 }).toBe(true);

    await openEmergencyAccess(grantee);
    await grantee.getByRole("button", { name: "View vault" }).click();
    await heading(grantee, `${grantorEmail}'s vault`);
    await expect.poll(() => grantee.getByRole("cell", { name: "Will and testament" }).isVisible(), { timeout: 30_000 }).toBe(true);
  }, 300_000);
});

// The same server: a second journey costs no second start-up.
describe("log in with device in Chromium", () => {
  it("a new browser asks, the logged-in one sees the same fingerprint phrase and approves, the new one lands in the vault", async () => {
    const [email, password] = [uniqueEmail("device"), "a long enough master password"];
    await registerApi(env.server, email, password);
    const approver = (await personPage(env.browser, env.server.baseUrl)).page;
    await logInThroughUi(approver, email, password);

    const newcomer = (await personPage(env.browser, env.server.baseUrl)).page;
    await newcomer.goto("/#/login");
    await newcomer.getByRole("link", { name: "Log in with device" }).click();
    await heading(newcomer, "Log in with device");
    await newcomer.getByLabel("Email address").fill(email);
    await newcomer.getByRole("button", { name: "Send request" }).click();
    const phrase = newcomer.getByLabel("Fingerprint phrase");
    await expect.poll(() => phrase.textContent(), { timeout: 30_000 }).toMatch(/[a-z]+(-[a-z]+){4}/);

    await approver.getByRole("link", { name: "Login requests" }).click();
    await heading(approver, "Login requests");
    const shown = (await phrase.textContent())!;
    await expect.poll(() => approver.getByRole("cell", { name: shown }).first().isVisible(), { timeout: 30_000 }).toBe(true);
    await approver.getByRole("button", { name: "Approve" }).click();
    await expect.poll(() => newcomer.url(), { timeout: 60_000 }).toContain("/vault");
  }, 300_000);
});

