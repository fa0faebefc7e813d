import { useState } from "react";
import { PageHeader } from "../../../components/ui/page-header";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { useSubmit } from "../../../lib/use-submit";
import { createOrganization, type NewOrganization } from "../api/create-organization";

/** An organization of the user's own (not a provider's client): they become its owner. */
export function NewOrganizationPage({ userId, email, onCreated }: { userId: string; email: string; onCreated: (orgId: string) => Promise<void> }) {
  const [form, setForm] = useState<NewOrganization>({ name: "", billingEmail: email, collectionName: "Default collection" });
  const { busy, error, handle } = useSubmit();
  const set = (patch: Partial<NewOrganization>) => setForm({ ...form, ...patch });
  return (
    <section className="panel">
      <PageHeader title="New organization" />
      <form className="portal-form" noValidate onSubmit={handle(async () => {
        if (!form.name.trim()) throw new Error("Enter the organization's name.");
        await onCreated(await createOrganization(userId, form));
      })}>
        <TextField label="Organization name" value={form.name} onChange={(name) => set({ name })} required maxLength={50} />
        <TextField label="Billing email" type="email" value={form.billingEmail} onChange={(billingEmail) => set({ billingEmail })} required />
        <TextField label="First collection" value={form.collectionName} onChange={(collectionName) => set({ collectionName })} maxLength={200} />
        <SubmitRow label="Create organization" busyLabel="Creating…" busy={busy} error={error} />
      </form>
    </section>
  );
}
