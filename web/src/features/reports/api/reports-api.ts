import { decrypt, decryptToString } from "../../../lib/crypto/enc-string";
import { symmetricKeyFromBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { orgKey } from "../../../lib/profile";
import { apiClient } from "../../../lib/session";
import type { ReportItem } from "./report-logic";
import { t } from "../../../lib/i18n/messages";

interface WireCipher {
  id: string;
  type: number;
  key?: string | null;
  name?: string | null;
  deletedDate?: string | null;
  login?: { username?: string | null; password?: string | null; totp?: string | null; uris?: { uri?: string | null }[] | null } | null;
}

const dec = async (value: string | null | undefined, key: SymmetricKey) => (value ? decryptToString(value, key) : undefined);

/** Decrypts one login item with the org key (or its own item key, wrapped under the org key). */
export async function decryptLogin(wire: WireCipher, ownerKey: SymmetricKey): Promise<ReportItem> {
  const key = wire.key ? symmetricKeyFromBytes(await decrypt(wire.key, ownerKey)) : ownerKey;
  const uris = await Promise.all((wire.login?.uris ?? []).map((u) => dec(u.uri, key)));
  return {
    id: wire.id,
    name: (await dec(wire.name, key)) ?? "",
    username: await dec(wire.login?.username, key),
    password: await dec(wire.login?.password, key),
    totp: await dec(wire.login?.totp, key),
    uris: uris.filter((u): u is string => !!u),
  };
}

/** The org's live login items, decrypted in the browser for the reports. */
export async function loadReportItems(organizationId: string): Promise<ReportItem[]> {
  const key = await orgKey(organizationId);
  if (!key) throw new Error(t("reports.noOrgKey"));
  const list = await apiClient.request<{ data: WireCipher[] }>(
    `/api/ciphers/organization-details?organizationId=${encodeURIComponent(organizationId)}`,
  );
  const logins = list.data.filter((c) => c.type === 1 && !c.deletedDate);
  return Promise.all(logins.map((c) => decryptLogin(c, key)));
}
