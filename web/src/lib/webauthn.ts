import { toBase64 } from "./crypto/bytes";
import { t } from "./i18n/messages";

/**
 * WebAuthn between the browser API (ArrayBuffers) and the server's Fido2 JSON (base64url strings), for both steps:
 * registering a key in the two-step settings and answering the assertion at login, as the official web vault's
 * WebAuthn connector does (the answer goes back as the JSON `twoFactorToken` of provider type 7).
 */
type Json = Record<string, unknown>;

export function toBase64Url(bytes: ArrayBuffer | Uint8Array): string {
  return toBase64(new Uint8Array(bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** Fido2 writes absent members as null, which the browser's dictionaries refuse for enums. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
  }
  return value;
}

function descriptors(list: unknown): PublicKeyCredentialDescriptor[] {
  return Array.isArray(list) ? list.map((d: Json) => ({ ...d, type: "public-key", id: fromBase64Url(String(d["id"])) })) : [];
}

/** The server's registration options (get-webauthn-challenge) for navigator.credentials.create. */
export function creationOptions(json: Json): PublicKeyCredentialCreationOptions {
  const o = withoutNulls(json) as Json;
  const user = o["user"] as Json;
  return {
    ...(o as unknown as PublicKeyCredentialCreationOptions),
    challenge: fromBase64Url(String(o["challenge"])),
    user: { ...(user as unknown as PublicKeyCredentialUserEntity), id: fromBase64Url(String(user["id"])) },
    excludeCredentials: descriptors(o["excludeCredentials"]),
  };
}

/** The login challenge (TwoFactorProviders2["7"]) for navigator.credentials.get. */
export function requestOptions(json: Json): PublicKeyCredentialRequestOptions {
  const o = withoutNulls(json) as Json;
  return {
    ...(o as unknown as PublicKeyCredentialRequestOptions),
    challenge: fromBase64Url(String(o["challenge"])),
    allowCredentials: descriptors(o["allowCredentials"]),
  };
}

/** A new credential as the server's attestation parser reads it. */
export function attestationJson(credential: PublicKeyCredential): Json {
  const response = credential.response as AuthenticatorAttestationResponse;
  return {
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    extensions: credential.getClientExtensionResults(),
    response: { attestationObject: toBase64Url(response.attestationObject), clientDataJSON: toBase64Url(response.clientDataJSON) },
  };
}

/** A signed assertion, serialized as the web vault's connector sends it in `twoFactorToken`. */
export function assertionToken(credential: PublicKeyCredential): string {
  const response = credential.response as AuthenticatorAssertionResponse;
  return JSON.stringify({
    id: credential.id,
    rawId: toBase64Url(credential.rawId),
    type: credential.type,
    extensions: credential.getClientExtensionResults(),
    response: {
      authenticatorData: toBase64Url(response.authenticatorData),
      clientDataJSON: toBase64Url(response.clientDataJSON),
      signature: toBase64Url(response.signature),
      ...(response.userHandle && { userHandle: toBase64Url(response.userHandle) }),
    },
  });
}

export async function createCredential(options: Json): Promise<PublicKeyCredential> {
  const credential = await navigator.credentials.create({ publicKey: creationOptions(options) });
  if (!(credential instanceof PublicKeyCredential)) throw new Error(t("webauthn.noCredential"));
  return credential;
}

export async function getAssertion(options: Json): Promise<string> {
  const credential = await navigator.credentials.get({ publicKey: requestOptions(options) });
  if (!(credential instanceof PublicKeyCredential)) throw new Error(t("webauthn.noAnswer"));
  return assertionToken(credential);
}
