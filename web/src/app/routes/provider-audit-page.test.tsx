import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { ids, startProviderSession } from "../../features/providers/components/provider-fixture.test-support";
import { at, base, captureDownloads, list, saved } from "../../features/providers/components/portal-downloads.test-support";
import { server } from "../../test/msw-server";
import { AuditRollupPage } from "./provider-audit-page";

captureDownloads();

describe("audit roll-up", () => {
  const techUser = "77777777-7777-4777-8777-777777777777";
  it("filters by technician and by client and exports on the server", async () => {
    await startProviderSession(0);
    const asked: URLSearchParams[] = [];
    const exported: URLSearchParams[] = [];
    server.use(
      http.get(`${base}/users`, () => list([{ id: ids.link, userId: techUser, type: 1, status: 2, name: "Tess", email: "tess@msp.test" }])),
      http.get(`/api/organizations/${ids.org}/users`, () => list([{ id: ids.member, userId: ids.memberUser, name: "Dana", email: "dana@acme.test" }])),
      http.get(`${base}/organizations`, () => list([{ id: ids.link, organizationId: ids.org, organizationName: "Acme" }])),
      http.get(`${base}/audit/events`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        asked.push(q);
        return list([{ type: 1000, date: "2026-11-03T00:00:00Z", actingUserId: q.get("organizationId") ? ids.memberUser : techUser, organizationId: ids.org }]);
      }),
      http.get(`${base}/audit/events/export`, ({ request }) => {
        exported.push(new URL(request.url).searchParams);
        return new HttpResponse("{\"type\":1000}\n");
      }),
    );
    at("audit", <AuditRollupPage />);
    expect(await screen.findByRole("heading", { level: 1, name: "Audit roll-up" })).toBeTruthy();
    expect(await screen.findByRole("cell", { name: "Tess (tess@msp.test)" })).toBeTruthy();
    await screen.findByRole("option", { name: "Tess (tess@msp.test)" });

    await userEvent.selectOptions(screen.getByLabelText("Technician"), "Tess (tess@msp.test)");
    await waitFor(() => expect(asked.at(-1)!.get("providerUserId")).toBe(ids.link));
    await userEvent.selectOptions(await screen.findByLabelText("Client"), "Acme");
    await waitFor(() => expect(asked.at(-1)!.get("organizationId")).toBe(ids.org));
    // One client's roll-up names that client's own members.
    expect(await screen.findByRole("cell", { name: "Dana (dana@acme.test)" })).toBeTruthy();

    await userEvent.click(screen.getByRole("button", { name: "Export JSON lines" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(exported[0]!.get("format")).toBe("jsonl");
    expect(exported[0]!.get("organizationId")).toBe(ids.org);
    expect(exported[0]!.get("providerUserId")).toBe(ids.link);
    expect(exported[0]!.get("start")).toBe(asked.at(-1)!.get("start"));
    expect(await saved[0]!.text()).toBe("{\"type\":1000}\n");
  }, 30_000);

  it("opens one technician's view from the address", async () => {
    await startProviderSession(0);
    const asked: URLSearchParams[] = [];
    server.use(
      http.get(`${base}/users`, () => list([])),
      http.get(`${base}/organizations`, () => list([])),
      http.get(`${base}/audit/events`, ({ request }) => (asked.push(new URL(request.url).searchParams), list([]))),
    );
    at(`audit?technician=${ids.link}`, <AuditRollupPage />);
    expect(await screen.findByText("No events in this range.")).toBeTruthy();
    expect(asked[0]!.get("providerUserId")).toBe(ids.link);
  });

  it("is for provider admins only", async () => {
    await startProviderSession(1);
    at("audit", <AuditRollupPage />);
    expect(await screen.findByText("Only provider admins see this page.")).toBeTruthy();
  });
});
