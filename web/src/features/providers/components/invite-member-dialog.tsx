import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { useSubmit } from "../../../lib/use-submit";
import { inviteProviderUsers } from "../api/provider-users-api";
import { providerUserTypeOptions } from "./member-type-dialog";

interface Props {
  open: boolean;
  providerId: string;
  onClose: () => void;
  onInvited: () => void;
}

export function InviteMemberDialog({ open, ...rest }: Props) {
  return (
    <Dialog title="Invite member" open={open} onClose={rest.onClose}>
      <InviteForm {...rest} />
    </Dialog>
  );
}

/** Up to 20 addresses, separated by commas or spaces; addresses already in the provider are skipped by the server. */
function InviteForm({ providerId, onClose, onInvited }: Omit<Props, "open">) {
  const [emails, setEmails] = useState("");
  const [type, setType] = useState("1");
  const { busy, error, handle } = useSubmit();
  const list = emails.split(/[\s,;]+/).map((e) => e.trim()).filter(Boolean);
  const submit = handle(async () => {
    if (list.length > 20) throw new Error("Invite at most 20 addresses at a time.");
    await inviteProviderUsers(providerId, list, Number(type));
    onInvited();
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label="Email addresses" value={emails} onChange={setEmails} required placeholder="a@example.com, b@example.com" />
      <SelectField label="Type" value={type} onChange={setType} options={providerUserTypeOptions} />
      <SubmitRow label="Invite" busyLabel="Inviting…" busy={busy} error={error} disabled={list.length === 0} onCancel={onClose} />
    </form>
  );
}
