import { ApiClient } from "./api-client";
import { KeyStore } from "./crypto/key-store";

/** Tokens live in memory only, like the keys: a reload means logging in again. */
export const tokens = { accessToken: null as string | null, refreshToken: null as string | null };

export const keyStore = new KeyStore();

export const apiClient = new ApiClient({ getAccessToken: () => tokens.accessToken });

export function lockSession(): void {
  tokens.accessToken = null;
  tokens.refreshToken = null;
  keyStore.lock();
}
