import type { SelectHTMLAttributes } from "react";
import { useFieldParts, type FieldExtras } from "./field-parts";

export interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "onChange" | "value">, FieldExtras {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
}

/** A native select drawn like the other fields (app.css): phones get their own picker, tests selectOption(). */
export function SelectField({ label, value, onChange, options, optional, error, description, ...select }: SelectFieldProps) {
  const parts = useFieldParts({ optional, error, description }, label);
  return (
    <div className="field">
      {parts.label}
      <select {...parts.control} value={value} onChange={(e) => onChange(e.target.value)} {...select}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {parts.after}
    </div>
  );
}
