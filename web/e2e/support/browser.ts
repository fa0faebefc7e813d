import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium (installed by ./test.sh through apt), headless. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking"],
  });
}

/** One person: their own context, so keys and tokens (held in page memory) never mix between users. */
export async function personPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1280, height: 860 } });
  context.setDefaultTimeout(20_000);
  const page = await context.newPage();
  return { context, page };
}
