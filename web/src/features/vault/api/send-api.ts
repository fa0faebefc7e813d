import { apiClient, keyStore } from "../../../lib/session";
import { ApiClient, toApiError } from "../../../lib/api-client";
import { decrypt, decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import type { Bytes } from "../../../lib/crypto/bytes";
import { decryptFile, encryptFile, uploadEncryptedFile } from "./attachment-api";
import { deriveSendKey, hashSendPassword, makeSendKeyMaterial } from "./send-crypto";
import { t } from "../../../lib/i18n/messages";

export const SendType = { Text: 0, File: 1 } as const;
export type SendType = (typeof SendType)[keyof typeof SendType];

/** Bitwarden's SendAuthType: 1 = password, 2 = none. */
const AuthType = { Password: 1, None: 2 } as const;

interface SendWire {
  id: string;
  accessId: string;
  type: SendType;
  name: string;
  notes: string | null;
  key: string;
  text: { text: string | null; hidden: boolean } | null;
  file: { id: string | null; fileName: string | null; size: string | null; sizeName: string | null } | null;
  maxAccessCount: number | null;
  accessCount: number;
  password: string | null;
  disabled: boolean;
  hideEmail: boolean;
  revisionDate: string;
  expirationDate: string | null;
  deletionDate: string;
}

/** A Send of the user's, decrypted. */
export interface SendView {
  id: string;
  accessId: string;
  type: SendType;
  name: string;
  notes: string;
  text: string;
  hidden: boolean;
  fileName: string;
  sizeName: string | null;
  keyMaterial: Bytes;
  maxAccessCount: number | null;
  accessCount: number;
  hasPassword: boolean;
  disabled: boolean;
  hideEmail: boolean;
  revisionDate: string;
  expirationDate: string | null;
  deletionDate: string;
}

/** What the Send form edits; a password left empty keeps the current one (removing it is its own action). */
export interface SendDraft {
  type: SendType;
  name: string;
  notes: string;
  text: string;
  hidden: boolean;
  file: File | null;
  password: string;
  maxAccessCount: number | null;
  expirationDate: string | null;
  deletionDate: string;
  disabled: boolean;
  hideEmail: boolean;
}

async function decryptSend(wire: SendWire): Promise<SendView> {
  const keyMaterial = await decrypt(wire.key, keyStore.userKey);
  const key = await deriveSendKey(keyMaterial);
  const open = async (value: string | null | undefined) => (value ? decryptToString(value, key) : "");
  return {
    id: wire.id, accessId: wire.accessId, type: wire.type, name: await open(wire.name), notes: await open(wire.notes),
    text: await open(wire.text?.text), hidden: wire.text?.hidden ?? false, fileName: await open(wire.file?.fileName),
    sizeName: wire.file?.sizeName ?? null, keyMaterial, maxAccessCount: wire.maxAccessCount, accessCount: wire.accessCount,
    hasPassword: wire.password !== null, disabled: wire.disabled, hideEmail: wire.hideEmail, revisionDate: wire.revisionDate,
    expirationDate: wire.expirationDate, deletionDate: wire.deletionDate,
  };
}

export async function listSends(): Promise<SendView[]> {
  const list = await apiClient.get<{ data: SendWire[] }>("/api/sends");
  return Promise.all(list.data.map(decryptSend));
}

/** Bitwarden's SendRequestModel: everything readable encrypted with the Send's key, the key material with the user key. */
async function requestFor(draft: SendDraft, keyMaterial: Bytes, fileLength: number | null, keepsPassword: boolean) {
  const key = await deriveSendKey(keyMaterial);
  const seal = async (value: string) => (value ? encrypt(value, key) : null);
  const password = draft.password ? await hashSendPassword(draft.password, keyMaterial) : null;
  return {
    type: draft.type,
    // With a new password, no auth type: the server then sets (or replaces) the password rather than keeping the old one.
    authType: password ? null : keepsPassword ? AuthType.Password : AuthType.None,
    fileLength,
    name: await encrypt(draft.name, key),
    notes: await seal(draft.notes),
    key: await encrypt(keyMaterial, keyStore.userKey),
    maxAccessCount: draft.maxAccessCount,
    expirationDate: draft.expirationDate,
    deletionDate: draft.deletionDate,
    text: draft.type === SendType.Text ? { text: await seal(draft.text), hidden: draft.hidden } : null,
    file: draft.type === SendType.File && draft.file ? { fileName: await encrypt(draft.file.name, key) } : null,
    password,
    emails: null,
    disabled: draft.disabled,
    hideEmail: draft.hideEmail,
  };
}

/** Creates (text, or a file in two steps: announce, then upload the encrypted bytes) or edits a Send. */
export async function saveSend(draft: SendDraft, existing: SendView | null): Promise<SendView> {
  if (existing) {
    const body = await requestFor(draft, existing.keyMaterial, null, existing.hasPassword);
    return decryptSend(await apiClient.request<SendWire>(`/api/sends/${existing.id}`, { method: "PUT", json: body }));
  }
  const keyMaterial = makeSendKeyMaterial();
  if (draft.type === SendType.Text) {
    return decryptSend(await apiClient.post<SendWire>("/api/sends", await requestFor(draft, keyMaterial, null, false)));
  }
  if (!draft.file) throw new Error(t("send.chooseFile"));
  const encrypted = await encryptFile(new Uint8Array(await draft.file.arrayBuffer()), await deriveSendKey(keyMaterial));
  const announced = await apiClient.post<{ url: string; sendResponse: SendWire }>("/api/sends/file/v2",
    await requestFor(draft, keyMaterial, encrypted.length, false));
  await uploadEncryptedFile(announced.url, encrypted);
  return decryptSend(announced.sendResponse);
}

export async function removeSendPassword(id: string): Promise<void> {
  await apiClient.request(`/api/sends/${id}/remove-password`, { method: "PUT" });
}

export async function deleteSend(id: string): Promise<void> {
  await apiClient.request(`/api/sends/${id}`, { method: "DELETE" });
}

interface SendAccessWire {
  id: string;
  type: SendType;
  name: string;
  text: { text: string | null; hidden: boolean } | null;
  file: { id: string; fileName: string; sizeName: string | null } | null;
  expirationDate: string | null;
  creatorIdentifier: string | null;
}

/** A received Send, decrypted in the browser with the key from the link. */
export interface ReceivedSend {
  type: SendType;
  name: string;
  text: string;
  hidden: boolean;
  file: { id: string; fileName: string; sizeName: string | null } | null;
  expirationDate: string | null;
  creatorIdentifier: string | null;
}

/** Recipients have no account: no token, no session. */
const anonymous = new ApiClient();

/** The Send's password hash for the access routes, or nothing when the Send has no password. */
async function accessBody(keyMaterial: Bytes, password: string | null) {
  return password ? { password: await hashSendPassword(password, keyMaterial) } : {};
}

/**
 * Opens a received Send (Bitwarden's access route, which counts the opening). A Send with a password answers 401
 * until the password is given, and 400 to a wrong one.
 */
export async function accessSend(accessId: string, keyMaterial: Bytes, password: string | null): Promise<ReceivedSend> {
  const wire = await anonymous.post<SendAccessWire>(`/api/sends/access/${accessId}`, await accessBody(keyMaterial, password));
  const key = await deriveSendKey(keyMaterial);
  return {
    type: wire.type, name: await decryptToString(wire.name, key),
    text: wire.text?.text ? await decryptToString(wire.text.text, key) : "", hidden: wire.text?.hidden ?? false,
    file: wire.file ? { id: wire.file.id, fileName: await decryptToString(wire.file.fileName, key), sizeName: wire.file.sizeName } : null,
    expirationDate: wire.expirationDate, creatorIdentifier: wire.creatorIdentifier,
  };
}

/** Asks for the file's download link, fetches the encrypted bytes and decrypts them here. */
export async function downloadReceivedFile(accessId: string, fileId: string, keyMaterial: Bytes, password: string | null): Promise<Blob> {
  const link = await anonymous.post<{ url: string }>(`/api/sends/${accessId}/access/file/${fileId}`, await accessBody(keyMaterial, password));
  const response = await fetch(link.url);
  if (!response.ok) throw await toApiError(response);
  return new Blob([await decryptFile(new Uint8Array(await response.arrayBuffer()), await deriveSendKey(keyMaterial))]);
}
