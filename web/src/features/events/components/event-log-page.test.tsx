import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../test/msw-server";
import { EventLogPage } from "./event-log-page";

const MEMBER = "11111111-0000-0000-0000-000000000000";
const ACTOR = "22222222-0000-0000-0000-000000000000";

describe("EventLogPage", () => {
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
});
