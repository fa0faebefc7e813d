import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { personPage } from "./support/browser";
import { screenshot } from "./support/screenshot";
import { serverAndBrowser } from "./support/fixture";
import { confirmMember, heading, openProduct, openSection, registerFromMail } from "./support/journey-steps";
import { logInThroughUi, uniqueEmail } from "./support/session";

/**
 * The whole provider journey of issue 5, clicked through in Chromium by four people in separate browser contexts:
 * the system administrator, the provider's owner (X), a service user (S) and a client's owner (C).
 */
const env = serverAndBrowser();
const password = "correct horse battery staple";
const ownerEmail = uniqueEmail("msp-owner");
const techEmail = uniqueEmail("msp-tech");
const clientEmail = uniqueEmail("acme-owner");
let owner: Page;
let tech: Page;
let client: Page;

describe("provider journey", () => {
  it("admin creates a provider; its owner sets it up, confirms a service user; the service user onboards a client", async () => {
    // 1. The system administrator creates the provider.
    const { page: admin } = await personPage(env.browser, env.server.baseUrl);
    await admin.goto("/#/admin");
    await admin.getByLabel("Admin token").fill(env.server.adminToken);
    await admin.getByRole("button", { name: "Continue" }).click();
    await admin.getByRole("button", { name: "Create provider" }).click();
    const create = admin.getByRole("dialog", { name: "Create provider" });
    await create.getByLabel("Name").fill("Northwind MSP");
    await create.getByLabel("Owner email").fill(ownerEmail);
    await create.getByRole("button", { name: "Create", exact: true }).click();
    await expect.poll(() => admin.getByRole("cell", { name: "Northwind MSP" }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(admin, "admin");

    // 2. Its owner registers from the setup mail and sets the provider up.
    owner = await registerFromMail(env.browser, env.server, ownerEmail, password);
    await heading(owner, "Set up your provider");
    await owner.getByLabel("Provider name").fill("Northwind MSP");
    await owner.getByLabel("Billing email").fill(ownerEmail);
    await owner.getByRole("button", { name: "Set up provider" }).click();
    await heading(owner, "Clients");

    // 3. The owner invites a service user, who registers and joins; the owner confirms them by fingerprint.
    await openSection(owner, "Members");
    await owner.getByRole("button", { name: "Invite member" }).click();
    const invite = owner.getByRole("dialog", { name: "Invite member" });
    await invite.getByLabel("Email addresses").fill(techEmail);
    await invite.getByLabel("Type").selectOption({ label: "Service user" });
    await invite.getByRole("button", { name: "Invite", exact: true }).click();
    await expect.poll(() => owner.getByRole("cell", { name: techEmail }).count(), { timeout: 30_000 }).toBeGreaterThan(0);

    tech = await registerFromMail(env.browser, env.server, techEmail, password);
    await heading(tech, "Join provider");
    await expect.poll(() => tech.getByText(/a provider admin must confirm/i).count(), { timeout: 30_000 }).toBeGreaterThan(0);

    await owner.reload();
    await logInThroughUi(owner, ownerEmail, password);
    await owner.goto(`${new URL(owner.url()).origin}/#/vault`);
    await openProduct(owner, "Northwind MSP");
    await openSection(owner, "Members");
    await confirmMember(owner, techEmail);
    await screenshot(owner, "provider-members");

    // 4. The service user creates the client org; the server invites its owner.
    await tech.reload();
    await logInThroughUi(tech, techEmail, password);
    await openProduct(tech, "Northwind MSP");
    await heading(tech, "Clients");
    await tech.getByRole("button", { name: "New client" }).click();
    const newClient = tech.getByRole("dialog", { name: "New client" });
    await newClient.getByLabel("Organization name").fill("Acme");
    await newClient.getByLabel("Owner email").fill(clientEmail);
    await newClient.getByLabel("Default collection name").fill("Default");
    await newClient.getByRole("button", { name: "Create client" }).click();
    await expect.poll(() => tech.getByRole("link", { name: "Open Acme" }).count(), { timeout: 30_000 }).toBe(1);
    await screenshot(tech, "provider-clients");

    // 5. The client's owner registers from the invitation and joins.
    client = await registerFromMail(env.browser, env.server, clientEmail, password);
    await heading(client, "Join organization");
    await expect.poll(() => client.getByText(/You joined Acme/).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  it("the service user confirms the client's owner and shares a login that the owner decrypts; the provider event log shows it", async () => {
    // 5b. The service user confirms the client's owner from Acme's Admin Console.
    await tech.getByRole("link", { name: "Open Acme" }).click();
    await heading(tech, "Members");
    await confirmMember(tech, clientEmail);
    await screenshot(tech, "admin-console-members");

    // 6. The service user creates a collection and a shared login in it.
    await openSection(tech, "Collections");
    await tech.getByRole("button", { name: "New collection" }).click();
    const collection = tech.getByRole("dialog");
    await collection.getByLabel("Name", { exact: true }).fill("Shared");
    await collection.getByLabel(clientEmail, { exact: true }).check(); // the client's owner may use it in their vault
    await collection.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => tech.getByRole("cell", { name: "Shared" }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await screenshot(tech, "admin-console-collections");

    await openProduct(tech, "Vault");
    await heading(tech, "Vault");
    await tech.getByRole("button", { name: "New item" }).click();
    const item = tech.getByRole("dialog");
    await item.getByLabel("Name", { exact: true }).fill("Acme router");
    await item.getByLabel("Username").fill("admin");
    await item.getByLabel("Password", { exact: true }).fill("R0uter-secret!");
    await item.getByLabel("Organization").selectOption({ label: "Acme" });
    await item.getByLabel("Shared").check();
    await item.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => tech.getByRole("button", { name: "Acme router" }).count(), { timeout: 30_000 }).toBeGreaterThan(0);

    // 7. The client's owner sees the login in their vault and its password decrypts.
    await client.reload();
    await logInThroughUi(client, clientEmail, password);
    await heading(client, "Vault");
    await client.getByRole("button", { name: "Acme router" }).click();
    await client.getByRole("button", { name: "Show password" }).click();
    const shown = client.getByLabel("Password", { exact: true });
    expect(await shown.getAttribute("type")).toBe("text");
    expect(await shown.inputValue()).toBe("R0uter-secret!");
    await screenshot(client, "vault");

    // 8. The provider's event log shows the steps.
    await openProduct(owner, "Northwind MSP");
    await openSection(owner, "Event log");
    const log = owner.getByRole("main");
    for (const step of [`Invited provider user E2E user (${techEmail})`, `Confirmed provider user E2E user (${techEmail})`,
      "Created organization Acme", `Confirmed user`, "Created collection"]) {
      await expect.poll(() => log.textContent(), { timeout: 30_000 }).toContain(step);
    }
    await screenshot(owner, "provider-event-log");
  });
});
