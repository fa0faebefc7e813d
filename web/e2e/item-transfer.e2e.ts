import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { serverAndBrowser } from "./support/fixture";
import { confirmMember, heading, openProduct, openSection, registerFromMail } from "./support/journey-steps";
import { newClient, newProvider } from "./support/provider-steps";
import { logInThroughUi, uniqueEmail } from "./support/session";

/**
 * Issue 21 in Chromium: a provider admin carries two clients, Acme and Globex. They copy a login with an attachment
 * from Acme to Globex, re-encrypted in their browser, and moves another; Globex's owner decrypts the copy and its
 * file, Acme's owner still has the original (and no longer the moved one), and each client's own log records its side.
 */
const env = serverAndBrowser();
const password = "correct horse battery staple";
const secret = "R0uter-secret!";
const diagram = "core switch on port 24\n";

/** The client's owner registers from the invitation and joins. */
async function clientOwnerJoins(email: string, organization: string): Promise<Page> {
  const page = await registerFromMail(env.browser, env.server, email, password);
  await heading(page, "Join organization");
  await expect.poll(() => page.getByText(`You joined ${organization}`).count(), { timeout: 30_000 }).toBeGreaterThan(0);
  return page;
}

/** From the Provider Portal: the client's owner confirmed, and a collection they use in their vault. */
async function prepareClient(admin: Page, organization: string, ownerEmail: string): Promise<void> {
  await openProduct(admin, "Northwind MSP");
  await heading(admin, "Clients");
  await admin.getByRole("link", { name: `Open ${organization}` }).click();
  await heading(admin, "Members");
  await confirmMember(admin, ownerEmail);
  await openSection(admin, "Collections");
  await admin.getByRole("button", { name: "New collection" }).click();
  const collection = admin.getByRole("dialog", { name: "New collection" });
  await collection.getByLabel("Name", { exact: true }).fill(`${organization} shared`);
  await collection.getByLabel(ownerEmail, { exact: true }).check();
  await collection.getByRole("button", { name: "Save" }).click();
  await expect.poll(() => admin.getByRole("cell", { name: `${organization} shared`, exact: true }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
}

/** A new login in a client's collection; the saved item stays open. */
async function addLogin(admin: Page, name: string, organization: string) {
  await admin.getByRole("button", { name: "New item" }).click();
  const form = admin.getByRole("dialog");
  await form.getByLabel("Name", { exact: true }).fill(name);
  await form.getByLabel("Username").fill("admin");
  await form.getByLabel("Password", { exact: true }).fill(secret);
  await form.getByLabel("Organization").selectOption({ label: organization });
  await form.getByLabel(`${organization} shared`).check();
  await form.getByRole("button", { name: "Save" }).click();
  const item = admin.getByRole("dialog", { name });
  await expect.poll(() => item.count(), { timeout: 30_000 }).toBe(1);
  return item;
}

/** A client's owner logs in, opens "Acme router" and reads its password and its attachment. */
async function ownerReadsTheItem(page: Page, email: string): Promise<void> {
  await page.reload();
  await logInThroughUi(page, email, password);
  await heading(page, "Vault");
  await page.getByRole("button", { name: "Acme router", exact: true }).click();
  const item = page.getByRole("dialog", { name: "Acme router" });
  await item.getByRole("button", { name: "Show password" }).click();
  expect(await item.getByLabel("Password", { exact: true }).inputValue()).toBe(secret);
  const download = page.waitForEvent("download", { timeout: 30_000 });
  await item.getByRole("button", { name: "Download diagram.txt" }).click();
  expect(readFileSync((await (await download).path())!, "utf8")).toBe(diagram);
  await page.keyboard.press("Escape");
}

describe("items between clients", () => {
  // Three registrations run 600,000 PBKDF2 iterations each in the browser; the journey is slow by design.
  it("copies an item with its attachment and moves another between clients; each client's owner decrypts theirs", { timeout: 600_000 }, async () => {
    const { owner: admin, ownerEmail: adminEmail } = await newProvider(env.browser, env.server, "Northwind MSP", password);
    const acmeEmail = uniqueEmail("acme-owner");
    const globexEmail = uniqueEmail("globex-owner");
    await newClient(admin, "Acme", acmeEmail, "Acme default");
    await newClient(admin, "Globex", globexEmail, "Globex default");
    const acme = await clientOwnerJoins(acmeEmail, "Acme");
    const globex = await clientOwnerJoins(globexEmail, "Globex");
    await admin.reload();
    await logInThroughUi(admin, adminEmail, password);
    await prepareClient(admin, "Acme", acmeEmail);
    await prepareClient(admin, "Globex", globexEmail);

    // The admin (who made both clients, so carries both) puts a login with a file in Acme.
    await openProduct(admin, "Vault");
    await heading(admin, "Vault");
    await addLogin(admin, "Acme printer", "Acme");
    await admin.keyboard.press("Escape");
    const item = await addLogin(admin, "Acme router", "Acme");
    await item.getByLabel("Add attachment").setInputFiles({ name: "diagram.txt", mimeType: "text/plain", buffer: Buffer.from(diagram) });
    await expect.poll(() => item.getByRole("button", { name: "Download diagram.txt" }).count(), { timeout: 30_000 }).toBe(1);

    // Copy to Globex: the target client and its collection, then per-item results.
    await item.getByRole("button", { name: "Copy to client…" }).click();
    const copy = admin.getByRole("dialog", { name: "Copy Acme router to another client" });
    await copy.getByLabel("Target client").selectOption({ label: "Globex" });
    await copy.getByLabel("Globex shared").check();
    await copy.getByRole("button", { name: "Copy", exact: true }).click();
    await expect.poll(() => copy.getByRole("list", { name: "Results" }).textContent(), { timeout: 60_000 }).toContain("Acme router: done");
    await copy.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => admin.getByRole("button", { name: "Acme router", exact: true }).count(), { timeout: 30_000 }).toBe(2);

    // A move, picked from the list: the printer login leaves Acme for Globex.
    await admin.getByRole("checkbox", { name: "Select Acme printer" }).check();
    await admin.getByRole("button", { name: "Move 1 selected to client…" }).click();
    const move = admin.getByRole("dialog", { name: "Move Acme printer to another client" });
    await move.getByLabel("Target client").selectOption({ label: "Globex" });
    await move.getByLabel("Globex shared").check();
    await move.getByRole("button", { name: "Move", exact: true }).click();
    await expect.poll(() => move.getByRole("list", { name: "Results" }).textContent(), { timeout: 60_000 }).toContain("Acme printer: done");
    await move.getByRole("button", { name: "Close" }).click();

    // Globex's owner decrypts the copy and its file; Acme's owner still has the original.
    await ownerReadsTheItem(globex, globexEmail);
    await ownerReadsTheItem(acme, acmeEmail);
    expect(await globex.getByRole("button", { name: "Acme printer", exact: true }).count()).toBe(1);
    expect(await acme.getByRole("button", { name: "Acme printer", exact: true }).count()).toBe(0);

    // Each client's own log records its side of it.
    await openProduct(globex, "Globex");
    await heading(globex, "Members");
    await openSection(globex, "Event log");
    await expect.poll(() => globex.getByRole("main").textContent(), { timeout: 30_000 }).toContain("by copy from another client");
    await openProduct(acme, "Acme");
    await heading(acme, "Members");
    await openSection(acme, "Event log");
    await expect.poll(() => acme.getByRole("main").textContent(), { timeout: 30_000 }).toContain("to another client");
  });
});
