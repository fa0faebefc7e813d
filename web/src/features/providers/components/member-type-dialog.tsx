import { useState } from "react";
import { Dialog } from "../../../components/ui/dialog";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { updateProviderUserType } from "../api/provider-users-api";
import { providerUserTypeLabel, type ProviderUserDetails } from "../api/provider-types";

export const providerUserTypeOptions = Object.entries(providerUserTypeLabel).map(([value, label]) => ({ value, label }));

interface Props {
  user: ProviderUserDetails | null;
  providerId: string;
  label: (u: ProviderUserDetails) => string;
  onClose: () => void;
  onDone: () => void;
}

export function MemberTypeDialog({ user, ...rest }: Props) {
  return (
    <Dialog title={user ? t("portal.editNamed", { name: rest.label(user) }) : t("portal.memberType.title")} open={user !== null} onClose={rest.onClose}>
      {user && <TypeForm user={user} {...rest} />}
    </Dialog>
  );
}

/** The server refuses to demote the last confirmed provider admin and says so. */
function TypeForm({ user, providerId, onClose, onDone }: Props & { user: ProviderUserDetails }) {
  const [type, setType] = useState(String(user.type));
  const { busy, error, handle } = useSubmit();
  const submit = handle(async () => {
    await updateProviderUserType(providerId, user.id, Number(type));
    onDone();
  });
  return (
    <form className="portal-form" onSubmit={submit}>
      <SelectField label={t("portal.members.type")} value={type} onChange={setType} options={providerUserTypeOptions} />
      <SubmitRow label={t("portal.save")} busyLabel={t("portal.saving")} busy={busy} error={error} onCancel={onClose} />
    </form>
  );
}
