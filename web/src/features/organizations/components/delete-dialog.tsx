import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { useSubmit } from "../../../lib/use-submit";

interface Props {
  /** What is being deleted, shown in the title ("Delete <name>"); null when closed. */
  name: string | null;
  warning: string;
  onDelete: () => Promise<void>;
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting a collection or a group; the server's refusal stays in the dialog. */
export function DeleteDialog({ name, ...rest }: Props) {
  return (
    <Dialog title={`Delete ${name ?? ""}`} open={name !== null} onClose={rest.onClose}>
      <DeleteForm {...rest} />
    </Dialog>
  );
}

function DeleteForm({ warning, onDelete, onClose, onDeleted }: Omit<Props, "name">) {
  const { busy, error, handle } = useSubmit();
  return (
    <form className="portal-form" onSubmit={handle(async () => {
      await onDelete();
      onDeleted();
    })}>
      <p>{warning}</p>
      <SubmitRow label="Delete" busyLabel="Deleting…" busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
