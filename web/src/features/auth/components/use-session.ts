import { useSyncExternalStore } from "react";
import type { KeyStore } from "../../../lib/crypto/key-store";

/** The unlocked account's email, or null while locked; re-renders on lock and unlock. */
export function useSession(store: KeyStore): string | null {
  return useSyncExternalStore(
    (listener) => store.subscribe(listener),
    () => store.email,
  );
}
