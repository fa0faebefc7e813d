import { t } from "../../lib/i18n/messages";
import { Button } from "./button";
import { ErrorMessage } from "./error-message";

export interface SubmitRowProps {
  label: string;
  busyLabel: string;
  busy: boolean;
  error?: string | null;
  disabled?: boolean;
  /** Why the submit button is disabled, shown beside it (by default: the required fields are not all filled in). */
  disabledReason?: string | null;
  danger?: boolean;
  onCancel?: () => void;
}

/** The end of a dialog's form: the server's error, the submit button (its busy text while working) and Cancel. */
export function SubmitRow({ label, busyLabel, busy, error = null, disabled = false, disabledReason, danger = false, onCancel }: SubmitRowProps) {
  return (
    <>
      <ErrorMessage message={error} />
      <div className="submit-row">
        <Button type="submit" className={danger ? "danger" : undefined} disabled={busy || disabled}
          disabledReason={!busy && disabled ? (disabledReason ?? t("form.fillRequired")) : null}>{busy ? busyLabel : label}</Button>
        {onCancel && <Button type="button" className="secondary" onClick={onCancel}>{t("action.cancel")}</Button>}
      </div>
    </>
  );
}
