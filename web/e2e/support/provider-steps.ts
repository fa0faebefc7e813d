import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { personPage } from "./browser";
import { confirmMember, heading, openProduct, openSection, registerFromMail } from "./journey-steps";
import { screenshot } from "./screenshot";
import type { RunningServer } from "./server";
import { logInThroughUi, uniqueEmail } from "./session";

/**
 * The system administrator creates a provider; its owner registers from the mail and sets it up. Returns the
 * owner's page (on the Provider Portal's Clients) and address.
 */
export async function newProvider(browser: Browser, server: RunningServer, name: string, password: string) {
  const ownerEmail = uniqueEmail("msp-owner");
  const { page: admin } = await personPage(browser, server.baseUrl);
  await admin.goto("/#/admin");
  await admin.getByLabel("Admin token").fill(server.adminToken);
  await admin.getByRole("button", { name: "Continue" }).click();
  await admin.getByRole("button", { name: "Create provider" }).click();
  const create = admin.getByRole("dialog", { name: "Create provider" });
  await create.getByLabel("Name").fill(name);
  await create.getByLabel("Owner email").fill(ownerEmail);
  await create.getByRole("button", { name: "Create", exact: true }).click();
  await expect.poll(() => admin.getByRole("cell", { name }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  await screenshot(admin, "admin");

  const owner = await registerFromMail(browser, server, ownerEmail, password);
  await heading(owner, "Set up your provider");
  await owner.getByLabel("Provider name").fill(name);
  await owner.getByLabel("Billing email").fill(ownerEmail);
  await owner.getByRole("button", { name: "Set up provider" }).click();
  await heading(owner, "Clients");
  return { owner, ownerEmail };
}

/**
 * A new provider (newProvider) whose owner invites a service user, who registers and joins; the owner confirms
 * them. Returns the owner's page (in the Provider Portal's Members) and the service user's.
 */
export async function providerWithServiceUser(browser: Browser, server: RunningServer, name: string, techEmail: string, password: string) {
  const { owner, ownerEmail } = await newProvider(browser, server, name, password);

  await openSection(owner, "Members");
  await owner.getByRole("button", { name: "Invite member" }).click();
  const invite = owner.getByRole("dialog", { name: "Invite member" });
  await invite.getByLabel("Email addresses").fill(techEmail);
  await invite.getByLabel("Type").selectOption({ label: "Service user" });
  await invite.getByRole("button", { name: "Invite", exact: true }).click();
  await expect.poll(() => owner.getByRole("cell", { name: techEmail }).count(), { timeout: 30_000 }).toBeGreaterThan(0);

  const tech = await registerFromMail(browser, server, techEmail, password);
  await heading(tech, "Join provider");
  await expect.poll(() => tech.getByText(/a provider admin must confirm/i).count(), { timeout: 30_000 }).toBeGreaterThan(0);

  await owner.reload();
  await logInThroughUi(owner, ownerEmail, password);
  await owner.goto(`${new URL(owner.url()).origin}/#/vault`);
  await openProduct(owner, name);
  await openSection(owner, "Members");
  await confirmMember(owner, techEmail);
  await screenshot(owner, "provider-members");
  return { owner, tech };
}

/** Creates a client from the Provider Portal's Clients page; the server invites its owner. */
export async function newClient(page: Page, name: string, ownerEmail: string, collectionName: string): Promise<void> {
  await openSection(page, "Clients");
  await page.getByRole("button", { name: "New client" }).click();
  const dialog = page.getByRole("dialog", { name: "New client" });
  await dialog.getByLabel("Organization name").fill(name);
  await dialog.getByLabel("Owner email").fill(ownerEmail);
  await dialog.getByLabel("Default collection name").fill(collectionName);
  await dialog.getByRole("button", { name: "Create client" }).click();
  await expect.poll(() => page.getByRole("link", { name: `Open ${name}` }).count(), { timeout: 30_000 }).toBe(1);
}
