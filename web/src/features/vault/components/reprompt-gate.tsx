import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { verifyMasterPassword } from "../api/reprompt";
import { t } from "../../../lib/i18n/messages";

/** Asks for the master password before an item marked "re-prompt" is shown, like the official clients. */
export function RepromptGate({ onVerified, onCancel }: { onVerified: () => void; onCancel: () => void }) {
  const [password, setPassword] = useState("");
  const { busy, error, handle } = useSubmit();
  return (
    <form className="vault-item-form" noValidate onSubmit={handle(async () => {
      await verifyMasterPassword(password);
      onVerified();
    })}>
      <p>{t("item.repromptBody")}</p>
      <TextField label={t("login.password")} type="password" value={password} onChange={setPassword} autoComplete="current-password" autoFocus />
      <ErrorMessage message={error} />
      <div className="vault-actions">
        <Button type="submit" disabled={busy || !password} disabledReason={!busy && !password ? t("item.repromptNeedsPassword") : null}>{busy ? t("item.checking") : t("item.confirm")}</Button>
        <Button type="button" className="secondary" onClick={onCancel}>{t("action.cancel")}</Button>
      </div>
    </form>
  );
}
