import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { FieldType, type FieldView } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";

const typeOptions = [
  { value: String(FieldType.Text), label: t("item.fieldText") },
  { value: String(FieldType.Hidden), label: t("item.fieldHidden") },
  { value: String(FieldType.Boolean), label: t("item.fieldCheckbox") },
];

/** Custom fields: text, hidden and checkbox (linked fields are kept but not offered). */
export function CustomFields({ fields, onChange }: { fields: FieldView[]; onChange: (fields: FieldView[]) => void }) {
  const update = (i: number, patch: Partial<FieldView>) => onChange(fields.map((f, j) => (j === i ? { ...f, ...patch } : f)));
  return (
    <fieldset className="vault-fieldset">
      <legend>{t("item.customFields")}</legend>
      {fields.map((f, i) => (
        <div key={i} className="vault-custom-field">
          {f.type !== FieldType.Linked && (
            <SelectField label={t("item.fieldType", { number: i + 1 })} value={String(f.type)} options={typeOptions}
              onChange={(t) => update(i, { type: Number(t), value: Number(t) === FieldType.Boolean ? "false" : f.value === "false" ? "" : f.value })} />
          )}
          <TextField label={t("item.fieldName", { number: i + 1 })} value={f.name} onChange={(name) => update(i, { name })} />
          {f.type === FieldType.Boolean ? (
            <CheckboxField label={t("item.fieldValue", { number: i + 1 })} checked={f.value === "true"} onChange={(v) => update(i, { value: String(v) })} />
          ) : f.type !== FieldType.Linked ? (
            <TextField label={t("item.fieldValue", { number: i + 1 })} value={f.value} type={f.type === FieldType.Hidden ? "password" : "text"}
              autoComplete="off" onChange={(value) => update(i, { value })} />
          ) : null}
          <button type="button" className="button secondary" onClick={() => onChange(fields.filter((_, j) => j !== i))}>
            {t("item.removeField", { number: i + 1 })}
          </button>
        </div>
      ))}
      <Button type="button" className="secondary"
        onClick={() => onChange([...fields, { type: FieldType.Text, name: "", value: "", linkedId: null }])}>
        {t("item.addField")}
      </Button>
    </fieldset>
  );
}
