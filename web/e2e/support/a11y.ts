import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

interface AxeViolation { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }

/** Every page state checked in this run, by route shape (ids removed) and colour scheme, so each is checked once. */
const checked = new Set<string>();

/**
 * Runs axe-core (WCAG 2.x A and AA rules) on the page as it is now and throws on any serious or critical violation,
 * naming the rule and the elements. Called on every page the journeys land on (journey-steps.heading) and on open
 * dialogs and menus worth a look.
 */
export async function expectAccessible(page: Page, what = ""): Promise<void> {
  const scheme = await page.evaluate(() => (matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light"));
  const key = `${new URL(page.url()).hash.replace(/[0-9a-f-]{36}/g, ":id").replace(/\?.*$/, "")} ${scheme} ${what}`;
  if (checked.has(key)) return;
  checked.add(key);
  // Evaluated through the DevTools protocol rather than added as a <script>, which the server's CSP refuses.
  if (!(await page.evaluate(() => "axe" in window))) await page.evaluate(`${axeSource}\n;void 0`);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (c: Document, o: object) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } });
    return result.violations;
  });
  const bad = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (bad.length > 0) {
    const lines = bad.map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)).join(", ")}`);
    throw new Error(`Accessibility violations on ${key}:\n${lines.join("\n")}`);
  }
}
