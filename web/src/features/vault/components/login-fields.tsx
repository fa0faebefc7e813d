import { useId, useState } from "react";
import { Button } from "../../../components/ui/button";
import { TextField } from "../../../components/ui/text-field";
import type { LoginView } from "../../../lib/ciphers/cipher-types";
import { t } from "../../../lib/i18n/messages";

export interface LoginFieldsProps {
  login: LoginView;
  onChange: (login: LoginView) => void;
  onGenerate: () => void;
  /** Collections that hide passwords: the password and TOTP stay as they are, unseen. */
  hidePassword: boolean;
}

/** Username, password (with show and generate), authenticator key and websites of a login. */
export function LoginFields({ login, onChange, onGenerate, hidePassword }: LoginFieldsProps) {
  const passwordId = useId();
  const [shown, setShown] = useState(false);
  const set = (patch: Partial<LoginView>) => onChange({ ...login, ...patch });
  const setUri = (i: number, uri: string) => set({ uris: login.uris.map((u, j) => (j === i ? { ...u, uri } : u)) });
  return (
    <fieldset className="vault-fieldset">
      <legend>{t("item.loginCredentials")}</legend>
      <TextField label={t("item.username")} value={login.username} onChange={(username) => set({ username })} autoComplete="off" />
      {!hidePassword && <div className="field">
        <label htmlFor={passwordId}>{t("item.password")}</label>
        <div className="vault-field-row">
          <input id={passwordId} type={shown ? "text" : "password"} value={login.password} autoComplete="new-password"
            onChange={(e) => set({ password: e.target.value })} />
          <button type="button" className="button secondary" aria-pressed={shown} onClick={() => setShown(!shown)}>
            {t(shown ? "item.hidePassword" : "item.showPassword")}
          </button>
          <button type="button" className="button secondary" onClick={onGenerate}>{t("item.generatePassword")}</button>
        </div>
      </div>}
      {!hidePassword && (
        <TextField label={t("item.totpKey")} value={login.totp} onChange={(totp) => set({ totp })} autoComplete="off" />
      )}
      {login.uris.map((u, i) => (
        <div key={i} className="vault-field-row vault-uri-row">
          <TextField label={t("item.uriNumber", { number: i + 1 })} value={u.uri} onChange={(v) => setUri(i, v)} placeholder="https://" />
          <button type="button" className="button secondary" onClick={() => set({ uris: login.uris.filter((_, j) => j !== i) })}>
            {t("item.removeWebsite", { number: i + 1 })}
          </button>
        </div>
      ))}
      <Button type="button" className="secondary" onClick={() => set({ uris: [...login.uris, { uri: "", match: null }] })}>
        {t("item.addWebsite")}
      </Button>
    </fieldset>
  );
}
