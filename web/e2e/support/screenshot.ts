import { mkdirSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Page } from "playwright-core";

const dir = resolve(__dirname, "../../../docs/screenshots");

/**
 * With SCREENSHOTS=1 the journey saves the README's pictures of the main pages as it passes them: at desktop width
 * ({name}.png) and at phone width ({name}-phone.png, 390 px), then puts the window back as it was.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== "1") return;
  mkdirSync(dir, { recursive: true });
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
  const desktop = page.viewportSize();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: join(dir, `${name}-phone.png`), fullPage: false });
  if (desktop) await page.setViewportSize(desktop);
}
