import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it, vi } from "vitest";
import { DataTable } from "./data-table";

interface Person { id: string; email: string; seats: number }
const people: Person[] = [
  { id: "1", email: "bea@example.com", seats: 3 },
  { id: "2", email: "al@example.com", seats: 10 },
  { id: "3", email: "cy@example.com", seats: 1 },
];

function Table({ onRemove }: { onRemove: (p: Person) => void }) {
  const [selected, setSelected] = useState<Set<string>>(new Set());
  return (
    <>
      <p>{selected.size} selected</p>
      <DataTable label="People" rows={people} rowKey={(p) => p.id} rowLabel={(p) => p.email} selected={selected} onSelectedChange={setSelected}
        columns={[
          { key: "email", header: "Email", sortValue: (p) => p.email, cell: (p) => p.email },
          { key: "seats", header: "Seats", sortValue: (p) => p.seats, cell: (p) => String(p.seats) },
        ]}
        actions={(p) => <button type="button">Open {p.email}</button>}
        menu={(p) => [{ label: "Remove", danger: true, onAction: () => onRemove(p) }, false]} />
    </>
  );
}

const column = (n: number) => screen.getAllByRole("row").slice(1).map((r) => within(r).getAllByRole("cell")[n]!.textContent);

describe("DataTable", () => {
  it("sorts by a column header, both ways, and says so with aria-sort", async () => {
    render(<Table onRemove={() => {}} />);
    expect(column(1)).toEqual(["bea@example.com", "al@example.com", "cy@example.com"]);
    await userEvent.click(screen.getByRole("button", { name: /Seats/ }));
    expect(column(2)).toEqual(["1", "3", "10"]); // numbers as numbers
    expect(screen.getByRole("columnheader", { name: /Seats/ }).getAttribute("aria-sort")).toBe("ascending");
    await userEvent.click(screen.getByRole("button", { name: /Seats/ }));
    expect(column(2)).toEqual(["10", "3", "1"]);
    expect(screen.getByRole("columnheader", { name: /Email/ }).getAttribute("aria-sort")).toBe("none");
  });

  it("selects rows one by one and all at once", async () => {
    render(<Table onRemove={() => {}} />);
    await userEvent.click(screen.getByRole("checkbox", { name: "Select al@example.com" }));
    expect(screen.getByText("1 selected")).toBeTruthy();
    await userEvent.click(screen.getByRole("checkbox", { name: "Select all people" }));
    expect(screen.getByText("3 selected")).toBeTruthy();
    await userEvent.click(screen.getByRole("checkbox", { name: "Select all people" }));
    expect(screen.getByText("0 selected")).toBeTruthy();
  });

  it("offers a row's other actions in a menu named after the row", async () => {
    const onRemove = vi.fn();
    render(<Table onRemove={onRemove} />);
    expect(screen.getByRole("button", { name: "Open cy@example.com" })).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "More actions for cy@example.com" }));
    const menu = await screen.findByRole("menu");
    expect(within(menu).getAllByRole("menuitem").map((i) => i.textContent)).toEqual(["Remove"]);
    await userEvent.click(within(menu).getByRole("menuitem", { name: "Remove" }));
    expect(onRemove).toHaveBeenCalledWith(people[2]);
  });
});
