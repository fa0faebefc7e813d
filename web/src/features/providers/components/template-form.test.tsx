import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import type { TemplateBody } from "../api/client-bulk-api";
import { ClientTemplatesPage } from "./client-templates-page";
import { ids, startProviderSession } from "./provider-fixture.test-support";
import { renderAt } from "./render-portal.test-support";

afterEach(() => logOut());

const base = `/api/providers/${ids.provider}`;
const ref = "99999999-9999-4999-8999-999999999999";

describe("editing a template", () => {
  it("opens the template decrypted, and saves names re-encrypted, access per role and what the form does not show", async () => {
    const session = await startProviderSession(0);
    const template = {
      object: "providerClientTemplate", id: "t1", name: "Clinic", clientCount: 3, body: {
        collections: [{ id: ref, name: await encrypt("Patients", session.providerKey),
          ownerAccess: { readOnly: false, hidePasswords: false, manage: true }, adminAccess: { readOnly: true, hidePasswords: false, manage: false } }],
        groups: [{ name: "Nurses", collections: [{ id: ref, readOnly: true, hidePasswords: true, manage: false }] }],
        policies: [{ type: 0, enabled: true, data: null }, { type: 3, enabled: true, data: null },
          { type: 1, enabled: true, data: { minLength: 12, requireUpper: true } }],
        collectionManagement: { limitCollectionCreation: true, limitCollectionDeletion: true, limitItemDeletion: false, allowAdminAccessToAllCollectionItems: true },
      } satisfies TemplateBody,
    };
    let put: { name: string; body: TemplateBody } | null = null;
    server.use(
      http.get(`${base}/client-templates`, () => HttpResponse.json({ object: "list", data: [template], continuationToken: null })),
      http.put(`${base}/client-templates/t1`, async ({ request }) => {
        put = (await request.json()) as typeof put;
        return HttpResponse.json({ ...template, ...put });
      }),
    );
    renderAt(`/providers/${ids.provider}/templates`, [{ path: "/providers/:providerId/templates", element: <ClientTemplatesPage /> }]);

    await userEvent.click(await screen.findByRole("button", { name: "More actions for Clinic" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Edit Clinic" }));
    const dialog = await screen.findByRole("dialog", { name: "Edit template" });
    const first = await within(dialog).findByLabelText("Collection name 1");
    expect((first as HTMLInputElement).value).toBe("Patients");
    expect((within(dialog).getAllByLabelText("Admins' access")[0] as HTMLSelectElement).value).toBe("readOnly");
    expect((within(dialog).getByLabelText(/Master password minimum length/) as HTMLInputElement).value).toBe("12");
    expect(within(dialog).getByText("1 other policies from the API are kept as they are.")).toBeTruthy();

    await userEvent.clear(first);
    await userEvent.type(first, "Patient records");
    await userEvent.selectOptions(within(dialog).getAllByLabelText("Admins' access")[0]!, "None");
    await userEvent.click(within(dialog).getByRole("button", { name: "Add collection" }));
    await userEvent.type(within(dialog).getByLabelText("Collection name 2"), "Billing");
    await userEvent.selectOptions(within(dialog).getAllByLabelText("Owners' access")[1]!, "View, except passwords");
    await userEvent.click(within(dialog).getByLabelText("Require two-step login"));
    await userEvent.click(within(dialog).getByRole("button", { name: "Save template" }));

    await waitFor(() => expect(put).not.toBeNull());
    const body = put!.body;
    expect(put!.name).toBe("Clinic");
    expect(await Promise.all(body.collections.map((c) => decryptToString(c.name, session.providerKey)))).toEqual(["Patient records", "Billing"]);
    expect(body.collections[0]).toMatchObject({ id: ref, ownerAccess: { manage: true }, adminAccess: null });
    expect(body.collections[1]!.ownerAccess).toEqual({ readOnly: true, hidePasswords: true, manage: false });
    expect(body.collections[1]!.id).toMatch(/^[0-9a-f-]{36}$/);
    // Two-step is off now; single organization and the password policy's other settings stay; the group keeps its access.
    expect(body.policies).toEqual([{ type: 3, enabled: true, data: null }, { type: 1, enabled: true, data: { minLength: 12, requireUpper: true } }]);
    expect(body.groups).toEqual([{ name: "Nurses", collections: [{ id: ref, readOnly: true, hidePasswords: true, manage: false }] }]);
    await waitFor(() => expect(screen.queryByRole("dialog", { name: "Edit template" })).toBeNull());
  }, 30_000);
});
