import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { CheckboxField } from "../../../components/ui/checkbox-field";
import { Dialog } from "../../../components/ui/dialog";
import { ErrorMessage } from "../../../components/ui/error-message";
import { SelectField } from "../../../components/ui/select-field";
import { TextField } from "../../../components/ui/text-field";
import {
  defaultPassphraseOptions, defaultPasswordOptions, generatePassphrase, generatePassword, passphraseWordRange, passwordLengthRange,
  type PassphraseOptions, type PasswordOptions,
} from "../api/generator";
import { useCopy } from "./use-copy";
import { t } from "../../../lib/i18n/messages";

export interface GeneratorDialogProps {
  open: boolean;
  onClose: () => void;
  /** Offered from an item's password field: puts the value there. */
  onUse?: (value: string) => void;
}

type Kind = "password" | "passphrase";

function generate(kind: Kind, password: PasswordOptions, passphrase: PassphraseOptions): { value: string; error: string | null } {
  try {
    return { value: kind === "password" ? generatePassword(password) : generatePassphrase(passphrase), error: null };
  } catch (e) {
    return { value: "", error: (e as Error).message };
  }
}

/** Typing passes through; only a whole number in range takes effect, and leaving the field shows what did. */
function NumberField({ label, value, min, max, onChange }: { label: string; value: number; min: number; max: number; onChange: (v: number) => void }) {
  const [text, setText] = useState(String(value));
  return <TextField label={label} type="number" min={min} max={max} value={text} onBlur={() => setText(String(value))}
    onChange={(v) => {
      setText(v);
      const n = Number(v);
      if (v !== "" && Number.isInteger(n) && n >= min && n <= max) onChange(n);
    }} />;
}

export function GeneratorPanel({ onUse }: { onUse?: (value: string) => void }) {
  const [kind, setKind] = useState<Kind>("password");
  const [password, setPassword] = useState(defaultPasswordOptions);
  const [passphrase, setPassphrase] = useState(defaultPassphraseOptions);
  const [result, setResult] = useState(() => generate("password", defaultPasswordOptions, defaultPassphraseOptions));
  const { copy, status } = useCopy();
  const update = (k: Kind, pw: PasswordOptions, pp: PassphraseOptions) => {
    setKind(k);
    setPassword(pw);
    setPassphrase(pp);
    setResult(generate(k, pw, pp));
  };
  const setPw = (patch: Partial<PasswordOptions>) => update(kind, { ...password, ...patch }, passphrase);
  const setPp = (patch: Partial<PassphraseOptions>) => update(kind, password, { ...passphrase, ...patch });
  const noun = t(`generator.noun.${kind}`);
  return (
    <div className="vault-generator">
      <TextField label={t("generator.value")} value={result.value} readOnly onChange={() => {}} className="vault-generated" />
      <ErrorMessage message={result.error} />
      <div className="vault-actions">
        <Button type="button" className="secondary" onClick={() => update(kind, password, passphrase)}>{t("generator.regenerate")}</Button>
        <Button type="button" className="secondary" disabled={!result.value} onClick={() => copy(noun, result.value)}>{t("item.copy", { name: noun })}</Button>
        {onUse && <Button type="button" disabled={!result.value} onClick={() => onUse(result.value)}>{t("generator.use", { kind: noun })}</Button>}
      </div>
      {status}
      <SelectField label={t("generator.what")} value={kind} onChange={(k) => update(k as Kind, password, passphrase)}
        options={[{ value: "password", label: t("item.password") }, { value: "passphrase", label: t("generator.passphrase") }]} />
      {kind === "password" ? (
        <fieldset className="vault-fieldset">
          <legend>{t("generator.passwordOptions")}</legend>
          <NumberField label={t("generator.length")} value={password.length} {...passwordLengthRange} onChange={(length) => setPw({ length })} />
          <CheckboxField label={t("generator.uppercase")} checked={password.uppercase} onChange={(uppercase) => setPw({ uppercase })} />
          <CheckboxField label={t("generator.lowercase")} checked={password.lowercase} onChange={(lowercase) => setPw({ lowercase })} />
          <CheckboxField label={t("generator.numbers")} checked={password.numbers} onChange={(numbers) => setPw({ numbers })} />
          <CheckboxField label={t("generator.special")} checked={password.special} onChange={(special) => setPw({ special })} />
          <NumberField label={t("generator.minNumbers")} value={password.minNumbers} min={0} max={9} onChange={(minNumbers) => setPw({ minNumbers })} />
          <NumberField label={t("generator.minSpecial")} value={password.minSpecial} min={0} max={9} onChange={(minSpecial) => setPw({ minSpecial })} />
          <CheckboxField label={t("generator.avoidAmbiguous")} checked={password.avoidAmbiguous}
            onChange={(avoidAmbiguous) => setPw({ avoidAmbiguous })} />
        </fieldset>
      ) : (
        <fieldset className="vault-fieldset">
          <legend>{t("generator.passphraseOptions")}</legend>
          <NumberField label={t("generator.words")} value={passphrase.words} {...passphraseWordRange} onChange={(words) => setPp({ words })} />
          <TextField label={t("generator.separator")} value={passphrase.separator} maxLength={1} onChange={(separator) => setPp({ separator })} />
          <CheckboxField label={t("generator.capitalize")} checked={passphrase.capitalize} onChange={(capitalize) => setPp({ capitalize })} />
          <CheckboxField label={t("generator.includeNumber")} checked={passphrase.includeNumber} onChange={(includeNumber) => setPp({ includeNumber })} />
        </fieldset>
      )}
    </div>
  );
}

/** The password and passphrase generator, from the page header (an item's form shows the panel inline instead). */
export function GeneratorDialog({ open, onClose, onUse }: GeneratorDialogProps) {
  return (
    <Dialog title={t("vault.generator")} open={open} onClose={onClose}>
      <GeneratorPanel onUse={onUse} />
      <div className="vault-actions">
        <Button type="button" className="secondary" onClick={onClose}>{t("action.close")}</Button>
      </div>
    </Dialog>
  );
}
