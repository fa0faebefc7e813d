import { describe, expect, it } from "vitest";
import { ownerWithOrg as ownerWithOrgAccount, registerApi as registerAccount } from "./support/accounts";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { heading } from "./support/journey-steps";
import { newestLinkTo } from "./support/outbox";
import { logInThroughUi, uniqueEmail } from "./support/session";

const env = serverAndBrowser();
const password = "correct horse battery staple";

const registerApi = (email: string) => registerAccount(env.server, email, password);
const ownerWithOrg = () => ownerWithOrgAccount(env.server, password);

describe("admin console in Chromium", () => {
  it("invites a member, creates a collection, turns on a policy and renames the org", async () => {
    const { email, orgId } = await ownerWithOrg();
    const { page } = await personPage(env.browser, env.server.baseUrl);
    await logInThroughUi(page, email, password);
    await page.goto(`/#/organizations/${orgId}`);
    await heading(page, "Members");
    await expect.poll(() => page.locator(".console-org-name").textContent()).toBe("E2E Org");

    const invitee = uniqueEmail("member");
    await page.getByRole("button", { name: "Invite member" }).click();
    const invite = page.getByRole("dialog", { name: "Invite member" });
    await invite.getByLabel("Email addresses").fill(invitee);
    await invite.getByLabel("Default collection", { exact: true }).check();
    await invite.getByRole("button", { name: "Invite" }).click();
    await expect.poll(() => page.getByRole("button", { name: `Reinvite ${invitee}` }).isVisible(), { timeout: 30_000 }).toBe(true);

    await page.getByRole("link", { name: "Collections" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Default collection", exact: true }).isVisible()).toBe(true);
    await page.getByRole("button", { name: "New collection" }).click();
    const dialog = page.getByRole("dialog", { name: "New collection" });
    await dialog.getByLabel("Name").fill("Finance");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Finance", exact: true }).isVisible()).toBe(true);

    await page.getByRole("link", { name: "Groups" }).click();
    await page.getByRole("button", { name: "New group" }).click();
    const groupDialog = page.getByRole("dialog", { name: "New group" });
    await groupDialog.getByLabel("Name").fill("Support");
    await groupDialog.getByLabel("Finance", { exact: true }).check();
    await groupDialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Support", exact: true }).isVisible()).toBe(true);

    await page.getByRole("link", { name: "Policies" }).click();
    const policy = page.getByRole("form", { name: "Single organization" });
    await policy.getByLabel("Turn on Single organization").check();
    await policy.getByRole("button", { name: "Save Single organization" }).click();
    await expect.poll(() => policy.getByRole("status").textContent()).toBe("Saved.");

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Organization name").fill("E2E Org Renamed");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => page.locator(".console-org-name").textContent()).toBe("E2E Org Renamed");
  });

  it("confirms an accepted member after showing the fingerprint phrase", async () => {
    const { email, orgId } = await ownerWithOrg();
    const memberEmail = uniqueEmail("member");
    const member = await registerApi(memberEmail);
    const { page } = await personPage(env.browser, env.server.baseUrl);
    await logInThroughUi(page, email, password);
    await page.goto(`/#/organizations/${orgId}/members`);
    await page.getByRole("button", { name: "Invite member" }).click();
    await page.getByRole("dialog", { name: "Invite member" }).getByLabel("Email addresses").fill(memberEmail);
    await page.getByRole("dialog", { name: "Invite member" }).getByRole("button", { name: "Invite" }).click();
    await expect.poll(() => page.getByRole("button", { name: `Reinvite ${memberEmail}` }).isVisible(), { timeout: 30_000 }).toBe(true);

    const link = new URLSearchParams(newestLinkTo(env.server.dataDir, memberEmail).split("?")[1]);
    await member.api.post(`/api/organizations/${orgId}/users/${link.get("organizationUserId")}/accept`, { token: link.get("token") });
    await page.getByRole("link", { name: "Groups" }).click();
    await page.getByRole("link", { name: "Members" }).click();
    await page.getByRole("button", { name: `Confirm ${memberEmail}` }).click();
    const dialog = page.getByRole("dialog", { name: `Confirm ${memberEmail}` });
    await expect.poll(() => dialog.locator("code").textContent()).toMatch(/^[a-z]+(-[a-z]+){4}$/);
    await dialog.getByRole("button", { name: "Confirm" }).click();
    const row = page.getByRole("row").filter({ hasText: memberEmail });
    await expect.poll(() => row.getByRole("cell", { name: "Confirmed", exact: true }).isVisible()).toBe(true);
  });
});
