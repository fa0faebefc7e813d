import type { Bytes } from "./bytes";
import type { SymmetricKey } from "./symmetric-key";
import { t } from "../i18n/messages";

export interface UnlockedKeys {
  email: string;
  userKey: SymmetricKey;
  privateKey?: Bytes;
}

function wipe(key: SymmetricKey): void {
  key.encKey.fill(0);
  key.macKey.fill(0);
}

/**
 * Holds the unlocked keys in memory only: the user key, the private key, and the organization and provider keys
 * unwrapped from the profile. lock() overwrites them all so a later heap dump finds zeros.
 */
export class KeyStore {
  #keys: UnlockedKeys | null = null;
  #orgKeys = new Map<string, SymmetricKey>();
  #providerKeys = new Map<string, SymmetricKey>();
  #listeners = new Set<() => void>();

  get isUnlocked(): boolean {
    return this.#keys !== null;
  }

  get email(): string | null {
    return this.#keys?.email ?? null;
  }

  unlock(keys: UnlockedKeys): void {
    this.lock();
    this.#keys = keys;
    this.#notify();
  }

  get userKey(): SymmetricKey {
    if (!this.#keys) throw new Error(t("auth.vaultLocked"));
    return this.#keys.userKey;
  }

  get privateKey(): Bytes | undefined {
    if (!this.#keys) throw new Error(t("auth.vaultLocked"));
    return this.#keys.privateKey;
  }

  setOrgKey(orgId: string, key: SymmetricKey): void {
    const old = this.#orgKeys.get(orgId);
    if (old && old !== key) wipe(old);
    this.#orgKeys.set(orgId, key);
  }

  /** The org's key, or undefined when the user holds none (not a confirmed member or provider user). */
  orgKey(orgId: string): SymmetricKey | undefined {
    return this.#orgKeys.get(orgId);
  }

  setProviderKey(providerId: string, key: SymmetricKey): void {
    const old = this.#providerKeys.get(providerId);
    if (old && old !== key) wipe(old);
    this.#providerKeys.set(providerId, key);
  }

  providerKey(providerId: string): SymmetricKey | undefined {
    return this.#providerKeys.get(providerId);
  }

  lock(): void {
    if (!this.#keys) return;
    wipe(this.#keys.userKey);
    this.#keys.privateKey?.fill(0);
    for (const k of this.#orgKeys.values()) wipe(k);
    for (const k of this.#providerKeys.values()) wipe(k);
    this.#orgKeys.clear();
    this.#providerKeys.clear();
    this.#keys = null;
    this.#notify();
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #notify(): void {
    for (const l of this.#listeners) l();
  }
}
