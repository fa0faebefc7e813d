import { describe, expect, it } from "vitest";
import { csvField, toCsv } from "../../../lib/csv";
import { EVENT_CSV_COLUMNS, eventsToCsv } from "./event-csv";
import { describeEvent, shortId } from "./event-messages";

const MEMBER = "11111111-2222-3333-4444-555555555555";
const ACTOR = "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";

describe("csv", () => {
  it("quotes fields with quotes, commas and newlines and doubles quotes", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField("a,b")).toBe('"a,b"');
    expect(csvField("line1\nline2")).toBe('"line1\nline2"');
    expect(csvField(null)).toBe("");
    expect(toCsv(["x", "y"], [[1, "a,b"]])).toBe('x,y\r\n1,"a,b"\r\n');
  });
});

describe("event messages", () => {
  it("names members, items and collections, or shortens their ids", () => {
    const members = new Map([[MEMBER, "alice@example.com"]]);
    expect(describeEvent({ type: 1500, date: "", organizationUserId: MEMBER }, { members })).toBe(
      "Invited user alice@example.com",
    );
    expect(describeEvent({ type: 1501, date: "", organizationUserId: MEMBER })).toBe("Confirmed user 55555555");
    expect(describeEvent({ type: 9503, date: "", providerUserId: MEMBER, organizationId: ACTOR, reason: "Ticket 7" }, { members })).toBe(
      `Approved access of technician ${members.get(MEMBER)} to organization eeeeeeee (reason: Ticket 7)`,
    );
    expect(describeEvent({ type: 1100, date: "", cipherId: ACTOR })).toBe("Created item eeeeeeee");
    expect(describeEvent({ type: 1300, date: "", collectionId: MEMBER })).toBe("Created collection 55555555");
    expect(describeEvent({ type: 1901, date: "", organizationId: ACTOR })).toBe("Added organization eeeeeeee");
    expect(describeEvent({ type: 4242, date: "" })).toBe("Unknown event (type 4242)");
    expect(shortId(null)).toBe("unknown");
  });
});

describe("eventsToCsv", () => {
  it("writes the header and one escaped row per event", () => {
    const csv = eventsToCsv(
      [
        {
          type: 1500,
          date: "2026-11-01T10:00:00Z",
          organizationUserId: MEMBER,
          actingUserId: ACTOR,
          deviceType: 9,
          ipAddress: "10.0.0.1",
        },
      ],
      { members: new Map([[MEMBER, 'Smith, "Al"'], [ACTOR, "Boss"]]) },
    );
    const [header, row, end] = csv.split("\r\n");
    expect(header).toBe(EVENT_CSV_COLUMNS.join(","));
    expect(row).toBe(
      '2026-11-01T10:00:00Z,1500,"Invited user Smith, ""Al""",Boss,"Smith, ""Al""",,,,9,10.0.0.1',
    );
    expect(end).toBe("");
  });
});
