import { apiClient } from "../../../lib/session";

/** /api/two-factor as the official web vault calls it (DefaultTwoFactorApiService). */
export interface TwoFactorProvider { type: number; enabled: boolean }
export interface AuthenticatorSetup { authenticator: { enabled: boolean; key: string }; userVerificationToken: string }
export interface EmailSetup { email: { enabled: boolean; email: string | null }; userVerificationToken: string }
export interface WebAuthnKey { id: number; name: string | null }
export interface WebAuthnDetails { enabled: boolean; keys: WebAuthnKey[] }
export interface WebAuthnSetup { webAuthn: WebAuthnDetails; userVerificationToken: string }

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

export function getWebAuthn(masterPasswordHash: string): Promise<WebAuthnSetup> {
  return apiClient.post<WebAuthnSetup>("/api/two-factor/get-webauthn", { masterPasswordHash });
}

/** The options for navigator.credentials.create, and a fresh verification token for the PUT that follows. */
export function getWebAuthnChallenge(userVerificationToken: string): Promise<{ options: Record<string, unknown>; userVerificationToken?: string }> {
  return apiClient.post("/api/two-factor/get-webauthn-challenge", { userVerificationToken });
}

export async function putWebAuthn(id: number, name: string, deviceResponse: Record<string, unknown>, userVerificationToken: string): Promise<WebAuthnDetails> {
  return (await apiClient.request<{ webAuthn: WebAuthnDetails }>("/api/two-factor/webauthn",
    { method: "PUT", json: { id, name, deviceResponse, userVerificationToken } })).webAuthn;
}

export async function deleteWebAuthn(id: number, userVerificationToken: string): Promise<WebAuthnDetails> {
  return (await apiClient.request<{ webAuthn: WebAuthnDetails }>("/api/two-factor/webauthn",
    { method: "DELETE", json: { id, userVerificationToken } })).webAuthn;
}

export async function getRecoveryCode(masterPasswordHash: string): Promise<string | null> {
  return (await apiClient.post<{ code: string | null }>("/api/two-factor/get-recover", { masterPasswordHash })).code;
}

/** The URI authenticator apps read from the QR code (Bitwarden's format). */
export function otpauthUri(email: string, key: string): string {
  return `otpauth://totp/${encodeURIComponent(`Custodian:${email}`)}?secret=${key}&issuer=Custodian`;
}
