import type { ReactNode } from "react";
import { Link } from "react-router";
import { filterToQuery, type VaultFilter } from "../api/vault-filter";
import { CipherType, cipherTypeNames, type VaultData } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";

export interface VaultFiltersProps {
  vault: VaultData;
  current: VaultFilter;
  onEditFolder: (folder: { id: string; name: string } | null) => void;
}

function FilterLink({ filter, current, children, extra }: {
  filter: VaultFilter; current: VaultFilter; children: string; extra?: ReactNode;
}) {
  const active = filterToQuery(filter) === filterToQuery(current);
  return (
    <li className={extra ? "vault-folder-row" : undefined}>
      <Link to={{ search: filterToQuery(filter) }} aria-current={active ? "page" : undefined} className={active ? "active" : undefined}>
        {children}
      </Link>
      {extra}
    </li>
  );
}

function PencilIcon() {
  return (
    <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M11.5 1.5 14.5 4.5 5 14H2v-3L11.5 1.5Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
    </svg>
  );
}

/** The vault's sidebar: everything, favorites, types, folders, owners, collections and the trash, each a link. */
export function VaultFilters({ vault, current, onEditFolder }: VaultFiltersProps) {
  const orgName = (id: string) => vault.organizations.find((o) => o.id === id)?.name ?? "";
  const manyOrgs = new Set(vault.collections.map((c) => c.organizationId)).size > 1;
  return (
    <aside className="sidebar vault-filters">
      <nav aria-label={t("vault.filters")}>
        <ul>
          <FilterLink filter={{ kind: "all" }} current={current}>{t("vault.allItems")}</FilterLink>
          <FilterLink filter={{ kind: "favorites" }} current={current}>{t("vault.favorites")}</FilterLink>
        </ul>
        <h2>{t("vault.types")}</h2>
        <ul>
          {Object.values(CipherType).map((type) => (
            <FilterLink key={type} filter={{ kind: "type", type }} current={current}>{cipherTypeNames[type]!}</FilterLink>
          ))}
        </ul>
        {vault.organizations.length > 0 && (
          <>
            <h2>{t("vault.vaults")}</h2>
            <ul>
              <FilterLink filter={{ kind: "organization", organizationId: null }} current={current}>{t("vault.myVault")}</FilterLink>
              {vault.organizations.map((o) => (
                <FilterLink key={o.id} filter={{ kind: "organization", organizationId: o.id }} current={current}>{o.name}</FilterLink>
              ))}
            </ul>
          </>
        )}
        <h2>{t("vault.folders")}</h2>
        <ul>
          {vault.folders.map((f) => (
            <FilterLink key={f.id} filter={{ kind: "folder", folderId: f.id }} current={current}
              extra={<button type="button" className="icon-button" aria-label={t("vault.editFolder", { name: f.name })} title={t("vault.editFolder", { name: f.name })}
                onClick={() => onEditFolder(f)}><PencilIcon /></button>}>
              {f.name}
            </FilterLink>
          ))}
          <FilterLink filter={{ kind: "folder", folderId: null }} current={current}>{t("vault.noFolder")}</FilterLink>
        </ul>
        <button type="button" className="link-button" onClick={() => onEditFolder(null)}>{t("vault.newFolder")}</button>
        {vault.collections.length > 0 && (
          <>
            <h2>{t("vault.collections")}</h2>
            <ul>
              {vault.collections.map((c) => (
                <FilterLink key={c.id} filter={{ kind: "collection", collectionId: c.id }} current={current}>
                  {manyOrgs ? t("vault.collectionInOrg", { name: c.name, organization: orgName(c.organizationId) }) : c.name}
                </FilterLink>
              ))}
            </ul>
          </>
        )}
        <ul className="vault-trash-link">
          <FilterLink filter={{ kind: "trash" }} current={current}>{t("vault.trash")}</FilterLink>
        </ul>
      </nav>
    </aside>
  );
}
