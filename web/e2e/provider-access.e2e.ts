import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { serverAndBrowser } from "./support/fixture";
import { heading, openProduct, openSection } from "./support/journey-steps";
import { newClient, providerWithServiceUser } from "./support/provider-steps";
import { logInThroughUi, uniqueEmail } from "./support/session";

/**
 * Issue 17 in Chromium: a provider admin (A) assigns a technician (T) to one of two clients; T carries only that
 * client's items, asks for the other with a reason, A approves, the items appear; A revokes, they disappear; the
 * provider's log and the client's own log both tell it.
 */
const env = serverAndBrowser();
const password = "correct horse battery staple";
const reason = "Replace the failed core switch";

/** The Vault read afresh (it syncs on opening): leave for the Provider Portal and come back. */
async function freshVault(page: Page): Promise<void> {
  await openProduct(page, "Northwind MSP");
  await heading(page, "Clients");
  await openProduct(page, "Vault");
  await heading(page, "Vault");
}

const itemCount = (page: Page, name: string) => page.getByRole("button", { name, exact: true }).count();

async function newItem(page: Page, name: string, organization: string, collection: string): Promise<void> {
  await page.getByRole("button", { name: "New item" }).click();
  const item = page.getByRole("dialog");
  await item.getByLabel("Name", { exact: true }).fill(name);
  await item.getByLabel("Username").fill("admin");
  await item.getByLabel("Password", { exact: true }).fill(`${name} secret`);
  await item.getByLabel("Organization").selectOption({ label: organization });
  await item.getByLabel(collection).check();
  await item.getByRole("button", { name: "Save" }).click();
  // Saving shows the saved item; Escape closes it, as a person would before the next one.
  await expect.poll(() => page.getByRole("dialog", { name }).count(), { timeout: 30_000 }).toBe(1);
  await page.keyboard.press("Escape");
  await expect.poll(() => page.getByRole("dialog").count(), { timeout: 30_000 }).toBe(0);
  await expect.poll(() => itemCount(page, name), { timeout: 30_000 }).toBe(1);
}

describe("provider access by assignment", () => {
  // Two registrations run 600,000 PBKDF2 iterations in the browser; the journey is slow by design.
  it("assigns, asks, approves and revokes; the Vault and both event logs follow", { timeout: 600_000 }, async () => {
    const techEmail = uniqueEmail("msp-tech");
    const { owner, tech } = await providerWithServiceUser(env.browser, env.server, "Northwind MSP", techEmail, password);

    // The admin creates two clients (creating one assigns its creator) and puts one login in each.
    await newClient(owner, "Acme", uniqueEmail("acme-owner"), "Acme default");
    await newClient(owner, "Globex", uniqueEmail("globex-owner"), "Globex default");
    await openProduct(owner, "Vault");
    await heading(owner, "Vault");
    await newItem(owner, "Acme router", "Acme", "Acme default");
    await newItem(owner, "Globex switch", "Globex", "Globex default");

    // The admin assigns the technician to Acme only.
    await openProduct(owner, "Northwind MSP");
    await openSection(owner, "Assignments");
    await owner.getByLabel("Technician").selectOption({ label: techEmail });
    await owner.getByRole("button", { name: "Assign clients" }).click();
    const assign = owner.getByRole("dialog", { name: `Assign to ${techEmail}` });
    await assign.getByRole("checkbox", { name: "Select Acme" }).check();
    await assign.getByRole("button", { name: "Assign", exact: true }).click();
    const clients = owner.getByRole("table", { name: `Clients of ${techEmail}` });
    await expect.poll(() => clients.getByRole("cell", { name: "Acme", exact: true }).count(), { timeout: 30_000 }).toBe(1);

    // The technician's Vault holds Acme's login and nothing of Globex.
    await tech.reload();
    await logInThroughUi(tech, techEmail, password);
    await openProduct(tech, "Vault");
    await heading(tech, "Vault");
    await expect.poll(() => itemCount(tech, "Acme router"), { timeout: 30_000 }).toBe(1);
    expect(await itemCount(tech, "Globex switch")).toBe(0);

    // The technician asks for Globex with a reason.
    await openProduct(tech, "Northwind MSP");
    await openSection(tech, "Access requests");
    await tech.getByRole("button", { name: "Ask for access" }).click();
    const ask = tech.getByRole("dialog", { name: "Ask for access to a client" });
    await ask.getByLabel("Client", { exact: true }).selectOption({ label: "Globex" });
    await ask.getByLabel("Reason").fill(reason);
    await ask.getByLabel("Duration").selectOption({ label: "1 h" });
    await ask.getByRole("button", { name: "Send request" }).click();
    const waiting = tech.getByRole("table", { name: "Waiting for approval" });
    await expect.poll(() => waiting.getByRole("cell", { name: reason }).count(), { timeout: 30_000 }).toBe(1);

    // The admin approves; the login appears in the technician's Vault.
    await openSection(owner, "Access requests");
    await owner.getByRole("button", { name: `Approve ${techEmail} → Globex` }).click();
    const active = owner.getByRole("table", { name: "Active now" });
    await expect.poll(() => active.getByRole("cell", { name: "Globex", exact: true }).count(), { timeout: 30_000 }).toBe(1);
    await freshVault(tech);
    await expect.poll(() => itemCount(tech, "Globex switch"), { timeout: 30_000 }).toBe(1);

    // The admin revokes; the login leaves the technician's Vault at its next sync.
    await owner.getByRole("button", { name: `Revoke ${techEmail} → Globex` }).click();
    await expect.poll(() => active.count(), { timeout: 30_000 }).toBe(0);
    await freshVault(tech);
    // Acme's item first: while the Vault still loads it lists nothing, which would pass the Globex check too early.
    await expect.poll(() => itemCount(tech, "Acme router"), { timeout: 30_000 }).toBe(1);
    await expect.poll(() => itemCount(tech, "Globex switch"), { timeout: 30_000 }).toBe(0);

    // The provider's log and Globex's own log both tell it, with the technician's reason.
    await openSection(owner, "Event log");
    const providerLog = owner.getByRole("main");
    for (const step of ["requested access to organization", "Approved access of technician", "Revoked access of technician", reason]) {
      await expect.poll(() => providerLog.textContent(), { timeout: 30_000 }).toContain(step);
    }
    await openSection(owner, "Clients");
    await owner.getByRole("link", { name: "Open Globex" }).click();
    await heading(owner, "Members");
    await openSection(owner, "Provider access");
    const history = owner.getByRole("table", { name: "Event history" });
    for (const step of ["requested access to organization", "Approved access of technician", "Revoked access of technician", reason]) {
      await expect.poll(() => history.textContent(), { timeout: 30_000 }).toContain(step);
    }
    await openSection(owner, "Event log");
    await expect.poll(() => owner.getByRole("main").textContent(), { timeout: 30_000 }).toContain("Revoked access of technician");
  });
});
