import { useMemo, useState, type ReactNode } from "react";
import { t } from "../../lib/i18n/messages";
import { ActionMenu, type MenuAction } from "./action-menu";

export interface Column<Row> {
  key: string;
  header: string;
  cell: (row: Row) => ReactNode;
  /** Makes the column sortable by this value (client-side; server-paged lists sort on the server instead). */
  sortValue?: (row: Row) => string | number;
  /** Let long values (emails, ids) break anywhere instead of widening the table. */
  wrap?: boolean;
  className?: string;
}

export interface DataTableProps<Row> {
  /** The table's accessible name. */
  label: string;
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  columns: readonly Column<Row>[];
  /** How a row is named in "Select …" and "More actions for …". */
  rowLabel?: (row: Row) => string;
  selected?: ReadonlySet<string>;
  onSelectedChange?: (selected: Set<string>) => void;
  /** Buttons shown in the row (the one or two actions used most). */
  actions?: (row: Row) => ReactNode;
  /** The rest of a row's actions, in a menu so the row stays one line. */
  menu?: (row: Row) => readonly (MenuAction | false | null | undefined)[];
  initialSort?: { key: string; direction: "ascending" | "descending" };
}

/**
 * A semantic <table> (screen readers announce rows and columns as usual) with sortable column headers
 * (aria-sort), row selection by checkbox, and row actions: inline buttons plus a react-aria action menu.
 */
export function DataTable<Row>({ label, rows, rowKey, columns, rowLabel = rowKey, selected, onSelectedChange, actions, menu, initialSort }:
  DataTableProps<Row>) {
  const [sort, setSort] = useState(initialSort ?? null);
  const sorted = useMemo(() => {
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!column?.sortValue) return rows;
    const value = column.sortValue;
    const factor = sort?.direction === "ascending" ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = value(a), y = value(b);
      return factor * (typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y)));
    });
  }, [rows, columns, sort]);
  const selectable = !!(selected && onSelectedChange);
  const allSelected = selectable && rows.length > 0 && rows.every((r) => selected.has(rowKey(r)));
  const hasActions = !!(actions || menu);

  function toggle(id: string, on: boolean) {
    const next = new Set(selected);
    if (on) next.add(id);
    else next.delete(id);
    onSelectedChange?.(next);
  }

  return (
    <div className="table-wrap">
      <table className="table" aria-label={label}>
        <thead>
          <tr>
            {selectable && (
              <th scope="col" className="select-cell">
                <input type="checkbox" aria-label={`${t("table.selectAll")} ${label.toLowerCase()}`} checked={allSelected}
                  onChange={(e) => onSelectedChange(new Set(e.target.checked ? rows.map(rowKey) : []))} />
              </th>
            )}
            {columns.map((c) => {
              const direction = sort?.key === c.key ? sort.direction : undefined;
              return (
                <th key={c.key} scope="col" className={c.className} aria-sort={c.sortValue ? (direction ?? "none") : undefined}>
                  {c.sortValue ? (
                    <button type="button" className="sort-button"
                      onClick={() => setSort({ key: c.key, direction: direction === "ascending" ? "descending" : "ascending" })}>
                      {c.header}
                      <span aria-hidden="true">{direction === "ascending" ? "▲" : direction === "descending" ? "▼" : "↕"}</span>
                    </button>
                  ) : c.header}
                </th>
              );
            })}
            {hasActions && <th scope="col" className="row-actions"><span className="sr-only">{t("table.actions")}</span></th>}
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const id = rowKey(row);
            const name = rowLabel(row);
            const isSelected = selectable && selected.has(id);
            return (
              <tr key={id} data-selected={isSelected || undefined}>
                {selectable && (
                  <td className="select-cell">
                    <input type="checkbox" aria-label={t("table.select", { name })} checked={isSelected} onChange={(e) => toggle(id, e.target.checked)} />
                  </td>
                )}
                {columns.map((c) => (
                  <td key={c.key} className={[c.wrap ? "wrap-anywhere" : "", c.className ?? ""].join(" ").trim() || undefined}>{c.cell(row)}</td>
                ))}
                {hasActions && (
                  <td className="row-actions">
                    {actions?.(row)}
                    {menu && <ActionMenu label={t("action.moreActions", { name })}
                      actions={menu(row).filter((a): a is MenuAction => !!a)} />}
                  </td>
                )}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
