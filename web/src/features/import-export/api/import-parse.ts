import { CipherType, emptyCipher, type CipherView } from "../../../lib/ciphers/cipher-types";
import { parseCsv } from "./csv-parse";
import { t } from "../../../lib/i18n/messages";

/** Items to import, each with the names of the collections it goes into, and the problems found per line or item. */
export interface ParsedImport {
  items: { cipher: CipherView; collections: string[] }[];
  errors: string[];
}

const csvColumns = ["collections", "type", "name", "notes", "fields", "reprompt", "login_uri", "login_username", "login_password", "login_totp"];

/** Bitwarden's organization CSV (the columns its export writes); logins and secure notes, as Bitwarden's CSV holds. */
export function parseBitwardenCsv(text: string): ParsedImport {
  const rows = parseCsv(text.replace(/^\uFEFF/, ""));
  const header = rows.shift()?.cells.map((h) => h.trim().toLowerCase()) ?? [];
  const missing = ["type", "name"].filter((c) => !header.includes(c));
  if (missing.length > 0) return { items: [], errors: [t("import.headerLacks", { missing: missing.length > 1 ? t("import.headerAnd", { first: missing[0]!, second: missing[1]! }) : missing[0]!, columns: csvColumns.join(",") })] };
  const result: ParsedImport = { items: [], errors: [] };
  for (const { line, cells } of rows) {
    const get = (name: string) => cells[header.indexOf(name)]?.trim() ?? "";
    const type = get("type").toLowerCase();
    if (type !== "login" && type !== "note") {
      result.errors.push(t("import.unknownType", { line, type: get("type") }));
      continue;
    }
    if (!get("name")) {
      result.errors.push(t("import.lineNoName", { line }));
      continue;
    }
    const cipher = emptyCipher(type === "login" ? CipherType.Login : CipherType.SecureNote);
    cipher.name = get("name");
    cipher.notes = get("notes");
    cipher.reprompt = get("reprompt") === "1" ? 1 : 0;
    cipher.fields = get("fields").split("\n").filter(Boolean).map((f) => {
      const at = f.indexOf(": ");
      return { type: 0, name: at < 0 ? f : f.slice(0, at), value: at < 0 ? "" : f.slice(at + 2), linkedId: null };
    });
    if (cipher.type === CipherType.Login) {
      cipher.login = { ...cipher.login, username: get("login_username"), password: get("login_password"), totp: get("login_totp"),
        uris: get("login_uri").split(",").map((u) => u.trim()).filter(Boolean).map((uri) => ({ uri, match: null })) };
    }
    result.items.push({ cipher, collections: get("collections").split(",").map((c) => c.trim()).filter(Boolean) });
  }
  return result;
}

interface JsonItem {
  type?: number; name?: string; notes?: string | null; favorite?: boolean; reprompt?: number; collectionIds?: string[] | null;
  fields?: { name?: string | null; value?: string | null; type?: number; linkedId?: number | null }[] | null;
  login?: { username?: string | null; password?: string | null; totp?: string | null; uris?: { uri?: string | null; match?: number | null }[] | null } | null;
  card?: Record<string, string | null> | null; identity?: Record<string, string | null> | null; sshKey?: Record<string, string | null> | null;
}

const text = (v: unknown) => (typeof v === "string" ? v : "");
const copy = <K extends string>(target: Record<K, string>, source: Record<string, string | null> | null | undefined) => {
  for (const k of Object.keys(target) as K[]) target[k] = text(source?.[k]);
};

/** Bitwarden's unencrypted JSON export; collections are matched by the names the file gives their ids. */
export function parseBitwardenJson(raw: string): ParsedImport {
  let file: { encrypted?: boolean; collections?: { id: string; name: string }[]; items?: JsonItem[] };
  try {
    file = JSON.parse(raw.replace(/^\uFEFF/, ""));
  } catch (e) {
    return { items: [], errors: [t("import.notJson", { reason: (e as Error).message })] };
  }
  if (file.encrypted) return { items: [], errors: [t("import.encrypted")] };
  if (!Array.isArray(file.items)) return { items: [], errors: [t("import.noItems")] };
  const collectionNames = new Map((file.collections ?? []).map((c) => [c.id, c.name]));
  const result: ParsedImport = { items: [], errors: [] };
  file.items.forEach((it, i) => {
    if (![1, 2, 3, 4, 5].includes(it.type ?? 0) || !it.name) {
      result.errors.push(it.name ? t("import.itemUnsupported", { number: i + 1, type: String(it.type) }) : t("import.itemNoName", { number: i + 1 }));
      return;
    }
    const cipher = emptyCipher(it.type);
    cipher.name = it.name;
    cipher.notes = text(it.notes);
    cipher.favorite = !!it.favorite;
    cipher.reprompt = it.reprompt === 1 ? 1 : 0;
    cipher.fields = (it.fields ?? []).map((f) => ({ type: f.type ?? 0, name: text(f.name), value: text(f.value), linkedId: f.linkedId ?? null }));
    if (it.login) {
      cipher.login = { ...cipher.login, username: text(it.login.username), password: text(it.login.password), totp: text(it.login.totp),
        uris: (it.login.uris ?? []).filter((u) => u.uri).map((u) => ({ uri: text(u.uri), match: u.match ?? null })) };
    }
    copy(cipher.card, it.card);
    copy(cipher.identity, it.identity);
    copy(cipher.sshKey, it.sshKey);
    const collections = (it.collectionIds ?? []).map((id) => collectionNames.get(id)).filter((n): n is string => !!n);
    result.items.push({ cipher, collections });
  });
  return result;
}
