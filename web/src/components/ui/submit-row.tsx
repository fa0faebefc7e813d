import { Button } from "./button";
import { ErrorMessage } from "./error-message";

export interface SubmitRowProps {
  label: string;
  busyLabel: string;
  busy: boolean;
  error?: string | null;
  disabled?: boolean;
  danger?: boolean;
  onCancel?: () => void;
}

/** The end of a dialog's form: the server's error, the submit button (its busy text while working) and Cancel. */
export function SubmitRow({ label, busyLabel, busy, error = null, disabled = false, danger = false, onCancel }: SubmitRowProps) {
  return (
    <>
      <ErrorMessage message={error} />
      <div className="submit-row">
        <Button type="submit" className={danger ? "danger" : undefined} disabled={busy || disabled}>{busy ? busyLabel : label}</Button>
        {onCancel && <Button type="button" className="secondary" onClick={onCancel}>Cancel</Button>}
      </div>
    </>
  );
}
