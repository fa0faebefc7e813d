import { useId, type InputHTMLAttributes } from "react";

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "checked" | "type"> {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Said under the box, e.g. why it is disabled. */
  description?: string | null;
}

export function CheckboxField({ label, checked, onChange, description, ...input }: CheckboxFieldProps) {
  const id = useId();
  const box = (
    <div className="field field-inline">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)}
        aria-describedby={description ? `${id}-description` : undefined} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
  return description ? <>{box}<p id={`${id}-description`} className="field-description">{description}</p></> : box;
}
