import { toCsv } from "../../../lib/csv";

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

/** Bitwarden's organization CSV export (CRLF line ends, header first). */
export function toOrgCsv(items: CsvItem[]): string {
  const rows = items.map((item) => [
    item.collections.join(","), item.type, item.name, item.notes,
    item.fields.map((f) => `${f.name}: ${f.value}`).join("\n"), String(item.reprompt),
    item.uris.join(","), item.username, item.password, item.totp,
  ]);
  return toCsv(ORG_CSV_COLUMNS, rows);
}
