import { useSyncExternalStore } from "react";

/** The system administrator's token: in memory only, gone on reload, never in storage. */
let token: string | null = null;
const listeners = new Set<() => void>();

export function adminToken(): string | null {
  return token;
}

export function setAdminToken(value: string | null): void {
  token = value;
  for (const l of listeners) l();
}

export function useAdminToken(): string | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => token,
  );
}
