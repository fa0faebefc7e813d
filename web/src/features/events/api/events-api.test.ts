import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../test/msw-server";
import { fetchAllEvents } from "./events-api";

describe("fetchAllEvents", () => {
  it("follows continuation tokens and sends the range", async () => {
    const seen: string[] = [];
    server.use(
      http.get("/api/providers/p1/events", ({ request }) => {
        const url = new URL(request.url);
        seen.push(url.search);
        const token = url.searchParams.get("continuationToken");
        return HttpResponse.json({
          object: "list",
          data: [{ type: token ? 1901 : 1800, date: "2026-11-01T00:00:00Z" }],
          continuationToken: token ? null : "next",
        });
      }),
    );
    const events = await fetchAllEvents({ kind: "provider", id: "p1" }, { start: "2026-10-01", end: "2026-11-01" });
    expect(events.map((e) => e.type)).toEqual([1800, 1901]);
    expect(seen).toHaveLength(2);
    expect(seen[0]).toContain("start=2026-10-01");
    expect(seen[1]).toContain("continuationToken=next");
  });
});
