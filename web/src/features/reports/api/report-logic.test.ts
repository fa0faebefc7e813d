import { describe, expect, it } from "vitest";
import { inactiveTwoStep, passwordScore, reusedPasswords, unsecuredWebsites, weakPasswords, type ReportItem } from "./report-logic";

const item = (id: string, rest: Partial<ReportItem>): ReportItem => ({ id, name: id, uris: [], ...rest });

describe("reports", () => {
  it("flags common, short and username-based passwords as weak, not strong ones", () => {
    const rows = weakPasswords([
      item("a", { password: "password1" }),
      item("b", { password: "abc" }),
      item("c", { password: "Alice2024!x", username: "alice@example.com" }),
      item("d", { password: "T7#kq9!Vz2@pLm4$wR" }),
    ]);
    expect(rows.map((r) => r.item.id)).toEqual(["a", "b", "c"]);
    expect(passwordScore("T7#kq9!Vz2@pLm4$wR")).toBe(4);
  });

  it("groups reused passwords with counts", () => {
    const rows = reusedPasswords([
      item("a", { password: "same" }), item("b", { password: "same" }), item("c", { password: "other" }), item("d", { password: "same" }),
    ]);
    expect(rows.map((r) => [r.item.id, r.detail])).toEqual([["a", "Reused 3 times"], ["b", "Reused 3 times"], ["d", "Reused 3 times"]]);
  });

  it("lists http:// websites only", () => {
    const rows = unsecuredWebsites([item("a", { uris: ["http://intranet.local"] }), item("b", { uris: ["https://x.com"] })]);
    expect(rows.map((r) => r.item.id)).toEqual(["a"]);
  });

  it("lists 2FA-capable sites without TOTP", () => {
    const rows = inactiveTwoStep([
      item("a", { uris: ["https://accounts.google.com/login"] }),
      item("b", { uris: ["https://github.com"], totp: "otpauth://x" }),
      item("c", { uris: ["https://example.org"] }),
      item("d", { uris: ["notgithub.com"] }),
    ]);
    expect(rows.map((r) => [r.item.id, r.detail])).toEqual([["a", "accounts.google.com"]]);
  });
});
