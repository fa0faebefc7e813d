import { TextField } from "../../../components/ui/text-field";
import type { ProviderFields } from "../api/provider-api";

/** The provider's name, business name and billing email, as setup and settings both edit them. */
export function ProviderFieldInputs({ value, onChange, disabled }: { value: ProviderFields; onChange: (v: ProviderFields) => void; disabled?: boolean }) {
  return (
    <>
      <TextField label="Provider name" value={value.name} required maxLength={50} disabled={disabled}
        onChange={(name) => onChange({ ...value, name })} />
      <TextField label="Business name (optional)" value={value.businessName} maxLength={50} disabled={disabled}
        onChange={(businessName) => onChange({ ...value, businessName })} />
      <TextField label="Billing email" type="email" value={value.billingEmail} required maxLength={256} disabled={disabled}
        onChange={(billingEmail) => onChange({ ...value, billingEmail })} />
    </>
  );
}
