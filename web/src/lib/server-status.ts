import { useEffect, useState } from "react";
import { ApiClient } from "./api-client";

/** GET /api/server-status: whether /admin is on, whether anyone may register, and whether this is a fresh server. */
export interface ServerStatus {
  adminEnabled: boolean;
  signupsAllowed: boolean;
  firstRun: boolean;
}

let cached: Promise<ServerStatus | null> | null = null;

/** Read once per page load; null when the server cannot say (an older server, or offline): the UI then offers everything. */
export function loadServerStatus(): Promise<ServerStatus | null> {
  cached ??= new ApiClient().get<ServerStatus>("/api/server-status").catch(() => null);
  return cached;
}

/** Forget the answer (after the first account is made, firstRun changes). */
export function forgetServerStatus(): void {
  cached = null;
}

export function useServerStatus(): ServerStatus | null | undefined {
  const [status, setStatus] = useState<ServerStatus | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void loadServerStatus().then((s) => live && setStatus(s));
    return () => {
      live = false;
    };
  }, []);
  return status;
}
