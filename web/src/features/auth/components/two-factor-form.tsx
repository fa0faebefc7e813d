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
  "0": t("twoFactor.authenticator"),
  "1": t("twoFactor.email"),
  "7": t("webauthn.method"),
  "8": t("twoFactor.recoveryCode"),
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
      <h1 id="two-factor-heading">{t("twoFactor.title")}</h1>
      <SelectField label={t("twoFactor.method")} value={method} onChange={(m) => { setMethod(m); setCode(""); }}
        options={offered.map((t) => ({ value: t, label: methodNames[t]! }))} />
      {method === "1" && (
        <p>
          {t(sent ? "twoFactor.codeSent" : "twoFactor.getCode", { email: String(email) })}{" "}
          <Button type="button" disabled={busy} onClick={handle(async () => { await onSendEmail(); setSent(true); })}>
            {t("twoFactor.sendCode")}
          </Button>
        </p>
      )}
      {webAuthn ? <p>{t("webauthn.loginHint")}</p> : (
        <TextField label={t(method === "8" ? "twoFactor.recoveryCode" : "twoFactor.verificationCode")} name="code" autoComplete="one-time-code"
          inputMode={method === "8" ? "text" : "numeric"} required value={code} onChange={setCode} />
      )}
      {method === "8" && <p>{t("twoFactor.recoveryHint")}</p>}
      {method !== "8" && <CheckboxField label={t("twoFactor.remember")} checked={remember} onChange={setRemember} />}
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || (!webAuthn && !code.trim())}>
        {busy ? t("twoFactor.busy") : webAuthn ? t("webauthn.login") : t("twoFactor.submit")}
      </Button>
    </form>
  );
}
