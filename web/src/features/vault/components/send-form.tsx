import { useState, type FormEvent } from "react";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { SelectField } from "../../../components/ui/select-field";
import { SubmitRow } from "../../../components/ui/submit-row";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { useSubmit } from "../../../lib/use-submit";
import { TextAreaField } from "./text-area-field";
import { SendType, type SendDraft, type SendView } from "../api/send-api";

/** A datetime-local input's value (local time, to the minute) for an instant, and back. */
function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
const fromLocalInput = (value: string) => (value ? new Date(value).toISOString() : null);

const DAY = 24 * 60 * 60 * 1000;

function draftOf(send: SendView | null): SendDraft {
  return {
    type: send?.type ?? SendType.Text, name: send?.name ?? "", notes: send?.notes ?? "", text: send?.text ?? "",
    hidden: send?.hidden ?? false, file: null, password: "", maxAccessCount: send?.maxAccessCount ?? null,
    expirationDate: send?.expirationDate ?? null,
    // Bitwarden's default: deleted after a week.
    deletionDate: send?.deletionDate ?? new Date(Date.now() + 7 * DAY).toISOString(),
    disabled: send?.disabled ?? false, hideEmail: send?.hideEmail ?? false,
  };
}

/** Creating or editing a text or file Send: the type and the file are fixed once created. */
export function SendForm({ send, onSave, onCancel, hideEmailForbidden = false }: {
  send: SendView | null; onSave: (draft: SendDraft) => Promise<void>; onCancel: () => void;
  /** An org's "Send options" policy: the sender's address must stay visible. */
  hideEmailForbidden?: boolean;
}) {
  // A Send saved before the policy keeps its box checked until edited; saving it shown is what the policy wants.
  const [draft, setDraft] = useState(() => ({ ...draftOf(send), ...(hideEmailForbidden ? { hideEmail: false } : {}) }));
  const submit = useSubmit();
  const set = <K extends keyof SendDraft>(key: K, value: SendDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const missing = !draft.name.trim() ? t("send.nameRequired")
    : !send && draft.type === SendType.File && !draft.file ? t("send.fileRequired")
      : !draft.deletionDate ? t("send.deletionRequired") : null;
  const onSubmit = (e: FormEvent) => submit.handle(() => onSave(draft))(e);

  return (
    <form onSubmit={onSubmit}>
      {!send && (
        <SelectField label={t("send.type")} value={String(draft.type)} onChange={(v) => set("type", Number(v) as SendType)}
          options={[{ value: String(SendType.Text), label: t("send.typeText") }, { value: String(SendType.File), label: t("send.typeFile") }]} />
      )}
      <TextField label={t("send.name")} value={draft.name} onChange={(v) => set("name", v)} required data-autofocus />
      {draft.type === SendType.Text ? (
        <>
          <TextAreaField label={t("send.text")} value={draft.text} onChange={(v) => set("text", v)} />
          <CheckboxField label={t("send.hidden")} checked={draft.hidden} onChange={(v) => set("hidden", v)} />
        </>
      ) : send ? (
        <p className="field-description">{send.fileName} — {t("send.fileKept")}</p>
      ) : (
        <div className="field">
          <label htmlFor="send-file">{t("send.file")}</label>
          <input id="send-file" type="file" onChange={(e) => set("file", e.target.files?.[0] ?? null)} />
        </div>
      )}
      <TextField label={t("send.deletionDate")} type="datetime-local" description={t("send.deletionHint")}
        value={toLocalInput(draft.deletionDate)} onChange={(v) => set("deletionDate", fromLocalInput(v) ?? "")} required />
      <TextField label={t("send.expirationDate")} type="datetime-local" description={t("send.expirationHint")} optional
        value={toLocalInput(draft.expirationDate)} onChange={(v) => set("expirationDate", fromLocalInput(v))} />
      <TextField label={t("send.maxAccessCount")} type="number" min={1} optional
        value={draft.maxAccessCount === null ? "" : String(draft.maxAccessCount)}
        onChange={(v) => set("maxAccessCount", v ? Math.max(1, Math.floor(Number(v))) : null)} />
      <TextField label={send?.hasPassword ? t("send.newPassword") : t("send.password")} type="password" optional
        autoComplete="new-password" description={send?.hasPassword ? t("send.passwordKept") : t("send.passwordHint")}
        value={draft.password} onChange={(v) => set("password", v)} />
      <TextAreaField label={t("send.notes")} value={draft.notes} onChange={(v) => set("notes", v)} rows={2} />
      <CheckboxField label={t("send.hideEmail")} checked={draft.hideEmail} onChange={(v) => set("hideEmail", v)}
        disabled={hideEmailForbidden} description={hideEmailForbidden ? t("send.policyHideEmail") : null} />
      <CheckboxField label={t("send.disabled")} checked={draft.disabled} onChange={(v) => set("disabled", v)} />
      <SubmitRow label={t("send.save")} busyLabel={t("send.saving")} busy={submit.busy} error={submit.error}
        disabled={missing !== null} disabledReason={missing} onCancel={onCancel} />
    </form>
  );
}
