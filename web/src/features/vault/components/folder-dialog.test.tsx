import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { decryptToString } from "../../../lib/crypto/enc-string";
import { server } from "../../../test/msw-server";
import { VaultPage } from "./vault-page";
import { ids, revisionDate, setUpVault, type VaultFixture } from "./vault-fixture.test-support";

let fixture: VaultFixture;

function renderVault() {
  render(<RouterProvider router={createMemoryRouter([{ path: "/vault", element: <VaultPage /> }], { initialEntries: ["/vault"] })} />);
}

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("FolderDialog", { timeout: 30_000 }, () => {
  beforeEach(async () => {
    fixture = await setUpVault();
  });

  it("creates a folder with an encrypted name and shows it after the reload", async () => {
    let sent = "";
    server.use(http.post("/api/folders", async ({ request }) => {
      sent = ((await request.json()) as { name: string }).name;
      const folder = { id: "f2", name: sent, revisionDate };
      fixture.sync.folders.push(folder);
      return HttpResponse.json({ ...folder, object: "folder" });
    }));
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "New folder" }));
    const dialog = screen.getByRole("dialog", { name: "New folder" });
    await user.type(within(dialog).getByLabelText("Folder name"), "Travel");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(sent).not.toBe(""));
    expect(sent).not.toContain("Travel");
    expect(await decryptToString(sent, fixture.userKey)).toBe("Travel");
    expect(await screen.findByRole("link", { name: "Travel" })).toBeTruthy();
  });

  it("renames and deletes a folder", async () => {
    const calls: string[] = [];
    server.use(
      http.put("/api/folders/:id", async ({ request, params }) => {
        const { name } = (await request.json()) as { name: string };
        calls.push(`rename ${params.id} ${await decryptToString(name, fixture.userKey)}`);
        return HttpResponse.json({ id: params.id, name, revisionDate });
      }),
      http.delete("/api/folders/:id", ({ params }) => (calls.push(`delete ${params.id}`), new HttpResponse(null, { status: 200 }))),
    );
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "Edit folder Finance" }));
    const name = within(screen.getByRole("dialog", { name: "Edit folder" })).getByLabelText("Folder name");
    await user.clear(name);
    await user.type(name, "Money");
    await user.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(calls).toEqual([`rename ${ids.folder} Money`]));
    await user.click(await screen.findByRole("button", { name: "Edit folder Finance" }));
    await user.click(screen.getByRole("button", { name: "Delete folder" }));
    await waitFor(() => expect(calls).toContain(`delete ${ids.folder}`));
  });
});
