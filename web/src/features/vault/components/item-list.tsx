import { cipherTypeNames, type CipherView, type VaultData } from "../../../lib/ciphers/cipher-types";

export interface ItemListProps {
  ciphers: CipherView[];
  vault: VaultData;
  onOpen: (cipher: CipherView) => void;
}

function subtitle(c: CipherView): string {
  if (c.login.username) return c.login.username;
  if (c.card.number) return `${c.card.brand || "Card"}, *${c.card.number.slice(-4)}`;
  const name = [c.identity.firstName, c.identity.lastName].filter(Boolean).join(" ");
  return name || c.sshKey.keyFingerprint;
}

/** The filtered items; each opens by a button named exactly by the item's name. */
export function ItemList({ ciphers, vault, onOpen }: ItemListProps) {
  if (ciphers.length === 0) return <p className="vault-empty">No items to list.</p>;
  const owner = (c: CipherView) => vault.organizations.find((o) => o.id === c.organizationId)?.name ?? "My vault";
  return (
    <table className="table vault-items">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Owner</th>
        </tr>
      </thead>
      <tbody>
        {ciphers.map((c) => (
          <tr key={c.id}>
            <td>
              <button type="button" className="link-button vault-item-name" onClick={() => onOpen(c)}>{c.name}</button>
              {c.favorite && <span className="vault-favorite"><span aria-hidden="true"> ★</span><span className="vault-sr-only">(favorite)</span></span>}
              <div className="vault-subtitle">{subtitle(c)}</div>
            </td>
            <td>{cipherTypeNames[c.type] ?? `Type ${c.type}`}</td>
            <td>{owner(c)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
