import { useState, type ReactNode } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable, type Column } from "../../../components/ui/data-table";
import { EmptyState } from "../../../components/ui/empty-state";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { BulkBar } from "./bulk-bar";

interface Named { id: string; name: string }

/** Search, ticked rows and the rows being deleted, for a list of named things (groups, collections). */
export function useNamedList<Row extends Named>(rows: Row[] | undefined) {
  const [search, setSearch] = useState("");
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [deleting, setDeleting] = useState<Row[] | null>(null);
  const all = rows ?? [];
  const needle = search.trim().toLowerCase();
  return {
    search, setSearch, selected, setSelected, deleting, setDeleting, all,
    shown: needle ? all.filter((r) => r.name.toLowerCase().includes(needle)) : all,
    chosen: all.filter((r) => selected.has(r.id)),
    /** After a save or delete: nothing ticked, no dialog. */
    reset: () => {
      setSelected(new Set());
      setDeleting(null);
    },
  };
}

export type NamedList<Row extends Named> = ReturnType<typeof useNamedList<Row>>;

interface Props<Row extends Named> {
  /** The plural title ("Groups"): the table's name, and in "Search groups". */
  title: string;
  list: NamedList<Row>;
  loaded: boolean;
  columns: Column<Row>[];
  empty: { title: string; body: string };
  onEdit: (row: Row) => void;
}

/** The table of a named list: search, bulk delete of the ticked rows, Edit in the row and Delete in its menu. */
export function NamedListTable<Row extends Named>({ title, list, loaded, columns, empty, onEdit }: Props<Row>): ReactNode {
  const plural = title.toLowerCase();
  if (loaded && list.all.length === 0) return <EmptyState title={empty.title}>{empty.body}</EmptyState>;
  if (list.all.length === 0) return null;
  return (
    <>
      <BulkBar count={list.chosen.length} label={t("console.selectedGroup", { name: plural })}>
        <Button type="button" className="danger small" onClick={() => list.setDeleting(list.chosen)}>{t("console.deleteSelected")}</Button>
      </BulkBar>
      <div className="table-toolbar">
        <TextField label={t("console.search", { name: plural })} type="search" value={list.search} onChange={list.setSearch} optional />
      </div>
      {list.shown.length === 0 ? <p>{t("console.noMatch", { search: list.search })}</p> : (
        <DataTable label={title} rows={list.shown} rowKey={(r) => r.id} rowLabel={(r) => r.name}
          selected={list.selected} onSelectedChange={list.setSelected} initialSort={{ key: "name", direction: "ascending" }}
          columns={[{ key: "name", header: t("console.name"), wrap: true, sortValue: (r) => r.name, cell: (r) => r.name }, ...columns]}
          actions={(r) => (
            <Button type="button" className="secondary small" aria-label={t("console.editNamed", { name: r.name })}
              onClick={() => onEdit(r)}>{t("console.edit")}</Button>
          )}
          menu={(r) => [{ label: t("console.delete"), danger: true, onAction: () => list.setDeleting([r]) }]} />
      )}
    </>
  );
}

/** A name field's inline error: blank once touched; the input's maxLength keeps it short enough. */
export const nameError = (name: string, touched: boolean) => (touched && !name.trim() ? t("console.nameRequired") : null);
