import { expect } from "vitest";
import type { Page } from "playwright-core";

/** Registers through the UI (from a mailed link's page or from scratch) and waits until the app lands somewhere. */
export async function registerThroughUi(page: Page, email: string, password: string, name = "E2E user"): Promise<void> {
  const emailField = page.getByLabel("Email address");
  // An invitation fixes the address; the form shows it read-only.
  if (await emailField.isEditable()) await emailField.fill(email);
  else expect(await emailField.inputValue()).toBe(email);
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Master password", { exact: true }).fill(password);
  await page.getByLabel("Confirm master password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect.poll(() => page.url(), { timeout: 60_000 }).not.toContain("/register");
}

export async function logInThroughUi(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/#/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Master password").fill(password);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect.poll(() => page.url(), { timeout: 60_000 }).not.toContain("/login");
}

export function uniqueEmail(who: string): string {
  return `${who}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@e2e.example`;
}
