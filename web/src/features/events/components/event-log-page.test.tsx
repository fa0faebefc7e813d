import { getLocalTimeZone, today } from "@internationalized/date";
import { render, screen, waitFor } from "@testing-library/react";
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
});
