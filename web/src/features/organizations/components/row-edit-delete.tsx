import { Button } from "../../../components/ui/button";

/** A table row's Edit and Delete buttons, named after the row ("Edit Finance") for screen readers and tests. */
export function RowEditDelete({ name, onEdit, onDelete }: { name: string; onEdit: () => void; onDelete: () => void }) {
  return (
    <td className="portal-row-actions">
      <Button type="button" className="secondary" aria-label={`Edit ${name}`} onClick={onEdit}>Edit</Button>
      <Button type="button" className="secondary" aria-label={`Delete ${name}`} onClick={onDelete}>Delete</Button>
    </td>
  );
}
