import type { ApiClient } from "../../../lib/api-client";
import { KdfType, type KdfConfig } from "../../../lib/crypto/kdf";
import { t } from "../../../lib/i18n/messages";

export interface PreloginResponse {
  kdf: number;
  kdfIterations: number;
  kdfMemory?: number | null;
  kdfParallelism?: number | null;
}

export async function prelogin(client: ApiClient, email: string): Promise<KdfConfig> {
  const r = await client.post<PreloginResponse>("/identity/accounts/prelogin", { email });
  return kdfFromPrelogin(r);
}

export function kdfFromPrelogin(r: PreloginResponse): KdfConfig {
  if (r.kdf === KdfType.Pbkdf2Sha256) return { type: KdfType.Pbkdf2Sha256, iterations: r.kdfIterations };
  if (r.kdf === KdfType.Argon2id && r.kdfMemory && r.kdfParallelism) {
    return { type: KdfType.Argon2id, iterations: r.kdfIterations, memory: r.kdfMemory, parallelism: r.kdfParallelism };
  }
  throw new Error(t("auth.unsupportedKdf", { kdf: String(r.kdf) }));
}
