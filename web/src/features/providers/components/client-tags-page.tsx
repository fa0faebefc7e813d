import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { createTag, deleteTag, findClients, listTags, tagClients, tagsOf } from "../api/client-bulk-api";
import type { ProviderClient } from "../api/provider-types";
import { useProvider } from "./use-provider";

/** Tags for the provider's clients: define them, then put them on clients found by name (a page at a time). */
export function ClientTagsPage() {
  const { providerId, isAdmin } = useProvider();
  const [refresh, setRefresh] = useState(0);
  const tags = useAsync(() => listTags(providerId), [providerId, refresh]);
  const [name, setName] = useState("");
  const [tagId, setTagId] = useState("");
  const [search, setSearch] = useState("");
  const [after, setAfter] = useState<string | null>(null);
  const [onlyTagged, setOnlyTagged] = useState(false);
  const clients = useAsync(async () => {
    const page = await findClients(providerId, search, onlyTagged && tagId ? tagId : null, after);
    const of = await tagsOf(providerId, page.data.map((c) => c.organizationId));
    return { ...page, tagged: new Set(page.data.filter((c) => of.get(c.organizationId)?.includes(tagId)).map((c) => c.organizationId)) };
  }, [providerId, search, after, refresh, onlyTagged, tagId]);
  const tagged = { data: clients.data?.tagged };
  const { busy, error, handle } = useSubmit();
  const done = () => setRefresh((n) => n + 1);

  return (
    <div>
      <PageHeader title={t("tags.title")} />
      {isAdmin && (
        <form className="panel portal-form" onSubmit={handle(async () => { await createTag(providerId, name); setName(""); done(); })} noValidate>
          <TextField label={t("tags.new")} value={name} onChange={setName} maxLength={50} />
          <Button type="submit" disabled={busy || !name.trim()}>{t("tags.add")}</Button>
        </form>
      )}
      <ErrorMessage message={error ?? tags.error} />
      <DataTable label={t("tags.title")} rows={tags.data ?? []} rowKey={(g) => g.id} rowLabel={(g) => g.name}
        columns={[{ key: "name", header: t("tags.column.tag"), cell: (g) => g.name }, { key: "clients", header: t("tags.column.clients"), cell: (g) => g.clientCount }]}
        menu={(g) => isAdmin ? [{ label: t("tags.deleteNamed", { name: g.name }), onAction: handle(async () => { await deleteTag(providerId, g.id); done(); }) }] : []} />
      <h2>{t("tags.tagClients")}</h2>
      <SelectField label={t("tags.tagToSet")} value={tagId} onChange={setTagId}
        options={[{ value: "", label: t("bulk.chooseTag") }, ...(tags.data ?? []).map((g) => ({ value: g.id, label: g.name }))]} />
      <TextField label={t("tags.findClients")} type="search" value={search} onChange={(s) => { setSearch(s); setAfter(null); }} />
      <CheckboxField label={t("tags.onlyTagged")} checked={onlyTagged} onChange={(v) => { setOnlyTagged(v); setAfter(null); }} />
      <DataTable<ProviderClient> label={t("tags.clientsTable")} rowKey={(c) => c.organizationId} rowLabel={(c) => c.organizationName}
        rows={clients.data?.data ?? []}
        columns={[{ key: "name", header: t("tags.column.client"), cell: (c) => c.organizationName },
          { key: "tagged", header: t("tags.column.tagged"), cell: (c) => t(tagged.data?.has(c.organizationId) ? "tags.yes" : "tags.no") }]}
        actions={(c) => isAdmin && tagId ? (
          <Button type="button" className="secondary" disabled={busy} onClick={handle(async () => {
            await tagClients(providerId, tagId, [c.organizationId], !tagged.data?.has(c.organizationId));
            done();
          })}>{t(tagged.data?.has(c.organizationId) ? "tags.untagNamed" : "tags.tagNamed", { name: c.organizationName })}</Button>) : null} />
      {clients.data?.continuationToken && <Button type="button" className="secondary" onClick={() => setAfter(clients.data!.continuationToken)}>{t("portal.nextPage")}</Button>}
    </div>
  );
}
