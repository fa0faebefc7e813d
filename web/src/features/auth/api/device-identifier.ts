const storageKey = "custodian.deviceIdentifier";

/** A stable id per browser, so the server lists one device rather than one per login. */
export function getDeviceIdentifier(storage: Pick<Storage, "getItem" | "setItem"> = globalThis.localStorage): string {
  let id = storage.getItem(storageKey);
  if (!id) {
    id = globalThis.crypto.randomUUID();
    storage.setItem(storageKey, id);
  }
  return id;
}
