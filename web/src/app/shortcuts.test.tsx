import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { createMemoryRouter, RouterProvider, useLocation } from "react-router";
import { describe, expect, it, vi } from "vitest";
import { createShortcutReader, type KeyPress } from "./shortcuts";
import { useShortcuts } from "./use-shortcuts";

const body = document.body;
const press = (key: string, time: number, more: Partial<KeyPress> = {}): KeyPress =>
  ({ key, time, ctrlKey: false, metaKey: false, altKey: false, target: body, ...more });

describe("shortcut reader", () => {
  it("reads single keys, g sequences within their time, and Ctrl/Cmd+K", () => {
    const read = createShortcutReader();
    expect(read(press("/", 0))).toBe("search");
    expect(read(press("?", 0))).toBe("help");
    expect(read(press("n", 0))).toBe("new");
    expect(read(press("g", 0))).toBeNull();
    expect(read(press("v", 500))).toBe("goVault");
    expect(read(press("g", 1000))).toBeNull();
    expect(read(press("a", 2000))).toBe("goAdminConsole");
    expect(read(press("g", 3000))).toBeNull();
    expect(read(press("p", 9000))).toBeNull(); // too late: p alone is nothing
    expect(read(press("k", 0, { ctrlKey: true }))).toBe("palette");
    expect(read(press("k", 0, { metaKey: true }))).toBe("palette");
  });

  it("leaves keys to fields, menus and dialogs, and to the browser when a modifier is held", () => {
    const read = createShortcutReader();
    const input = document.createElement("input");
    const menu = document.createElement("div");
    menu.setAttribute("role", "menu");
    const item = menu.appendChild(document.createElement("div"));
    expect(read(press("n", 0, { target: input }))).toBeNull();
    expect(read(press("/", 0, { target: item }))).toBeNull();
    expect(read(press("n", 0, { ctrlKey: true }))).toBeNull();
    expect(read(press("g", 0, { altKey: true }))).toBeNull();
    // A g typed in a field does not start a sequence either.
    expect(read(press("g", 0, { target: input }))).toBeNull();
    expect(read(press("v", 10))).toBeNull();
    // Ctrl+K works from a field too.
    expect(read(press("k", 0, { ctrlKey: true, target: input }))).toBe("palette");
  });
});

function Page({ onNew, openPalette, openHelp }: { onNew: () => void; openPalette: () => void; openHelp: () => void }) {
  useShortcuts({ enabled: true, openPalette, openHelp });
  const { pathname } = useLocation();
  return (
    <main id="main">
      <p>At {pathname}</p>
      <label htmlFor="s">Search items</label><input id="s" type="search" />
      <button type="button" aria-keyshortcuts="N" onClick={onNew}>New item</button>
    </main>
  );
}

describe("keyboard shortcuts on a page", () => {
  it("focus the search box, press the page's New button, go to the vault and open help, never while typing", async () => {
    const [onNew, openPalette, openHelp] = [vi.fn(), vi.fn(), vi.fn()];
    const router = createMemoryRouter([{ path: "*", element: <Page onNew={onNew} openPalette={openPalette} openHelp={openHelp} /> }],
      { initialEntries: ["/organizations/x/members"] });
    render(<RouterProvider router={router} />);
    await userEvent.keyboard("/");
    expect(document.activeElement).toBe(screen.getByLabelText("Search items"));
    await userEvent.keyboard("n?gv");
    expect((screen.getByLabelText("Search items") as HTMLInputElement).value).toBe("n?gv");
    expect(onNew).not.toHaveBeenCalled();
    expect(openHelp).not.toHaveBeenCalled();
    await userEvent.keyboard("{Control>}k{/Control}");
    expect(openPalette).toHaveBeenCalledTimes(1);

    (document.activeElement as HTMLElement).blur();
    await userEvent.keyboard("n");
    expect(onNew).toHaveBeenCalledTimes(1);
    await userEvent.keyboard("?");
    expect(openHelp).toHaveBeenCalledTimes(1);
    await userEvent.keyboard("gv");
    expect(await screen.findByText("At /vault")).toBeTruthy();
  });
});
