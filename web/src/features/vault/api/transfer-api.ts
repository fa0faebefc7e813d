import { toApiError } from "../../../lib/api-client";
import { t } from "../../../lib/i18n/messages";
import type { SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { orgKey } from "../../../lib/profile";
import { apiClient } from "../../../lib/session";
import type { AttachmentWire, CipherView, CipherWire } from "../../../lib/ciphers/cipher-types";
import { uploadEncryptedFile } from "./attachment-api";
import { reencryptAttachment, reencryptForOrganization } from "./transfer-crypto";

export type TransferMode = "copy" | "move";

export interface TransferPlan {
  providerId: string;
  sourceOrganizationId: string;
  targetOrganizationId: string;
  collectionIds: string[];
  mode: TransferMode;
}

/** Per item: done, or the reason it stayed where it was. */
export interface TransferOutcome {
  cipher: CipherView;
  error: string | null;
}

async function requireOrgKey(organizationId: string): Promise<SymmetricKey> {
  const key = await orgKey(organizationId);
  if (!key) throw new Error(t("transfer.noKey"));
  return key;
}

async function downloadEncrypted(cipherId: string, attachmentId: string): Promise<Uint8Array> {
  const link = await apiClient.get<AttachmentWire>(`/api/ciphers/${cipherId}/attachment/${attachmentId}`);
  const response = await fetch(link.url);
  if (!response.ok) throw await toApiError(response);
  return new Uint8Array(await response.arrayBuffer());
}

/**
 * Creates the copy of one item in the target client (POST /api/ciphers/create), then carries each attachment:
 * downloaded still encrypted, its key re-wrapped for the copy, uploaded through the v2 attachment routes. A copy
 * that fails half-way is deleted again, so the target never keeps an incomplete item.
 */
async function copyItem(cipher: CipherView, plan: TransferPlan, keys: { source: SymmetricKey; target: SymmetricKey }, userId: string): Promise<string> {
  const { request, itemKey } = await reencryptForOrganization(cipher, keys.source, plan.targetOrganizationId, keys.target, userId);
  const created = await apiClient.post<CipherWire>("/api/ciphers/create", { cipher: request, collectionIds: plan.collectionIds });
  try {
    for (const attachment of cipher.attachments) {
      const copy = await reencryptAttachment(attachment, await downloadEncrypted(cipher.id!, attachment.id), cipher.itemKey ?? keys.source, itemKey);
      const announced = await apiClient.post<{ url: string }>(`/api/ciphers/${created.id}/attachment/v2`, {
        key: copy.key, fileName: copy.fileName, fileSize: copy.file.length, adminRequest: false, lastKnownRevisionDate: null,
      });
      await uploadEncryptedFile(announced.url, copy.file);
    }
  } catch (error) {
    await deleteQuietly(created.id);
    throw error;
  }
  return created.id;
}

async function deleteQuietly(cipherId: string): Promise<void> {
  try {
    await apiClient.request(`/api/ciphers/${cipherId}`, { method: "DELETE" });
  } catch {
    // Nothing more to do here: the copy stays visible in the target client, and the item is reported as failed.
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Copies or moves items from one client to another, all in this browser: each item is decrypted already (the
 * vault holds it decrypted), re-encrypted under the target client's key and created there; then one call records
 * the transfer in both clients' logs and, for a move, deletes the originals for good. If that call fails, the copies
 * are deleted again and every original stays. `onProgress` hears after each item.
 */
export async function transferItems(ciphers: CipherView[], plan: TransferPlan, userId: string,
  onProgress: (done: number, total: number) => void = () => {}): Promise<TransferOutcome[]> {
  const keys = { source: await requireOrgKey(plan.sourceOrganizationId), target: await requireOrgKey(plan.targetOrganizationId) };
  const outcomes: TransferOutcome[] = [];
  const pairs: { sourceCipherId: string; targetCipherId: string }[] = [];
  for (const cipher of ciphers) {
    try {
      if (cipher.decryptionFailed || !cipher.id) throw new Error(t("transfer.undecryptable"));
      pairs.push({ sourceCipherId: cipher.id, targetCipherId: await copyItem(cipher, plan, keys, userId) });
      outcomes.push({ cipher, error: null });
    } catch (error) {
      outcomes.push({ cipher, error: message(error) });
    }
    onProgress(outcomes.length, ciphers.length);
  }
  if (pairs.length === 0) return outcomes;
  try {
    await apiClient.post(`/api/providers/${plan.providerId}/transfers`, {
      sourceOrganizationId: plan.sourceOrganizationId, targetOrganizationId: plan.targetOrganizationId, mode: plan.mode, items: pairs,
    });
  } catch (error) {
    await Promise.all(pairs.map((p) => deleteQuietly(p.targetCipherId)));
    return outcomes.map((o) => (o.error ? o : { ...o, error: message(error) }));
  }
  return outcomes;
}
