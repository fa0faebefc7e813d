import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { toast } from "../../../components/ui/toast";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { attestationJson, createCredential } from "../../../lib/webauthn";
import { deleteWebAuthn, getWebAuthnChallenge, putWebAuthn, type WebAuthnKey, type WebAuthnSetup } from "../api/two-factor-api";

/** Bitwarden numbers a user's keys 1…5; a new key takes the first free number. */
const maxKeys = 5;
const keyName = (k: WebAuthnKey) => k.name || t("webauthn.unnamed", { id: k.id });

/** The browser refuses or times out with a DOMException, whose text is not for people. */
async function registerKey(setup: WebAuthnSetup, id: number, name: string) {
  const challenge = await getWebAuthnChallenge(setup.userVerificationToken);
  const credential = await createCredential(challenge.options).catch((e: unknown) => {
    throw e instanceof DOMException ? new Error(t("webauthn.cancelled")) : e;
  });
  await putWebAuthn(id, name, attestationJson(credential), challenge.userVerificationToken ?? setup.userVerificationToken);
}

/** Security keys and passkeys (provider type 7): register with a name, list, remove one by one. */
export function WebAuthnSetupPanel({ setup, onChanged }: { setup: WebAuthnSetup; onChanged: () => Promise<void> }) {
  const [name, setName] = useState("");
  const { busy, error, handle } = useSubmit();
  const keys = setup.webAuthn.keys;
  const free = Array.from({ length: maxKeys }, (_, i) => i + 1).find((id) => !keys.some((k) => k.id === id));
  const supported = typeof window !== "undefined" && "PublicKeyCredential" in window;
  return (
    <form aria-labelledby="webauthn-heading" noValidate
      onSubmit={handle(async () => {
        await registerKey(setup, free!, name.trim());
        toast(t("toast.saved", { name: name.trim() }));
        setName("");
        await onChanged();
      })}>
      <h2 id="webauthn-heading">{t("webauthn.title")}</h2>
      <p>{t("webauthn.intro", { max: maxKeys })}</p>
      {keys.length === 0 ? <p>{t("webauthn.none")}</p> : (
        <DataTable label={t("webauthn.keys")} rows={keys} rowKey={(k) => String(k.id)} rowLabel={keyName}
          columns={[{ key: "name", header: t("webauthn.name"), wrap: true, cell: keyName }]}
          actions={(k) => (
            <Button type="button" className="secondary small" disabled={busy} aria-label={t("webauthn.removeKey", { name: keyName(k) })}
              onClick={handle(async () => { await deleteWebAuthn(k.id, setup.userVerificationToken); await onChanged(); })}>
              {t("webauthn.remove")}
            </Button>
          )} />
      )}
      {!supported && <p>{t("webauthn.unsupported")}</p>}
      {free === undefined ? <p>{t("webauthn.full", { max: maxKeys })}</p> : (
        <>
          <TextField label={t("webauthn.keyName")} name="webauthn-name" required maxLength={50} value={name} onChange={setName} />
          <ErrorMessage message={error} />
          <Button type="submit" disabled={busy || !supported || !name.trim()}>{busy ? t("webauthn.registering") : t("webauthn.register")}</Button>
        </>
      )}
    </form>
  );
}
