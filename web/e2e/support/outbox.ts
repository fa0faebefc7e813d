import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Undo MIME quoted-printable: soft line breaks and =XX escapes (MimeKit uses it for the long invitation links). */
function decodeQuotedPrintable(text: string): string {
  const bytes = text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

function bodyOf(eml: string): string {
  const split = eml.search(/\r?\n\r?\n/);
  const headers = eml.slice(0, split);
  const body = eml.slice(split).trim();
  if (/Content-Transfer-Encoding:\s*base64/i.test(headers)) return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (/Content-Transfer-Encoding:\s*quoted-printable/i.test(headers)) return decodeQuotedPrintable(body);
  return body;
}

/**
 * The newest link to the web UI mailed to `email` (the server writes unsent mail to {data}/outbox), as a hash
 * route such as `/providers/setup-provider?…`, ready for page.goto(baseUrl + "/#" + route).
 */
export function newestLinkTo(dataDir: string, email: string): string {
  const dir = join(dataDir, "outbox");
  const files = readdirSync(dir).filter((f) => f.endsWith(".eml")).sort().reverse();
  for (const file of files) {
    const eml = readFileSync(join(dir, file), "utf8");
    const to = /^To:\s*(.*)$/im.exec(eml)?.[1] ?? "";
    if (!to.toLowerCase().includes(email.toLowerCase())) continue;
    const link = /https?:\/\/\S+?#(\/\S+)/.exec(bodyOf(eml))?.[1];
    if (link) return link;
  }
  throw new Error(`No mail with a link to ${email} in ${dir}.`);
}
