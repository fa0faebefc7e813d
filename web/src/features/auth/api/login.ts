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
  /** The "remember me" token, when the login asked for one. */
  TwoFactorToken?: string | null;
  /** Set after an admin recovered the account: the member must choose a new master password first. */
  ForcePasswordReset?: boolean;
}

/** A second factor for the token request: Bitwarden's provider type and the code (or token). */
export interface TwoFactorAnswer {
  provider: number;
  token: string;
  remember: boolean;
}

export interface LoginRequest {
  email: string;
  masterPasswordHash: string;
  deviceIdentifier?: string;
  twoFactor?: TwoFactorAnswer;
  /** Log in with a device: the approved request's id, its access code standing in for the master password hash. */
  authRequest?: string;
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
      ...(request.authRequest && { authRequest: request.authRequest }),
      ...(request.twoFactor && {
        twoFactorToken: request.twoFactor.token,
        twoFactorProvider: String(request.twoFactor.provider),
        twoFactorRemember: request.twoFactor.remember ? "1" : "0",
      }),
    },
  });
}
