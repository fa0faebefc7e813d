import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { server } from "../../../test/msw-server";
import { adminOffMessage } from "../api/admin-api";
import { setAdminToken } from "../api/admin-token";
import { AdminPage } from "./admin-page";

afterEach(() => setAdminToken(null));

const pending = {
  object: "adminProvider", id: "p-1", name: "Contoso MSP", businessName: null, billingEmail: "owner@contoso.test", type: 0, status: 0,
  enabled: true, clients: 0, users: 1, creationDate: "2026-11-01T10:00:00Z",
};

/** An /admin that answers only the right bearer token, like AdminEndpoints' filter. */
function serveAdmin(providers: object[]) {
  const seen: { auth: string | null; body?: unknown; url: string }[] = [];
  const guard = (request: Request) => {
    seen.push({ auth: request.headers.get("Authorization"), url: request.url });
    return request.headers.get("Authorization") === "Bearer s3cret"
      ? null
      : HttpResponse.json({ message: "The admin token is missing or wrong." }, { status: 401 });
  };
  server.use(
    http.get("/admin/providers", ({ request }) => guard(request) ?? HttpResponse.json({ object: "list", data: providers })),
    http.get("/admin/organizations", ({ request }) => guard(request) ?? HttpResponse.json({ object: "list", data: [] })),
    http.post("/admin/providers", async ({ request }) => {
      const denied = guard(request);
      if (denied) return denied;
      const body = (await request.json()) as { name: string; ownerEmail: string };
      seen.at(-1)!.body = body;
      if (!body.ownerEmail.includes("@")) {
        return HttpResponse.json({ message: "The model state is invalid.", validationErrors: { OwnerEmail: ["The OwnerEmail field is not a valid e-mail address."] } }, { status: 400 });
      }
      return HttpResponse.json({ ...pending, id: "p-2", name: body.name, billingEmail: body.ownerEmail });
    }),
    http.delete("/admin/providers/:id", ({ request }) =>
      guard(request) ?? HttpResponse.json({ message: "Remove the provider's client organizations first." }, { status: 400 })),
    http.post("/admin/providers/:id/resend-setup", ({ request }) => guard(request) ?? new HttpResponse(null, { status: 200 })),
  );
  return seen;
}

async function enterToken(token: string) {
  await userEvent.type(screen.getByLabelText("Admin token"), token);
  await userEvent.click(screen.getByRole("button", { name: "Continue" }));
}

describe("admin page", () => {
  it("reports a wrong token and stays on the token form", async () => {
    serveAdmin([]);
    render(<AdminPage />);
    expect(screen.getByRole("heading", { level: 1, name: "Admin" })).toBeTruthy();
    await enterToken("wrong");
    expect((await screen.findByRole("alert")).textContent).toBe("The admin token is missing or wrong.");
    expect(screen.getByLabelText("Admin token")).toBeTruthy();
  });

  it("says when the server has the Admin area switched off", async () => {
    server.use(http.get("/admin/providers", () => HttpResponse.json({ message: "Resource not found." }, { status: 404 })));
    render(<AdminPage />);
    await enterToken("anything");
    expect((await screen.findByRole("alert")).textContent).toBe(adminOffMessage);
    expect(adminOffMessage).toMatch(/Admin__Token=.*\.\/run\.sh/); // says how to switch it on
  });

  it("lists providers and resends a pending provider's setup mail", async () => {
    const seen = serveAdmin([pending]);
    render(<AdminPage />);
    await enterToken("s3cret");
    const row = (await screen.findByRole("cell", { name: "Contoso MSP" })).closest("tr")!;
    expect(within(row).getByText("Pending setup")).toBeTruthy();
    expect(within(row).getByText("owner@contoso.test")).toBeTruthy();
    await userEvent.click(within(row).getByRole("button", { name: "Resend setup to Contoso MSP" }));
    expect(await screen.findByText("The setup invitation for Contoso MSP was sent again.")).toBeTruthy();
    expect(seen.every((s) => s.auth === "Bearer s3cret")).toBe(true);
    expect(seen.some((s) => s.url.endsWith("/admin/providers/p-1/resend-setup"))).toBe(true);

    await userEvent.click(within(row).getByRole("button", { name: "Delete Contoso MSP" }));
    const dialog = screen.getByRole("dialog", { name: "Delete provider" });
    await userEvent.click(within(dialog).getByRole("button", { name: "Delete" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("Remove the provider's client organizations first.");
  });

  it("creates a provider with the token header and shows the server's validation message", async () => {
    const seen = serveAdmin([]);
    render(<AdminPage />);
    await enterToken("s3cret");
    await userEvent.click(await screen.findByRole("button", { name: "Create provider" }));
    const dialog = screen.getByRole("dialog", { name: "Create provider" });
    await userEvent.type(within(dialog).getByLabelText("Name"), "Fabrikam IT");
    await userEvent.type(within(dialog).getByLabelText("Owner email"), "nobody");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    expect((await within(dialog).findByRole("alert")).textContent).toBe("The OwnerEmail field is not a valid e-mail address.");

    await userEvent.clear(within(dialog).getByLabelText("Owner email"));
    await userEvent.type(within(dialog).getByLabelText("Owner email"), "it@fabrikam.test");
    await userEvent.click(within(dialog).getByRole("button", { name: "Create" }));
    expect(await screen.findByText("Fabrikam IT was created; the setup invitation went to it@fabrikam.test.")).toBeTruthy();
    const create = seen.filter((s) => s.body !== undefined).at(-1)!;
    expect(create.auth).toBe("Bearer s3cret");
    expect(create.body).toEqual({ name: "Fabrikam IT", type: 0, ownerEmail: "it@fabrikam.test" });
    await waitFor(() => expect(seen.filter((s) => s.url.endsWith("/admin/providers")).length).toBeGreaterThan(2));
  });
});
