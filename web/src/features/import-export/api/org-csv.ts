/** A decrypted item in the shape the org CSV needs. */
export interface CsvItem {
  collections: string[];
  type: "login" | "note";
  name: string;
  notes: string;
  fields: { name: string; value: string }[];
  reprompt: number;
  uris: string[];
  username: string;
  password: string;
  totp: string;
}

export const ORG_CSV_COLUMNS = ["collections", "type", "name", "notes", "fields", "reprompt", "login_uri",
  "login_username", "login_password", "login_totp"] as const;

/** RFC 4180: quote a value holding a comma, quote, CR or LF; double the quotes. */
function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Bitwarden's organization CSV export (CRLF line ends, header first). */
export function toOrgCsv(items: CsvItem[]): string {
  const rows = items.map((item) => [
    item.collections.join(","), item.type, item.name, item.notes,
    item.fields.map((f) => `${f.name}: ${f.value}`).join("\n"), String(item.reprompt),
    item.uris.join(","), item.username, item.password, item.totp,
  ]);
  return [[...ORG_CSV_COLUMNS], ...rows].map((row) => row.map(quote).join(",")).join("\r\n");
}
