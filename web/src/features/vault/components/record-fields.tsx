import { TextField } from "../../../components/ui/text-field";
import { TextAreaField } from "./text-area-field";

/** The plain text fields of a card, an identity or an SSH key. */
export function RecordFields<K extends string>({ legend, keys, labels, values, onChange, secret = [], multiline = [] }: {
  legend: string; keys: readonly K[]; labels: Record<K, string>; values: Record<K, string>;
  onChange: (values: Record<K, string>) => void; secret?: K[]; multiline?: K[];
}) {
  return (
    <fieldset className="vault-fieldset">
      <legend>{legend}</legend>
      {keys.map((k) => multiline.includes(k) ? (
        <TextAreaField key={k} label={labels[k]} value={values[k]} onChange={(v) => onChange({ ...values, [k]: v })} />
      ) : (
        <TextField key={k} label={labels[k]} value={values[k]} type={secret.includes(k) ? "password" : "text"} autoComplete="off"
          onChange={(v) => onChange({ ...values, [k]: v })} />
      ))}
    </fieldset>
  );
}
