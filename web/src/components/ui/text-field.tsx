import type { InputHTMLAttributes } from "react";
import { useFieldParts, type FieldExtras } from "./field-parts";

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "onChange" | "value">, FieldExtras {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

export function TextField({ label, value, onChange, optional, error, description, ...input }: TextFieldProps) {
  const parts = useFieldParts({ optional, error, description }, label);
  return (
    <div className="field">
      {parts.label}
      <input {...parts.control} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
      {parts.after}
    </div>
  );
}
