import { ApiClient } from "./api-client";
import type { KdfConfig } from "./crypto/kdf";
import { KeyStore } from "./crypto/key-store";

/** What unlocking needs again after a lock: the protected keys, never the master key or password. */
export interface AccountState {
  email: string;
  kdf: KdfConfig;
  protectedUserKey: string;
  encryptedPrivateKey: string | null;
}

export type SessionStatus = "loggedOut" | "locked" | "unlocked";

/** Tokens live in memory only, like the keys: a reload means logging in again. */
export const tokens = { accessToken: null as string | null, refreshToken: null as string | null };

export const keyStore = new KeyStore();

export const apiClient = new ApiClient({ getAccessToken: () => tokens.accessToken });

let account: AccountState | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

keyStore.subscribe(notify);

export function sessionStatus(): SessionStatus {
  if (!tokens.accessToken || !account) return "loggedOut";
  return keyStore.isUnlocked ? "unlocked" : "locked";
}

export function currentAccount(): AccountState | null {
  return account;
}

export function subscribeSession(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function startSession(accessToken: string, refreshToken: string | null, state: AccountState): void {
  tokens.accessToken = accessToken;
  tokens.refreshToken = refreshToken;
  account = state;
  notify();
}

/** Lock: the keys are wiped, the tokens stay so unlocking needs only the master password. */
export function lockSession(): void {
  keyStore.lock();
  notify();
}

export function logOut(): void {
  tokens.accessToken = null;
  tokens.refreshToken = null;
  account = null;
  keyStore.lock();
  notify();
}
