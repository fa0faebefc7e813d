import type { Bytes } from "./bytes";
import type { SymmetricKey } from "./symmetric-key";

export interface UnlockedKeys {
  email: string;
  userKey: SymmetricKey;
  privateKey?: Bytes;
}

/** Holds the unlocked keys in memory only; lock() overwrites them so a later heap dump finds zeros. */
export class KeyStore {
  #keys: UnlockedKeys | null = null;
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
    if (!this.#keys) throw new Error("The vault is locked.");
    return this.#keys.userKey;
  }

  get privateKey(): Bytes | undefined {
    if (!this.#keys) throw new Error("The vault is locked.");
    return this.#keys.privateKey;
  }

  lock(): void {
    if (!this.#keys) return;
    this.#keys.userKey.encKey.fill(0);
    this.#keys.userKey.macKey.fill(0);
    this.#keys.privateKey?.fill(0);
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
