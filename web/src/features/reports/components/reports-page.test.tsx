import { render, screen, within } from "@testing-library/react";
import { http, HttpResponse } from "msw";
import { afterEach, expect, it } from "vitest";
import { encrypt } from "../../../lib/crypto/enc-string";
import { makeUserKey, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { keyStore } from "../../../lib/session";
import { server } from "../../../test/msw-server";
import { ReportsPage } from "./reports-page";

afterEach(() => keyStore.lock());

it("decrypts the org's items (including one with its own item key) and lists them in each report", async () => {
  const orgKey = makeUserKey();
  const itemKey = makeUserKey();
  keyStore.unlock({ email: "a@example.com", userKey: makeUserKey(), privateKey: new Uint8Array(0) });
  keyStore.setOrgKey("org-1", orgKey);
  const data = [
    { id: "c1", type: 1, name: await encrypt("Mail", orgKey),
      login: { username: await encrypt("bob", orgKey), password: await encrypt("password", orgKey), uris: [{ uri: await encrypt("http://mail.local", orgKey) }] } },
    { id: "c2", type: 1, key: await encrypt(symmetricKeyToBytes(itemKey), orgKey), name: await encrypt("GitHub", itemKey),
      login: { username: await encrypt("bob", itemKey), password: await encrypt("password", itemKey), uris: [{ uri: await encrypt("https://github.com", itemKey) }] } },
  ];
  server.use(http.get("/api/ciphers/organization-details", () => HttpResponse.json({ data, object: "list" })));
  render(<ReportsPage organizationId="org-1" />);
  // Decrypting and checking every item takes a while on a busy machine: wait for it, not for the default 1 s.
  const reused = await screen.findByRole("region", { name: "Reused passwords" }, { timeout: 15_000 });
  expect(within(reused).getByRole("heading").textContent).toBe("Reused passwords (2)");
  expect(within(reused).getByText("GitHub")).toBeTruthy();
  const unsecured = screen.getByRole("region", { name: "Unsecured websites" });
  expect(within(unsecured).getByText("http://mail.local")).toBeTruthy();
  const twoStep = screen.getByRole("region", { name: "Inactive two-step login" });
  expect(within(twoStep).getByText("github.com")).toBeTruthy();
  expect(screen.getByRole("heading", { level: 1, name: "Reports" })).toBeTruthy();
}, 30_000);
