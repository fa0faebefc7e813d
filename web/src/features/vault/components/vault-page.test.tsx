import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { makeRegistrationMaterial } from "../../../lib/crypto/account-keys";
import { startSession } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { VaultPage } from "./vault-page";
import { ids, setUpVault } from "./vault-fixture.test-support";

function renderVault(path = "/vault") {
  const router = createMemoryRouter([{ path: "/vault", element: <VaultPage /> }], { initialEntries: [path] });
  render(<RouterProvider router={router} />);
  return router;
}

const listed = () => screen.getAllByRole("button").filter((b) => b.classList.contains("vault-item-name")).map((b) => b.textContent);

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("VaultPage", { timeout: 30_000 }, () => {
  beforeEach(async () => {
    await setUpVault();
  }, 30_000);

  it("decrypts the sync: personal items, an org item under its own item key, folder and collection names", async () => {
    renderVault();
    expect(await screen.findByRole("button", { name: "GitHub" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Vault" })).toBeTruthy();
    expect(listed()).toEqual(["GitHub", "Shared DB", "Visa", "Wifi"]);
    const filters = screen.getByRole("navigation", { name: "Vault filters" });
    expect(within(filters).getByRole("link", { name: "Finance" })).toBeTruthy();
    expect(within(filters).getByRole("link", { name: "Engineering" })).toBeTruthy();
    expect(within(filters).getByRole("link", { name: "Acme" })).toBeTruthy();
  });

  it("filters from the sidebar and searches name, username, URI and notes", async () => {
    const user = userEvent.setup({ delay: null }); // no timer between keystrokes: 30 of them, each re-rendering the page
    renderVault();
    await screen.findByRole("button", { name: "GitHub" });
    const click = (name: string) => user.click(screen.getByRole("link", { name }));
    await click("Favorites");
    expect(listed()).toEqual(["Wifi"]);
    await click("Card");
    expect(listed()).toEqual(["Visa"]);
    await click("Finance");
    expect(listed()).toEqual(["Visa"]);
    await click("No folder");
    expect(listed()).toEqual(["GitHub", "Shared DB", "Wifi"]);
    await click("Acme");
    expect(listed()).toEqual(["Shared DB"]);
    await click("My vault");
    expect(listed()).toEqual(["GitHub", "Visa", "Wifi"]);
    await click("Engineering");
    expect(listed()).toEqual(["Shared DB"]);
    expect(screen.getByRole("link", { name: "Engineering" }).getAttribute("aria-current")).toBe("page");
    await click("Trash");
    expect(listed()).toEqual(["Old router"]);
    await click("All items");
    const search = screen.getByLabelText("Search vault");
    await user.type(search, "OCTO");
    expect(listed()).toEqual(["GitHub"]);
    await user.clear(search);
    await user.type(search, "github.com");
    expect(listed()).toEqual(["GitHub"]);
    await user.clear(search);
    await user.type(search, "visitors");
    expect(listed()).toEqual(["Wifi"]);
  });

  it("shows an item's labelled values, hides the password until asked, copies and shows a TOTP code", async () => {
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "GitHub" }));
    const dialog = screen.getByRole("dialog", { name: "GitHub" });
    expect(within(dialog).getByLabelText("Username")).toHaveProperty("value", "octocat");
    const password = within(dialog).getByLabelText("Password");
    expect(password).toHaveProperty("type", "password");
    await user.click(within(dialog).getByRole("button", { name: "Show password" }));
    expect(password).toHaveProperty("type", "text");
    expect(password).toHaveProperty("value", "hunter2");
    await user.click(within(dialog).getByRole("button", { name: "Copy password" }));
    expect(await navigator.clipboard.readText()).toBe("hunter2");
    expect(within(dialog).getByRole("status").textContent).toBe("Copied password");
    await waitFor(() => expect(within(dialog).getByLabelText("Verification code (TOTP)")).toHaveProperty("value", expect.stringMatching(/^\d{6}$/)));
  });

  it("opens an org item and its hidden custom field, decrypted with the item key", async () => {
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "Shared DB" }));
    const dialog = screen.getByRole("dialog", { name: "Shared DB" });
    expect(within(dialog).getByLabelText("Username")).toHaveProperty("value", "dbadmin");
    expect(within(dialog).getByLabelText("PIN")).toHaveProperty("value", "4242");
    expect(within(dialog).getByLabelText("Owner")).toHaveProperty("value", "Acme");
    expect(within(dialog).getByLabelText("Collections")).toHaveProperty("value", "Engineering");
  });

  it("moves an item to the trash, and restores and deletes from the trash", async () => {
    const calls: string[] = [];
    server.use(
      http.put("/api/ciphers/:id/delete", ({ params }) => (calls.push(`trash ${params.id}`), new HttpResponse(null, { status: 200 }))),
      http.put("/api/ciphers/:id/restore", ({ params }) => (calls.push(`restore ${params.id}`), HttpResponse.json({}))),
      http.delete("/api/ciphers/:id", ({ params }) => (calls.push(`delete ${params.id}`), new HttpResponse(null, { status: 200 }))),
    );
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "Visa" }));
    await user.click(screen.getByRole("button", { name: "Delete" }));
    await waitFor(() => expect(calls).toEqual([`trash ${ids.visa}`]));
    await user.click(screen.getByRole("link", { name: "Trash" }));
    await user.click(screen.getByRole("button", { name: "Old router" }));
    await user.click(screen.getByRole("button", { name: "Restore" }));
    await waitFor(() => expect(calls).toContain(`restore ${ids.router}`));
    await user.click(await screen.findByRole("button", { name: "Old router" }));
    await user.click(screen.getByRole("button", { name: "Delete permanently" }));
    await user.click(screen.getByRole("button", { name: "Yes, delete permanently" }));
    await waitFor(() => expect(calls).toContain(`delete ${ids.router}`));
  });

  it("shows the server's message when an action fails, and keeps the item open", async () => {
    server.use(http.put("/api/ciphers/:id/delete", () =>
      HttpResponse.json({ object: "error", message: "You do not have permission to delete this item." }, { status: 400 })));
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "Visa" }));
    const dialog = screen.getByRole("dialog", { name: "Visa" });
    expect(within(dialog).getByLabelText("Number")).toHaveProperty("value", "4111111111111111");
    await user.click(within(dialog).getByRole("button", { name: "Copy number" }));
    expect(await navigator.clipboard.readText()).toBe("4111111111111111");
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("You do not have permission to delete this item.");
    expect(screen.getByRole("dialog", { name: "Visa" })).toBeTruthy();
  });

  it("asks for the master password before showing an item marked for re-prompt", async () => {
    const email = "user@example.com";
    const kdf = { type: 0, iterations: 1000 } as const;
    const m = await makeRegistrationMaterial("correct horse", email, kdf);
    startSession("token", null, { email, kdf, protectedUserKey: m.key, encryptedPrivateKey: null });
    const { sync } = await setUpVault(m.userKey);
    sync.ciphers.find((c) => c.id === ids.github)!.reprompt = 1;
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "GitHub" }));
    const dialog = screen.getByRole("dialog", { name: "GitHub" });
    expect(within(dialog).queryByLabelText("Username")).toBeNull();
    await user.type(within(dialog).getByLabelText("Master password"), "wrong horse");
    await user.click(within(dialog).getByRole("button", { name: "Confirm" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("Invalid master password.");
    await user.clear(within(dialog).getByLabelText("Master password"));
    await user.type(within(dialog).getByLabelText("Master password"), "correct horse");
    await user.click(within(dialog).getByRole("button", { name: "Confirm" }));
    expect(await within(dialog).findByLabelText("Username")).toHaveProperty("value", "octocat");
  });
});
