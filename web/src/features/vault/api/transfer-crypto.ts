import type { Bytes } from "../../../lib/crypto/bytes";
import { encrypt } from "../../../lib/crypto/enc-string";
import { makeUserKey, symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { encryptCipher, type CipherRequest } from "../../../lib/ciphers/cipher-crypto";
import type { AttachmentView, CipherView } from "../../../lib/ciphers/cipher-types";
import { decryptFile, encryptFile } from "./attachment-api";

/** An item made ready for another client: the request that creates it, and the fresh item key its fields are under. */
export interface ItemCopy {
  request: CipherRequest;
  itemKey: SymmetricKey;
}

/**
 * Re-encrypts a decrypted item for another organization: every field under a fresh item key, that key wrapped by
 * the target org's key, so nothing of the copy opens with the source client's key. Folder and favorite are the
 * technician's own marks and stay behind; attachments are carried one by one (reencryptAttachment).
 * `sourceOwnerKey` is the source org's key, needed to carry passkeys stored under it.
 */
export async function reencryptForOrganization(source: CipherView, sourceOwnerKey: SymmetricKey, targetOrganizationId: string,
  targetKey: SymmetricKey, userId: string): Promise<ItemCopy> {
  const itemKey = makeUserKey();
  const view: CipherView = {
    ...source, id: null, organizationId: targetOrganizationId, folderId: null, favorite: false, collectionIds: [],
    itemKey, revisionDate: null, deletedDate: null, attachments: [],
  };
  return { request: await encryptCipher(view, targetKey, userId, source.itemKey ?? sourceOwnerKey), itemKey };
}

/** One attachment for the copy: its encrypted name, its key wrapped by the copy's item key, and the encrypted bytes to upload. */
export interface AttachmentCopy {
  fileName: string;
  key: string;
  file: Bytes;
}

/**
 * An attachment with its own key keeps its encrypted bytes: only that key is wrapped again, under the copy's item
 * key. An old one without its own key was encrypted under the source item's key, which the copy must not share:
 * it gets a new key and its bytes are encrypted again.
 */
export async function reencryptAttachment(attachment: AttachmentView, encryptedFile: Uint8Array, sourceItemKey: SymmetricKey,
  targetItemKey: SymmetricKey): Promise<AttachmentCopy> {
  const fileName = await encrypt(attachment.fileName, targetItemKey);
  if (attachment.key) {
    return { fileName, key: await encrypt(symmetricKeyToBytes(attachment.key), targetItemKey), file: new Uint8Array(encryptedFile) };
  }
  const fileKey = makeUserKey();
  const file = await encryptFile(await decryptFile(encryptedFile, sourceItemKey), fileKey);
  return { fileName, key: await encrypt(symmetricKeyToBytes(fileKey), targetItemKey), file };
}
