import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import type { ClientSelection, ClientTag } from "../api/client-bulk-api";

export interface SelectionState { by: "all" | "search" | "tag"; search: string; tagId: string }

export const emptySelection: SelectionState = { by: "search", search: "", tagId: "" };

/** The server resolves the selection when the job starts, so 10,000 clients never travel as ids. */
export function toSelection(s: SelectionState): ClientSelection {
  return s.by === "all" ? { all: true } : s.by === "tag" ? { tagId: s.tagId } : { search: s.search.trim() };
}

export function selectionReady(s: SelectionState): boolean {
  return s.by === "all" || (s.by === "tag" ? !!s.tagId : !!s.search.trim());
}

/** Which clients: all of them, those whose name contains a text, or those carrying a tag. */
export function ClientSelectionFields({ value, onChange, tags }: { value: SelectionState; onChange: (v: SelectionState) => void; tags: ClientTag[] }) {
  return (
    <>
      <SelectField label={t("bulk.selectBy")} value={value.by} onChange={(by) => onChange({ ...value, by: by as SelectionState["by"] })}
        options={[{ value: "search", label: t("bulk.bySearch") }, { value: "tag", label: t("bulk.byTag") }, { value: "all", label: t("bulk.allClients") }]} />
      {value.by === "search" && <TextField label={t("bulk.nameContains")} value={value.search} onChange={(search) => onChange({ ...value, search })} />}
      {value.by === "tag" && (
        <SelectField label={t("bulk.tag")} value={value.tagId} onChange={(tagId) => onChange({ ...value, tagId })}
          options={[{ value: "", label: t("bulk.chooseTag") }, ...tags.map((g) => ({ value: g.id, label: `${g.name} (${g.clientCount})` }))]} />
      )}
    </>
  );
}
