import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { http, HttpResponse } from "msw";
import { createMemoryRouter, RouterProvider } from "react-router";
import { beforeEach, describe, expect, it } from "vitest";
import { decrypt, decryptToString, encrypt } from "../../../lib/crypto/enc-string";
import { makeUserKey, symmetricKeyFromBytes, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { server } from "../../../test/msw-server";
import type { CipherRequest } from "../../../lib/ciphers/cipher-crypto";
import type { CipherWire } from "../../../lib/ciphers/cipher-types";
import { VaultPage } from "./vault-page";
import { ids, revisionDate, setUpVault, type VaultFixture } from "./vault-fixture.test-support";

let fixture: VaultFixture;

function renderVault() {
  render(<RouterProvider router={createMemoryRouter([{ path: "/vault", element: <VaultPage /> }], { initialEntries: ["/vault"] })} />);
}

/** Answers a write as the server does: the stored item, with the server's fields added. */
function answer(cipher: CipherRequest, id: string, collectionIds: string[] = []): CipherWire {
  return { ...cipher, id, collectionIds, edit: true, viewPassword: true, permissions: { delete: true, restore: true },
    revisionDate: "2026-11-25T08:00:00.000Z", creationDate: revisionDate, deletedDate: null } as unknown as CipherWire;
}

const isEncString = (v: unknown) => typeof v === "string" && /^2\.[A-Za-z0-9+/=]+\|[A-Za-z0-9+/=]+\|[A-Za-z0-9+/=]+$/.test(v);

/** Catches what the page posts to /api/ciphers, answers it, and opens the New item dialog. */
async function startNewPersonalItem(id: string) {
  const sent: { raw: string; body?: CipherRequest } = { raw: "" };
  server.use(http.post("/api/ciphers", async ({ request }) => {
    sent.raw = await request.text();
    sent.body = JSON.parse(sent.raw) as CipherRequest;
    return HttpResponse.json(answer(sent.body, id));
  }));
  const user = userEvent.setup();
  renderVault();
  await user.click(await screen.findByRole("button", { name: "New item" }));
  return { user, sent, dialog: screen.getByRole("dialog", { name: "New item" }) };
}

/** Catches the body of POST /api/ciphers/create (org items) and answers it. */
function captureOrgCreate(id: string) {
  const sent: { body?: { cipher: CipherRequest; collectionIds: string[] } } = {};
  server.use(http.post("/api/ciphers/create", async ({ request }) => {
    sent.body = (await request.json()) as typeof sent.body;
    return HttpResponse.json(answer(sent.body!.cipher, id, sent.body!.collectionIds));
  }));
  return sent;
}

/** Opens an item of the fixture and its edit form. */
async function editItem(name: string) {
  const user = userEvent.setup();
  renderVault();
  await user.click(await screen.findByRole("button", { name }));
  await user.click(screen.getByRole("button", { name: "Edit" }));
  return { user, dialog: screen.getByRole("dialog", { name: "Edit item" }) };
}

// Real key generation and encryption: slow on a busy 2-core machine, so the timeout is explicit.
describe("ItemForm", { timeout: 30_000 }, () => {
  beforeEach(async () => {
    fixture = await setUpVault();
  });

  it("creates a personal login whose every value leaves the browser encrypted with the user key", async () => {
    const { user, sent, dialog } = await startNewPersonalItem("b0000000-0000-0000-0000-000000000001");
    await user.type(within(dialog).getByLabelText("Name"), "Mail account");
    await user.type(within(dialog).getByLabelText("Username"), "ann@example.com");
    // Browser tests find the field by a loose "Password" match, so no other label may contain the word.
    expect(within(dialog).getAllByLabelText(/password/i)).toHaveLength(1);
    await user.type(within(dialog).getByLabelText("Password"), "correct horse");
    await user.click(within(dialog).getByRole("button", { name: "Add website" }));
    await user.type(within(dialog).getByLabelText("Website (URI) 1"), "https://mail.example.com");
    await user.selectOptions(within(dialog).getByLabelText("Folder"), "Finance");
    await user.click(within(dialog).getByRole("button", { name: "Add field" }));
    await user.type(within(dialog).getByLabelText("Field 1 name"), "Recovery");
    await user.type(within(dialog).getByLabelText("Field 1 value"), "words");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(sent.body).toBeDefined());
    for (const plain of ["Mail account", "ann@example.com", "correct horse", "mail.example.com", "Recovery", "words"]) {
      expect(sent.raw).not.toContain(plain);
    }
    const b = sent.body!;
    const key = fixture.userKey;
    expect([b.name, b.login?.username, b.login?.password, b.login?.uris?.[0]?.uri, b.fields[0]?.name].every(isEncString)).toBe(true);
    expect(await decryptToString(b.name, key)).toBe("Mail account");
    expect(await decryptToString(b.login!.username!, key)).toBe("ann@example.com");
    expect(await decryptToString(b.login!.password!, key)).toBe("correct horse");
    expect(await decryptToString(b.login!.uris![0]!.uri!, key)).toBe("https://mail.example.com");
    expect(await decryptToString(b.fields[0]!.value!, key)).toBe("words");
    expect(b).toMatchObject({ type: 1, organizationId: null, folderId: ids.folder, encryptedFor: ids.user, key: null });
    // After saving, the dialog shows the saved item, decrypted from the server's answer.
    expect(await screen.findByRole("dialog", { name: "Mail account" })).toBeTruthy();
  });

  it("creates an org item in a collection with POST /api/ciphers/create, encrypted with the org key", async () => {
    const sent = captureOrgCreate("b0000000-0000-0000-0000-000000000002");
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "New item" }));
    const dialog = screen.getByRole("dialog", { name: "New item" });
    await user.selectOptions(within(dialog).getByLabelText("Type"), "Card");
    await user.type(within(dialog).getByLabelText("Name"), "Company card");
    await user.type(within(dialog).getByLabelText("Number"), "5555444433331111");
    await user.selectOptions(within(dialog).getByLabelText("Organization"), "Acme");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    expect(within(dialog).getByRole("alert").textContent).toBe("Choose at least one collection.");
    await user.click(within(dialog).getByRole("checkbox", { name: "Engineering" }));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(sent.body).toBeDefined());
    const { cipher, collectionIds } = sent.body!;
    expect(collectionIds).toEqual([ids.collection]);
    expect(cipher).toMatchObject({ type: 3, organizationId: ids.org });
    expect(cipher.login).toBeUndefined();
    expect(await decryptToString(cipher.name, fixture.orgKey)).toBe("Company card");
    expect(await decryptToString(cipher.card!.number!, fixture.orgKey)).toBe("5555444433331111");
    await expect(decryptToString(cipher.name, fixture.userKey)).rejects.toThrow(/MAC/);
  });

  it("edits with lastKnownRevisionDate, keeps the item key, and moves the old password to the history", async () => {
    let body: CipherRequest | undefined;
    server.use(http.put("/api/ciphers/:id", async ({ request, params }) => {
      expect(params.id).toBe(ids.shared);
      body = (await request.json()) as CipherRequest;
      return HttpResponse.json(answer(body, ids.shared, [ids.collection]));
    }));
    const { user, dialog } = await editItem("Shared DB");
    expect(within(dialog).getByLabelText("Organization")).toHaveProperty("disabled", true);
    const password = within(dialog).getByLabelText("Password");
    await user.clear(password);
    await user.type(password, "n3w-pass");
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(body).toBeDefined());
    const b = body!;
    expect(b.lastKnownRevisionDate).toBe(revisionDate);
    expect(isEncString(b.key)).toBe(true);
    const itemKey = symmetricKeyFromBytes(await decrypt(b.key!, fixture.orgKey));
    expect(await decryptToString(b.login!.password!, itemKey)).toBe("n3w-pass");
    expect(await decryptToString(b.passwordHistory[0]!.password, itemKey)).toBe("s3cret");
    expect(await decryptToString(b.fields[0]!.value!, itemKey)).toBe("4242");
  });

  it("fills the password from the generator", async () => {
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "New item" }));
    await user.click(screen.getByRole("button", { name: "Generate password" }));
    const generator = screen.getByRole("group", { name: "Generator" });
    await user.clear(within(generator).getByLabelText("Length"));
    await user.type(within(generator).getByLabelText("Length"), "32");
    const value = (within(generator).getByLabelText("Generated value") as HTMLInputElement).value;
    expect(value).toHaveLength(32);
    await user.click(within(generator).getByRole("button", { name: "Use this password" }));
    expect(within(screen.getByRole("dialog", { name: "New item" })).getByLabelText("Password")).toHaveProperty("value", value);
  });

  it("generates an SSH key and sends it encrypted", async () => {
    const { user, sent, dialog } = await startNewPersonalItem("b0000000-0000-0000-0000-000000000003");
    await user.selectOptions(within(dialog).getByLabelText("Type"), "SSH key");
    await user.type(within(dialog).getByLabelText("Name"), "Deploy key");
    await user.click(within(dialog).getByRole("button", { name: "Generate SSH key" }));
    await waitFor(() => expect(within(dialog).getByLabelText("Fingerprint")).toHaveProperty("value", expect.stringMatching(/^SHA256:/)));
    const publicKey = (within(dialog).getByLabelText("Public key") as HTMLTextAreaElement).value;
    expect(publicKey).toMatch(/^ssh-ed25519 AAAA/);
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(sent.body).toBeDefined());
    expect(sent.body!.type).toBe(5);
    expect(await decryptToString(sent.body!.sshKey!.publicKey!, fixture.userKey)).toBe(publicKey);
    expect(await decryptToString(sent.body!.sshKey!.privateKey!, fixture.userKey)).toMatch(/^-----BEGIN OPENSSH PRIVATE KEY-----/);
  });

  it("moves a personal item into an org with the share route, re-encrypting its values and attachment keys", async () => {
    const fileKey = makeUserKey();
    fixture.sync.ciphers.find((c) => c.id === ids.github)!.attachments = [{ id: "att1", url: "http://files.test/x", sizeName: "1 KB",
      size: "1000", fileName: await encrypt("photo.png", fixture.userKey), key: await encrypt(symmetricKeyToBytes(fileKey), fixture.userKey) }];
    let body: { cipher: CipherRequest & { attachments2: Record<string, { fileName: string; key: string }> }; collectionIds: string[] } | undefined;
    server.use(http.put("/api/ciphers/:id/share", async ({ request, params }) => {
      expect(params.id).toBe(ids.github);
      body = (await request.json()) as typeof body;
      return HttpResponse.json(answer(body!.cipher, ids.github, body!.collectionIds));
    }));
    const { user, dialog } = await editItem("GitHub");
    await user.selectOptions(within(dialog).getByLabelText("Organization"), "Acme");
    await user.click(within(dialog).getByRole("checkbox", { name: "Engineering" }));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));

    await waitFor(() => expect(body).toBeDefined());
    const { cipher, collectionIds } = body!;
    expect(collectionIds).toEqual([ids.collection]);
    expect(cipher.organizationId).toBe(ids.org);
    expect(await decryptToString(cipher.login!.password!, fixture.orgKey)).toBe("hunter2");
    const moved = cipher.attachments2.att1!;
    expect(await decryptToString(moved.fileName, fixture.orgKey)).toBe("photo.png");
    expect(await decrypt(moved.key, fixture.orgKey)).toEqual(symmetricKeyToBytes(fileKey));
  });

  it("lets a read-only item take only the user's folder and favorite mark, through PUT …/partial", async () => {
    fixture.sync.ciphers.find((c) => c.id === ids.shared)!.edit = false;
    let body: unknown;
    server.use(http.put("/api/ciphers/:id/partial", async ({ request, params }) => {
      expect(params.id).toBe(ids.shared);
      body = await request.json();
      const stored = fixture.sync.ciphers.find((c) => c.id === ids.shared)!;
      return HttpResponse.json({ ...stored, folderId: ids.folder, favorite: true });
    }));
    const { user, dialog } = await editItem("Shared DB");
    expect(within(dialog).getByLabelText("Name")).toHaveProperty("disabled", true);
    expect(within(dialog).getByLabelText("Username").matches(":disabled")).toBe(true); // by its fieldset
    await user.selectOptions(within(dialog).getByLabelText("Folder"), "Finance");
    await user.click(within(dialog).getByLabelText("Favorite"));
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(body).toEqual({ folderId: ids.folder, favorite: true }));
  });

  it("clones an org item into a new one in the same collection, without the original's item key", async () => {
    const sent = captureOrgCreate("b0000000-0000-0000-0000-000000000009");
    const user = userEvent.setup();
    renderVault();
    await user.click(await screen.findByRole("button", { name: "Shared DB" }));
    await user.click(screen.getByRole("button", { name: "Clone" }));
    const dialog = screen.getByRole("dialog", { name: "New item" });
    expect(within(dialog).getByLabelText("Name")).toHaveProperty("value", "Shared DB - Clone");
    expect(within(dialog).getByRole("checkbox", { name: "Engineering" })).toHaveProperty("checked", true);
    await user.click(within(dialog).getByRole("button", { name: "Save" }));
    await waitFor(() => expect(sent.body).toBeDefined());
    const { cipher, collectionIds } = sent.body!;
    expect(collectionIds).toEqual([ids.collection]);
    expect(cipher.key).toBeNull();
    expect(await decryptToString(cipher.login!.username!, fixture.orgKey)).toBe("dbadmin");
    expect(await decryptToString(cipher.fields[0]!.value!, fixture.orgKey)).toBe("4242");
  });
});
