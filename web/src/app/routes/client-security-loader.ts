import { exposedItemIds, securityByClient, type CarriedItem, type ClientSecurity } from "../../features/reports/api/client-security";
import { loadVault } from "../../features/vault/api/vault-api";

/**
 * The provider dashboard's security view: the client items this technician carries (their sync), decrypted in the
 * browser and judged by the reports' rules; exposure only when the operator allows the range queries.
 */
export async function loadClientSecurity(checkExposed: boolean): Promise<ClientSecurity[]> {
  const vault = await loadVault();
  const items: CarriedItem[] = vault.ciphers
    .filter((c) => c.organizationId && c.type === 1 && !c.deletedDate && !c.decryptionFailed)
    .map((c) => ({
      id: c.id ?? "", organizationId: c.organizationId ?? "", name: c.name, username: c.login.username, password: c.login.password,
      totp: c.login.totp, uris: c.login.uris.map((u) => u.uri).filter(Boolean),
    }));
  return securityByClient(items, checkExposed ? await exposedItemIds(items) : undefined);
}
