import { t } from "../../../lib/i18n/messages";
import { formatNumber } from "../../../lib/i18n/format";

/** A decrypted login item as the reports see it. */
export interface ReportItem {
  id: string;
  name: string;
  username?: string;
  password?: string;
  totp?: string;
  uris: string[];
}

export interface ReportRow {
  item: ReportItem;
  detail: string;
}

const COMMON_PASSWORDS = new Set([
  "123456", "password", "123456789", "12345678", "12345", "qwerty", "1234567", "111111", "123123", "abc123",
  "password1", "1234567890", "letmein", "welcome", "monkey", "dragon", "iloveyou", "admin", "football", "sunshine",
  "princess", "qwerty123", "passw0rd", "master", "trustno1", "baseball", "shadow", "superman", "michael", "login",
]);

/** 0 (very weak) to 4 (strong); an own estimate from length, character classes, common words and the username. */
export function passwordScore(password: string, username?: string): number {
  const lower = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lower)) return 0;
  if (username && username.length >= 3 && lower.includes(username.toLowerCase().split("@")[0] ?? "")) return 0;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
  let score = password.length >= 16 ? 3 : password.length >= 12 ? 2 : password.length >= 8 ? 1 : 0;
  if (classes >= 3) score += 1;
  if (classes <= 1) score -= 1;
  return Math.max(0, Math.min(4, score));
}

export function weakPasswords(items: ReportItem[]): ReportRow[] {
  return items
    .filter((item) => item.password)
    .map((item) => ({ item, score: passwordScore(item.password ?? "", item.username) }))
    .filter(({ score }) => score < 3)
    .map(({ item, score }) => ({ item, detail: t(score <= 1 ? "reports.veryWeak" : "reports.weak") }));
}

export function reusedPasswords(items: ReportItem[]): ReportRow[] {
  const counts = new Map<string, number>();
  for (const item of items) if (item.password) counts.set(item.password, (counts.get(item.password) ?? 0) + 1);
  return items
    .filter((item) => item.password && (counts.get(item.password) ?? 0) > 1)
    .map((item) => ({ item, detail: t("reports.reusedTimes", { count: formatNumber(counts.get(item.password ?? "") ?? 0) }) }));
}

export function unsecuredWebsites(items: ReportItem[]): ReportRow[] {
  return items
    .filter((item) => item.uris.some((uri) => uri.toLowerCase().startsWith("http://")))
    .map((item) => ({ item, detail: item.uris.filter((uri) => uri.toLowerCase().startsWith("http://")).join(", ") }));
}

const TWO_FACTOR_DOMAINS = new Set([
  "google.com", "github.com", "gitlab.com", "microsoft.com", "live.com", "office.com", "apple.com", "amazon.com",
  "aws.amazon.com", "facebook.com", "twitter.com", "x.com", "linkedin.com", "dropbox.com", "slack.com", "zoom.us",
  "paypal.com", "stripe.com", "cloudflare.com", "digitalocean.com", "heroku.com", "atlassian.com", "bitbucket.org",
  "salesforce.com", "shopify.com", "instagram.com", "reddit.com", "discord.com", "twitch.tv", "adobe.com",
  "npmjs.com", "docker.com", "godaddy.com", "namecheap.com", "coinbase.com", "binance.com", "kraken.com",
  "evernote.com", "box.com", "okta.com", "hubspot.com", "mailchimp.com", "zendesk.com", "wordpress.com",
  "yahoo.com", "proton.me", "fastmail.com", "ebay.com", "steampowered.com", "epicgames.com", "ubisoft.com",
]);

function hostOf(uri: string): string | undefined {
  try {
    return new URL(uri.includes("://") ? uri : `https://${uri}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function inactiveTwoStep(items: ReportItem[]): ReportRow[] {
  const rows: ReportRow[] = [];
  for (const item of items) {
    if (item.totp) continue;
    const host = item.uris.map(hostOf).find((h) => h && [...TWO_FACTOR_DOMAINS].some((d) => h === d || h.endsWith(`.${d}`)));
    if (host) rows.push({ item, detail: host });
  }
  return rows;
}
