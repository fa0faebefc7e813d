import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { describe, expect, it } from "vitest";
import { server } from "../../../test/msw-server";
import { BillingPage } from "./billing-page";
import { EventSinksPage } from "./event-sinks-page";
import { startProviderSession } from "./provider-fixture.test-support";
import { at, base, captureDownloads, list, saved } from "./portal-downloads.test-support";

captureDownloads();

const usage = (n: number, externalId: string | null = null) => ({
  object: "clientUsage", clientName: `Clinic ${n}`, externalId, organizationId: `0000000${n}-0000-4000-8000-000000000000`, period: "2026-11",
  periodStart: "2026-11-01T00:00:00Z", periodEnd: "2026-11-30T00:00:00Z", seats: 10 - n, averageSeats: 7.5, assignedSeats: null, daysRecorded: 30,
});

describe("billing", () => {
  it("shows a month's usage, pages, sorts, downloads the CSV and sets an external id", async () => {
    await startProviderSession(0);
    const asked: URLSearchParams[] = [];
    let put: { url: string; body: unknown } | null = null;
    server.use(
      http.get(`${base}/billing/usage`, ({ request }) => {
        const q = new URL(request.url).searchParams;
        asked.push(q);
        if (q.get("period") !== "2026-11") return list([]);
        return q.get("continuationToken") ? list([usage(3)]) : list([usage(1, "PSA-1"), usage(2)], usage(2).organizationId);
      }),
      http.get(`${base}/billing/usage.csv`, () => new HttpResponse("client_name,external_id\n\"Clinic 1\",\"PSA-1\"\n", { headers: { "Content-Type": "text/csv" } })),
      http.put(`${base}/billing/clients/:org`, async ({ request }) => {
        put = { url: request.url, body: await request.json() };
        return new HttpResponse(null, { status: 200 });
      }),
    );
    at("billing", <BillingPage />);
    expect(await screen.findByText("No usage recorded for this month")).toBeTruthy();
    const month = screen.getByLabelText("Month");
    await userEvent.clear(month);
    await userEvent.type(month, "2026-11");
    const table = await screen.findByRole("table", { name: "Seat usage by client" });
    expect(within(table).getByText("PSA-1")).toBeTruthy();
    await userEvent.click(screen.getByRole("button", { name: "Load more clients" }));
    expect(await within(table).findByText("Clinic 3")).toBeTruthy();
    expect(asked.at(-1)!.get("continuationToken")).toBe(usage(2).organizationId);
    // Peak seats sort: Clinic 3 has the fewest.
    await userEvent.click(within(table).getByRole("button", { name: /Billed seats/ }));
    expect(within(table).getAllByRole("row")[1]!.textContent).toContain("Clinic 3");

    await userEvent.click(screen.getByRole("button", { name: "Download CSV" }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0]!.text()).toContain("\"Clinic 1\",\"PSA-1\"");

    await userEvent.click(screen.getByRole("button", { name: "More actions for Clinic 2" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Set external id" }));
    await userEvent.type(await screen.findByRole("textbox", { name: /^External id/ }), "PSA-2");
    await userEvent.click(screen.getByRole("button", { name: "Save" }));
    expect(await within(table).findByText("PSA-2")).toBeTruthy();
    expect(put!.url).toContain(`/billing/clients/${usage(2).organizationId}`);
    expect(put!.body).toEqual({ externalId: "PSA-2" });
  }, 30_000);

  it("is for provider admins only", async () => {
    await startProviderSession(1);
    at("billing", <BillingPage />);
    expect(await screen.findByText("Only provider admins see this page.")).toBeTruthy();
  });

  it("says what went wrong", async () => {
    await startProviderSession(0);
    server.use(http.get(`${base}/billing/usage`, () => HttpResponse.json({ object: "error", message: "The period is a month." }, { status: 400 })));
    at("billing", <BillingPage />);
    expect(await screen.findByText("The period is a month.")).toBeTruthy();
  });
});

describe("event sinks", () => {
  const sink = (over: object = {}) => ({
    object: "eventSink", id: "s1", kind: 0, target: "https://siem.example.com/hook", transport: 0, enabled: true, hasSecret: true,
    lastError: "503 Service Unavailable", lastDeliveryDate: "2026-11-03T10:00:00Z", pending: 4, creationDate: "2026-11-01T00:00:00Z", ...over,
  });

  it("adds a webhook with a secret made in the browser, disables and deletes a sink, showing delivery status", async () => {
    await startProviderSession(0);
    let sinks: object[] = [];
    const sent: { method: string; body: unknown }[] = [];
    server.use(
      http.get(`${base}/event-sinks`, () => list(sinks)),
      http.post(`${base}/event-sinks`, async ({ request }) => {
        const body = await request.json();
        sent.push({ method: "POST", body });
        sinks = [sink()];
        return HttpResponse.json(sinks[0]);
      }),
      http.put(`${base}/event-sinks/s1`, async ({ request }) => {
        const body = (await request.json()) as { enabled: boolean };
        sent.push({ method: "PUT", body });
        sinks = [sink({ enabled: body.enabled })];
        return HttpResponse.json(sinks[0]);
      }),
      http.delete(`${base}/event-sinks/s1`, () => {
        sent.push({ method: "DELETE", body: null });
        sinks = [];
        return new HttpResponse(null, { status: 200 });
      }),
    );
    at("event-sinks", <EventSinksPage />);
    expect(await screen.findByText("No event sinks yet")).toBeTruthy();
    await userEvent.type(screen.getByLabelText("Webhook URL"), "https://siem.example.com/hook");
    const secret = (screen.getByLabelText("Signing secret") as HTMLInputElement).value;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    await userEvent.click(screen.getByRole("button", { name: "Add webhook" }));

    const table = await screen.findByRole("table", { name: "Event sinks" });
    expect(sent[0]!.body).toEqual({ kind: 0, target: "https://siem.example.com/hook", transport: 0, secret, enabled: true });
    expect(within(table).getByText("503 Service Unavailable")).toBeTruthy();
    expect(within(table).getByText("4")).toBeTruthy();

    await userEvent.click(within(table).getByRole("button", { name: "Disable https://siem.example.com/hook" }));
    expect(await within(table).findByText("Disabled")).toBeTruthy();
    // The secret is write-only: null keeps the stored one.
    expect(sent[1]!.body).toMatchObject({ enabled: false, secret: null });

    await userEvent.click(within(table).getByRole("button", { name: "More actions for https://siem.example.com/hook" }));
    await userEvent.click(await screen.findByRole("menuitem", { name: "Delete https://siem.example.com/hook" }));
    await userEvent.click(await screen.findByRole("button", { name: "Delete" }));
    expect(await screen.findByText("No event sinks yet")).toBeTruthy();
    expect(sent.map((s) => s.method)).toEqual(["POST", "PUT", "DELETE"]);
  }, 30_000);

  it("adds a syslog collector over TLS and shows the server's validation error", async () => {
    await startProviderSession(0);
    const bodies: unknown[] = [];
    server.use(
      http.get(`${base}/event-sinks`, () => list([])),
      http.post(`${base}/event-sinks`, async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json({ object: "error", message: "The model state is invalid.", validationErrors: { target: ["A syslog target is host:port."] } }, { status: 400 });
      }),
    );
    at("event-sinks", <EventSinksPage />);
    await userEvent.selectOptions(await screen.findByLabelText("Kind"), "Syslog");
    await userEvent.type(screen.getByLabelText("Collector (host:port)"), "siem.example.com");
    await userEvent.click(screen.getByRole("button", { name: "Add syslog" }));
    expect(await screen.findByText("A syslog target is host:port.")).toBeTruthy();
    expect(bodies[0]).toEqual({ kind: 1, target: "siem.example.com", transport: 1, secret: null, enabled: true });
  });

  it("is for provider admins only", async () => {
    await startProviderSession(1);
    at("event-sinks", <EventSinksPage />);
    expect(await screen.findByText("Only provider admins see this page.")).toBeTruthy();
  });
});
