import { afterAll, beforeAll } from "vitest";
import type { Browser } from "playwright-core";
import { launchChromium } from "./browser";
import { startServer, type RunningServer } from "./server";

/** One server and one Chromium per test file, started before its tests and stopped after them. */
export function serverAndBrowser(): { readonly server: RunningServer; readonly browser: Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  return {
    get server() {
      if (!server) throw new Error("The server is not running.");
      return server;
    },
    get browser() {
      if (!browser) throw new Error("Chromium is not running.");
      return browser;
    },
  };
}
