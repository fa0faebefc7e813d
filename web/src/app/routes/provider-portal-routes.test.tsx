import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { decrypt } from "../../lib/crypto/enc-string";
import { logOut } from "../../lib/session";
import { server } from "../../test/msw-server";
import { providerPortalRoutes } from "./provider-portal-routes";
import { ids, startProviderSession } from "../../features/providers/components/provider-fixture.test-support";
import { renderAt } from "../../features/providers/components/render-portal.test-support";

afterEach(() => logOut());

const portal = [{ path: "/providers/:providerId", children: providerPortalRoutes }];

function serveEmptyClients() {
  server.use(http.get(`/api/providers/${ids.provider}/organizations`, () => HttpResponse.json({ object: "list", data: [], continuationToken: null })));
}

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
const noBranding = { object: "providerBranding", providerId: ids.provider, name: "Contoso MSP", displayName: null, color: null, logoUrl: null };

describe("provider portal", { timeout: 30_000 }, () => {
  it("opens on Clients under the provider's name, with the sidebar", async () => {
    await startProviderSession();
    serveEmptyClients();
    const { router } = renderAt(`/providers/${ids.provider}`, portal);
    expect(await screen.findByRole("heading", { level: 1, name: "Clients" })).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/providers/${ids.provider}/clients`);
    expect(screen.getByText("Contoso MSP")).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Provider Portal" });
    expect(within(nav).getByRole("link", { name: "Event log" }).getAttribute("href")).toBe(`/providers/${ids.provider}/events`);
    expect(within(nav).getByRole("link", { name: "Members" })).toBeTruthy();
    expect(await screen.findByRole("heading", { name: "No clients yet" })).toBeTruthy();
  });

  it("tells a user who is not a confirmed member, and reads the profile again on request", async () => {
    const session = await startProviderSession(null);
    serveEmptyClients();
    let profiles = 0;
    server.use(http.get("/api/accounts/profile", () => {
      profiles++;
      return HttpResponse.json(session.profile);
    }));
    renderAt(`/providers/${ids.provider}/clients`, portal);
    expect(screen.getByText("This provider is not among yours, or a provider admin has not confirmed you yet.")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Check again" }));
    // Key generation and encryption on a busy machine take longer than waitFor's default second.
    await waitFor(() => expect(profiles).toBe(1), { timeout: 20_000 });
  });

  it("creates a client from the dialog, then reloads the profile and the list", async () => {
    const session = await startProviderSession();
    let lists = 0;
    let profiles = 0;
    let body: { name?: string; ownerEmail?: string; seats?: number; planType?: number; key?: string } = {};
    server.use(
      http.get(`/api/providers/${ids.provider}/organizations`, () => {
        lists++;
        return HttpResponse.json({ object: "list", data: [], continuationToken: null });
      }),
      http.get("/api/accounts/profile", () => {
        profiles++;
        return HttpResponse.json(session.profile);
      }),
      http.post(`/api/providers/${ids.provider}/clients`, async ({ request }) => {
        body = (await request.json()) as typeof body;
        return new HttpResponse(null, { status: 200 });
      }),
      // The dialog offers the provider's client templates (none here).
      http.get(`/api/providers/${ids.provider}/client-templates`, () => HttpResponse.json({ object: "list", data: [], continuationToken: null })),
    );
    renderAt(`/providers/${ids.provider}/clients`, portal);
    await userEvent.click(await screen.findByRole("button", { name: "New client" }));
    const dialog = screen.getByRole("dialog", { name: "New client" });
    await userEvent.type(within(dialog).getByLabelText("Organization name"), "Woodgrove");
    await userEvent.type(within(dialog).getByLabelText("Owner email"), "owner@woodgrove.test");
    await userEvent.clear(within(dialog).getByLabelText("Seats"));
    await userEvent.type(within(dialog).getByLabelText("Seats"), "25");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create client" }));

    // Key generation and encryption on a busy machine take longer than waitFor's default second.
    await waitFor(() => expect(profiles).toBe(1), { timeout: 20_000 });
    await waitFor(() => expect(lists).toBe(2));
    expect(body).toMatchObject({ name: "Woodgrove", ownerEmail: "owner@woodgrove.test", seats: 25, planType: 19 });
    expect((await decrypt(body.key!, session.providerKey)).length).toBe(64);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("saves the provider settings", async () => {
    await startProviderSession();
    let put: unknown = null;
    const details = { object: "provider", id: ids.provider, name: "Contoso MSP", businessName: null, billingEmail: "billing@contoso.test", type: 0 };
    server.use(
      http.get(`/api/providers/${ids.provider}`, () => HttpResponse.json(details)),
      http.get(`/api/providers/${ids.provider}/branding`, () => HttpResponse.json(noBranding)),
      http.put(`/api/providers/${ids.provider}`, async ({ request }) => {
        put = await request.json();
        return HttpResponse.json({ ...details, ...(put as object) });
      }),
    );
    renderAt(`/providers/${ids.provider}/settings`, portal);
    expect(await screen.findByRole("heading", { level: 1, name: "Provider settings" })).toBeTruthy();
    const name = await screen.findByLabelText("Provider name");
    await userEvent.clear(name);
    await userEvent.type(name, "Contoso Managed IT");
    await userEvent.type(screen.getByLabelText("Business name (optional)"), "Contoso Ltd");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await screen.findByText("Saved.")).toBeTruthy();
    expect(put).toEqual({ name: "Contoso Managed IT", businessName: "Contoso Ltd", billingEmail: "billing@contoso.test" });
  });

  it("branding: saves the display name and colour, uploads a logo, and shows the server's refusal of a bad one", async () => {
    await startProviderSession();
    const details = { object: "provider", id: ids.provider, name: "Contoso MSP", businessName: null, billingEmail: "billing@contoso.test", type: 0 };
    const puts: unknown[] = [];
    let uploads = 0;
    server.use(
      http.get(`/api/providers/${ids.provider}`, () => HttpResponse.json(details)),
      http.get(`/api/providers/${ids.provider}/branding`, () => HttpResponse.json(noBranding)),
      http.put(`/api/providers/${ids.provider}/branding`, async ({ request }) => {
        const body = (await request.json()) as { displayName: string; color: string };
        puts.push(body);
        return HttpResponse.json({ ...noBranding, name: body.displayName, displayName: body.displayName, color: body.color });
      }),
      http.post(`/api/providers/${ids.provider}/branding/logo`, async ({ request }) => {
        const form = await request.formData();
        uploads++;
        return (form.get("logo") as File).type === "image/png"
          ? HttpResponse.json({ ...noBranding, logoUrl: `/api/branding/providers/${ids.provider}/logo?v=2` })
          : HttpResponse.json({ object: "error", message: "The model state is invalid.",
            validationErrors: { Logo: ["The logo must be a PNG or JPEG image (SVG and other formats are refused)."] } }, { status: 400 });
      }),
    );
    renderAt(`/providers/${ids.provider}/settings`, portal);
    await userEvent.type(await screen.findByLabelText(/^Display name/), "Contoso Managed IT");
    await userEvent.type(screen.getByLabelText(/^Brand colour/), "#112233");
    await userEvent.click(screen.getByRole("button", { name: "Save branding" }));
    expect(await screen.findByRole("note", { name: "Managed by Contoso Managed IT" })).toBeTruthy();
    expect(puts).toEqual([{ displayName: "Contoso Managed IT", color: "#112233" }]);

    const input = screen.getByLabelText(/^Logo/);
    await userEvent.upload(input, new File(["<svg/>"], "logo.svg", { type: "image/svg+xml" }), { applyAccept: false });
    expect(await screen.findByText(/SVG and other formats are refused/)).toBeTruthy();
    await userEvent.upload(input, new File([new Uint8Array([0x89, 0x50])], "logo.png", { type: "image/png" }));
    expect(await screen.findByRole("img", { name: "Contoso MSP" })).toBeTruthy();
    expect(uploads).toBe(2);
    expect(screen.getByRole("button", { name: "Remove logo" })).toBeTruthy();
  }, 30_000);
});
