import { describe, expect, it } from "vitest";
import { ownerWithOrg, registerApi } from "./support/accounts";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { heading, logOut, passwordStep } from "./support/journey-steps";
import { newestLinkTo } from "./support/outbox";
import { logInThroughUi, uniqueEmail } from "./support/session";
import { totp } from "./support/totp";

const env = serverAndBrowser();
const password = "correct horse battery staple";

describe("two-step login in Chromium", () => {
  it("turns on the authenticator, logs in with a code then with the recovery code; the policy revokes a member without it", async () => {
    const { email, orgId } = await ownerWithOrg(env.server, password);
    const memberEmail = uniqueEmail("member");
    const member = await registerApi(env.server, memberEmail, password);

    const { page } = await personPage(env.browser, env.server.baseUrl);
    await logInThroughUi(page, email, password);
    // Invite the member and let them accept, so the policy has someone to revoke.
    await page.goto(`/#/organizations/${orgId}/members`);
    await page.getByRole("button", { name: "Invite member" }).click();
    await page.getByRole("dialog", { name: "Invite member" }).getByLabel("Email addresses").fill(memberEmail);
    await page.getByRole("dialog", { name: "Invite member" }).getByRole("button", { name: "Invite" }).click();
    await expect.poll(() => page.getByRole("button", { name: `Reinvite ${memberEmail}` }).isVisible(), { timeout: 30_000 }).toBe(true);
    const link = new URLSearchParams(newestLinkTo(env.server.dataDir, memberEmail).split("?")[1]);
    await member.api.post(`/api/organizations/${orgId}/users/${link.get("organizationUserId")}/accept`, { token: link.get("token") });

    await page.getByRole("link", { name: "Two-step login" }).click();
    await heading(page, "Two-step login");
    await page.getByLabel("Master password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Continue" }).click();
    const keyText = page.getByLabel("Authenticator key");
    await expect.poll(() => keyText.isVisible(), { timeout: 60_000 }).toBe(true);
    expect(await page.getByRole("img", { name: "QR code of the authenticator key" }).isVisible()).toBe(true);
    const key = (await keyText.textContent())!;
    // The current step, not the previous one: the server takes one step either side of its own clock, so a step
    // boundary passing before the click still leaves this code accepted. The login below uses the next step, which is
    // always later than this one (an accepted step cannot be used again).
    await page.getByLabel("Verification code").fill(totp(key));
    await page.getByRole("button", { name: "Turn on" }).click();
    await expect.poll(() => page.getByRole("status").textContent(), { timeout: 30_000 }).toBe("Two-step login is on.");
    await page.getByRole("button", { name: "View recovery code" }).click();
    const recovery = page.getByLabel("Your recovery code");
    await expect.poll(() => recovery.isVisible(), { timeout: 30_000 }).toBe(true);
    const recoveryCode = (await recovery.textContent())!;

    // The policy: the member without two-step login is revoked, and the list says who has it.
    await page.goto(`/#/organizations/${orgId}/policies`);
    const policy = page.getByRole("form", { name: "Require two-step login" });
    await policy.getByLabel("Turn on Require two-step login").check();
    await policy.getByRole("button", { name: "Save Require two-step login" }).click();
    await expect.poll(() => policy.getByRole("status").textContent(), { timeout: 30_000 }).toBe("Saved.");
    await page.goto(`/#/organizations/${orgId}/members`);
    const row = page.getByRole("row").filter({ hasText: memberEmail });
    await expect.poll(() => row.getByRole("cell", { name: "Revoked", exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    expect(await row.getByRole("cell", { name: "Off", exact: true }).isVisible()).toBe(true);

    await logOut(page);
    await passwordStep(page, email, password);
    await page.getByLabel("Verification code").fill(totp(key, 1));
    await page.getByRole("button", { name: "Continue" }).click();
    await heading(page, "Vault");

    await logOut(page);
    await passwordStep(page, email, password);
    await page.getByLabel("Method").selectOption("8");
    await page.getByLabel("Recovery code").fill(recoveryCode);
    await page.getByRole("button", { name: "Continue" }).click();
    await heading(page, "Vault");

    // The recovery code turned two-step login off: the next login asks for no code.
    await logOut(page);
    await logInThroughUi(page, email, password);
    await heading(page, "Vault");
  }, 300_000);
});
