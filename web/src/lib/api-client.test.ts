import { afterEach, describe, expect, it, vi } from "vitest";
import { ApiClient, ApiError } from "./api-client";

function stubFetch(status: number, body: unknown) {
  const fn = vi.fn(async () =>
    new Response(typeof body === "string" ? body : JSON.stringify(body), {
      status,
      headers: { "Content-Type": "application/json" },
    }),
  );
  vi.stubGlobal("fetch", fn);
  return fn;
}

afterEach(() => vi.unstubAllGlobals());

describe("ApiClient", () => {
  it("sends the bearer token and JSON body", async () => {
    const fetchMock = stubFetch(200, { object: "profile", email: "a@b.c" });
    const client = new ApiClient({ baseUrl: "https://vault.test", getAccessToken: () => "tok" });
    const result = await client.post<{ email: string }>("/api/x", { a: 1 });
    expect(result.email).toBe("a@b.c");
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("https://vault.test/api/x");
    const headers = new Headers(init.headers);
    expect(headers.get("Authorization")).toBe("Bearer tok");
    expect(headers.get("Content-Type")).toBe("application/json");
    expect(init.body).toBe('{"a":1}');
  });

  it("omits Authorization without a token and accepts an empty 200", async () => {
    const fetchMock = stubFetch(200, "");
    await expect(new ApiClient().get("/api/y")).resolves.toBeUndefined();
    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect(new Headers(init.headers).has("Authorization")).toBe(false);
  });

  it("turns a Bitwarden error with validation errors into readable text", async () => {
    stubFetch(400, {
      object: "error",
      message: "The model state is invalid.",
      validationErrors: { MasterPasswordHash: ["Invalid password."], Email: ["Email is taken."] },
    });
    const error = await new ApiClient().post("/api/accounts/register", {}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect((error as ApiError).message).toBe("Invalid password. Email is taken.");
    expect((error as ApiError).validationErrors.Email).toEqual(["Email is taken."]);
  });

  it("uses the message when there are no validation errors", async () => {
    stubFetch(404, { object: "error", message: "Cipher not found.", validationErrors: null });
    await expect(new ApiClient().get("/api/ciphers/1")).rejects.toThrow("Cipher not found.");
  });

  it("prefers ErrorModel.Message on OAuth token errors", async () => {
    stubFetch(400, {
      error: "invalid_grant",
      error_description: "invalid_username_or_password",
      ErrorModel: { Message: "Username or password is incorrect. Try again.", Object: "error" },
    });
    await expect(new ApiClient().get("/identity/connect/token")).rejects.toThrow(
      "Username or password is incorrect. Try again.",
    );
  });

  it("falls back to error_description, then status", async () => {
    stubFetch(400, { error: "invalid_client", error_description: "Unknown client." });
    await expect(new ApiClient().get("/t")).rejects.toThrow("Unknown client.");
    stubFetch(502, "<html>Bad gateway</html>");
    await expect(new ApiClient().get("/t")).rejects.toThrow("Request failed with status 502.");
  });

  it("reports a network failure", async () => {
    vi.stubGlobal("fetch", vi.fn(async () => Promise.reject(new TypeError("Failed to fetch"))));
    await expect(new ApiClient().get("/t")).rejects.toMatchObject({ status: 0, message: "Cannot reach the server." });
  });
});
