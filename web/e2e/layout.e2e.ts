import { describe, expect, it } from "vitest";
import { expectAccessible } from "./support/a11y";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { heading } from "./support/journey-steps";
import { registerThroughUi, uniqueEmail } from "./support/session";

const env = serverAndBrowser();

describe("layout and keyboard", () => {
  it("fits a phone screen without sideways scrolling, and the product switcher and item form work by keyboard", async () => {
    const { page } = await personPage(env.browser, env.server.baseUrl);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/#/register");
    await registerThroughUi(page, uniqueEmail("phone"), "correct horse battery staple");
    await heading(page, "Vault");
    await expectAccessible(page);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);

    // The product switcher opens from the keyboard and lists the Vault.
    await page.getByText("Products").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("navigation", { name: "Products" }).getByRole("link", { name: "Vault" }).isVisible()).toBe(true);
    await page.keyboard.press("Escape");
    await expect.poll(() => page.getByRole("navigation", { name: "Products" }).isVisible()).toBe(false);

    // A new login, typed and saved without the mouse.
    await page.getByRole("button", { name: "New item" }).focus();
    await page.keyboard.press("Enter");
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Name", { exact: true }).focus();
    await page.keyboard.type("Keyboard login");
    await dialog.getByRole("button", { name: "Save" }).focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.getByRole("button", { name: "Keyboard login" }).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // After saving, the item is shown with focus on its next action (Edit), not on a read-only field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe("Edit");
    await expectAccessible(page, "item view");
    await page.keyboard.press("Escape");
    expect(await overflow()).toBeLessThanOrEqual(0);

    // Ctrl+K finds the item by name (decrypted in the page) and opens it.
    await page.keyboard.press("Control+k");
    await page.keyboard.type("Keyboard");
    await expectAccessible(page, "palette");
    await page.getByRole("menuitem", { name: /Keyboard login/ }).click();
    await expect.poll(() => page.getByRole("dialog", { name: "Keyboard login" }).isVisible()).toBe(true);
    await page.keyboard.press("Escape");

    // Dark mode holds up too.
    await page.emulateMedia({ colorScheme: "dark" });
    await expectAccessible(page, "dark");
    await page.emulateMedia({ colorScheme: "light" });
  });
});
