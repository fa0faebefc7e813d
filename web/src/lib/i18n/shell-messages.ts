/** The header, the invitation and login routes, and messages shared by several areas. Spread into messages.ts. */
export const shellMessages = {
  "shortcut.ctrlK": "Ctrl K",
  "join.title": "Join organization",
  "join.theOrganization": "the organization",
  "join.joining": "Joining {name}…",
  "join.done": "You joined {name}. An administrator must confirm you before you can see its items.",
  "join.goToVault": "Go to your vault",
  "login.backToLogIn": "Back to log in",
  "emergency.contactNoKeyPair": "This contact has no key pair yet.",
  "attachment.download": "Download {name}",
  "attachment.delete": "Delete attachment {name}",
  "attachment.badFormat": "The file is not in a format this vault can decrypt.",
  "api.cannotReach": "Cannot reach the server.",
  "api.failedWithStatus": "Request failed with status {status}.",
} as const;
