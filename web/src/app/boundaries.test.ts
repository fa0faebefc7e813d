import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { describe, expect, it } from "vitest";

/**
 * The layout rule of STYLE 2.8, checked on every import: a feature never imports another feature, and lib/ and
 * components/ never import features (only app/ composes them). ESLint's TypeScript parser does not read
 * TypeScript 7 yet, so this test is the lint rule.
 */
const src = resolve(__dirname, "..");

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

function area(path: string): string {
  const parts = relative(src, path).split(sep);
  return parts[0] === "features" ? `features/${parts[1]}` : (parts[0] ?? "");
}

export function violations(): string[] {
  const found: string[] = [];
  for (const file of files(src)) {
    const from = area(file);
    for (const m of readFileSync(file, "utf8").matchAll(/(?:from|import)\s*\(?\s*["'](\.[^"']+)["']/g)) {
      const to = area(resolve(dirname(file), m[1]!));
      const crossesFeatures = to.startsWith("features/") && from !== to && from !== "app";
      if (crossesFeatures) found.push(`${relative(src, file)} imports ${m[1]} (${to})`);
    }
  }
  return found;
}

describe("module boundaries", () => {
  it("keeps features independent; only app/ composes them", () => {
    expect(violations()).toEqual([]);
  });
});
