import type { Invitation } from "./register";

/**
 * The invitation carried by the page that sent the user to register (its mailed link holds the token), so an
 * invited person can register even when open signups are off.
 */
export function invitationFrom(returnTo: string): Invitation | undefined {
  const [path, query = ""] = returnTo.split("?", 2);
  const q = new URLSearchParams(query);
  const token = q.get("token");
  if (!token) return undefined;
  if (path === "/accept-organization" && q.get("organizationUserId")) {
    return { kind: "organization", token, organizationUserId: q.get("organizationUserId")! };
  }
  if ((path === "/providers/setup-provider" || path === "/providers/accept-provider") && q.get("providerUserId")) {
    return { kind: "provider", token, providerUserId: q.get("providerUserId")! };
  }
  return undefined;
}
