import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { personPage } from "./support/browser";
import { serverAndBrowser } from "./support/fixture";
import { heading, openSection } from "./support/journey-steps";
import { logInThroughUi, registerThroughUi, uniqueEmail } from "./support/session";

const env = serverAndBrowser();

describe("account in Chromium", () => {
  it("registers, logs out, logs in, locks and unlocks (a wrong password is refused)", async () => {
    const { page } = await personPage(env.browser, env.server.baseUrl);
    const email = uniqueEmail("owner");
    const password = "correct horse battery staple";
    // The server's Content-Security-Policy must not stop anything the UI does (Chromium reports each refusal).
    const cspViolations: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("Content Security Policy")) cspViolations.push(message.text());
    });

    const response = await page.goto("/#/login");
    expect(response?.headers()["content-security-policy"]).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await heading(page, "Log in");   // a fresh server: the login page explains the first steps
    expect(await page.getByRole("heading", { name: "A fresh server" }).isVisible()).toBe(true);
    await page.goto("/#/register");
    await heading(page, "Create account");
    await registerThroughUi(page, email, password);
    await heading(page, "Vault");

    await page.getByRole("button", { name: "Log out" }).click();
    await heading(page, "Log in");

    await logInThroughUi(page, email, password);
    await heading(page, "Vault");

    await page.getByRole("button", { name: "Lock" }).click();
    await heading(page, "Your vault is locked");
    await page.getByLabel("Master password").fill("not the password at all");
    await page.getByRole("button", { name: "Unlock" }).click();
    expect(await page.getByRole("alert").textContent()).toBe("Invalid master password.");

    await page.getByLabel("Master password").fill(password);
    await page.getByRole("button", { name: "Unlock" }).click();
    await heading(page, "Vault");
    expect(cspViolations).toEqual([]);
  });

  it("creates an organization of one's own and lands in its Admin Console", async () => {
    const { page } = await personPage(env.browser, env.server.baseUrl);
    await page.goto("/#/register");
    await registerThroughUi(page, uniqueEmail("founder"), "correct horse battery staple");
    await page.getByText("Products").click();
    await page.getByRole("link", { name: "New organization" }).click();
    await page.getByLabel("Organization name").fill("Fabrikam");
    await page.getByRole("button", { name: "Create organization" }).click();
    await heading(page, "Members");
    for (const section of ["Groups", "Policies", "Event log", "Reports", "Settings"]) await openSection(page, section);
    await page.getByRole("link", { name: "Collections", exact: true }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Default collection" }).count(), { timeout: 20_000 }).toBeGreaterThan(0);

    // Import a Bitwarden CSV into it: parsed and encrypted in the browser.
    await page.getByRole("link", { name: "Import", exact: true }).click();
    await page.getByLabel("File format").selectOption("bitwardencsv");
    await page.getByLabel("File", { exact: true }).setInputFiles({ name: "export.csv", mimeType: "text/csv", buffer: Buffer.from(
      "collections,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp\n"
      + "Default collection,login,Wiki,,,0,https://wiki.example,ops,pw1,\nNetwork,note,Runbook,steps,,0,,,,\n") });
    await page.getByRole("button", { name: "Import data" }).click();
    await expect.poll(() => page.getByText("Imported 2 items into 2 collections.").count(), { timeout: 30_000 }).toBe(1);
    await page.getByRole("link", { name: "Collections", exact: true }).click();
    await expect.poll(() => page.getByRole("cell", { name: "Network" }).count()).toBeGreaterThan(0);

    // Export them again after the master password is checked; the file holds the decrypted items.
    await page.getByRole("link", { name: "Export", exact: true }).click();
    await page.getByLabel("Master password").fill("not my password");
    await page.getByRole("button", { name: "Export vault" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toBe("Invalid master password.");
    await page.getByLabel("Master password").fill("correct horse battery staple");
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export vault" }).click()]);
    const file = JSON.parse(readFileSync((await download.path())!, "utf8")) as { items: { name: string; login?: { password: string } }[] };
    expect(file.items.find((i) => i.name === "Wiki")?.login?.password).toBe("pw1");
  });

  it("shows the server's error when logging in with a wrong password", async () => {
    const { page } = await personPage(env.browser, env.server.baseUrl);
    await page.goto("/#/login");
    await page.getByLabel("Email address").fill(uniqueEmail("nobody"));
    await page.getByLabel("Master password").fill("whatever it is");
    await page.getByRole("button", { name: "Log in" }).click();
    await expect.poll(() => page.getByRole("alert").textContent()).toMatch(/incorrect|invalid/i);
  });
});
