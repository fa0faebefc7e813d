import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { t } from "../../../lib/i18n/messages";
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
    <Dialog title={t("portal.members.invite")} open={open} onClose={rest.onClose}>
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
    if (list.length > 20) throw new Error(t("portal.invite.tooMany"));
    await inviteProviderUsers(providerId, list, Number(type));
    onInvited();
  });
  return (
    <form className="portal-form" onSubmit={submit} noValidate>
      <TextField label={t("portal.invite.emails")} value={emails} onChange={setEmails} required placeholder={t("portal.invite.emailsPlaceholder")} />
      <SelectField label={t("portal.members.type")} value={type} onChange={setType} options={providerUserTypeOptions} />
      <SubmitRow label={t("portal.invite.submit")} busyLabel={t("portal.invite.busy")} busy={busy} error={error} disabled={list.length === 0} onCancel={onClose} />
    </form>
  );
}
