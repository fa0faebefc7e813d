import { describe, expect, it } from "vitest";
import { emptyCipher } from "../../../lib/ciphers/cipher-types";
import { recordPasswordChange } from "./cipher-api";

describe("recordPasswordChange", () => {
  it("records a changed password in the history, newest first, five at most", () => {
    const original = { ...emptyCipher(), login: { ...emptyCipher().login, password: "old" },
      passwordHistory: Array.from({ length: 5 }, (_, i) => ({ password: `p${i}`, lastUsedDate: "2025-01-01T00:00:00.000Z" })) };
    const now = new Date("2026-11-25T08:00:00.000Z");
    const changed = recordPasswordChange({ ...original, login: { ...original.login, password: "new" } }, original, now);
    expect(changed.passwordHistory.map((h) => h.password)).toEqual(["old", "p0", "p1", "p2", "p3"]);
    expect(changed.login.passwordRevisionDate).toBe(now.toISOString());
    expect(recordPasswordChange(original, original, now)).toBe(original);
  });
});
