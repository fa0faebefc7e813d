import { t, type MessageKey } from "../../../lib/i18n/messages";

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

type PolicyId = "twoStepLogin" | "masterPassword" | "generator" | "singleOrg" | "dataOwnership" | "removeSend" | "sendOptions"
  | "vaultTimeout" | "removeExport" | "autofill" | "removePin" | "removeCard";
type Sub<Id extends PolicyId> = Extract<MessageKey, `policy.${Id}.${string}`> extends `policy.${Id}.${infer S}` ? S : never;

/** A policy's name and description are the catalogue's policy.{id} and policy.{id}.description. */
const policy = (type: number, id: PolicyId, options: readonly PolicyOption[] = []): PolicyKind =>
  ({ type, name: t(`policy.${id}`), description: t(`policy.${id}.description`), options });
const bool = <Id extends PolicyId>(id: Id, key: Sub<Id>): PolicyOption =>
  ({ key, label: t(`policy.${id}.${key}` as MessageKey), kind: "bool" });
const num = <Id extends PolicyId>(id: Id, key: Sub<Id>, min: number, max: number): PolicyOption =>
  ({ key, label: t(`policy.${id}.${key}` as MessageKey), kind: "number", min, max });
const memberPreference = { value: "", label: t("policy.memberPreference") };

export const policyKinds: readonly PolicyKind[] = [
  policy(0, "twoStepLogin"),
  policy(1, "masterPassword", [
    { key: "minComplexity", label: t("policy.masterPassword.minComplexity"), kind: "select", options: [
      { value: "", label: t("policy.masterPassword.complexityNone") }, { value: "0", label: t("policy.masterPassword.complexityWeak") },
      { value: "1", label: "1" }, { value: "2", label: "2" },
      { value: "3", label: t("policy.masterPassword.complexityGood") }, { value: "4", label: t("policy.masterPassword.complexityStrong") },
    ] },
    num("masterPassword", "minLength", 12, 128),
    bool("masterPassword", "requireUpper"), bool("masterPassword", "requireLower"),
    bool("masterPassword", "requireNumbers"), bool("masterPassword", "requireSpecial"),
    bool("masterPassword", "enforceOnLogin"),
  ]),
  policy(2, "generator", [
    { key: "overridePasswordType", label: t("policy.generator.overridePasswordType"), kind: "select", options: [
      memberPreference, { value: "password", label: t("policy.generator.password") }, { value: "passphrase", label: t("policy.generator.passphrase") },
    ] },
    num("generator", "minLength", 5, 128),
    bool("generator", "useUpper"), bool("generator", "useLower"), bool("generator", "useNumbers"),
    bool("generator", "useSpecial"), num("generator", "minNumbers", 0, 9),
    num("generator", "minSpecial", 0, 9), num("generator", "minNumberWords", 3, 20),
    bool("generator", "capitalize"), bool("generator", "includeNumber"),
  ]),
  policy(3, "singleOrg"),
  policy(5, "dataOwnership"),
  policy(6, "removeSend"),
  policy(7, "sendOptions", [bool("sendOptions", "disableHideEmail")]),
  policy(9, "vaultTimeout", [
    num("vaultTimeout", "minutes", 1, 525600),
    { key: "action", label: t("policy.vaultTimeout.action"), kind: "select", options: [
      memberPreference, { value: "lock", label: t("policy.vaultTimeout.lock") }, { value: "logOut", label: t("policy.vaultTimeout.logOut") },
    ] },
  ]),
  policy(10, "removeExport"),
  policy(11, "autofill"),
  policy(14, "removePin"),
  policy(15, "removeCard"),
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
