import { useId } from "react";
import { t } from "../../lib/i18n/messages";

/** What every labelled field shares: the "(optional)" mark, a description and its own inline error. */
export interface FieldExtras {
  /** Marks the label "(optional)"; required fields are the default and stay unmarked. */
  optional?: boolean;
  /** This field's own error, shown under it and announced with it (aria-invalid, aria-describedby). */
  error?: string | null;
  description?: string;
}

export function useFieldParts({ optional, error, description }: FieldExtras, label: string) {
  const id = useId();
  const errorId = `${id}-error`;
  const descriptionId = `${id}-description`;
  const describedBy = [error ? errorId : null, description ? descriptionId : null].filter(Boolean).join(" ") || undefined;
  return {
    id,
    // The "(optional)" mark sits beside the <label>, not in it: the accessible name stays the label alone (the
    // input's missing `required` already tells assistive tech), and so does what tests find it by.
    label: (
      <span className="field-label">
        <label htmlFor={id}>{label}</label>
        {optional && <span className="field-optional" aria-hidden="true">{t("field.optional")}</span>}
      </span>
    ),
    control: { id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy } as const,
    after: (
      <>
        {description && <p id={descriptionId} className="field-description">{description}</p>}
        {error && <p id={errorId} className="field-error">{error}</p>}
      </>
    ),
  };
}
