import { useId, type InputHTMLAttributes } from "react";

export interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "checked" | "type"> {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}

export function CheckboxField({ label, checked, onChange, ...input }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field field-inline">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} {...input} />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
