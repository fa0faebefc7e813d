import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { SelectField } from "../../../components/ui/select-field";
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
    <Dialog title={user ? `Edit ${rest.label(user)}` : "Edit member"} open={user !== null} onClose={rest.onClose}>
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
      <SelectField label="Type" value={type} onChange={setType} options={providerUserTypeOptions} />
      <ErrorMessage message={error} />
      <div className="portal-actions">
        <Button type="submit" disabled={busy}>{busy ? "Saving…" : "Save"}</Button>
        <Button type="button" className="secondary" onClick={onClose}>Cancel</Button>
      </div>
    </form>
  );
}
