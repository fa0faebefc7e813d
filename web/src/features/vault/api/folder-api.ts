import { encrypt } from "../../../lib/crypto/enc-string";
import { apiClient, keyStore } from "../../../lib/session";
import type { FolderWire } from "../../../lib/ciphers/cipher-types";

/** Folder names are encrypted with the user key; folders are always personal. */
export async function createFolder(name: string): Promise<FolderWire> {
  return apiClient.post<FolderWire>("/api/folders", { name: await encrypt(name, keyStore.userKey) });
}

export async function renameFolder(id: string, name: string): Promise<FolderWire> {
  return apiClient.request<FolderWire>(`/api/folders/${id}`, { method: "PUT", json: { name: await encrypt(name, keyStore.userKey) } });
}

export async function deleteFolder(id: string): Promise<void> {
  await apiClient.request(`/api/folders/${id}`, { method: "DELETE" });
}
