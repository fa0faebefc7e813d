// @vitest-environment node
import { parseSync } from "vite";
import { describe, expect, it } from "vitest";

/**
 * Guards the Provider Portal against English written inline instead of in the message catalogue
 * (lib/i18n/*-messages.ts): JSX text with a letter in it, and string literals that read as words ("Edit", "Seats
 * used"), wherever they stand. Identifiers, paths and class names never start with a capital or hold a space.
 */
// The invitation gate is shared, but it is what the mailed setup and invitation pages first show.
const sources = import.meta.glob(["./*.ts", "./components/*.{ts,tsx}", "./api/*.ts", "../../components/invitation-gate.tsx",
  "../admin/components/*.tsx", "../admin/api/*.ts", "../events/api/event-messages.ts",
  "!./**/*.test.*", "!./**/*.test-support.*", "!../*/*/*.test.*", "!../*/*/*.test-support.*"],
  { query: "?raw", import: "default", eager: true }) as Record<string, string>;

/** Attributes whose value is markup plumbing, never read by a person. */
const plumbing = new Set(["className", "type", "id", "htmlFor", "autoComplete", "to", "href", "role", "key", "inputMode"]);
const words = /(?<![A-Za-z])[A-Z][a-z]+(?![A-Za-z])|[a-z]{2,}\s+[a-z]{2,}/;
/** Button styles handed on through a variable ("secondary small") are class names too. */
const styles = /^(?:(?:button|secondary|small|danger)\s*)+$/;
const reads = (text: string) => words.test(text) && !styles.test(text);

interface Node { type: string; start: number; end: number; [field: string]: unknown }
const isNode = (x: unknown): x is Node => typeof x === "object" && x !== null && typeof (x as Node).type === "string";

function inlineEnglish(fileName: string, source: string): string[] {
  const { program, errors } = parseSync(fileName, source);
  if (errors.length > 0) throw new Error(`${fileName}: ${errors[0]!.message}`);
  const found: string[] = [];
  const report = (node: Node, text: string) => found.push(`${fileName}:${source.slice(0, node.start).split("\n").length} ${text}`);
  const visit = (node: Node): void => {
    if (node.type === "ImportDeclaration" || node.type.startsWith("Export") && node.source) return;
    if (node.type === "JSXAttribute" && plumbing.has((node.name as { name: string }).name)) return;
    if (node.type === "JSXText" && /[A-Za-z]/.test(node.value as string)) report(node, (node.value as string).trim());
    if (node.type === "Literal" && typeof node.value === "string" && reads(node.value)) report(node, source.slice(node.start, node.end));
    // A placeholder stands in as "x", so `requests.${action}Named` stays one identifier and `Open ${name}` stays words.
    if (node.type === "TemplateLiteral" && reads((node.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join("x"))) {
      report(node, source.slice(node.start, node.end));
    }
    for (const value of Object.values(node)) {
      for (const child of Array.isArray(value) ? value : [value]) if (isNode(child)) visit(child);
    }
  };
  visit(program as unknown as Node);
  return found;
}

describe("Provider Portal text", () => {
  it("comes from the message catalogue, not from English inline", () => {
    expect(Object.keys(sources).length).toBeGreaterThan(30);
    expect(Object.entries(sources).flatMap(([name, source]) => inlineEnglish(name, source))).toEqual([]);
  });

  it("catches inline English in text, attributes, options and errors", () => {
    const found = inlineEnglish("x.tsx", `
      import { Button } from "./button";
      const options = [{ value: "name", label: "Name (A to Z)" }];
      export const A = () => <div className="portal-toolbar" aria-label={t("portal.label")}>
        <TextField label="Search clients" />
        <Button type="button" aria-label={\`Open \${name}\`}>Open</Button>
        <p>{n} seats are in use</p>
      </div>;
      function f() { throw new Error("Seats must be a whole number."); }`);
    expect(found.map((f) => f.replace(/^x\.tsx:\d+ /, ""))).toEqual([
      `"Name (A to Z)"`, `"Search clients"`, "`Open ${name}`", "Open", "seats are in use", `"Seats must be a whole number."`,
    ]);
  });
});
