import type { SymmetricKey } from "../crypto/symmetric-key";
import { t } from "../i18n/messages";

/** Bitwarden's CipherType; bank account, driver's licence and passport (6–8) are listed but not edited here. */
export const CipherType = { Login: 1, SecureNote: 2, Card: 3, Identity: 4, SshKey: 5 } as const;
export type CipherTypeValue = (typeof CipherType)[keyof typeof CipherType];

export const cipherTypeNames: Record<number, string> = {
  1: t("cipherType.1"),
  2: t("cipherType.2"),
  3: t("cipherType.3"),
  4: t("cipherType.4"),
  5: t("cipherType.5"),
};

/** Bitwarden's FieldType: Text 0, Hidden 1, Boolean 2, Linked 3. */
export const FieldType = { Text: 0, Hidden: 1, Boolean: 2, Linked: 3 } as const;

// Wire shapes (every string marked Enc is an EncString).
export interface LoginUriWire { uri: string | null; uriChecksum: string | null; match: number | null }
export interface LoginWire {
  username: string | null;
  password: string | null;
  totp: string | null;
  passwordRevisionDate: string | null;
  autofillOnPageLoad?: boolean | null;
  uris: LoginUriWire[] | null;
  fido2Credentials?: unknown[] | null;
}
export interface FieldWire { type: number; name: string | null; value: string | null; linkedId: number | null }
export interface PasswordHistoryWire { password: string; lastUsedDate: string }
export interface AttachmentWire { id: string; url: string; fileName: string; key: string | null; size: string; sizeName: string }
export type CardWire = Record<(typeof cardKeys)[number], string | null>;
export type IdentityWire = Record<(typeof identityKeys)[number], string | null>;
export type SshKeyWire = Record<(typeof sshKeyKeys)[number], string | null>;

export const cardKeys = ["cardholderName", "brand", "number", "expMonth", "expYear", "code"] as const;
export const identityKeys = [
  "title", "firstName", "middleName", "lastName", "address1", "address2", "address3", "city", "state", "postalCode",
  "country", "company", "email", "phone", "ssn", "username", "passportNumber", "licenseNumber",
] as const;
export const sshKeyKeys = ["privateKey", "publicKey", "keyFingerprint"] as const;

export interface CipherWire {
  id: string;
  organizationId: string | null;
  folderId: string | null;
  type: number;
  name: string;
  notes: string | null;
  key: string | null;
  favorite: boolean;
  reprompt: number;
  edit: boolean;
  viewPassword: boolean;
  permissions?: { delete: boolean; restore: boolean } | null;
  login?: LoginWire | null;
  card?: CardWire | null;
  identity?: IdentityWire | null;
  secureNote?: { type: number } | null;
  sshKey?: SshKeyWire | null;
  fields?: FieldWire[] | null;
  passwordHistory?: PasswordHistoryWire[] | null;
  attachments?: AttachmentWire[] | null;
  collectionIds: string[];
  revisionDate: string;
  creationDate: string;
  deletedDate: string | null;
}

export interface FolderWire { id: string; name: string; revisionDate: string }
export interface CollectionWire { id: string; organizationId: string; name: string; readOnly: boolean; manage: boolean }
export interface SyncOrganization { id: string; name: string; status: number; enabled: boolean; key: string | null; providerId?: string | null }
export interface SyncResponse {
  profile: { id: string; organizations: SyncOrganization[]; providerOrganizations?: SyncOrganization[] };
  folders: FolderWire[];
  collections: CollectionWire[];
  ciphers: CipherWire[];
}

// Decrypted views, held in memory only.
export interface LoginUriView { uri: string; match: number | null }
export interface LoginView { username: string; password: string; totp: string; uris: LoginUriView[]; passwordRevisionDate: string | null }
export interface FieldView { type: number; name: string; value: string; linkedId: number | null }
export interface PasswordHistoryView { password: string; lastUsedDate: string }
/** An attachment's name and key, decrypted; the file itself is fetched and decrypted on download. */
export interface AttachmentView { id: string; fileName: string; key: SymmetricKey | null; sizeName: string }

export interface CipherView {
  id: string | null;
  organizationId: string | null;
  folderId: string | null;
  collectionIds: string[];
  type: number;
  name: string;
  notes: string;
  favorite: boolean;
  reprompt: number;
  login: LoginView;
  card: Record<(typeof cardKeys)[number], string>;
  identity: Record<(typeof identityKeys)[number], string>;
  sshKey: Record<(typeof sshKeyKeys)[number], string>;
  fields: FieldView[];
  passwordHistory: PasswordHistoryView[];
  /** The item's own key, when it has one; edits keep encrypting under it. */
  itemKey: SymmetricKey | null;
  edit: boolean;
  viewPassword: boolean;
  canDelete: boolean;
  canRestore: boolean;
  revisionDate: string | null;
  deletedDate: string | null;
  hasAttachments: boolean;
  attachments: AttachmentView[];
  /** The original encrypted item, for what this UI does not edit (passkeys). */
  wire: CipherWire | null;
  decryptionFailed: boolean;
}

export interface FolderView { id: string; name: string }
export interface CollectionView { id: string; organizationId: string; name: string; readOnly: boolean }
/** `providerId` only on a client org the user reaches through a provider (not as a member of it). */
export interface OrganizationView { id: string; name: string; canCreate: boolean; providerId?: string | null }

export interface VaultData {
  userId: string;
  ciphers: CipherView[];
  folders: FolderView[];
  collections: CollectionView[];
  organizations: OrganizationView[];
}

function emptyRecord<K extends string>(keys: readonly K[]): Record<K, string> {
  return Object.fromEntries(keys.map((k) => [k, ""])) as Record<K, string>;
}

export function emptyCipher(type: number = CipherType.Login): CipherView {
  return {
    id: null, organizationId: null, folderId: null, collectionIds: [], type, name: "", notes: "", favorite: false,
    reprompt: 0, login: { username: "", password: "", totp: "", uris: [], passwordRevisionDate: null },
    card: emptyRecord(cardKeys), identity: emptyRecord(identityKeys), sshKey: emptyRecord(sshKeyKeys),
    fields: [], passwordHistory: [], itemKey: null, edit: true, viewPassword: true, canDelete: true, canRestore: true,
    revisionDate: null, deletedDate: null, hasAttachments: false, attachments: [], wire: null, decryptionFailed: false,
  };
}

/**
 * A new item with another's values, as Bitwarden's Clone: no id, key, attachments or passkeys; it stays in the same
 * org and collections only when the user may add items there.
 */
export function cloneCipher(source: CipherView, canCreateInOrg: boolean): CipherView {
  const keepOrg = source.organizationId !== null && canCreateInOrg;
  return {
    ...emptyCipher(source.type),
    name: t("item.cloneName", { name: source.name }), notes: source.notes, folderId: source.folderId, favorite: source.favorite,
    reprompt: source.reprompt, login: { ...source.login, uris: source.login.uris.map((u) => ({ ...u })) },
    card: { ...source.card }, identity: { ...source.identity }, sshKey: { ...source.sshKey },
    fields: source.fields.map((f) => ({ ...f })),
    organizationId: keepOrg ? source.organizationId : null, collectionIds: keepOrg ? [...source.collectionIds] : [],
  };
}
