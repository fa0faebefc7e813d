import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { hashMasterPassword, makeMasterKey } from "../../../lib/crypto/kdf";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { api, orgId, renderPage, startOrgSession } from "./org-fixture.test-support";
import { SettingsPage } from "./settings-page";

afterEach(() => logOut());

const org = { object: "organization", id: orgId, name: "Acme Corp", businessName: null, billingEmail: "billing@acme.test", usePolicies: true, useGroups: true };

// Real key wrapping and PBKDF2 for the master password hash: slow on a busy 2-core machine.
describe("settings page", { timeout: 30_000 }, () => {
  it("saves the name and billing email", async () => {
    await startOrgSession();
    let body: unknown = null;
    server.use(
      http.get(api, () => HttpResponse.json(org)),
      http.put(api, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(org);
      }),
    );
    renderPage("settings", <SettingsPage />);
    const name = await screen.findByLabelText("Organization name");
    await userEvent.clear(name);
    await userEvent.type(name, "Acme Inc");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    await waitFor(() => expect(body).toEqual({ name: "Acme Inc", billingEmail: "billing@acme.test", businessName: null }));
    expect(await screen.findByText("Saved.")).toBeTruthy();
  });

  it("deletes with the master password hash and shows the server's refusal", async () => {
    await startOrgSession();
    let hash = "";
    server.use(
      http.get(api, () => HttpResponse.json(org)),
      http.delete(api, async ({ request }) => {
        hash = ((await request.json()) as { masterPasswordHash: string }).masterPasswordHash;
        return HttpResponse.json({ message: "Invalid password." }, { status: 400 });
      }),
    );
    renderPage("settings", <SettingsPage />);
    await userEvent.click(await screen.findByRole("button", { name: "Delete organization" }));
    const dialog = screen.getByRole("dialog", { name: "Delete Acme Corp" });
    await userEvent.type(within(dialog).getByLabelText("Master password"), "correct horse");
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("Invalid password.");
    const expected = await hashMasterPassword(await makeMasterKey("correct horse", "pat@example.com", { type: 0, iterations: 5000 }), "correct horse");
    expect(hash).toBe(expected);
  });
});
