import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { api, list, renderPage, startOrgSession } from "./org-fixture.test-support";
import { PoliciesPage } from "./policies-page";

afterEach(() => logOut());

describe("policies page", () => {
  it("shows saved options and sends a policy's toggle with its options", async () => {
    await startOrgSession();
    let body: unknown = null;
    server.use(
      http.get(`${api}/policies`, () => list([{ object: "policy", type: 1, enabled: true, data: { minLength: 14, requireUpper: true } }])),
      http.put(`${api}/policies/1`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({});
      }),
    );
    renderPage("policies", <PoliciesPage />);
    const form = await screen.findByRole("form", { name: "Master password requirements" });
    expect((within(form).getByLabelText("Minimum length") as HTMLInputElement).value).toBe("14");
    await userEvent.click(within(form).getByLabelText("Require numbers (0-9)"));
    await userEvent.click(within(form).getByRole("button", { name: "Save Master password requirements" }));
    await waitFor(() => expect(body).toEqual({
      enabled: true,
      data: { minLength: 14, requireUpper: true, requireLower: false, requireNumbers: true, requireSpecial: false, enforceOnLogin: false },
    }));
  });

  it("shows the server's refusal", async () => {
    await startOrgSession();
    server.use(
      http.get(`${api}/policies`, () => list([])),
      http.put(`${api}/policies/9`, () => HttpResponse.json({ message: "Turn on the Single organization policy first." }, { status: 400 })),
    );
    renderPage("policies", <PoliciesPage />);
    const form = await screen.findByRole("form", { name: "Vault timeout" });
    await userEvent.click(within(form).getByLabelText("Turn on Vault timeout"));
    await userEvent.click(within(form).getByRole("button", { name: "Save Vault timeout" }));
    expect((await within(form).findByRole("alert")).textContent).toBe("Turn on the Single organization policy first.");
  });
});
