import type { EventNames, EventRecord } from "./event-types";

/**
 * The last 8 characters of an id it cannot name. Not the first 8, as Bitwarden shows them: our ids are
 * time-ordered (UUIDv7), so everything made in the same minute starts alike.
 */
export function shortId(id: string | null | undefined): string {
  return id ? id.slice(-8) : "unknown";
}

function named(map: ReadonlyMap<string, string> | undefined, id: string | null | undefined): string {
  return (id && map?.get(id)) || shortId(id);
}

type Describe = (e: EventRecord, n: EventNames) => string;

const item: (verb: string) => Describe = (verb) => (e, n) => `${verb} item ${named(n.items, e.cipherId)}`;
const itemThen: (verb: string, rest: string) => Describe = (verb, rest) => (e, n) => `${item(verb)(e, n)} ${rest}`;
const collection: (verb: string) => Describe = (verb) => (e, n) =>
  `${verb} collection ${named(n.collections, e.collectionId)}`;
const group: (verb: string) => Describe = (verb) => (e, n) => `${verb} group ${named(n.groups, e.groupId)}`;
const member: (verb: string) => Describe = (verb) => (e, n) =>
  `${verb} user ${named(n.members, e.organizationUserId)}`;
const providerUser: (verb: string) => Describe = (verb) => (e, n) =>
  `${verb} provider user ${named(n.members, e.providerUserId)}`;
const clientOrg: (verb: string) => Describe = (verb) => (e, n) =>
  `${verb} organization ${named(n.organizations, e.organizationId ?? e.providerOrganizationId)}`;
/** Provider access (Custodian's own 95xx numbers): the technician, the client, and the reason when there is one. */
const providerAccess: (verb: string) => Describe = (verb) => (e, n) => {
  const who = named(n.members, e.providerUserId ?? e.userId);
  const reason = e.reason ? ` (reason: ${e.reason})` : "";
  return `${verb.replace("{technician}", who)} ${named(n.organizations, e.organizationId)}${reason}`;
};
const fixed: (text: string) => Describe = (text) => () => text;

/** Human messages for the event type numbers of Features/Events/EventType.cs (Bitwarden's numbering, and Custodian's 95xx). */
const DESCRIPTIONS: Readonly<Record<number, Describe>> = {
  1000: fixed("Logged in"),
  1001: fixed("Changed account password"),
  1002: fixed("Enabled or updated two-step login"),
  1003: fixed("Disabled two-step login"),
  1004: fixed("Recovered account from two-step login"),
  1005: fixed("Login attempt failed with incorrect password"),
  1006: fixed("Login attempt failed with incorrect two-step login"),
  1007: fixed("Exported vault"),
  1100: item("Created"),
  1101: item("Edited"),
  1102: item("Permanently deleted"),
  1103: item("Created attachment for"),
  1104: item("Deleted attachment for"),
  1105: item("Moved to the organization"),
  1106: item("Edited collections for"),
  1107: item("Viewed"),
  1108: item("Viewed password for"),
  1109: item("Viewed hidden field for"),
  1110: item("Viewed security code for"),
  1111: item("Copied password for"),
  1112: item("Copied hidden field for"),
  1113: item("Copied security code for"),
  1114: item("Auto-filled"),
  1115: item("Sent to trash"),
  1116: item("Restored"),
  1117: item("Viewed card number for"),
  1300: collection("Created"),
  1301: collection("Edited"),
  1302: collection("Deleted"),
  1400: group("Created"),
  1401: group("Edited"),
  1402: group("Deleted"),
  1500: member("Invited"),
  1501: member("Confirmed"),
  1502: member("Edited"),
  1503: member("Removed"),
  1504: member("Edited groups for"),
  1511: member("Revoked access for"),
  1512: member("Restored access for"),
  1516: member("Left organization:"),
  1600: fixed("Edited organization settings"),
  1601: fixed("Purged organization vault"),
  1602: fixed("Exported organization vault"),
  1603: fixed("Accessed organization vault"),
  1609: fixed("Updated collection management settings"),
  1690: fixed("Deleted organization"),
  1700: (e) => `Updated policy ${shortId(e.policyId)}`,
  1800: providerUser("Invited"),
  1801: providerUser("Confirmed"),
  1802: providerUser("Edited"),
  1803: providerUser("Removed"),
  1900: clientOrg("Created"),
  1901: clientOrg("Added"),
  1902: clientOrg("Removed"),
  1903: clientOrg("Accessed the vault of"),
  9500: providerAccess("Assigned technician {technician} to organization"),
  9501: providerAccess("Unassigned technician {technician} from organization"),
  9502: providerAccess("Technician {technician} requested access to organization"),
  9503: providerAccess("Approved access of technician {technician} to organization"),
  9504: providerAccess("Denied access of technician {technician} to organization"),
  9505: providerAccess("Revoked access of technician {technician} to organization"),
  9506: providerAccess("Time-boxed access of technician {technician} expired for organization"),
  9507: providerAccess("Technician {technician} first used time-boxed access to organization"),
  // A technician carried an item between clients; each client's row names only its own item, never the other client.
  9900: itemThen("Copied", "to another client"),
  9901: itemThen("Moved", "to another client"),
  9902: itemThen("Created", "by copy from another client"),
  9903: itemThen("Created", "by move from another client"),
  9800: fixed("Required two-step login for all provider members"),
  9801: fixed("Stopped requiring two-step login for provider members"),
};

export function describeEvent(event: EventRecord, names: EventNames = {}): string {
  const describe = DESCRIPTIONS[event.type];
  return describe ? describe(event, names) : `Unknown event (type ${event.type})`;
}

/** The event types offered in the log's type filter, in numeric order. */
export const KNOWN_EVENT_TYPES: readonly number[] = Object.keys(DESCRIPTIONS).map(Number);
