import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { expectAccessible } from "./support/a11y";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { heading } from "./support/journey-steps";
import { registerThroughUi, uniqueEmail } from "./support/session";

const env = serverAndBrowser();

/** The link "Copy link" put on the clipboard, for the Send in the row named `name`. */
async function copiedLink(page: Page, name: string): Promise<string> {
  await page.getByRole("row", { name: new RegExp(name) }).getByRole("button", { name: "Copy link" }).click();
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toContain("/#/send/");
  return page.evaluate(() => navigator.clipboard.readText());
}

/** A recipient: a fresh browser context with no account, opening the link. */
async function recipientOpens(link: string): Promise<Page> {
  const { page } = await personPage(env.browser, env.server.baseUrl);
  await page.goto(link);
  await heading(page, "View Send");
  return page;
}

describe("Send in Chromium", () => {
  it("creates a password-protected hidden text Send and a file Send in the Vault; a recipient opens each link", async () => {
    const { context, page } = await personPage(env.browser, env.server.baseUrl);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: env.server.baseUrl });
    await page.goto("/#/register");
    await registerThroughUi(page, uniqueEmail("sender"), "correct horse battery staple");
    await heading(page, "Vault");
    await page.getByRole("link", { name: "Send", exact: true }).click();
    await heading(page, "Send");

    await page.getByRole("button", { name: "New Send" }).first().click();
    await page.getByLabel("Name").fill("Wi-Fi");
    await page.getByLabel("Text", { exact: true }).fill("router password: tr0ub4dor&3");
    await page.getByLabel("Hide the text until the recipient reveals it").check();
    await page.getByLabel("Password", { exact: true }).fill("open sesame");
    await page.getByRole("button", { name: "Save Send" }).click();
    const textLink = await copiedLink(page, "Wi-Fi");
    await expectAccessible(page, "Send list");

    const reader = await recipientOpens(textLink);
    await reader.getByLabel("Password").fill("not it");
    await reader.getByRole("button", { name: "View Send" }).click();
    await expect.poll(() => reader.getByRole("alert").textContent(), { timeout: 20_000 }).toBe("That password is not correct.");
    await reader.getByLabel("Password").fill("open sesame");
    await reader.getByRole("button", { name: "View Send" }).click();
    await expect.poll(() => reader.getByRole("heading", { level: 2, name: "Wi-Fi" }).isVisible(), { timeout: 20_000 }).toBe(true);
    expect(await reader.getByLabel("Text").inputValue()).not.toContain("tr0ub4dor");
    await reader.getByRole("button", { name: "Show text" }).click();
    expect(await reader.getByLabel("Text").inputValue()).toBe("router password: tr0ub4dor&3");
    await expectAccessible(reader, "received text Send");

    await page.getByRole("button", { name: "New Send" }).first().click();
    await page.getByLabel("Type").selectOption({ label: "File" });
    await page.getByLabel("Name").fill("Quarterly report");
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "report.txt", mimeType: "text/plain", buffer: Buffer.from("Q3: all green\n") });
    await page.getByRole("button", { name: "Save Send" }).click();
    const fileLink = await copiedLink(page, "Quarterly report");

    const downloader = await recipientOpens(fileLink);
    const download = downloader.waitForEvent("download", { timeout: 30_000 });
    await downloader.getByRole("button", { name: "Download report.txt" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("report.txt");
    expect(readFileSync((await file.path())!, "utf8")).toBe("Q3: all green\n");

  }, 240_000);
});
