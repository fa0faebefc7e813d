import { useId, useState } from "react";
import { t } from "../../../lib/i18n/messages";

export interface ReadonlyFieldProps {
  label: string;
  value: string;
  /** Hidden until "Show <label>" is pressed (passwords, card codes, hidden fields). */
  secret?: boolean;
  /** The copy button's name is "Copy <copyName>"; no button without it. */
  copyName?: string;
  onCopy?: (what: string, value: string) => void;
  multiline?: boolean;
}

/** A labelled read-only value, as the official item view shows them. */
export function ReadonlyField({ label, value, secret, copyName, onCopy, multiline }: ReadonlyFieldProps) {
  const id = useId();
  const [shown, setShown] = useState(false);
  const lower = label.toLowerCase();
  return (
    <div className="field vault-readonly">
      <label htmlFor={id}>{label}</label>
      <div className="vault-field-row">
        {multiline ? (
          <textarea id={id} readOnly value={value} rows={Math.min(8, value.split("\n").length + 1)} />
        ) : (
          <input id={id} readOnly value={value} type={secret && !shown ? "password" : "text"} />
        )}
        {secret && (
          <button type="button" className="button secondary" aria-pressed={shown} onClick={() => setShown(!shown)}>
            {t(shown ? "item.hide" : "item.show", { name: lower })}
          </button>
        )}
        {copyName && onCopy && (
          <button type="button" className="button secondary" onClick={() => onCopy(copyName, value)}>
            {t("item.copy", { name: copyName })}
          </button>
        )}
      </div>
    </div>
  );
}
