import { getLocalTimeZone, today } from "@internationalized/date";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../test/msw-server";
import { EventLogPage } from "./event-log-page";

const MEMBER = "11111111-0000-0000-0000-000000000000";
const ACTOR = "22222222-0000-0000-0000-000000000000";

describe("EventLogPage", { timeout: 20_000 }, () => {
  it("renders readable messages, names the actor and loads more pages", async () => {
    server.use(
      http.get("/api/organizations/o1/users", () =>
        HttpResponse.json({ object: "list", data: [{ id: MEMBER, userId: null, email: "bob@example.com" }, { id: "x", userId: ACTOR, name: "Ann", email: "ann@example.com" }] }),
      ),
      http.get("/api/organizations/o1/events", ({ request }) => {
        const more = new URL(request.url).searchParams.get("continuationToken") === "t2";
        return HttpResponse.json({
          object: "list",
          data: more
            ? [{ type: 1300, date: "2026-11-02T00:00:00Z", collectionId: "0000-cccccccc" }]
            : [{ type: 1500, date: "2026-11-03T00:00:00Z", organizationUserId: MEMBER, actingUserId: ACTOR }],
          continuationToken: more ? null : "t2",
        });
      }),
    );
    render(<EventLogPage source={{ kind: "organization", id: "o1" }} />);
    expect(await screen.findByText("Invited user bob@example.com")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Event log" })).toBeTruthy();
    expect(screen.getByText("Ann (ann@example.com)")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Load more" }));
    expect(await screen.findByText("Created collection cccccccc")).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Load more" })).toBeNull();
  });

  it("asks for the days picked in the date-range field, from the start day's midnight in the user's time zone", async () => {
    const asked: URLSearchParams[] = [];
    server.use(
      http.get("/api/organizations/o2/users", () => HttpResponse.json({ object: "list", data: [] })),
      http.get("/api/organizations/o2/events", ({ request }) => {
        asked.push(new URL(request.url).searchParams);
        return HttpResponse.json({ object: "list", data: [], continuationToken: null });
      }),
    );
    render(<EventLogPage source={{ kind: "organization", id: "o2" }} />);
    expect(await screen.findByText("No events in this range.")).toBeTruthy();
    const end = today(getLocalTimeZone());
    expect(new Date(asked[0]!.get("start")!).getTime()).toBe(end.subtract({ days: 30 }).toDate(getLocalTimeZone()).getTime());
    await userEvent.click(screen.getByRole("spinbutton", { name: /^year, Start Date/ }));
    await userEvent.keyboard(String(end.year - 1));
    await userEvent.click(screen.getByRole("button", { name: "Update" }));
    await waitFor(() => expect(asked).toHaveLength(2));
    const start = end.subtract({ days: 30 }).set({ year: end.year - 1 });
    expect(new Date(asked[1]!.get("start")!).getTime()).toBe(start.toDate(getLocalTimeZone()).getTime());
    expect(new Date(asked[1]!.get("end")!).getTime()).toBe(end.add({ days: 1 }).toDate(getLocalTimeZone()).getTime() - 1);
  });

  it("the account log: GET /api/events, emergency-access events named with the contact on either side", async () => {
    const me = "33333333-0000-0000-0000-000000000000", grantor = "44444444-0000-0000-0000-000000000000";
    server.use(
      http.get("/api/emergency-access/trusted", () => HttpResponse.json({ object: "list", data: [] })),
      http.get("/api/emergency-access/granted", () =>
        HttpResponse.json({ object: "list", data: [{ grantorId: grantor, name: "Grace", email: "grace@example.com" }] })),
      http.get("/api/events", () => HttpResponse.json({
        object: "list",
        data: [
          { type: 9607, date: "2026-11-03T00:00:00Z", userId: grantor, actingUserId: me },
          { type: 9606, date: "2026-11-02T00:00:00Z", userId: grantor, actingUserId: null },
          { type: 1002, date: "2026-11-01T00:00:00Z", userId: me, actingUserId: me },
        ],
        continuationToken: null,
      })),
    );
    render(<EventLogPage source={{ kind: "user", id: me }} title="Security events" />);
    const table = await screen.findByRole("table", { name: "Events" });
    expect(await within(table).findByText("Viewed the vault of Grace (grace@example.com) through emergency access")).toBeTruthy();
    expect(within(table).getByText("Emergency access to Grace (grace@example.com) granted after the waiting period")).toBeTruthy();
    expect(within(table).getByText("Enabled or updated two-step login")).toBeTruthy();
    expect(within(table).getAllByText("You")).toHaveLength(2);
    expect(screen.getByRole("heading", { level: 1, name: "Security events" })).toBeTruthy();
  });
});
