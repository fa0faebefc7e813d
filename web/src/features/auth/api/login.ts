import type { ApiClient } from "../../../lib/api-client";
import { getDeviceIdentifier } from "./device-identifier";

/** Bitwarden's token response: OAuth fields in snake_case, its own additions in PascalCase. */
export interface TokenResponse {
  access_token: string;
  expires_in: number;
  token_type: string;
  refresh_token?: string;
  Key?: string | null;
  PrivateKey?: string | null;
  /** Set after an admin recovered the account: the member must choose a new master password first. */
  ForcePasswordReset?: boolean;
}

export interface LoginRequest {
  email: string;
  masterPasswordHash: string;
  deviceIdentifier?: string;
}

const webDeviceType = "9"; // DeviceType.ChromeBrowser

export async function login(client: ApiClient, request: LoginRequest): Promise<TokenResponse> {
  return client.request<TokenResponse>("/identity/connect/token", {
    method: "POST",
    form: {
      grant_type: "password",
      username: request.email,
      password: request.masterPasswordHash,
      scope: "api offline_access",
      client_id: "web",
      deviceType: webDeviceType,
      deviceIdentifier: request.deviceIdentifier ?? getDeviceIdentifier(),
      deviceName: "chrome",
    },
  });
}
