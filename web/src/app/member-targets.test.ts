import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import type { Profile, ProfileOrganization } from "../lib/profile";
import { logOut, startSession } from "../lib/session";
import { server } from "../test/msw-server";
import { fetchMemberTargets, memberListOrganizations, type MemberTarget } from "./member-targets";

afterEach(() => logOut());

const org = (id: string, name: string, type: number, permissions: Record<string, boolean> = {}) =>
  ({ id, name, type, permissions }) as ProfileOrganization;
const owned = org("o1", "Own Org", 0);
const customUsers = org("o2", "Custom Users", 4, { manageUsers: true });
const customPolicies = org("o3", "Custom Policies", 4, { managePolicies: true });
const plainUser = org("o4", "Plain", 2);
const client = org("c1", "Client Co", 2);
const profile = {
  organizations: [owned, customUsers, customPolicies, plainUser], providerOrganizations: [client],
  providers: [{ id: "p1", name: "MSP", type: 0 }, { id: "p2", name: "Other MSP", type: 1 }],
} as unknown as Profile;

describe("palette member targets", () => {
  it("asks only the orgs whose members the user may list, and the providers they administer", () => {
    expect(memberListOrganizations(profile).map((o) => o.id)).toEqual(["o1", "o2", "c1"]);
  });

  it("turns each list into targets that open the member's page, searched for them", async () => {
    startSession("access-token", null, { email: "pat@example.com", kdf: { type: 0, iterations: 5000 }, protectedUserKey: "2.x", encryptedPrivateKey: null });
    const asked: string[] = [];
    const users = (email: string) => HttpResponse.json({ object: "list", continuationToken: null,
      data: [{ id: `u-${email}`, email, name: null, type: 2, status: 2, groups: [], collections: [] }] });
    server.use(
      http.get("/api/organizations/:id/users", ({ params }) => {
        asked.push(String(params.id));
        return params.id === "o2" ? HttpResponse.json({ message: "No." }, { status: 404 }) : users(`${String(params.id)}@example.com`);
      }),
      http.get("/api/providers/:id/users", ({ params }) => {
        asked.push(String(params.id));
        return users("tech@example.com");
      }),
    );
    const found: MemberTarget[] = [];
    await fetchMemberTargets(profile, (t) => found.push(...t), new AbortController().signal);
    expect(asked.sort()).toEqual(["c1", "o1", "o2", "p1"]);
    expect(found.map((t) => [t.label, t.detail, t.to]).sort()).toEqual([
      ["c1@example.com", "Client Co", "/organizations/c1/members?search=c1%40example.com"],
      ["o1@example.com", "Own Org", "/organizations/o1/members?search=o1%40example.com"],
      ["tech@example.com", "MSP", "/providers/p1/members"],
    ]);
  });
});
