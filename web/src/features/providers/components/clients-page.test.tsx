import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { ClientsPage } from "./clients-page";
import { ids, startProviderSession } from "./provider-fixture.test-support";
import { renderAt } from "./render-portal.test-support";

afterEach(() => logOut());

function client(name: string, n: number, extra: object = {}) {
  return {
    object: "providerOrganizationOrganizationDetail", id: `link-${n}`, providerId: ids.provider, organizationId: `org-${n}`, key: "2.x",
    settings: null, creationDate: "2026-03-0" + n + "T10:00:00Z", revisionDate: "2026-03-01T10:00:00Z", userCount: 2, seats: 10,
    occupiedSeats: 3, remainingSeats: 7, plan: "Enterprise (Monthly)", organizationName: name, enabled: true, ...extra,
  };
}

/** Records each list request's query and answers with `pages[token]`; page 1 has no token, and each page names the next. */
function serveClients(pages: Record<string, ReturnType<typeof client>[]>, more = false) {
  const queries: URLSearchParams[] = [];
  server.use(http.get(`/api/providers/${ids.provider}/organizations`, ({ request }) => {
    const q = new URL(request.url).searchParams;
    queries.push(q);
    const page = q.get("continuationToken") ?? "1";
    const next = String(Number(page) + 1);
    return HttpResponse.json({ object: "list", data: pages[page] ?? [], continuationToken: more && pages[next] ? next : null });
  }));
  return queries;
}

const routes = [{ path: "/providers/:providerId/clients", element: <ClientsPage /> }];

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("clients page", { timeout: 30_000 }, () => {
  it("lists clients with seats and an Open link to the Admin Console", async () => {
    await startProviderSession();
    serveClients({ 1: [client("Alpha Ltd", 1), client("Bravo AG", 2, { seats: null, occupiedSeats: 4 })] });
    renderAt(`/providers/${ids.provider}/clients`, routes);

    expect(screen.getByRole("heading", { level: 1, name: "Clients" })).toBeTruthy();
    const alpha = (await screen.findByRole("cell", { name: "Alpha Ltd" })).closest("tr")!;
    expect(within(alpha).getByText("3 / 10")).toBeTruthy();
    expect(screen.getByText("4 (no limit)")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Open Alpha Ltd" }).getAttribute("href")).toBe("/organizations/org-1");
    expect(screen.getByRole("button", { name: "New client" })).toBeTruthy();
  });

  it("asks the server to search, sort and page", async () => {
    await startProviderSession();
    const queries = serveClients({ 1: [client("Alpha Ltd", 1)], 2: [client("Zulu Inc", 3)] }, true);
    renderAt(`/providers/${ids.provider}/clients`, routes);
    await screen.findByRole("cell", { name: "Alpha Ltd" });
    expect(queries[0]!.toString()).toBe("sort=name&pageSize=50");

    await userEvent.type(screen.getByLabelText("Search clients"), "alp");
    await waitFor(() => expect(queries.at(-1)!.get("search")).toBe("alp"));
    await userEvent.selectOptions(screen.getByLabelText("Sort by"), "Newest client first");
    await waitFor(() => expect(queries.at(-1)!.toString()).toBe("search=alp&sort=-created&pageSize=50"));

    await userEvent.click(await screen.findByRole("button", { name: "Next page" }));
    expect(await screen.findByRole("cell", { name: "Zulu Inc" })).toBeTruthy();
    expect(queries.at(-1)!.get("continuationToken")).toBe("2");
    expect(screen.getByText("Page 2")).toBeTruthy();
    expect((screen.getByRole("button", { name: "Next page" }) as HTMLButtonElement).disabled).toBe(true);

    // Previous goes back to the token that started the page before: none, for page 1.
    await userEvent.click(screen.getByRole("button", { name: "Previous page" }));
    expect(await screen.findByRole("cell", { name: "Alpha Ltd" })).toBeTruthy();
    expect(queries.at(-1)!.has("continuationToken")).toBe(false);
    expect(screen.getByText("Page 1")).toBeTruthy();
  });

  it("unlinks a client by its link id after a confirmation", async () => {
    await startProviderSession();
    serveClients({ 1: [client("Alpha Ltd", 1)] });
    let deleted = "";
    server.use(http.delete(`/api/providers/${ids.provider}/organizations/:id`, ({ params }) => {
      deleted = String(params.id);
      return HttpResponse.json({ message: "Organization must have at least one confirmed owner." }, { status: 400 });
    }));
    renderAt(`/providers/${ids.provider}/clients`, routes);
    await userEvent.click(await screen.findByRole("button", { name: "Unlink Alpha Ltd" }));
    await userEvent.click(within(screen.getByRole("dialog")).getByRole("button", { name: "Unlink" }));
    expect((await screen.findByRole("alert")).textContent).toBe("Organization must have at least one confirmed owner.");
    expect(deleted).toBe("link-1");
  });

  it("renames a client and sets its seats, showing the server's refusal", async () => {
    await startProviderSession(1);
    serveClients({ 1: [client("Alpha Ltd", 1)] });
    const bodies: unknown[] = [];
    server.use(http.put(`/api/providers/${ids.provider}/clients/link-1`, async ({ request }) => {
      bodies.push(await request.json());
      return bodies.length === 1
        ? HttpResponse.json({ message: "The model state is invalid.", validationErrors: { AssignedSeats: ["The organization already uses 3 seats."] } }, { status: 400 })
        : new HttpResponse(null, { status: 200 });
    }));
    renderAt(`/providers/${ids.provider}/clients`, routes);
    await userEvent.click(await screen.findByRole("button", { name: "Edit Alpha Ltd" }));
    const dialog = screen.getByRole("dialog", { name: "Edit Alpha Ltd" });
    await userEvent.clear(within(dialog).getByLabelText("Seats"));
    await userEvent.type(within(dialog).getByLabelText("Seats"), "2");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("The organization already uses 3 seats.");
    await userEvent.clear(within(dialog).getByLabelText("Organization name"));
    await userEvent.type(within(dialog).getByLabelText("Organization name"), "Alpha Group");
    await userEvent.clear(within(dialog).getByLabelText("Seats"));
    await userEvent.type(within(dialog).getByLabelText("Seats"), "20");
    await userEvent.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(bodies).toEqual([{ name: "Alpha Ltd", assignedSeats: 2 }, { name: "Alpha Group", assignedSeats: 20 }]);
  });

  it("lets service users create clients but not add existing ones or unlink", async () => {
    await startProviderSession(1);
    serveClients({ 1: [client("Alpha Ltd", 1)] });
    renderAt(`/providers/${ids.provider}/clients`, routes);
    await screen.findByRole("cell", { name: "Alpha Ltd" });
    expect(screen.getByRole("button", { name: "New client" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: "Add existing organization" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Unlink Alpha Ltd" })).toBeNull();
  });
});
