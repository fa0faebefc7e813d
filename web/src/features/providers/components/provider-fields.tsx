import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import type { ProviderFields } from "../api/provider-api";

/** The provider's name, business name and billing email, as setup and settings both edit them. */
export function ProviderFieldInputs({ value, onChange, disabled }: { value: ProviderFields; onChange: (v: ProviderFields) => void; disabled?: boolean }) {
  return (
    <>
      <TextField label={t("portal.fields.name")} value={value.name} required maxLength={50} disabled={disabled}
        onChange={(name) => onChange({ ...value, name })} />
      <TextField label={t("portal.fields.businessName")} value={value.businessName} maxLength={50} disabled={disabled}
        onChange={(businessName) => onChange({ ...value, businessName })} />
      <TextField label={t("portal.fields.billingEmail")} type="email" value={value.billingEmail} required maxLength={256} disabled={disabled}
        onChange={(billingEmail) => onChange({ ...value, billingEmail })} />
    </>
  );
}
