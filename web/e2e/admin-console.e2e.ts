import { describe, expect, it } from "vitest";
import { ownerWithOrg as ownerWithOrgAccount, registerApi as registerAccount } from "./support/accounts";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { expectAccessible } from "./support/a11y";
import { heading, openSection } from "./support/journey-steps";
import { newestLinkTo } from "./support/outbox";
import { logInThroughUi, uniqueEmail } from "./support/session";

const env = serverAndBrowser();
const password = "correct horse battery staple";

const registerApi = (email: string) => registerAccount(env.server, email, password);
const ownerWithOrg = () => ownerWithOrgAccount(env.server, password);

describe("admin console in Chromium", () => {
  it("invites a member, manages collections and groups on their tables, filters the event log, renames the org, and gets around by keyboard", async () => {
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
    // The names are decrypted with the org key first: slow on a busy machine.
    await expect.poll(() => page.getByRole("cell", { name: "Default collection", exact: true }).isVisible(), { timeout: 30_000 }).toBe(true);
    await page.getByRole("button", { name: "New collection" }).click();
    const dialog = page.getByRole("dialog", { name: "New collection" });
    await dialog.getByLabel("Name").fill("Finance");
    await dialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Finance", exact: true }).isVisible()).toBe(true);

    // "n" presses the page's New button; a ticked row is deleted from the bulk bar after a warning naming it.
    await page.getByRole("heading", { level: 1, name: "Collections" }).click();
    await page.keyboard.press("n");
    const temp = page.getByRole("dialog", { name: "New collection" });
    await temp.getByLabel("Name").fill("Temporary");
    await temp.getByRole("button", { name: "Save" }).click();
    await page.getByRole("checkbox", { name: "Select Temporary" }).check();
    await page.getByRole("group", { name: "Selected collections" }).getByRole("button", { name: "Delete selected" }).click();
    const deleting = page.getByRole("dialog", { name: "Delete Temporary" });
    await expect.poll(() => deleting.textContent()).toContain("Deleting Temporary ends the access it gives (groups: 0; members: 0)");
    await expectAccessible(page, "delete collection");
    await deleting.getByRole("button", { name: "Delete" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Temporary", exact: true }).count(), { timeout: 30_000 }).toBe(0);

    await page.getByRole("link", { name: "Groups" }).click();
    await page.getByRole("button", { name: "New group" }).click();
    const groupDialog = page.getByRole("dialog", { name: "New group" });
    await groupDialog.getByLabel("Name").fill("Support");
    await groupDialog.getByLabel("Finance", { exact: true }).check();
    await groupDialog.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Support", exact: true }).isVisible()).toBe(true);
    // The row's menu offers Delete, whose warning names the collections the group's members would lose.
    await page.getByRole("button", { name: "More actions for Support" }).click();
    await expectAccessible(page, "row menu");
    await page.getByRole("menuitem", { name: "Delete" }).click();
    const groupDelete = page.getByRole("dialog", { name: "Delete Support" });
    await expect.poll(() => groupDelete.textContent()).toContain("lose the access these groups gave them to: Finance");
    await groupDelete.getByRole("button", { name: "Cancel" }).click();

    // The event log's date range: typed segment by segment, an end before the start refused on the spot.
    await openSection(page, "Event log");
    await expect.poll(() => page.getByRole("table", { name: "Events" }).textContent(), { timeout: 30_000 }).toContain(`Invited user ${invitee}`);
    const endYear = page.getByRole("spinbutton", { name: /^year, End Date/ });
    const thisYear = Number(await endYear.getAttribute("aria-valuenow"));
    await endYear.click();
    await page.keyboard.type(String(thisYear - 2));
    await expect.poll(() => page.getByText("The end date is before the start date.").isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("button", { name: "Update" }).isDisabled()).toBe(true);
    await page.getByRole("button", { name: /Calendar/ }).click();
    await expect.poll(() => page.getByRole("grid").isVisible()).toBe(true);
    await expectAccessible(page, "calendar");
    await page.keyboard.press("Escape");
    await endYear.click();
    await page.keyboard.type(String(thisYear));
    await page.getByRole("button", { name: "Update" }).click();
    await expect.poll(() => page.getByRole("table", { name: "Events" }).textContent(), { timeout: 30_000 }).toContain(`Invited user ${invitee}`);

    await page.getByRole("link", { name: "Policies" }).click();
    const policy = page.getByRole("form", { name: "Single organization" });
    await policy.getByLabel("Turn on Single organization").check();
    await policy.getByRole("button", { name: "Save Single organization" }).click();
    await expect.poll(() => policy.getByRole("status").textContent()).toBe("Saved.");

    await page.getByRole("link", { name: "Settings" }).click();
    await page.getByLabel("Organization name").fill("E2E Org Renamed");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect.poll(() => page.locator(".console-org-name").textContent()).toBe("E2E Org Renamed");

    // Shortcuts: ? lists them; g v and g a move between products; the palette finds the invited member.
    await page.getByRole("heading", { level: 1, name: "Settings" }).click();
    await page.keyboard.press("?");
    await expect.poll(() => page.getByRole("dialog", { name: "Keyboard shortcuts" }).isVisible()).toBe(true);
    await expectAccessible(page, "shortcut help");
    await page.keyboard.press("Escape");
    await page.keyboard.press("g");
    await page.keyboard.press("v");
    await heading(page, "Vault");
    await page.keyboard.press("g");
    await page.keyboard.press("a");
    await heading(page, "Members");
    await page.keyboard.press("Control+k");
    await page.getByRole("searchbox").fill(invitee);
    await page.getByRole("menuitem", { name: new RegExp(invitee) }).click();
    await expect.poll(() => page.getByLabel("Search members").inputValue(), { timeout: 30_000 }).toBe(invitee);
    await expect.poll(() => page.getByRole("table", { name: "Members" }).getByRole("row").count(), { timeout: 30_000 }).toBe(2);
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
