import { describe, expect, it } from "vitest";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { registerThroughUi, uniqueEmail } from "./support/session";

const env = serverAndBrowser();

describe("layout and keyboard", () => {
  it("fits a phone screen without sideways scrolling, and the product switcher and item form work by keyboard", async () => {
    const { page } = await personPage(env.browser, env.server.baseUrl);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/#/register");
    await registerThroughUi(page, uniqueEmail("phone"), "correct horse battery staple");
    await expect.poll(() => page.getByRole("heading", { level: 1, name: "Vault" }).isVisible()).toBe(true);
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
    await expect.poll(() => page.getByRole("button", { name: "Keyboard login" }).count()).toBeGreaterThan(0);
    expect(await overflow()).toBeLessThanOrEqual(0);
  });
});
