import { formatNumber } from "../../../lib/i18n/format";
import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { DataTable } from "../../../components/ui/data-table";
import { EmptyState } from "../../../components/ui/empty-state";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { PageHeader } from "../../../components/ui/page-header";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { listProviderUsers, reinviteProviderUsers } from "../api/provider-users-api";
import { ProviderUserStatus, providerUserStatusLabel, providerUserTypeLabel, type BulkResult, type ProviderUserDetails } from "../api/provider-types";
import { ConfirmMembersDialog } from "./confirm-members-dialog";
import { InviteMemberDialog } from "./invite-member-dialog";
import { MemberTypeDialog } from "./member-type-dialog";
import { RemoveMembersDialog } from "./remove-members-dialog";
import { useProvider } from "./use-provider";

type Open = { kind: "invite" } | { kind: "confirm" | "remove"; users: ProviderUserDetails[] } | { kind: "type"; user: ProviderUserDetails };

const label = (u: ProviderUserDetails) => u.email ?? u.name ?? u.id;

/** Provider users: invite, confirm with the fingerprint phrase, change type, reinvite, remove; one by one or in bulk. */
export function MembersPage() {
  const { providerId, isAdmin } = useProvider();
  if (!isAdmin) {
    return (
      <div>
        <PageHeader title={t("portal.members.title")} />
        <p>{t("portal.members.adminsOnly")}</p>
      </div>
    );
  }
  return <MembersList providerId={providerId} />;
}

function MembersList({ providerId }: { providerId: string }) {
  const users = useAsync(() => listProviderUsers(providerId), [providerId]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [results, setResults] = useState<Map<string, string>>(new Map());
  const [open, setOpen] = useState<Open | null>(null);
  const reinvite = useSubmit();
  const rows = users.data ?? [];
  const chosen = rows.filter((u) => selected.has(u.id));
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const shown = needle ? rows.filter((u) => `${u.email ?? ""} ${u.name ?? ""}`.toLowerCase().includes(needle)) : rows;

  /** Per-row answers of a bulk call: an empty error means done. */
  function finish(done: BulkResult[] | null) {
    setOpen(null);
    if (done) setResults(new Map(done.map((r) => [r.id, r.error || t("portal.members.done")])));
    setSelected(new Set());
    users.reload();
  }

  const reinviteMany = (targets: ProviderUserDetails[]) =>
    reinvite.handle(async () => finish(await reinviteProviderUsers(providerId, targets.map((u) => u.id))));

  return (
    <div>
      <PageHeader title={t("portal.members.title")}>
        <Button type="button" onClick={() => setOpen({ kind: "invite" })}>{t("portal.members.invite")}</Button>
      </PageHeader>
      {chosen.length > 0 && (
        <div className="portal-toolbar" role="group" aria-label={t("portal.members.selection")}>
          <span>{t("portal.members.selected", { count: formatNumber(chosen.length) })}</span>
          <Button type="button" className="secondary" onClick={() => setOpen({ kind: "confirm", users: chosen })}>{t("portal.members.confirmSelected")}</Button>
          <Button type="button" className="secondary" disabled={reinvite.busy} onClick={reinviteMany(chosen)}>{t("portal.members.reinviteSelected")}</Button>
          <Button type="button" className="danger" onClick={() => setOpen({ kind: "remove", users: chosen })}>{t("portal.members.removeSelected")}</Button>
        </div>
      )}
      <ErrorMessage message={users.error ?? reinvite.error} />
      {users.loading && <Loading label={t("portal.members.loading")} />}
      {rows.length > 0 && (
        <div className="table-toolbar">
          <TextField label={t("portal.members.search")} type="search" value={search} onChange={setSearch} optional />
        </div>
      )}
      {!users.loading && !users.error && rows.length === 0 && (
        <EmptyState title={t("portal.members.empty")}>{t("portal.members.emptyBody")}</EmptyState>
      )}
      {rows.length > 0 && shown.length === 0 && <p>{t("portal.members.noMatch", { search })}</p>}
      {shown.length > 0 && (
        <DataTable label={t("portal.members.table")} rows={shown} rowKey={(u) => u.id} rowLabel={label} selected={selected} onSelectedChange={setSelected}
          initialSort={{ key: "email", direction: "ascending" }}
          columns={[
            { key: "email", header: t("portal.members.email"), wrap: true, sortValue: label,
              cell: (u) => <>{label(u)}{u.name && u.email && <span className="portal-muted"> ({u.name})</span>}</> },
            { key: "type", header: t("portal.members.type"), sortValue: (u) => providerUserTypeLabel[u.type] ?? String(u.type), cell: (u) => providerUserTypeLabel[u.type] ?? u.type },
            { key: "status", header: t("portal.members.status"), sortValue: (u) => u.status, cell: (u) => providerUserStatusLabel[u.status] ?? u.status },
            ...(results.size > 0 ? [{ key: "result", header: t("portal.members.result"), cell: (u: ProviderUserDetails) => results.get(u.id) ?? "" }] : []),
          ]}
          actions={(u) => (
            <>
              {u.status === ProviderUserStatus.Accepted && (
                <Button type="button" className="small" aria-label={t("portal.members.confirmNamed", { name: label(u) })}
                  onClick={() => setOpen({ kind: "confirm", users: [u] })}>{t("portal.confirm")}</Button>
              )}
              {u.status === ProviderUserStatus.Invited && (
                <Button type="button" className="secondary small" aria-label={t("portal.members.reinviteNamed", { name: label(u) })} disabled={reinvite.busy}
                  onClick={reinviteMany([u])}>
                  {t("portal.members.reinvite")}
                </Button>
              )}
            </>
          )}
          menu={(u) => [
            { label: t("portal.members.editType"), onAction: () => setOpen({ kind: "type", user: u }) },
            { label: t("portal.remove"), danger: true, onAction: () => setOpen({ kind: "remove", users: [u] }) },
          ]} />
      )}
      <InviteMemberDialog open={open?.kind === "invite"} providerId={providerId} onClose={() => setOpen(null)} onInvited={() => finish(null)} />
      <ConfirmMembersDialog users={open?.kind === "confirm" ? open.users : null} providerId={providerId} label={label}
        onClose={() => setOpen(null)} onDone={finish} />
      <RemoveMembersDialog users={open?.kind === "remove" ? open.users : null} providerId={providerId} label={label}
        onClose={() => setOpen(null)} onDone={finish} />
      <MemberTypeDialog user={open?.kind === "type" ? open.user : null} providerId={providerId} label={label}
        onClose={() => setOpen(null)} onDone={() => finish(null)} />
    </div>
  );
}
