/** Helpers for opt-in tests against a running server (CUSTODIAN_URL; CUSTODIAN_DATA for the mailed links). */
import { readdirSync, readFileSync } from "node:fs";
import { http, passthrough } from "msw";
import { ApiClient } from "../lib/api-client";
import { makeRegistrationMaterial, type RegistrationMaterial } from "../lib/crypto/account-keys";
import { refreshProfile, type Profile } from "../lib/profile";
import { keyStore, logOut, startSession } from "../lib/session";
import { server } from "../test/msw-server";
import { loginWithPassword } from "../features/auth/api/login-with-password";

export const liveBase = process.env.CUSTODIAN_URL ?? "";
export const liveData = process.env.CUSTODIAN_DATA ?? "";
export const livePassword = "correct horse";
const direct = new ApiClient({ baseUrl: liveBase });

/** Registers through the API with PBKDF2 at 600,000 iterations; the material holds the account's keys. */
export async function registerLive(email: string): Promise<RegistrationMaterial> {
  const m = await makeRegistrationMaterial(livePassword, email, { type: 0, iterations: 600000 });
  await direct.post("/identity/accounts/register", {
    email, masterPasswordHash: m.masterPasswordHash, key: m.key,
    keys: { publicKey: m.publicKey, encryptedPrivateKey: m.encryptedPrivateKey }, kdf: 0, kdfIterations: 600000, kdfMemory: null, kdfParallelism: null,
  });
  return m;
}

/** Logs in and unlocks as `email`, replacing the current session, and reads the profile. */
export async function logInLive(email: string): Promise<Profile> {
  logOut();
  const r = await loginWithPassword(direct, email, livePassword);
  keyStore.unlock(r.keys);
  startSession(r.accessToken, r.refreshToken, r.account);
  return refreshProfile();
}

/** The query of the link after `marker` in the mail the server wrote to its outbox for `to`. */
export function liveMailLink(to: string, marker: string): URLSearchParams {
  const dir = `${liveData}/outbox`;
  for (const f of readdirSync(dir)) {
    const text = readFileSync(`${dir}/${f}`, "utf8").replace(/=\r?\n/g, "").replace(/=3D/g, "=");
    if (text.includes(to) && text.includes(marker)) return new URLSearchParams(text.slice(text.indexOf(marker) + marker.length).split(/\s/)[0]);
  }
  throw new Error(`No mail to ${to} with ${marker}`);
}

/** Runs `flow` with relative fetches sent to the live server and MSW letting everything through. */
export async function withLiveServer(flow: () => Promise<void>): Promise<void> {
  const realFetch = globalThis.fetch;
  globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) =>
    realFetch(typeof input === "string" && input.startsWith("/") ? liveBase + input : input, init)) as typeof fetch;
  server.use(http.all("*", () => passthrough()));
  try {
    await flow();
  } finally {
    globalThis.fetch = realFetch;
    logOut();
  }
}
