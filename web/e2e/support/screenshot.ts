import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";

const dir = resolve(__dirname, "../../../docs/screenshots");

/** With SCREENSHOTS=1 the journey saves the README's pictures of the main pages as it passes them. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== "1") return;
  mkdirSync(dir, { recursive: true });
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}
