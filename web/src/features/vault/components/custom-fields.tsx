import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { FieldType, type FieldView } from "../../../lib/ciphers/cipher-types";

const typeOptions = [
  { value: String(FieldType.Text), label: "Text" },
  { value: String(FieldType.Hidden), label: "Hidden" },
  { value: String(FieldType.Boolean), label: "Checkbox" },
];

/** Custom fields: text, hidden and checkbox (linked fields are kept but not offered). */
export function CustomFields({ fields, onChange }: { fields: FieldView[]; onChange: (fields: FieldView[]) => void }) {
  const update = (i: number, patch: Partial<FieldView>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset className="vault-fieldset">
      <legend>Custom fields</legend>
      {fields.map((f, i) => (
        <div key={i} className="vault-custom-field">
          {f.type !== FieldType.Linked && (
            <SelectField label={`Field ${i + 1} type`} value={String(f.type)} options={typeOptions}
              onChange={(t) => update(i, { type: Number(t), value: Number(t) === FieldType.Boolean ? "false" : f.value === "false" ? "" : f.value })} />
          )}
          <TextField label={`Field ${i + 1} name`} value={f.name} onChange={(name) => update(i, { name })} />
          {f.type === FieldType.Boolean ? (
            <CheckboxField label={`Field ${i + 1} value`} checked={f.value === "true"} onChange={(v) => update(i, { value: String(v) })} />
          ) : f.type !== FieldType.Linked ? (
            <TextField label={`Field ${i + 1} value`} value={f.value} type={f.type === FieldType.Hidden ? "password" : "text"}
              autoComplete="off" onChange={(value) => update(i, { value })} />
          ) : null}
          <button type="button" className="button secondary" onClick={() => onChange(fields.filter((_, j) => j !== i))}>
            Remove field {i + 1}
          </button>
        </div>
      ))}
      <Button type="button" className="secondary"
        onClick={() => onChange([...fields, { type: FieldType.Text, name: "", value: "", linkedId: null }])}>
        Add field
      </Button>
    </fieldset>
  );
}
