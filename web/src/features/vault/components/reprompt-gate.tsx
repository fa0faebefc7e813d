import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { verifyMasterPassword } from "../api/reprompt";

/** Asks for the master password before an item marked "re-prompt" is shown, like the official clients. */
export function RepromptGate({ onVerified, onCancel }: { onVerified: () => void; onCancel: () => void }) {
  const [password, setPassword] = useState("");
  const { busy, error, handle } = useSubmit();
  return (
    <form className="vault-item-form" noValidate onSubmit={handle(async () => {
      await verifyMasterPassword(password);
      onVerified();
    })}>
      <p>This item is protected. Confirm your master password to see it.</p>
      <TextField label="Master password" type="password" value={password} onChange={setPassword} autoComplete="current-password" autoFocus />
      <ErrorMessage message={error} />
      <div className="vault-actions">
        <Button type="submit" disabled={busy || !password} disabledReason={!busy && !password ? "Enter your master password to continue." : null}>{busy ? "Checking…" : "Confirm"}</Button>
        <Button type="button" className="secondary" onClick={onCancel}>Cancel</Button>
      </div>
    </form>
  );
}
