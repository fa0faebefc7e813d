import { formatNumber } from "../../../lib/i18n/format";
import { Dialog } from "../../../components/ui/dialog";
import { SubmitRow } from "../../../components/ui/submit-row";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";

interface Props {
  /** The names of what is being deleted; null when closed. One name titles the dialog "Delete <name>". */
  names: string[] | null;
  /** The plural noun for several ("groups"), in "Delete 3 groups". */
  what: string;
  /** What will be lost, naming it. */
  warning: string;
  onDelete: () => Promise<void>;
  onClose: () => void;
  onDeleted: () => void;
}

/** Asks before deleting collections or groups; the server's refusal stays in the dialog. */
export function DeleteDialog({ names, what, ...rest }: Props) {
  const title = names?.length === 1 ? t("console.deleteNamed", { name: names[0]! }) : t("console.deleteMany", { count: formatNumber(names?.length ?? 0), what });
  return (
    <Dialog title={title} open={names !== null} onClose={rest.onClose}>
      <DeleteForm {...rest} />
    </Dialog>
  );
}

function DeleteForm({ warning, onDelete, onClose, onDeleted }: Omit<Props, "names" | "what">) {
  const { busy, error, handle } = useSubmit();
  return (
    <form className="portal-form" onSubmit={handle(async () => {
      await onDelete();
      onDeleted();
    })}>
      <p>{warning}</p>
      <SubmitRow label={t("console.delete")} busyLabel={t("console.deleting")} busy={busy} error={error} danger onCancel={onClose} />
    </form>
  );
}
