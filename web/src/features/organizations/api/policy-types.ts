/** The policies this server enforces or hands to clients (Policy.cs, PolicyRules.cs), with the options it accepts. */

export type PolicyOption =
  | { key: string; label: string; kind: "bool" }
  | { key: string; label: string; kind: "number"; min: number; max: number }
  | { key: string; label: string; kind: "select"; options: readonly { value: string; label: string }[] };

export interface PolicyKind {
  type: number;
  name: string;
  description: string;
  options: readonly PolicyOption[];
}

const bool = (key: string, label: string): PolicyOption => ({ key, label, kind: "bool" });
const num = (key: string, label: string, min: number, max: number): PolicyOption => ({ key, label, kind: "number", min, max });

export const policyKinds: readonly PolicyKind[] = [
  {
    type: 0, name: "Require two-step login",
    description: "Members must set up two-step login. Turning this on revokes every member without it, owners and admins "
      + "included (you need it yourself first); they are emailed, and can be restored once they turn it on.",
    options: [],
  },
  {
    type: 1, name: "Master password requirements", description: "Minimum strength and length of members' master passwords.",
    options: [
      { key: "minComplexity", label: "Minimum complexity score", kind: "select", options: [
        { value: "", label: "None" }, { value: "0", label: "0 (weak)" }, { value: "1", label: "1" }, { value: "2", label: "2" },
        { value: "3", label: "3 (good)" }, { value: "4", label: "4 (strong)" },
      ] },
      num("minLength", "Minimum length", 12, 128),
      bool("requireUpper", "Require uppercase (A-Z)"), bool("requireLower", "Require lowercase (a-z)"),
      bool("requireNumbers", "Require numbers (0-9)"), bool("requireSpecial", "Require special characters (!@#$%^&*)"),
      bool("enforceOnLogin", "Require existing members to change weak passwords at login"),
    ],
  },
  {
    type: 2, name: "Password generator", description: "Minimum settings for members' password generator.",
    options: [
      { key: "overridePasswordType", label: "Default type", kind: "select", options: [
        { value: "", label: "Member preference" }, { value: "password", label: "Password" }, { value: "passphrase", label: "Passphrase" },
      ] },
      num("minLength", "Minimum password length", 5, 128),
      bool("useUpper", "Uppercase (A-Z)"), bool("useLower", "Lowercase (a-z)"), bool("useNumbers", "Numbers (0-9)"),
      bool("useSpecial", "Special characters (!@#$%^&*)"), num("minNumbers", "Minimum numbers", 0, 9),
      num("minSpecial", "Minimum special characters", 0, 9), num("minNumberWords", "Minimum number of words", 3, 20),
      bool("capitalize", "Capitalize words"), bool("includeNumber", "Include a number in passphrases"),
    ],
  },
  { type: 3, name: "Single organization", description: "Members cannot join other organizations.", options: [] },
  { type: 5, name: "Enforce organization data ownership", description: "Members cannot save items to their individual vault.", options: [] },
  { type: 6, name: "Remove Send", description: "Members cannot create or edit Sends.", options: [] },
  { type: 7, name: "Send options", description: "Options for creating and editing Sends.", options: [bool("disableHideEmail", "Always show the member's email address to recipients")] },
  {
    type: 9, name: "Vault timeout", description: "The longest vault timeout members may set (needs Single organization).",
    options: [
      num("minutes", "Maximum timeout in minutes", 1, 525600),
      { key: "action", label: "Timeout action", kind: "select", options: [
        { value: "", label: "Member preference" }, { value: "lock", label: "Lock" }, { value: "logOut", label: "Log out" },
      ] },
    ],
  },
  { type: 10, name: "Remove individual vault export", description: "Members cannot export their individual vault.", options: [] },
  { type: 11, name: "Activate auto-fill", description: "Turn on auto-fill on page load for members' browser extensions.", options: [] },
  { type: 14, name: "Remove unlock with PIN", description: "Members cannot unlock with a PIN.", options: [] },
  { type: 15, name: "Remove card item type", description: "Members cannot create card items.", options: [] },
];

/** Form values (strings) into the data the server takes; empty fields are left out. */
export function policyData(kind: PolicyKind, values: Record<string, string | boolean>): Record<string, unknown> | null {
  if (kind.options.length === 0) return null;
  const data: Record<string, unknown> = {};
  for (const o of kind.options) {
    const v = values[o.key];
    if (o.kind === "bool") data[o.key] = v === true;
    else if (typeof v === "string" && v !== "") data[o.key] = o.kind === "number" || o.key === "minComplexity" ? Number(v) : v;
  }
  return data;
}

/** The server's data back into form values. */
export function policyValues(kind: PolicyKind, data: Record<string, unknown> | null): Record<string, string | boolean> {
  const values: Record<string, string | boolean> = {};
  for (const o of kind.options) {
    const v = data?.[o.key];
    values[o.key] = o.kind === "bool" ? v === true : v === undefined || v === null ? "" : String(v);
  }
  return values;
}
