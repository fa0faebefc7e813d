import { formatNumber } from "../../../lib/i18n/format";
import type { ReactNode } from "react";
import { t } from "../../../lib/i18n/messages";

/** The actions on a table's ticked rows, shown only while some are ticked; the count is announced as it changes. */
export function BulkBar({ count, label, children }: { count: number; label: string; children: ReactNode }) {
  if (count === 0) return null;
  return (
    <div className="portal-toolbar bulk-bar" role="group" aria-label={label}>
      <span role="status">{t("console.selected", { count: formatNumber(count) })}</span>
      {children}
    </div>
  );
}
