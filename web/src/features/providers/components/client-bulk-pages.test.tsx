import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { afterEach, describe, expect, it } from "vitest";
import { decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { fingerprintPhrase } from "../../../lib/crypto/fingerprint";
import { generateRsaKeyPair, rsaDecrypt } from "../../../lib/crypto/rsa";
import { makeUserKey, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { logOut } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { BulkJobsPage } from "./bulk-jobs-page";
import { ConfirmEverywherePage } from "./confirm-everywhere-page";
import { ids, publicKeyBase64, startProviderSession } from "./provider-fixture.test-support";
import { renderAt } from "./render-portal.test-support";

afterEach(() => logOut());

const base = `/api/providers/${ids.provider}`;
const list = (data: object[]) => HttpResponse.json({ object: "list", data, continuationToken: null });

describe("confirm everywhere", () => {
  it("shows each member's fingerprint and wraps the client's org key to the member's public key", async () => {
    const session = await startProviderSession(1);
    const member = await generateRsaKeyPair();
    const orgKey = makeUserKey();
    const phrase = await fingerprintPhrase(ids.memberUser, member.publicKeySpki);
    const wrapped = await encrypt(symmetricKeyToBytes(orgKey), session.providerKey);
    let confirmed: { keys: { id: string; key: string }[] } | null = null;
    server.use(
      http.get(`${base}/pending-confirmations`, () => list(confirmed ? [] : [{
        id: ids.member, userId: ids.memberUser, email: "dana@acme.test", name: null, publicKey: publicKeyBase64(member),
        organizationId: ids.org, organizationName: "Acme", organizationKey: wrapped,
      }])),
      http.post(`/api/organizations/${ids.org}/users/confirm`, async ({ request }) => {
        confirmed = (await request.json()) as typeof confirmed;
        return list([{ id: ids.member, error: "" }]);
      }),
    );
    renderAt(`/providers/${ids.provider}/confirm`, [{ path: "/providers/:providerId/confirm", element: <ConfirmEverywherePage /> }]);

    expect(await screen.findByText(phrase)).toBeTruthy();
    await userEvent.click(screen.getByRole("checkbox", { name: "Select dana@acme.test in Acme" }));
    await userEvent.click(screen.getByRole("button", { name: "Confirm selected" }));
    expect(await screen.findByText("1 confirmed.")).toBeTruthy();
    const sent = confirmed!.keys[0]!;
    expect(sent.id).toBe(ids.member);
    expect(await rsaDecrypt(sent.key, member.privateKeyPkcs8)).toEqual(symmetricKeyToBytes(orgKey));
  }, 60_000);
});

describe("bulk actions", () => {
  it("adds a collection to every chosen client, re-encrypting its name per client, with progress", async () => {
    const session = await startProviderSession(0);
    const orgKeys = [makeUserKey(), makeUserKey()];
    const clients = await Promise.all(orgKeys.map(async (k, i) => ({
      organizationId: `0000000${i}-0000-4000-8000-000000000000`, organizationName: `Clinic ${i}`, key: await encrypt(symmetricKeyToBytes(k), session.providerKey),
    })));
    const names: string[] = [];
    let started: { kind: number; selection: object; parameters: { collectionName: string } } | null = null;
    let reported: { organizationId: string; error: string | null }[] = [];
    const job = (done: number) => ({
      id: "job", kind: 11, total: 2, pending: 2 - done, running: 0, succeeded: done, failed: 0, runsOnServer: false, done: done === 2,
      creationDate: "2026-12-07T00:00:00Z", parameters: { collectionName: started?.parameters.collectionName ?? null },
    });
    server.use(
      http.get(`${base}/client-tags`, () => list([])),
      http.get(`${base}/client-templates`, () => list([])),
      http.get(`${base}/bulk-jobs`, () => list([])),
      http.get(`${base}/bulk-jobs/job/items`, () => list([])),
      http.post(`${base}/bulk-jobs`, async ({ request }) => {
        started = (await request.json()) as typeof started;
        return HttpResponse.json(job(0));
      }),
      http.post(`${base}/bulk-jobs/job/claim`, () => HttpResponse.json({ claimToken: "t", clients, job: job(0) })),
      http.post(`${base}/bulk-jobs/job/results`, async ({ request }) => {
        reported = ((await request.json()) as { results: typeof reported }).results;
        return HttpResponse.json(job(2));
      }),
      ...clients.map((c, i) => http.post(`/api/organizations/${c.organizationId}/collections`, async ({ request }) => {
        names[i] = await decryptToString(((await request.json()) as { name: string }).name, orgKeys[i]!);
        return HttpResponse.json({});
      })),
    );
    renderAt(`/providers/${ids.provider}/bulk`, [{ path: "/providers/:providerId/bulk", element: <BulkJobsPage /> }]);

    await userEvent.type(await screen.findByLabelText("Name contains"), "Clinic");
    await userEvent.selectOptions(screen.getByLabelText("Action"), "Add a collection");
    await userEvent.type(screen.getByLabelText("Collection name"), "Onboarding");
    await userEvent.click(screen.getByRole("button", { name: "Start" }));

    expect(await screen.findByText("Finished: 2 done, 0 failed.")).toBeTruthy();
    expect(started!).toMatchObject({ kind: 11, selection: { search: "Clinic" } });
    // The job itself holds the name under the provider key only.
    expect(await decryptToString(started!.parameters.collectionName, session.providerKey)).toBe("Onboarding");
    expect(names).toEqual(["Onboarding", "Onboarding"]);
    await waitFor(() => expect(reported.map((r) => r.error)).toEqual([null, null]));
    expect(screen.getByRole("progressbar", { name: "Progress" }).getAttribute("value")).toBe("2");
  }, 60_000);
  it("starts a job over every client with a tag, or over all clients, by naming the selection: no client list reaches the browser", async () => {
    await startProviderSession(0);
    const started: { selection: object }[] = [];
    let clientListReads = 0;
    const job = { id: "job", kind: 0, total: 10_000, pending: 0, running: 0, succeeded: 10_000, failed: 0, runsOnServer: true, done: true,
      creationDate: "2026-12-07T00:00:00Z", parameters: {} };
    server.use(
      http.get(`${base}/client-tags`, () => list([{ id: "tag-1", name: "healthcare", clientCount: 10_000 }])),
      http.get(`${base}/client-templates`, () => list([])),
      http.get(`${base}/bulk-jobs`, () => list([])),
      http.get(`${base}/bulk-jobs/job/items`, () => list([])),
      http.get(`${base}/organizations`, () => { clientListReads++; return list([]); }),
      http.post(`${base}/bulk-jobs`, async ({ request }) => {
        started.push((await request.json()) as { selection: object });
        return HttpResponse.json(job);
      }),
    );
    renderAt(`/providers/${ids.provider}/bulk`, [{ path: "/providers/:providerId/bulk", element: <BulkJobsPage /> }]);

    await userEvent.selectOptions(await screen.findByLabelText("Clients"), "With the tag");
    await userEvent.selectOptions(screen.getByLabelText("Tag"), "healthcare (10000)");
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    expect(await screen.findByText("Finished: 10000 done, 0 failed.")).toBeTruthy();
    await userEvent.selectOptions(screen.getByLabelText("Clients"), "All clients");
    await userEvent.click(screen.getByRole("button", { name: "Start" }));
    await waitFor(() => expect(started).toHaveLength(2));
    expect(started.map((s) => s.selection)).toEqual([{ tagId: "tag-1" }, { all: true }]);
    expect(clientListReads).toBe(0);
  }, 60_000);
});
