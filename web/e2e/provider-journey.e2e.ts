import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { screenshot } from "./support/screenshot";
import { serverAndBrowser } from "./support/fixture";
import { confirmMember, heading, openProduct, openSection, registerFromMail } from "./support/journey-steps";
import { providerWithServiceUser } from "./support/provider-steps";
import { logInThroughUi, uniqueEmail } from "./support/session";

/**
 * The whole provider journey of issue 5, clicked through in Chromium by four people in separate browser contexts:
 * the system administrator, the provider's owner (X), a service user (S) and a client's owner (C).
 */
const env = serverAndBrowser();
const password = "correct horse battery staple";
const techEmail = uniqueEmail("msp-tech");
const clientEmail = uniqueEmail("acme-owner");
let owner: Page;
let tech: Page;
let client: Page;

describe("provider journey", () => {
  it("admin creates a provider; its owner sets it up, confirms a service user; the service user onboards a client", async () => {
    // 1-3. The system administrator creates the provider; its owner sets it up and confirms a service user.
    ({ owner, tech } = await providerWithServiceUser(env.browser, env.server, "Northwind MSP", techEmail, password));

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
