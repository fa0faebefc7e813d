import { expect } from "vitest";
import type { Browser, Page } from "playwright-core";
import { expectAccessible } from "./a11y";
import { personPage } from "./browser";
import { newestLinkTo } from "./outbox";
import type { RunningServer } from "./server";
import { registerThroughUi } from "./session";

/** Opens a mailed link in a fresh person's browser context and registers there, returning to the linked page. */
export async function registerFromMail(browser: Browser, server: RunningServer, email: string, password: string): Promise<Page> {
  const { page } = await personPage(browser, server.baseUrl);
  await page.goto(`/#${newestLinkTo(server.dataDir, email)}`);
  await page.getByRole("link", { name: "Create account" }).or(page.getByRole("button", { name: "Create account" })).click();
  await registerThroughUi(page, email, password);
  return page;
}

/** Waits for a page's h1, then checks the page with axe-core (0 serious or critical violations). */
export async function heading(page: Page, name: string): Promise<void> {
  await expect.poll(() => page.getByRole("heading", { level: 1, name }).isVisible(), { timeout: 30_000 }).toBe(true);
  await expectAccessible(page);
}

/** Opens a product (Vault, an Admin Console, a Provider Portal) from the header's Products menu. */
export async function openProduct(page: Page, name: string): Promise<void> {
  await page.getByRole("button", { name: "Products" }).click();
  await page.getByRole("navigation", { name: "Products" }).getByRole("link", { name, exact: true }).click();
}

/** Clicks a sidebar/nav link by name (the Provider Portal's and Admin Console's sidebars). */
export async function openSection(page: Page, name: string): Promise<void> {
  await page.getByRole("link", { name, exact: true }).click();
  await heading(page, name);
}

/** Confirms a member after checking that the dialog shows a fingerprint phrase (five EFF words). */
export async function confirmMember(page: Page, email: string): Promise<void> {
  await page.getByRole("button", { name: `Confirm ${email}` }).click();
  const dialog = page.getByRole("dialog");
  await expect.poll(() => dialog.textContent(), { timeout: 30_000 }).toMatch(/[a-z]+(-[a-z]+){4}/);
  await dialog.getByRole("button", { name: "Confirm", exact: true }).click();
  await expect.poll(() => page.getByRole("button", { name: `Confirm ${email}` }).count(), { timeout: 30_000 }).toBe(0);
}

/** Email and master password on the login page, up to the second step's prompt. */
export async function passwordStep(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/#/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Master password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await heading(page, "Two-step login");
}

export async function logOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Log out" }).click();
  await expect.poll(() => page.getByRole("heading", { name: "Log in" }).isVisible()).toBe(true);
}
