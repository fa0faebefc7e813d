import { fromBase64 } from "../../../lib/crypto/bytes";
import { fingerprintPhrase } from "../../../lib/crypto/fingerprint";
import { rsaEncrypt } from "../../../lib/crypto/rsa";
import { symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { apiClient, keyStore } from "../../../lib/session";

/** /api/auth-requests from the approving side (the official apps' AuthRequestApiService). */
export interface PendingRequest {
  id: string;
  publicKey: string;
  requestDeviceType: string | null;
  requestIpAddress: string | null;
  creationDate: string;
  phrase: string;
}

/** The pending requests, each with the fingerprint phrase the requesting browser shows (email and its public key). */
export async function listPendingRequests(email: string): Promise<PendingRequest[]> {
  const rows = (await apiClient.get<{ data: Omit<PendingRequest, "phrase">[] }>("/api/auth-requests/pending")).data;
  return Promise.all(rows.map(async (r) => ({ ...r, phrase: await fingerprintPhrase(email, fromBase64(r.publicKey)) })));
}

/** Approve (the user key RSA-wrapped to the request's one-time key) or deny, answering as this browser's device. */
export async function answerRequest(r: PendingRequest, approve: boolean, deviceIdentifier: string): Promise<void> {
  const key = approve ? await rsaEncrypt(symmetricKeyToBytes(keyStore.userKey), fromBase64(r.publicKey)) : null;
  await apiClient.request(`/api/auth-requests/${r.id}`, { method: "PUT", json: { key, masterPasswordHash: null, deviceIdentifier, requestApproved: approve } });
}
