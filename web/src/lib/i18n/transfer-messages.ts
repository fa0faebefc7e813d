/**
 * The catalogue's part for carrying items between clients (a technician's Copy to client / Move to client). Spread
 * into messages.ts, so keys and {placeholders} work as everywhere else.
 */
export const transferMessages = {
  "transfer.copyAction": "Copy to client…",
  "transfer.selectColumn": "Select",
  "transfer.select": "Select {name}",
  "transfer.copySelected": "Copy {count} selected to client…",
  "transfer.moveSelected": "Move {count} selected to client…",
  "transfer.copyManyTitle": "Copy {count} items to another client",
  "transfer.moveManyTitle": "Move {count} items to another client",
  "transfer.moveAction": "Move to client…",
  "transfer.copyTitle": "Copy {name} to another client",
  "transfer.moveTitle": "Move {name} to another client",
  "transfer.target": "Target client",
  "transfer.chooseTarget": "Choose a client",
  "transfer.noTargets": "No other client of this provider whose items you carry has a collection you may add to.",
  "transfer.collections": "Collections of the target client",
  "transfer.needCollection": "Choose at least one collection.",
  "transfer.moveNote": "Moving deletes the original for good once its copy, attachments included, is in the target client. Both clients' logs record it.",
  "transfer.copyNote": "The copy is encrypted here for the target client; the original stays. Both clients' logs record it.",
  "transfer.copy": "Copy",
  "transfer.move": "Move",
  "transfer.progress": "Items done",
  "transfer.results": "Results",
  "transfer.itemDone": "{name}: done",
  "transfer.itemFailed": "{name}: stayed where it was ({reason})",
  "transfer.noKey": "You hold no key for this client.",
  "transfer.undecryptable": "This item could not be decrypted.",
  "transfer.copied": "Copied {count} item(s) to the other client",
  "transfer.moved": "Moved {count} item(s) to the other client",
} as const;
