import { reusedPasswords, unsecuredWebsites, weakPasswords, type ReportItem } from "./report-logic";
import { t } from "../../../lib/i18n/messages";

/** A login the technician carries, decrypted in the browser, with the client it belongs to. */
export interface CarriedItem extends ReportItem {
  organizationId: string;
}

export interface ClientSecurity {
  organizationId: string;
  items: number;
  weak: number;
  reused: number;
  unsecured: number;
  /** Null when exposure was not checked (the operator did not allow it, or the check failed). */
  exposed: number | null;
}

/**
 * The security view per client, over the items the technician's browser decrypted: the server only ever saw their
 * ciphertext. Reuse counts within one client (a password shared across two customers is a finding of its own, but
 * not one this view attributes to either).
 */
export function securityByClient(items: readonly CarriedItem[], exposedIds?: ReadonlySet<string>): ClientSecurity[] {
  const byOrg = new Map<string, CarriedItem[]>();
  for (const item of items) byOrg.set(item.organizationId, [...(byOrg.get(item.organizationId) ?? []), item]);
  return [...byOrg.entries()].map(([organizationId, list]) => ({
    organizationId,
    items: list.length,
    weak: weakPasswords(list).length,
    reused: reusedPasswords(list).length,
    unsecured: unsecuredWebsites(list).length,
    exposed: exposedIds ? list.filter((i) => exposedIds.has(i.id)).length : null,
  }));
}

export const PWNED_RANGE_URL = "https://api.pwnedpasswords.com/range/";

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("").toUpperCase();
}

/**
 * How often a password appears in Have I Been Pwned's breach corpus, by k-anonymity: only the first 5 hex digits of
 * its SHA-1 leave the browser, and the match against the returned suffixes happens here. Add-Padding makes every
 * answer about the same size, so the traffic does not tell either. One request per distinct prefix.
 */
export async function exposedItemIds(items: readonly ReportItem[], fetchRange: (prefix: string) => Promise<string> = fetchPwnedRange): Promise<Set<string>> {
  const hashes = new Map<string, string[]>();
  for (const item of items) {
    if (!item.password) continue;
    const hash = await sha1Hex(item.password);
    hashes.set(hash, [...(hashes.get(hash) ?? []), item.id]);
  }
  const prefixes = new Map<string, string[]>();
  for (const hash of hashes.keys()) prefixes.set(hash.slice(0, 5), [...(prefixes.get(hash.slice(0, 5)) ?? []), hash]);
  const exposed = new Set<string>();
  for (const [prefix, full] of prefixes) {
    const counts = new Map<string, number>();
    for (const line of (await fetchRange(prefix)).split("\n")) {
      const [suffix, count] = line.trim().split(":");
      if (suffix && count) counts.set(suffix.toUpperCase(), Number(count));
    }
    for (const hash of full) if ((counts.get(hash.slice(5)) ?? 0) > 0) hashes.get(hash)?.forEach((id) => exposed.add(id));
  }
  return exposed;
}

async function fetchPwnedRange(prefix: string): Promise<string> {
  const response = await fetch(`${PWNED_RANGE_URL}${prefix}`, { headers: { "Add-Padding": "true" }, credentials: "omit", referrerPolicy: "no-referrer" });
  if (!response.ok) throw new Error(t("reports.exposedCheckFailed", { status: response.status }));
  return response.text();
}
