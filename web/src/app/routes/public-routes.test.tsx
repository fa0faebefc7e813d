import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { renderAt } from "../../features/providers/components/render-portal.test-support";
import { startProviderSession } from "../../features/providers/components/provider-fixture.test-support";
import { logOut } from "../../lib/session";
import { server } from "../../test/msw-server";
import { publicRoutes } from "./public-routes";
import { LoginRoute } from "./login-route";

const invite = "/accept-organization?organizationId=o1&organizationUserId=m1&email=new%40example.com&organizationName=Acme&token=t0k";

afterEach(() => logOut());

const brandedBy = { object: "providerBranding", providerId: "p1", name: "Globex Support", displayName: "Globex Support", color: "#003366",
  logoUrl: "/api/branding/providers/p1/logo?v=1" };

const noBranding = http.post("/api/organizations/o1/users/m1/branding", () => HttpResponse.json({ object: "error", message: "Not found." }, { status: 404 }));

// Rendering two pages and their crypto-free forms still takes seconds on the busy CI box.
describe("organization invitation page", { timeout: 30_000 }, () => {
  it("a client org's invitation shows its provider's name and logo, here and on the login page it leads to", async () => {
    const asked: unknown[] = [];
    server.use(http.post("/api/organizations/o1/users/m1/branding", async ({ request }) => {
      asked.push(await request.json());
      return HttpResponse.json(brandedBy);
    }), http.get("/api/server-status", () => HttpResponse.json({ firstRun: false })));
    renderAt(invite, [...publicRoutes, { path: "/login", element: <LoginRoute /> }]);
    const brand = await screen.findByRole("note", { name: "Managed by Globex Support" });
    expect(within(brand).getByRole("img", { name: "Globex Support" }).getAttribute("src")).toBe(brandedBy.logoUrl);
    expect(asked).toEqual([{ email: "new@example.com", token: "t0k" }]);
    await userEvent.click(screen.getByRole("button", { name: "Log in" }));
    expect(await screen.findByRole("note", { name: "Managed by Globex Support" })).toBeTruthy();
    expect((screen.getByLabelText(/email/i) as HTMLInputElement).value).toBe("new@example.com");
  });

  it("offers login and registration that both come back to the invitation", async () => {
    server.use(noBranding);
    renderAt(invite, publicRoutes);
    expect(screen.getByRole("heading", { level: 1, name: "Join organization" })).toBeTruthy();
    const create = screen.getByRole("link", { name: "Create account" });
    const target = new URLSearchParams(create.getAttribute("href")!.split("?")[1]);
    expect(target.get("email")).toBe("new@example.com");
    expect(target.get("returnTo")).toBe(invite);
    expect(screen.getByRole("button", { name: "Log in" })).toBeTruthy();
  });

  it("accepts once unlocked and says an administrator must confirm", async () => {
    await startProviderSession(null);
    const accepted: unknown[] = [];
    server.use(noBranding);
    server.use(http.post("/api/organizations/o1/users/m1/accept", async ({ request }) => {
      accepted.push(await request.json());
      return HttpResponse.json(null);
    }));
    renderAt(invite, publicRoutes);
    expect(await screen.findByText(/You joined Acme\. An administrator must confirm you/)).toBeTruthy();
    expect(accepted).toEqual([{ token: "t0k" }]);
  });

  it("shows the server's message for an expired invitation", async () => {
    await startProviderSession(null);
    server.use(noBranding, http.post("/api/organizations/o1/users/m1/accept", () =>
      HttpResponse.json({ object: "error", message: "Invalid or expired invitation.", validationErrors: null }, { status: 400 })));
    renderAt(invite, publicRoutes);
    expect((await screen.findByRole("alert")).textContent).toBe("Invalid or expired invitation.");
  });
});

describe("registration page", () => {
  it("fixes the invited address and checks the password before calling the server", async () => {
    renderAt(`/register?email=new%40example.com&returnTo=${encodeURIComponent(invite)}`, publicRoutes);
    const form = screen.getByRole("form", { name: "Create account" });
    const email = within(form).getByLabelText("Email address") as HTMLInputElement;
    expect(email.value).toBe("new@example.com");
    expect(email.readOnly).toBe(true);
    await userEvent.type(within(form).getByLabelText("Master password"), "short");
    await userEvent.type(within(form).getByLabelText("Confirm master password"), "short");
    await userEvent.click(within(form).getByRole("button", { name: "Create account" }));
    // Every field's problem at once, beside the field and announced with it.
    expect((await screen.findByRole("alert")).textContent).toBe("Fix the fields marked above.");
    const password = within(form).getByLabelText("Master password");
    expect(password.getAttribute("aria-invalid")).toBe("true");
    expect(password.getAttribute("aria-describedby")?.split(" ").map((id) => document.getElementById(id)?.textContent))
      .toContain("The master password must be at least 12 characters.");
    await userEvent.type(password, " and longer now");
    await userEvent.click(within(form).getByRole("button", { name: "Create account" }));
    expect(password.getAttribute("aria-invalid")).toBeNull();
    expect(within(form).getByLabelText("Confirm master password").getAttribute("aria-invalid")).toBe("true");
    expect(within(form).getByText("The passwords do not match.")).toBeTruthy();
  });
});
