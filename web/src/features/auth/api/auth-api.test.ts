import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClient } from "../../../lib/api-client";
import { fromBase64, toBase64 } from "../../../lib/crypto/bytes";
import { encrypt } from "../../../lib/crypto/enc-string";
import { symmetricKeyFromBytes, symmetricKeyToBytes } from "../../../lib/crypto/symmetric-key";
import { sharedVectors } from "../../../lib/crypto/vectors.test-support";
import { getDeviceIdentifier } from "./device-identifier";
import { login } from "./login";
import { loginWithPassword } from "./login-with-password";
import { prelogin } from "./prelogin";

type Handler = (url: string, init: RequestInit) => { status?: number; body: unknown };

function stubServer(handler: Handler) {
  const fn = vi.fn(async (url: string, init: RequestInit) => {
    const { status = 200, body } = handler(url, init);
    return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json" } });
  });
  vi.stubGlobal("fetch", fn);
  return fn;
}

afterEach(() => vi.unstubAllGlobals());

const client = new ApiClient();
const pbkdf = sharedVectors.kdf.find((k) => k.name === "pbkdf2-5000")!;
const preloginBody = { kdf: 0, kdfIterations: 5000, kdfMemory: null, kdfParallelism: null };

describe("prelogin", () => {
  it("posts the email and maps PBKDF2 settings", async () => {
    const fetchMock = stubServer(() => ({ body: preloginBody }));
    expect(await prelogin(client, "a@b.c")).toEqual({ type: 0, iterations: 5000 });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/identity/accounts/prelogin");
    expect(JSON.parse(init.body as string)).toEqual({ email: "a@b.c" });
  });

  it("maps Argon2id settings", async () => {
    stubServer(() => ({ body: { kdf: 1, kdfIterations: 3, kdfMemory: 64, kdfParallelism: 4 } }));
    expect(await prelogin(client, "a@b.c")).toEqual({ type: 1, iterations: 3, memory: 64, parallelism: 4 });
  });
});

describe("login", () => {
  it("sends the password grant as a form", async () => {
    const fetchMock = stubServer(() => ({ body: { access_token: "at", expires_in: 3600, token_type: "Bearer" } }));
    const r = await login(client, { email: "a@b.c", masterPasswordHash: "hash=", deviceIdentifier: "dev-1" });
    expect(r.access_token).toBe("at");
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe("/identity/connect/token");
    expect(new Headers(init.headers).get("Content-Type")).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(init.body as string))).toEqual({
      grant_type: "password",
      username: "a@b.c",
      password: "hash=",
      scope: "api offline_access",
      client_id: "web",
      deviceType: "9",
      deviceIdentifier: "dev-1",
      deviceName: "chrome",
    });
  });

  it("surfaces the server's ErrorModel message", async () => {
    stubServer(() => ({
      status: 400,
      body: {
        error: "invalid_grant",
        error_description: "invalid_username_or_password",
        ErrorModel: { Message: "Username or password is incorrect. Try again.", Object: "error" },
      },
    }));
    await expect(login(client, { email: "a@b.c", masterPasswordHash: "x", deviceIdentifier: "d" })).rejects.toThrow(
      "Username or password is incorrect. Try again.",
    );
  });
});

describe("device identifier", () => {
  it("is created once and reused", () => {
    const map = new Map<string, string>();
    const storage = { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v) };
    const first = getDeviceIdentifier(storage);
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    expect(getDeviceIdentifier(storage)).toBe(first);
  });
});

describe("loginWithPassword", () => {
  it("derives the hash the server expects and unlocks the user and private keys", async () => {
    const userKey = symmetricKeyFromBytes(fromBase64(sharedVectors.protectedUserKey.userKey));
    const encryptedPrivateKey = await encrypt(fromBase64(sharedVectors.rsa.privateKeyPkcs8), userKey);
    stubServer((url, init) => {
      if (url === "/identity/accounts/prelogin") return { body: preloginBody };
      const form = new URLSearchParams(init.body as string);
      if (form.get("password") !== pbkdf.masterPasswordHash) {
        return { status: 400, body: { error: "invalid_grant", ErrorModel: { Message: "Wrong password." } } };
      }
      return {
        body: {
          access_token: "at",
          refresh_token: "rt",
          expires_in: 3600,
          token_type: "Bearer",
          Key: sharedVectors.protectedUserKey.encString,
          PrivateKey: encryptedPrivateKey,
        },
      };
    });
    const result = await loginWithPassword(client, sharedVectors.email, sharedVectors.password, "dev");
    expect(result.accessToken).toBe("at");
    expect(result.refreshToken).toBe("rt");
    expect(result.keys.email).toBe("vector.user@example.com");
    expect(toBase64(symmetricKeyToBytes(result.keys.userKey))).toBe(sharedVectors.protectedUserKey.userKey);
    expect(toBase64(result.keys.privateKey!)).toBe(sharedVectors.rsa.privateKeyPkcs8);

    await expect(loginWithPassword(client, sharedVectors.email, "wrong", "dev")).rejects.toThrow("Wrong password.");
  });
});

describe("acceptOrganization", () => {
  it("sends the user key wrapped to the org when the org enrolls members in account recovery automatically", async () => {
    const { generateRsaKeyPair, rsaDecrypt } = await import("../../../lib/crypto/rsa");
    const { makeUserKey } = await import("../../../lib/crypto/symmetric-key");
    const { acceptOrganization } = await import("./accept-organization");
    const orgKeys = await generateRsaKeyPair();
    const userKey = makeUserKey();
    const accepts: { token: string; resetPasswordKey?: string }[] = [];
    stubServer((url, init) => {
      if (url.endsWith("/keys")) return { body: { object: "organizationKeys", publicKey: toBase64(orgKeys.publicKeySpki), privateKey: "2.x" } };
      const body = JSON.parse(init.body as string) as { token: string; resetPasswordKey?: string };
      accepts.push(body);
      return body.resetPasswordKey ? { body: null } : { status: 400, body: { object: "error", message: "Master Password reset is required, but not provided.", validationErrors: null } };
    });

    await acceptOrganization(client, "org-1", "member-1", "tok", userKey);

    expect(accepts.map((a) => a.token)).toEqual(["tok", "tok"]);
    expect(Array.from(await rsaDecrypt(accepts[1]!.resetPasswordKey!, orgKeys.privateKeyPkcs8))).toEqual(Array.from(symmetricKeyToBytes(userKey)));
  }, 60_000);
});
