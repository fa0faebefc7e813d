import { apiClient } from "../../../lib/session";

/** /api/two-factor as the official web vault calls it (DefaultTwoFactorApiService). */
export interface TwoFactorProvider { type: number; enabled: boolean }
export interface AuthenticatorSetup { authenticator: { enabled: boolean; key: string }; userVerificationToken: string }
export interface EmailSetup { email: { enabled: boolean; email: string | null }; userVerificationToken: string }

export async function listTwoFactorProviders(): Promise<TwoFactorProvider[]> {
  return (await apiClient.get<{ data: TwoFactorProvider[] }>("/api/two-factor")).data;
}

export function getAuthenticator(masterPasswordHash: string): Promise<AuthenticatorSetup> {
  return apiClient.post<AuthenticatorSetup>("/api/two-factor/get-authenticator", { masterPasswordHash });
}

export async function enableAuthenticator(key: string, token: string, userVerificationToken: string): Promise<void> {
  await apiClient.request("/api/two-factor/authenticator", { method: "PUT", json: { key, token, userVerificationToken } });
}

export async function disableAuthenticator(key: string, userVerificationToken: string): Promise<void> {
  await apiClient.request("/api/two-factor/authenticator", { method: "DELETE", json: { key, userVerificationToken } });
}

export function getEmail(masterPasswordHash: string): Promise<EmailSetup> {
  return apiClient.post<EmailSetup>("/api/two-factor/get-email", { masterPasswordHash });
}

export async function sendSetupEmail(email: string, userVerificationToken: string): Promise<void> {
  await apiClient.post("/api/two-factor/send-email", { email, userVerificationToken });
}

export async function enableEmail(email: string, token: string, userVerificationToken: string): Promise<void> {
  await apiClient.request("/api/two-factor/email", { method: "PUT", json: { email, token, userVerificationToken } });
}

export async function disableEmail(userVerificationToken: string): Promise<void> {
  await apiClient.request("/api/two-factor/email", { method: "DELETE", json: { userVerificationToken } });
}

export async function getRecoveryCode(masterPasswordHash: string): Promise<string | null> {
  return (await apiClient.post<{ code: string | null }>("/api/two-factor/get-recover", { masterPasswordHash })).code;
}

/** The URI authenticator apps read from the QR code (Bitwarden's format). */
export function otpauthUri(email: string, key: string): string {
  return `otpauth://totp/${encodeURIComponent(`Custodian:${email}`)}?secret=${key}&issuer=Custodian`;
}
