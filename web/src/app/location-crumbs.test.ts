import { describe, expect, it } from "vitest";
import type { Profile, ProfileOrganization } from "../lib/profile";
import { crumbsFor } from "./location-crumbs";

const org = (id: string, name: string, providerId: string | null, providerName: string | null) =>
  ({ id, name, providerId, providerName }) as ProfileOrganization;
const profile = {
  providers: [{ id: "p1", name: "Northwind MSP" }],
  organizations: [org("o1", "Own org", null, null)],
  providerOrganizations: [org("c1", "Acme", "p1", "Northwind MSP")],
} as unknown as Profile;

describe("breadcrumbs", () => {
  it("put a client under its provider: provider › client › page", () => {
    expect(crumbsFor("/organizations/c1/events", profile)).toEqual([
      { label: "Northwind MSP", to: "/providers/p1/clients" },
      { label: "Acme", to: "/organizations/c1/members" },
      { label: "Event log" },
    ]);
  });

  it("name an own organization's and a provider's pages, and nothing for the vault", () => {
    expect(crumbsFor("/organizations/o1/members", profile).map((c) => c.label)).toEqual(["Own org", "Members"]);
    expect(crumbsFor("/providers/p1/clients", profile).map((c) => c.label)).toEqual(["Northwind MSP", "Clients"]);
    expect(crumbsFor("/providers/p1/bulk", profile).map((c) => c.label)).toEqual(["Northwind MSP", "Bulk actions"]);
    expect(crumbsFor("/vault", profile)).toEqual([]);
    expect(crumbsFor("/providers/setup-provider", profile)).toEqual([]);
  });
});
