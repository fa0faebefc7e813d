import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { ErrorMessage } from "../../../components/ui/error-message";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { getAssertion } from "../../../lib/webauthn";
import type { TwoFactorAnswer } from "../api/login";

/** Bitwarden's provider types this page can answer; the recovery code is always offered. */
const methodNames: Record<string, string> = {
  "0": "Authenticator app",
  "1": "Email",
  "7": t("webauthn.method"),
  "8": "Recovery code",
};

export interface TwoFactorFormProps {
  /** TwoFactorProviders2 from the token endpoint: type → method data (the redacted address for email). */
  providers: Record<string, Record<string, unknown> | null>;
  onSubmit: (answer: TwoFactorAnswer) => Promise<void>;
  onSendEmail: () => Promise<void>;
}

export function TwoFactorForm({ providers, onSubmit, onSendEmail }: TwoFactorFormProps) {
  const offered = [...Object.keys(providers).filter((t) => t in methodNames && t !== "8"), "8"];
  const [method, setMethod] = useState(offered[0]!);
  const [code, setCode] = useState("");
  const [remember, setRemember] = useState(false);
  const [sent, setSent] = useState(false);
  const { busy, error, handle } = useSubmit();
  const email = providers["1"]?.["Email"];
  const webAuthn = method === "7";
  // The security key signs the server's challenge; its answer is the token (Bitwarden's WebAuthn connector does the same).
  const answer = async () => (webAuthn ? getAssertion(providers["7"] ?? {}) : code.trim());
  return (
    <form className="card" aria-labelledby="two-factor-heading" noValidate
      onSubmit={handle(async () => onSubmit({ provider: Number(method), token: await answer(), remember: method !== "8" && remember }))}>
      <h1 id="two-factor-heading">Two-step login</h1>
      <SelectField label="Method" value={method} onChange={(m) => { setMethod(m); setCode(""); }}
        options={offered.map((t) => ({ value: t, label: methodNames[t]! }))} />
      {method === "1" && (
        <p>
          {sent ? `A code was sent to ${String(email)}.` : `Get a code sent to ${String(email)}.`}{" "}
          <Button type="button" disabled={busy} onClick={handle(async () => { await onSendEmail(); setSent(true); })}>
            Send code
          </Button>
        </p>
      )}
      {webAuthn ? <p>{t("webauthn.loginHint")}</p> : (
        <TextField label={method === "8" ? "Recovery code" : "Verification code"} name="code" autoComplete="one-time-code"
          inputMode={method === "8" ? "text" : "numeric"} required value={code} onChange={setCode} />
      )}
      {method === "8" && <p>Using the recovery code turns two-step login off on your account.</p>}
      {method !== "8" && <CheckboxField label="Remember me on this device" checked={remember} onChange={setRemember} />}
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || (!webAuthn && !code.trim())}>
        {busy ? "Checking…" : webAuthn ? t("webauthn.login") : "Continue"}
      </Button>
    </form>
  );
}
