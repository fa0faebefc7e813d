import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { refreshProfile, type ProfileOrganization } from "../../../lib/profile";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { AccessRequestsPage } from "./access-requests-page";
import { AssignmentsPage } from "./assignments-page";
import { ClientAccessPage } from "./client-access-page";
import { ids, profileBody, startProviderSession } from "./provider-fixture.test-support";
import { renderAt } from "./render-portal.test-support";

afterEach(() => logOut());

const base = `/api/providers/${ids.provider}`;
const other = "88888888-8888-4888-8888-888888888888";
const list = (data: object[]) => HttpResponse.json({ object: "list", data, continuationToken: null });

function client(id: string, name: string): ProfileOrganization {
  return { id, name, key: null, type: 0, status: 2, enabled: true, permissions: {}, organizationUserId: null, providerId: ids.provider,
    providerName: "Contoso MSP", useGroups: true, usePolicies: true, useEvents: true, seats: null, object: "profileProviderOrganization" };
}

/** A provider user whose profile lists two clients, Acme and Globex. */
async function session(type: number) {
  const { profile } = await startProviderSession(type);
  const withClients = profileBody({ providers: profile.providers, providerOrganizations: [client(ids.org, "Acme"), client(other, "Globex")] });
  server.use(http.get("/api/accounts/profile", () => HttpResponse.json(withClients)));
  await refreshProfile();
}

const tech = { object: "providerUserUserDetails", id: ids.member, userId: ids.memberUser, type: 1, status: 2, name: null, email: "tech@example.com" };
const reach = (organizationId: string, organizationName: string, via: string, expiresAt: string | null = null) => ({
  providerUserId: ids.member, userId: ids.memberUser, email: "tech@example.com", name: null, organizationId, organizationName, via,
  teamId: null, teamName: null, grantId: null, expiresAt,
});

function grant(id: string, status: number, extra: object = {}) {
  return { id, providerId: ids.provider, providerUserId: ids.member, userId: ids.memberUser, email: "tech@example.com", organizationId: other,
    organizationName: "Globex", reason: "Printer down", durationMinutes: 60, status, awaitsProvider: status === 0, awaitsClient: false,
    decidedByUserId: null, decidedAt: null, expiresAt: null, firstUsedAt: null, creationDate: "2026-12-07T09:00:00Z", ...extra };
}

describe("provider access pages", { timeout: 30_000 }, () => {
  it("assigns a technician to chosen clients in bulk and unassigns one", async () => {
    await session(0);
    const posts: { path: string; body: unknown }[] = [];
    server.use(
      http.get(`${base}/users`, () => list([tech])),
      http.get(`${base}/assignments/users/${ids.member}`, () => list([reach(ids.org, "Acme", "assigned"), reach(other, "Globex", "grant", "2030-01-01T10:00:00Z")])),
      http.post(`${base}/assignments`, async ({ request }) => (posts.push({ path: "assign", body: await request.json() }), new HttpResponse(null))),
      http.post(`${base}/assignments/remove`, async ({ request }) => (posts.push({ path: "remove", body: await request.json() }), new HttpResponse(null))),
    );
    renderAt(`/providers/${ids.provider}/assignments`, [{ path: "/providers/:providerId/assignments", element: <AssignmentsPage /> }]);
    await userEvent.selectOptions(await screen.findByLabelText("Technician"), "tech@example.com");
    const table = await screen.findByRole("table", { name: "Clients of tech@example.com" });
    expect(within(table).getByText(/Time-boxed until/)).toBeTruthy();
    // Only a direct assignment can be unassigned here; a grant ends on the Access requests page.
    expect(within(table).queryByRole("button", { name: "Unassign Globex" })).toBeNull();
    await userEvent.click(within(table).getByRole("button", { name: "Unassign Acme" }));
    await waitFor(() => expect(posts).toEqual([{ path: "remove", body: { providerUserIds: [ids.member], organizationIds: [ids.org] } }]));

    await userEvent.click(screen.getByRole("button", { name: "Assign clients" }));
    const dialog = screen.getByRole("dialog", { name: "Assign to tech@example.com" });
    await userEvent.click(within(dialog).getByRole("checkbox", { name: "Select all assign clients" }));
    await userEvent.click(within(dialog).getByRole("button", { name: "Assign" }));
    await waitFor(() => expect(posts[1]).toEqual({ path: "assign", body: { providerUserIds: [ids.member], organizationIds: [ids.org, other] } }));
  });

  it("a service user sees a note instead of assignments", async () => {
    await session(1);
    renderAt(`/providers/${ids.provider}/assignments`, [{ path: "/providers/:providerId/assignments", element: <AssignmentsPage /> }]);
    expect(await screen.findByText(/Only provider admins manage assignments/)).toBeTruthy();
  });

  it("an admin approves a waiting request and revokes live access; the technician asks with a reason", async () => {
    await session(0);
    const live = grant("aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa", 1, { organizationId: ids.org, organizationName: "Acme", expiresAt: "2999-01-01T00:00:00Z" });
    const waiting = grant("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", 0);
    const acted: string[] = [];
    let asked: unknown = null;
    server.use(
      http.get(`${base}/access-requests`, () => list([live, waiting, grant("cccccccc-cccc-4ccc-8ccc-cccccccccccc", 4)])),
      http.post(`${base}/access-requests/:id/:action`, ({ params }) => (acted.push(`${params.action} ${params.id}`), HttpResponse.json(waiting))),
      http.get(`${base}/access-settings`, () => HttpResponse.json({ maxGrantMinutes: 240, requestsNeedApproval: true, clients: [] })),
      http.post(`${base}/access-requests`, async ({ request }) => ((asked = await request.json()), HttpResponse.json(grant("d", 0)))),
    );
    renderAt(`/providers/${ids.provider}/access`, [{ path: "/providers/:providerId/access", element: <AccessRequestsPage /> }]);
    const active = await screen.findByRole("table", { name: "Active now" });
    expect(within(active).getByText("Acme")).toBeTruthy();
    expect(within(screen.getByRole("table", { name: "History" })).getByText("Expired")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Approve tech@example.com → Globex" }));
    await userEvent.click(screen.getByRole("button", { name: "Revoke tech@example.com → Acme" }));
    await waitFor(() => expect(acted).toEqual([`approve ${waiting.id}`, `revoke ${live.id}`]));

    await userEvent.click(screen.getByRole("button", { name: "Ask for access" }));
    const dialog = screen.getByRole("dialog", { name: "Ask for access to a client" });
    await userEvent.selectOptions(within(dialog).getByLabelText("Client"), "Globex");
    await userEvent.type(within(dialog).getByLabelText("Reason"), "Rebuild the firewall");
    // Durations stop at the provider's longest (4 h here).
    await waitFor(() => expect(within(dialog).getByRole("option", { name: "4 h" })).toBeTruthy());
    expect(within(dialog).queryByRole("option", { name: "8 h" })).toBeNull();
    await userEvent.selectOptions(within(dialog).getByLabelText("Duration"), "2 h");
    await userEvent.click(within(dialog).getByRole("button", { name: "Send request" }));
    await waitFor(() => expect(asked).toEqual({ organizationId: other, reason: "Rebuild the firewall", durationMinutes: 120 }));
  });

  it("the client sees who reaches its vault, approves a request waiting for it, and sets its approval rule", async () => {
    await session(1);
    const orgBase = `/api/organizations/${other}/provider-access`;
    const waiting = grant("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb", 0, { awaitsProvider: false, awaitsClient: true });
    const calls: string[] = [];
    server.use(
      http.get(orgBase, () => HttpResponse.json({ providerId: ids.provider, providerName: "Contoso MSP", requiresApproval: false,
        now: [reach(other, "Globex", "assigned")], grants: [waiting] })),
      http.post(`${orgBase}/requests/:id/:action`, ({ params }) => (calls.push(`${params.action} ${params.id}`), HttpResponse.json(waiting))),
      http.put(`${orgBase}/settings`, async ({ request }) => (calls.push(JSON.stringify(await request.json())), HttpResponse.json({}))),
    );
    renderAt(`/organizations/${other}/provider-access`, [{ path: "/organizations/:organizationId/provider-access",
      element: <ClientAccessPage orgId={other} history={(changes) => <p>history {changes}</p>} /> }]);
    const now = await screen.findByRole("table", { name: "Who can reach our vault now" });
    expect(within(now).getByText("tech@example.com")).toBeTruthy();
    expect(within(now).getByText("Assigned")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Approve tech@example.com" }));
    await waitFor(() => expect(calls).toEqual([`approve ${waiting.id}`]));
    // The history is read again after a decision.
    expect(await screen.findByText("history 1")).toBeTruthy();
    await userEvent.click(screen.getByLabelText("Provider technicians need our approval to open our vault"));
    await userEvent.click(screen.getByRole("button", { name: "Save rule" }));
    await waitFor(() => expect(calls[1]).toBe(JSON.stringify({ requiresApproval: true })));
  });
});
