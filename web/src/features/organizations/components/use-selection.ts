import { useState } from "react";

/** Which rows of a table are ticked for a bulk action. */
export function useSelection() {
  const [ids, setIds] = useState<ReadonlySet<string>>(new Set());
  return {
    has: (id: string) => ids.has(id),
    set: (id: string, on: boolean) => setIds((prev) => new Set(on ? [...prev, id] : [...prev].filter((x) => x !== id))),
    replace: (next: string[]) => setIds(new Set(next)),
  };
}
