import { Link } from "react-router";
import { t } from "../../lib/i18n/messages";

export interface Crumb {
  label: string;
  /** Absent on the current page. */
  to?: string;
}

/** Where am I: provider › client › page. The last crumb is the current page. */
export function Breadcrumbs({ items }: { items: readonly Crumb[] }) {
  if (items.length < 2) return null;
  return (
    <nav aria-label={t("breadcrumbs.label")}>
      <ol className="breadcrumbs">
        {items.map((c, i) => (
          <li key={`${i}-${c.label}`}>
            {c.to && i < items.length - 1 ? <Link to={c.to}>{c.label}</Link> : <span aria-current="page">{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
