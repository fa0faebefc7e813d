import { useSyncExternalStore } from "react";
import { sessionStatus, subscribeSession, type SessionStatus } from "./session";

/** Re-renders on login, lock, unlock and logout. */
export function useSessionStatus(): SessionStatus {
  return useSyncExternalStore(subscribeSession, sessionStatus);
}
