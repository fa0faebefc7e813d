import { describe, expect, it } from "vitest";
import { exposedItemIds, securityByClient, type CarriedItem } from "./client-security";

const item = (id: string, organizationId: string, password: string, uris: string[] = []): CarriedItem =>
  ({ id, organizationId, name: id, username: "admin", password, uris });

describe("client security view", () => {
  it("counts weak, reused and unsecured items per client, reuse within a client only", () => {
    const items = [
      item("a1", "A", "password", ["http://router.local"]),
      item("a2", "A", "Xq7!vR2#pL9$wT4zK", ["https://mail.example"]),
      item("a3", "A", "Xq7!vR2#pL9$wT4zK"),
      item("b1", "B", "Xq7!vR2#pL9$wT4zK"),
    ];
    const view = securityByClient(items);
    expect(view.find((c) => c.organizationId === "A")).toEqual({ organizationId: "A", items: 3, weak: 1, reused: 2, unsecured: 1, exposed: null });
    expect(view.find((c) => c.organizationId === "B")).toEqual({ organizationId: "B", items: 1, weak: 0, reused: 0, unsecured: 0, exposed: null });
  });

  it("asks the range API for the 5-digit SHA-1 prefix only and matches the suffix locally (known answer: 'password')", async () => {
    // SHA-1("password") = 5BAA61E4C9B93F3F0682250B6CF8331B7EE68FD8
    const asked: string[] = [];
    const exposed = await exposedItemIds([item("p", "A", "password"), item("q", "A", "Xq7!vR2#pL9$wT4zK"), item("r", "B", "password")], async (prefix) => {
      asked.push(prefix);
      return prefix === "5BAA6" ? "003D68EB55068C33ACE09247EE4C639306B:3\r\n1E4C9B93F3F0682250B6CF8331B7EE68FD8:9659365\r\n" : "0000000000000000000000000000000000A:0\r\n";
    });
    expect([...exposed].sort()).toEqual(["p", "r"]);
    expect(asked).toContain("5BAA6");
    expect(asked.every((p) => /^[0-9A-F]{5}$/.test(p))).toBe(true);
    expect(asked.filter((p) => p === "5BAA6")).toHaveLength(1);   // one request per prefix
    expect(securityByClient([item("p", "A", "password"), item("r", "B", "password")], exposed).map((c) => c.exposed)).toEqual([1, 1]);
  });
});
