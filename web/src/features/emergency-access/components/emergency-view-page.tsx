import { Link, useParams, useSearchParams } from "react-router";
import { DataTable } from "../../../components/ui/data-table";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import type { AttachmentView, CipherView } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { saveFile } from "../../../lib/save-file";
import { downloadGrantorFile, viewVault, type GrantorVault } from "../api/emergency-access-api";

/** The grantor's items and files, read-only, decrypted in this browser with the grantor's key the grantee's private key opens. */
export function EmergencyViewPage() {
  const { id = "" } = useParams();
  const [q] = useSearchParams();
  const vault = useAsync(() => viewVault(id), [id]);
  const download = useSubmit();
  const name = q.get("name") ?? "";
  const items = vault.data?.ciphers ?? [];
  const files = (v: GrantorVault, c: CipherView) => c.attachments.map((a: AttachmentView) => (
    <button key={a.id} type="button" className="link-button" disabled={download.busy}
      onClick={download.handle(async () => saveFile(await downloadGrantorFile(id, v, c, a), a.fileName))}>
      {t("emergency.downloadFile", { name: a.fileName })}
    </button>
  ));
  return (
    <div className="stack">
      <PageHeader title={t("emergency.viewTitle", { name })} />
      <Link to="/settings/emergency-access">{t("emergency.back")}</Link>
      <ErrorMessage message={vault.error ?? download.error} />
      {vault.loading ? <Loading /> : items.length === 0 ? <EmptyState title={t("emergency.noItems")} /> : (
        <DataTable label={t("emergency.viewTitle", { name })} rows={items} rowKey={(c) => c.id ?? ""} rowLabel={(c) => c.name}
          columns={[
            { key: "name", header: t("emergency.itemName"), cell: (c) => c.name, sortValue: (c) => c.name },
            { key: "username", header: t("emergency.itemUsername"), cell: (c) => c.login.username ?? "" },
            { key: "files", header: t("emergency.itemFiles"), cell: (c) => (vault.data ? files(vault.data, c) : null) },
          ]} />
      )}
    </div>
  );
}
