import type { cardKeys, identityKeys, sshKeyKeys } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";

/** Each key's label is the catalogue's {group}.{key}: card.number, identity.firstName, sshKey.publicKey. */
const labels = <K extends string>(group: "card" | "identity" | "sshKey", keys: readonly K[]) =>
  Object.fromEntries(keys.map((k) => [k, t(`${group}.${k}` as Parameters<typeof t>[0])])) as Record<K, string>;

const card = ["cardholderName", "brand", "number", "expMonth", "expYear", "code"] as const satisfies readonly (typeof cardKeys)[number][];
const identity = ["title", "firstName", "middleName", "lastName", "address1", "address2", "address3", "city", "state", "postalCode",
  "country", "company", "email", "phone", "ssn", "username", "passportNumber", "licenseNumber"] as const satisfies readonly (typeof identityKeys)[number][];
const sshKey = ["privateKey", "publicKey", "keyFingerprint"] as const satisfies readonly (typeof sshKeyKeys)[number][];

export const cardLabels: Record<(typeof cardKeys)[number], string> = labels("card", card);
export const identityLabels: Record<(typeof identityKeys)[number], string> = labels("identity", identity);
export const sshKeyLabels: Record<(typeof sshKeyKeys)[number], string> = labels("sshKey", sshKey);
