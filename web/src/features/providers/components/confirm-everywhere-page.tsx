import { formatNumber } from "../../../lib/i18n/format";
import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { ErrorMessage } from "../../../components/ui/error-message";
import { PageHeader } from "../../../components/ui/page-header";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { confirmEverywhere, pendingConfirmations, withPhrases } from "../api/client-bulk-api";
import { useProvider } from "./use-provider";

/**
 * Members who accepted an invitation to any client and wait for its key, a page at a time. The technician checks
 * each fingerprint phrase against the member's own before confirming; the org key is wrapped here.
 */
export function ConfirmEverywherePage() {
  const { providerId, key } = useProvider();
  const [after, setAfter] = useState<string | null>(null);
  const [refresh, setRefresh] = useState(0);
  const page = useAsync(async () => {
    const list = await pendingConfirmations(providerId, after);
    return { rows: await withPhrases(list.data), next: list.continuationToken };
  }, [providerId, after, refresh]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<string | null>(null);
  const { busy, error, handle } = useSubmit();
  const rows = page.data?.rows ?? [];

  const confirm = handle(async () => {
    if (!key) throw new Error(t("confirmAll.noKey"));
    const results = await confirmEverywhere(key, rows.filter((r) => selected.has(r.id)));
    const failed = results.filter((r) => r.error);
    const count = results.length - failed.length;
    setOutcome(failed.length ? t("confirmAll.outcomeFailed", { count: formatNumber(count), failed: formatNumber(failed.length), errors: failed.map((f) => f.error).join("; ") })
      : t("confirmAll.outcome", { count: formatNumber(count) }));
    setSelected(new Set());
    setRefresh((n) => n + 1);
  });

  return (
    <div>
      <PageHeader title={t("confirmAll.title")} />
      <p>{t("confirmAll.check")}</p>
      <ErrorMessage message={error ?? page.error} />
      {outcome && <p role="status">{outcome}</p>}
      <DataTable label={t("confirmAll.title")} rows={rows} rowKey={(r) => r.id} rowLabel={(r) => t("confirmAll.rowLabel", { member: r.email ?? r.userId, client: r.organizationName })}
        selected={selected} onSelectedChange={setSelected}
        columns={[
          { key: "member", header: t("confirmAll.column.member"), cell: (r) => r.email ?? r.userId, wrap: true },
          { key: "client", header: t("confirmAll.column.client"), cell: (r) => r.organizationName },
          { key: "phrase", header: t("confirmAll.column.phrase"), cell: (r) => <code>{r.phrase}</code> },
        ]} />
      <div className="portal-actions">
        <Button type="button" disabled={busy || selected.size === 0} onClick={confirm}>{busy ? t("confirmAll.busy") : t("confirmAll.confirm")}</Button>
        {page.data?.next && <Button type="button" className="secondary" onClick={() => setAfter(page.data!.next)}>{t("portal.nextPage")}</Button>}
      </div>
    </div>
  );
}
