// @vitest-environment node
import { parseSync } from "vite";
import { describe, expect, it } from "vitest";

/**
 * Guards the whole web UI against English written inline instead of in the message catalogue (lib/i18n/*-messages.ts):
 * JSX text with a letter in it, and string literals that read as words ("Edit", "Seats used"), wherever they stand.
 * Identifiers, paths and class names never start with a capital or hold a space. Every non-test source under src/ is
 * read; the catalogue itself is the one place English belongs.
 */
const sources = import.meta.glob(["../../**/*.{ts,tsx}", "!../../**/*.test.*", "!../../**/*.test-support.*", "!../../test/**",
  "!./*messages.ts"], { query: "?raw", import: "default", eager: true }) as Record<string, string>;
/** "../../features/x.ts" as "src/features/x.ts", the name a reader looks for. */
const srcPath = (globKey: string) => new URL(globKey, "file:///src/lib/i18n/").pathname.slice(1);

/** Attributes whose value is markup plumbing, never read by a person. */
const plumbing = new Set(["className", "type", "id", "htmlFor", "autoComplete", "to", "href", "role", "key", "inputMode", "placement", "rel"]);
const words = /(?<![A-Za-z])[A-Z][a-z]+(?![A-Za-z])|[a-z]{2,}\s+[a-z]{2,}/;
/** Button styles handed on through a variable ("secondary small") are class names too. */
const styles = /^(?:(?:button|secondary|small|danger)\s*)+$/;
const reads = (text: string) => words.test(text) && !styles.test(text);

/**
 * Strings that read as words but are not UI text, each exactly as it stands in the source. Keep this short: a
 * sentence a person reads belongs in the catalogue even when it is an error message.
 */
const notText = new Set([
  // KeyboardEvent.key values and the shortcut list's key id (the help dialog shows it through shortcuts.ctrl).
  `"Escape"`, `"Enter"`, `"Ctrl"`,
  // HTTP header names and the OAuth scope Bitwarden's identity server expects.
  `"Accept"`, `"Content-Type"`, `"Authorization"`, `"Device-Type"`, `"Add-Padding"`, `"api offline_access"`,
  // The otpauth key URI authenticator apps read (Google's Key Uri Format): issuer and label are the product's name.
  "`otpauth://totp/${encodeURIComponent(`Custodian:${email}`)}?secret=${key}&issuer=Custodian`", "`Custodian:${email}`",
  // The OpenSSH/WebCrypto algorithm name.
  `"Ed25519"`,
  // Programmers' contracts of crypto primitives, never reached from a form: the UI validates before calling.
  `"max must be an integer in 1..2^32."`, `"HKDF-Expand output too long."`, `"A symmetric key has 64 bytes."`, `"Invalid base64."`,
  "`Unsupported KDF type ${(kdf as { type: number }).type}.`",
]);
/** Whole files with no UI at all. */
const dataFiles = new Set([
  // The EFF long word list passphrases are drawn from: data, the same list Bitwarden's generator uses.
  "src/lib/crypto/eff-long-wordlist.ts",
]);

/**
 * TEMPORARY: files other branches (emerg, move, pages, tmpl) are changing while this guard was written; converting
 * them here would only conflict. The lead converts them after merging those branches, and removes each line then
 * (a file listed here that has no inline English left fails the guard, so the list only shrinks).
 */
const PENDING_FILES = new Set([
  "src/app/app-layout.tsx",
  "src/app/command-palette.tsx", // its console page list becomes features/organizations/console-pages.ts
  "src/app/routes/accept-organization-route.tsx",
  "src/app/routes/login-route.tsx",
  "src/features/emergency-access/api/emergency-access-api.ts",
  "src/features/emergency-access/components/emergency-access-page.tsx",
  "src/features/import-export/api/export-api.ts",
  "src/features/vault/api/attachment-api.ts",
  "src/features/vault/api/vault-api.ts",
  "src/features/vault/components/attachment-list.tsx",
  "src/features/vault/components/item-list.tsx",
  "src/features/vault/components/item-view.tsx",
  "src/lib/api-client.ts",
  "src/lib/ciphers/cipher-types.ts",
]);

interface Node { type: string; start: number; end: number; [field: string]: unknown }
const isNode = (x: unknown): x is Node => typeof x === "object" && x !== null && typeof (x as Node).type === "string";

function inlineEnglish(fileName: string, source: string): string[] {
  const { program, errors } = parseSync(fileName, source);
  if (errors.length > 0) throw new Error(`${fileName}: ${errors[0]!.message}`);
  const found: string[] = [];
  const report = (node: Node, text: string) => {
    if (!notText.has(text)) found.push(`${fileName}:${source.slice(0, node.start).split("\n").length} ${text}`);
  };
  const visit = (node: Node): void => {
    if (node.type === "ImportDeclaration" || node.type.startsWith("Export") && node.source) return;
    if (node.type === "JSXAttribute" && plumbing.has((node.name as { name: string }).name)) return;
    // A CryptoError names the part of the wire format that is wrong, for a developer; callers that reach a person
    // catch it and show a catalogue sentence ("Invalid master password.", "Decryption error").
    if (node.type === "NewExpression" && (node.callee as { name?: string }).name === "CryptoError") return;
    // A key read from a wire object (providers["1"]?.["Email"]) is the wire format's, not text.
    if (node.type === "MemberExpression" && node.computed) return visit(node.object as Node);
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

describe("UI text", () => {
  const files = Object.entries(sources).map(([key, source]) => ({ path: srcPath(key), source }))
    .filter(({ path }) => !dataFiles.has(path));

  it("comes from the message catalogue, not from English inline", () => {
    expect(files.length).toBeGreaterThan(200);
    expect(files.filter(({ path }) => !PENDING_FILES.has(path)).flatMap(({ path, source }) => inlineEnglish(path, source))).toEqual([]);
  });

  it("lists only pending files that still hold inline English", () => {
    const paths = new Set(files.map((f) => f.path));
    const clean = [...PENDING_FILES].filter((p) => !paths.has(p)
      || inlineEnglish(p, files.find((f) => f.path === p)!.source).length === 0);
    expect(clean).toEqual([]);
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
      function f() { throw new Error("Seats must be a whole number."); }
      const headers = { "Content-Type": "application/json", "Accept": "text/plain" };
      const email = providers["1"]?.["Email"];`);
    expect(found.map((f) => f.replace(/^x\.tsx:\d+ /, ""))).toEqual([
      `"Name (A to Z)"`, `"Search clients"`, "`Open ${name}`", "Open", "seats are in use", `"Seats must be a whole number."`,
    ]);
  });
});
