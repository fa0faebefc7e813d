import { EmptyState } from "../../../components/ui/empty-state";
import { cipherTypeNames, type CipherView, type VaultData } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";

export interface ItemListProps {
  ciphers: CipherView[];
  vault: VaultData;
  onOpen: (cipher: CipherView) => void;
  /** Items picked for a bulk action (client items a technician may copy or move); no column without it. */
  selection?: { ids: ReadonlySet<string>; selectable: (cipher: CipherView) => boolean; onToggle: (cipher: CipherView, on: boolean) => void };
}

function subtitle(c: CipherView): string {
  if (c.login.username) return c.login.username;
  if (c.card.number) return `${c.card.brand || t("vault.card")}, *${c.card.number.slice(-4)}`;
  const name = [c.identity.firstName, c.identity.lastName].filter(Boolean).join(" ");
  return name || c.sshKey.keyFingerprint;
}

/** The host of a login's first web address, whose icon the server fetches (GET /icons/{host}/icon.png). */
export function iconHost(c: CipherView): string | null {
  for (const { uri } of c.login.uris ?? []) {
    try {
      const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(uri) ? uri : `https://${uri}`);
      if ((url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".")) return url.hostname;
    } catch {
      // not a URL: no icon
    }
  }
  return null;
}

/** The site's icon when the server has one; a missing icon simply leaves the space empty. */
function SiteIcon({ cipher }: { cipher: CipherView }) {
  const host = iconHost(cipher);
  if (!host) return <span className="vault-icon" aria-hidden="true" />;
  return <img className="vault-icon" src={`/icons/${encodeURIComponent(host)}/icon.png`} alt="" loading="lazy" width={24} height={24}
    onError={(e) => { e.currentTarget.style.visibility = "hidden"; }} />;
}

/** The filtered items; each opens by a button named exactly by the item's name. */
export function ItemList({ ciphers, vault, onOpen, selection }: ItemListProps) {
  if (ciphers.length === 0) {
    return vault.ciphers.length === 0
      ? <EmptyState title={t("vault.empty.title")}>{t("vault.empty.body")}</EmptyState>
      : <p className="vault-empty">{t("vault.noItems")}</p>;
  }
  const owner = (c: CipherView) => vault.organizations.find((o) => o.id === c.organizationId)?.name ?? t("vault.myVault");
  return (
    <div className="table-wrap">
    <table className="table vault-items">
      <thead>
        <tr>
          {selection && <th scope="col"><span className="vault-sr-only">{t("transfer.selectColumn")}</span></th>}
          <th scope="col">{t("vault.column.name")}</th>
          <th scope="col">{t("vault.column.type")}</th>
          <th scope="col">{t("vault.column.owner")}</th>
        </tr>
      </thead>
      <tbody>
        {ciphers.map((c) => (
          <tr key={c.id}>
            {selection && (
              <td>
                {selection.selectable(c) && (
                  <input type="checkbox" aria-label={t("transfer.select", { name: c.name })} checked={selection.ids.has(c.id!)}
                    onChange={(e) => selection.onToggle(c, e.target.checked)} />
                )}
              </td>
            )}
            <td>
              <div className="vault-item-cell">
                <SiteIcon cipher={c} />
                <div>
                  <button type="button" className="link-button vault-item-name" onClick={() => onOpen(c)}>{c.name}</button>
                  {c.favorite && <span className="vault-favorite"><span aria-hidden="true"> ★</span><span className="vault-sr-only">{t("item.favoriteMark")}</span></span>}
                  <div className="vault-subtitle">{subtitle(c)}</div>
                </div>
              </div>
            </td>
            <td>{cipherTypeNames[c.type] ?? t("vault.typeNumber", { type: c.type })}</td>
            <td>{owner(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
    </div>
  );
}
