import { useState, type FormEvent } from "react";

export interface Submit {
  busy: boolean;
  error: string | null;
  /** A form's onSubmit: runs the action, shows its error (the server's message for an ApiError). */
  handle: (action: () => Promise<void>) => (event?: FormEvent) => Promise<void>;
}

/** Busy and error state for a form or a button that calls the server. */
export function useSubmit(): Submit {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const handle = (action: () => Promise<void>) => async (event?: FormEvent) => {
    event?.preventDefault();
    setError(null);
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, handle };
}
