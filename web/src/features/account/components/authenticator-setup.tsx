import { toDataURL } from "qrcode";
import { useEffect, useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { disableAuthenticator, enableAuthenticator, otpauthUri, type AuthenticatorSetup } from "../api/two-factor-api";
import { t } from "../../../lib/i18n/messages";

export interface AuthenticatorSetupProps {
  email: string;
  setup: AuthenticatorSetup;
  onChanged: () => Promise<void>;
}

/** The key as text and as a QR code; turned on only once a code from the app checks out. */
export function AuthenticatorSetupPanel({ email, setup, onChanged }: AuthenticatorSetupProps) {
  const [qr, setQr] = useState<string | null>(null);
  const [code, setCode] = useState("");
  const { busy, error, handle } = useSubmit();
  const { key, enabled } = setup.authenticator;
  useEffect(() => {
    let live = true;
    void toDataURL(otpauthUri(email, key), { margin: 1, width: 180 }).then((url) => live && setQr(url));
    return () => { live = false; };
  }, [email, key]);

  if (enabled) {
    return (
      <section aria-labelledby="authenticator-heading">
        <h2 id="authenticator-heading">{t("twoStep.authenticator")}</h2>
        <p>{t("twoStep.authenticatorOn")}</p>
        <ErrorMessage message={error} />
        <Button type="button" disabled={busy} onClick={handle(async () => { await disableAuthenticator(key, setup.userVerificationToken); await onChanged(); })}>
          {t("twoStep.authenticatorOff")}
        </Button>
      </section>
    );
  }
  return (
    <form aria-labelledby="authenticator-heading" noValidate
      onSubmit={handle(async () => { await enableAuthenticator(key, code.trim(), setup.userVerificationToken); await onChanged(); })}>
      <h2 id="authenticator-heading">{t("twoStep.authenticator")}</h2>
      <p>{t("twoStep.authenticatorScan")}</p>
      {qr && <img src={qr} width={180} height={180} alt={t("twoStep.qrAlt")} />}
      <p>{t("twoStep.keyLabel")} <code aria-label={t("twoStep.authenticatorKey")}>{key}</code></p>
      <TextField label={t("twoStep.verificationCode")} name="code" inputMode="numeric" autoComplete="one-time-code" required value={code} onChange={setCode} />
      <ErrorMessage message={error} />
      <Button type="submit" disabled={busy || !code.trim()}>{t("twoStep.turnOn")}</Button>
    </form>
  );
}
