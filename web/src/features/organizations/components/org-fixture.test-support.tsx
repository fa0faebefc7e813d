import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { createMemoryRouter, RouterProvider, type RouteObject } from "react-router";
import { toBase64 } from "../../../lib/crypto/bytes";
import { encrypt } from "../../../lib/crypto/enc-string";
import { generateRsaKeyPair, rsaEncrypt, type RsaKeyPair } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes, type SymmetricKey } from "../../../lib/crypto/symmetric-key";
import { refreshProfile } from "../../../lib/profile";
import { keyStore, startSession } from "../../../lib/session";
import { server } from "../../../test/msw-server";

export const orgId = "33333333-3333-4333-8333-333333333333";
export const api = `/api/organizations/${orgId}`;

export interface OrgSession {
  userKeys: RsaKeyPair;
  orgKey: SymmetricKey;
}

/** An unlocked owner of the test org, holding its key RSA-wrapped in the profile as the server sends it. */
export async function startOrgSession(): Promise<OrgSession> {
  const userKeys = await generateRsaKeyPair();
  const orgKey = makeUserKey();
  const organization = {
    id: orgId, name: "Acme Corp", key: await rsaEncrypt(symmetricKeyToBytes(orgKey), userKeys.publicKeySpki), type: 0, status: 2,
    enabled: true, permissions: {}, organizationUserId: "99999999-9999-4999-8999-999999999999", providerId: null, providerName: null,
    useGroups: true, usePolicies: true, useEvents: true, seats: null, object: "profileOrganization",
  };
  const profile = {
    id: "11111111-1111-4111-8111-111111111111", name: "Pat", email: "pat@example.com", key: null, privateKey: null,
    organizations: [organization], providers: [], providerOrganizations: [],
  };
  server.use(http.get("/api/accounts/profile", () => HttpResponse.json(profile)));
  keyStore.unlock({ email: profile.email, userKey: makeUserKey(), privateKey: userKeys.privateKeyPkcs8 });
  startSession("access-token", null, { email: profile.email, kdf: { type: 0, iterations: 5000 }, protectedUserKey: "2.x", encryptedPrivateKey: null });
  await refreshProfile();
  return { userKeys, orgKey };
}

export const list = (data: object[]) => HttpResponse.json({ object: "list", data, continuationToken: null });

/** Serves the org's collections (names encrypted with its key) and groups. */
export async function serveCollections(orgKey: SymmetricKey, rows: { id: string; name: string }[], groups: object[] = []) {
  const data = await Promise.all(rows.map(async (r) => ({
    object: "collectionAccessDetails", id: r.id, organizationId: orgId, name: await encrypt(r.name, orgKey), externalId: null,
    type: 0, groups: [], users: [],
  })));
  server.use(
    http.get(`${api}/collections/details`, () => list(data)),
    http.get(`${api}/collections`, () => list(data.map(({ groups: _g, users: _u, ...c }) => ({ ...c, object: "collection" })))),
    http.get(`${api}/groups/details`, () => list(groups)),
  );
}

export const publicKeyBase64 = (pair: RsaKeyPair) => toBase64(pair.publicKeySpki);

/** Renders `element` at /organizations/:organizationId/<page>. */
export function renderPage(page: string, element: React.ReactNode, extra: RouteObject[] = []) {
  const router = createMemoryRouter([{ path: `/organizations/:organizationId/${page}`, element }, ...extra],
    { initialEntries: [`/organizations/${orgId}/${page}`] });
  return render(<RouterProvider router={router} />);
}

/** Opens a table row's "More actions for <row>" menu and chooses `action` in it. */
export async function chooseRowAction(row: string, action: string) {
  await userEvent.click(await screen.findByRole("button", { name: `More actions for ${row}` }));
  await userEvent.click(await screen.findByRole("menuitem", { name: action }));
}
