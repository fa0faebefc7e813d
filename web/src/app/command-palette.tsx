import { useEffect, useMemo, useState } from "react";
import { Autocomplete, Dialog, Input, Menu, MenuItem, Modal, ModalOverlay, SearchField, useFilter } from "react-aria-components";
import { useNavigate } from "react-router";
import { portalPages } from "../features/providers/portal-pages";
import { loadVault } from "../features/vault/api/vault-api";
import { t, type MessageKey } from "../lib/i18n/messages";
import { administeredOrganizations, useProfile, type Profile } from "../lib/profile";
import { fetchMemberTargets } from "./member-targets";

interface Target { id: string; kind: MessageKey; label: string; detail?: string; to: string }

const consolePages = [["members", "Members"], ["groups", "Groups"], ["collections", "Collections"], ["policies", "Policies"],
  ["events", "Event log"], ["reports", "Reports"], ["import", "Import"], ["export", "Export"], ["settings", "Settings"]] as const;

/** Everything the profile names: products, their pages, clients. Items and members are added once fetched. */
function staticTargets(profile: Profile): Target[] {
  const targets: Target[] = [{ id: "vault", kind: "palette.page", label: "Vault", to: "/vault" },
    { id: "sends", kind: "palette.page", label: "Send", to: "/vault/sends" },
    { id: "new-org", kind: "palette.page", label: "New organization", to: "/organizations/new" }];
  for (const p of profile.providers) {
    for (const [path, name] of portalPages) targets.push({ id: `p-${p.id}-${path}`, kind: "palette.provider", label: `${p.name} › ${name}`, to: `/providers/${p.id}/${path}` });
  }
  for (const o of profile.providerOrganizations) {
    targets.push({ id: `c-${o.id}`, kind: "palette.client", label: o.name, detail: o.providerName ?? undefined, to: `/organizations/${o.id}/members` });
  }
  const clients = new Set(profile.providerOrganizations.map((o) => o.id));
  for (const o of administeredOrganizations(profile).filter((o) => !clients.has(o.id))) {
    for (const [path, name] of consolePages) targets.push({ id: `o-${o.id}-${path}`, kind: "palette.organization", label: `${o.name} › ${name}`, to: `/organizations/${o.id}/${path}` });
  }
  return targets;
}

/**
 * Ctrl/Cmd+K: jump to a page, client, org or provider member, or vault item the user may see. Item names are decrypted here
 * in the browser, from the same sync the vault uses; nothing is sent to the server to search.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const profile = useProfile();
  const navigate = useNavigate();
  const { contains } = useFilter({ sensitivity: "base" });
  const [fetched, setFetched] = useState<Target[]>([]);

  useEffect(() => {
    let live = true;
    const add = (more: Target[]) => live && setFetched((prev) => [...prev, ...more]);
    loadVault().then((v) => add(v.ciphers.filter((c) => c.id && !c.deletedDate).map((c) => ({
      id: `i-${c.id}`, kind: "palette.item" as const, label: c.name, detail: c.login?.username || undefined, to: `/vault?item=${c.id}` }))),
    () => undefined);
    const closed = new AbortController();
    if (profile) void fetchMemberTargets(profile, (members) => add(members.map((m) => ({ ...m, kind: "palette.member" as const }))), closed.signal);
    return () => {
      live = false;
      closed.abort();
    };
  }, [profile]);

  const targets = useMemo(() => [...(profile ? staticTargets(profile) : []), ...fetched], [profile, fetched]);

  return (
    <ModalOverlay isOpen isDismissable onOpenChange={(open) => !open && onClose()} className="palette-overlay">
      <Modal className="dialog palette">
        <Dialog aria-label={t("palette.title")} className="palette-body">
          <Autocomplete filter={(text, input) => contains(text, input)}>
            <SearchField aria-label={t("palette.title")} autoFocus>
              <Input placeholder={t("palette.placeholder")} />
            </SearchField>
            <Menu className="menu palette-list" items={targets} renderEmptyState={() => <p className="menu-hint">{t("palette.empty")}</p>}
              onAction={(key) => {
                const target = targets.find((x) => x.id === key);
                onClose();
                if (target) navigate(target.to);
              }}>
              {(x) => (
                // Plain content, so the item's accessible name is all of its visible text.
                <MenuItem id={x.id} textValue={`${x.label} ${x.detail ?? ""}`} className="menu-item">
                  <span>{x.label}</span>
                  <span className="portal-muted">{t(x.kind)}{x.detail ? ` · ${x.detail}` : ""}</span>
                </MenuItem>
              )}
            </Menu>
          </Autocomplete>
          <p className="palette-footer">{t("palette.hint")}</p>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
