import type { ApiClient } from "../../../lib/api-client";

/** Asks for an email code at the login prompt, proven by the session token the 2FA challenge carried. */
export async function sendEmailLoginCode(client: ApiClient, email: string, sessionToken: string | null): Promise<void> {
  await client.request("/api/two-factor/send-email-login", {
    method: "POST",
    json: { email, ssoEmail2FaSessionToken: sessionToken },
  });
}
