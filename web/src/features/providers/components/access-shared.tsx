import { useMemo, useState } from "react";
import { DataTable } from "../../../components/ui/data-table";
import { TextField } from "../../../components/ui/text-field";
import { formatDateTime, formatNumber } from "../../../lib/i18n/format";
import { t, type MessageKey } from "../../../lib/i18n/messages";
import { useProfile } from "../../../lib/profile";
import { useAsync } from "../../../lib/use-async";
import type { AccessGrant, Reach } from "../api/access-api";
import { listProviderUsers } from "../api/provider-users-api";
import { ProviderUserStatus, type ProviderUserDetails } from "../api/provider-types";

/** Enough rows to pick from; more of the name narrows a provider with thousands of clients. */
export const PICK_LIMIT = 100;

export interface ClientRef {
  id: string;
  name: string;
}

/** The provider's clients as the profile lists them (it carries every client's name already). */
export function useProviderClients(providerId: string): ClientRef[] {
  const profile = useProfile();
  return useMemo(() => (profile?.providerOrganizations ?? []).filter((o) => o.providerId === providerId)
    .map((o) => ({ id: o.id, name: o.name })).sort((a, b) => a.name.localeCompare(b.name)), [profile, providerId]);
}

/** Confirmed provider users: only they can carry items. */
export function useTechnicians(providerId: string, enabled: boolean) {
  return useAsync(async () => (enabled ? (await listProviderUsers(providerId)).filter((u) => u.status === ProviderUserStatus.Confirmed) : []),
    [providerId, enabled]);
}

export const personLabel = (p: { email: string | null; name?: string | null; id?: string; providerUserId?: string }) =>
  p.email ?? p.name ?? p.id ?? p.providerUserId ?? "";

export const technicianLabel = (u: ProviderUserDetails) => personLabel(u);

export function viaLabel(r: Reach): string {
  if (r.via === "team") return t("access.via.team", { name: r.teamName ?? "" });
  if (r.via === "grant") return t("access.via.grant", { time: r.expiresAt ? formatDateTime(r.expiresAt) : "" });
  return t("access.via.assigned");
}

export const statusLabel = (g: AccessGrant) => t(`access.status.${g.status}` as MessageKey);

export function durationLabel(minutes: number): string {
  return minutes % 60 === 0 ? t("access.hours", { count: formatNumber(minutes / 60) }) : t("access.minutes", { count: formatNumber(minutes) });
}

export function awaitsLabel(g: AccessGrant): string {
  if (g.awaitsProvider && g.awaitsClient) return t("access.awaits.both");
  return g.awaitsClient ? t("access.awaits.client") : t("access.awaits.provider");
}

/** Filters a list by a search box, shows at most PICK_LIMIT matches, and says when there are more. */
export function useFiltered<T>(items: readonly T[], text: (item: T) => string) {
  const [search, setSearch] = useState("");
  const needle = search.trim().toLowerCase();
  const matches = needle ? items.filter((i) => text(i).toLowerCase().includes(needle)) : items;
  return { search, setSearch, shown: matches.slice(0, PICK_LIMIT), more: matches.length > PICK_LIMIT };
}

/** A searchable, selectable table of the provider's clients (bulk assignment, a team's clients). */
export function ClientChecklist({ clients, selected, onSelectedChange, label }: {
  clients: readonly ClientRef[]; selected: ReadonlySet<string>; onSelectedChange: (s: Set<string>) => void; label: string;
}) {
  const { search, setSearch, shown, more } = useFiltered(clients, (c) => c.name);
  // Selections outside the current search stay selected: the table only replaces the rows it shows.
  const change = (next: Set<string>) => {
    const kept = [...selected].filter((id) => !shown.some((c) => c.id === id));
    onSelectedChange(new Set([...kept, ...next]));
  };
  return (
    <>
      <TextField label={t("access.findClient")} type="search" value={search} onChange={setSearch} optional />
      {shown.length === 0 && <p>{t("access.noClientMatches")}</p>}
      {shown.length > 0 && (
        <DataTable label={label} rows={shown} rowKey={(c) => c.id} rowLabel={(c) => c.name} selected={selected} onSelectedChange={change}
          columns={[{ key: "name", header: t("access.client"), cell: (c) => c.name, sortValue: (c) => c.name }]} />
      )}
      {more && <p className="portal-muted">{t("access.moreClients", { count: formatNumber(PICK_LIMIT) })}</p>}
    </>
  );
}

/** A selectable table of technicians (a client's bulk assignment, a team's members). */
export function TechnicianChecklist({ technicians, selected, onSelectedChange, label }: {
  technicians: readonly ProviderUserDetails[]; selected: ReadonlySet<string>; onSelectedChange: (s: Set<string>) => void; label: string;
}) {
  if (technicians.length === 0) return <p>{t("assignments.noTechnicians")}</p>;
  return (
    <DataTable label={label} rows={technicians} rowKey={(u) => u.id} rowLabel={technicianLabel} selected={selected} onSelectedChange={onSelectedChange}
      columns={[{ key: "email", header: t("access.technician"), wrap: true, cell: technicianLabel, sortValue: technicianLabel }]} />
  );
}
