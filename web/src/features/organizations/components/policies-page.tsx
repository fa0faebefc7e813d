import { useState } from "react";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { listPolicies, savePolicy } from "../api/organization-api";
import type { Policy } from "../api/org-types";
import { policyData, policyKinds, policyValues, type PolicyKind } from "../api/policy-types";
import { useOrganization } from "./use-organization";
import { t } from "../../../lib/i18n/messages";

/** Each policy the server supports: turn it on or off, with its options; saved one at a time. */
export function PoliciesPage() {
  const { orgId } = useOrganization();
  const policies = useAsync(() => listPolicies(orgId), [orgId]);
  const byType = new Map((policies.data ?? []).map((p) => [p.type, p]));
  return (
    <div>
      <PageHeader title={t("policies.title")} />
      <ErrorMessage message={policies.error} />
      {policies.loading && <Loading label={t("policies.loading")} />}
      {policies.data && policyKinds.map((k) => (
        <PolicyForm key={k.type} orgId={orgId} kind={k} policy={byType.get(k.type)} />
      ))}
    </div>
  );
}

function PolicyForm({ orgId, kind, policy }: { orgId: string; kind: PolicyKind; policy: Policy | undefined }) {
  const [enabled, setEnabled] = useState(policy?.enabled ?? false);
  const [values, setValues] = useState(() => policyValues(kind, policy?.data ?? null));
  const [saved, setSaved] = useState(false);
  const { busy, error, handle } = useSubmit();
  const set = (key: string, value: string | boolean) => {
    setSaved(false);
    setValues({ ...values, [key]: value });
  };
  const submit = handle(async () => {
    setSaved(false);
    await savePolicy(orgId, kind.type, enabled, policyData(kind, values));
    setSaved(true);
  });
  return (
    <form className="console-policy portal-form" onSubmit={submit} aria-label={kind.name} noValidate>
      <h2>{kind.name}</h2>
      <p className="portal-muted">{kind.description}</p>
      <CheckboxField label={t("policies.turnOn")} aria-label={t("policies.turnOnNamed", { name: kind.name })} checked={enabled} onChange={(on) => (setSaved(false), setEnabled(on))} />
      {enabled && kind.options.map((o) => {
        const v = values[o.key];
        if (o.kind === "bool") return <CheckboxField key={o.key} label={o.label} checked={v === true} onChange={(on) => set(o.key, on)} />;
        if (o.kind === "select") return <SelectField key={o.key} label={o.label} value={String(v ?? "")} onChange={(x) => set(o.key, x)} options={o.options} />;
        return <TextField key={o.key} label={o.label} type="number" min={o.min} max={o.max} value={String(v ?? "")} onChange={(x) => set(o.key, x)} />;
      })}
      <SubmitRow label={t("policies.saveNamed", { name: kind.name })} busyLabel={t("console.saving")} busy={busy} error={error} />
      {saved && <p role="status">{t("console.saved")}</p>}
    </form>
  );
}
