import { useId } from "react";

export function TextAreaField({ label, value, onChange, rows = 4 }: {
  label: string; value: string; onChange: (value: string) => void; rows?: number;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} value={value} rows={rows} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}
