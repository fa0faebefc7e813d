import { useState } from "react";
import { PageHeader } from "../../../components/ui/page-header";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { createOrganization, type NewOrganization } from "../api/create-organization";

/** An organization of the user's own (not a provider's client): they become its owner. */
export function NewOrganizationPage({ userId, email, onCreated }: { userId: string; email: string; onCreated: (orgId: string) => Promise<void> }) {
  const [form, setForm] = useState<NewOrganization>({ name: "", billingEmail: email, collectionName: t("newOrg.defaultCollection") });
  const { busy, error, handle } = useSubmit();
  const set = (patch: Partial<NewOrganization>) => setForm({ ...form, ...patch });
  return (
    <section className="panel">
      <PageHeader title={t("products.newOrganization")} />
      <form className="portal-form" noValidate onSubmit={handle(async () => {
        if (!form.name.trim()) throw new Error(t("newOrg.nameRequired"));
        await onCreated(await createOrganization(userId, form));
      })}>
        <TextField label={t("settings.name")} value={form.name} onChange={(name) => set({ name })} required maxLength={50} />
        <TextField label={t("settings.billingEmail")} type="email" value={form.billingEmail} onChange={(billingEmail) => set({ billingEmail })} required />
        <TextField label={t("newOrg.firstCollection")} value={form.collectionName} onChange={(collectionName) => set({ collectionName })} maxLength={200} />
        <SubmitRow label={t("newOrg.submit")} busyLabel={t("newOrg.creating")} busy={busy} error={error} />
      </form>
    </section>
  );
}
