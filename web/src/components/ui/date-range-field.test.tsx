import { parseDate } from "@internationalized/date";
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { DateRangeField, rangeInstants, type DateRange } from "./date-range-field";

function Harness({ seen }: { seen: DateRange[] }) {
  const [value, setValue] = useState<DateRange>({ start: parseDate("2026-11-01"), end: parseDate("2026-11-30") });
  return <DateRangeField label="Dates" value={value} onChange={(v) => {
    seen.push(v);
    setValue(v);
  }} />;
}

const segment = (name: RegExp) => screen.getByRole("spinbutton", { name });

// react-aria handles every keystroke through its own event layers: slow in jsdom on a busy 2-core machine.
describe("DateRangeField", { timeout: 20_000 }, () => {
  it("edits each date segment by segment and marks an end before the start", async () => {
    const seen: DateRange[] = [];
    render(<Harness seen={seen} />);
    expect(screen.getByRole("group", { name: "Dates" })).toBeTruthy();
    await userEvent.click(segment(/^day, Start Date/));
    await userEvent.keyboard("15");
    expect(seen.at(-1)!.start.toString()).toBe("2026-11-15");
    expect(screen.queryByText("The end date is before the start date.")).toBeNull();

    await userEvent.click(segment(/^year, End Date/));
    await userEvent.keyboard("2025");
    expect(seen.at(-1)!.end.toString()).toBe("2025-11-30");
    expect(screen.getByText("The end date is before the start date.")).toBeTruthy();
  });

  it("opens a calendar from its button", async () => {
    render(<Harness seen={[]} />);
    await userEvent.click(screen.getByRole("button", { name: /Calendar/ }));
    expect(await screen.findByRole("grid")).toBeTruthy();
  });

  it("spans whole days in the user's time zone", () => {
    const { start, end } = rangeInstants({ start: parseDate("2026-03-01"), end: parseDate("2026-03-02") });
    expect(new Date(start).getTime()).toBe(new Date(2026, 2, 1).getTime());
    expect(new Date(end).getTime()).toBe(new Date(2026, 2, 3).getTime() - 1);
  });
});
