import { useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { TextField } from "../../../components/ui/text-field";
import { t } from "../../../lib/i18n/messages";
import { tNodes } from "../../../lib/i18n/rich";
import { masterPasswordHashOf } from "../../../lib/master-password";
import { apiClient } from "../../../lib/session";
import { useSubmit } from "../../../lib/use-submit";

/**
 * The provider API key (provider admins): shown after the master password is re-confirmed; rotating it stops the old
 * key and every token minted with it at once. Scripts log in with client_credentials as provider.<id>.
 */
export function ProviderApiKeyPanel({ providerId }: { providerId: string }) {
  const [password, setPassword] = useState("");
  const [key, setKey] = useState<string | null>(null);
  const { busy, error, handle } = useSubmit();
  const reveal = (rotate: boolean) => handle(async () => {
    const response = await apiClient.post<{ apiKey: string }>(`/api/providers/${providerId}/${rotate ? "rotate-api-key" : "api-key"}`,
      { masterPasswordHash: await masterPasswordHashOf(password) });
    setKey(response.apiKey);
    setPassword("");
  });
  return (
    <section className="panel portal-form" aria-labelledby="provider-api-key-heading">
      <h2 id="provider-api-key-heading">{t("portal.apiKey.title")}</h2>
      <p>{tNodes("portal.apiKey.intro", { clientId: <code>{`provider.${providerId}`}</code>, scope: <code>{"api.provider"}</code> })}</p>
      <TextField label={t("portal.apiKey.password")} type="password" autoComplete="current-password" value={password} onChange={setPassword} />
      <ErrorMessage message={error} />
      {key && <p role="status">{tNodes("portal.apiKey.secret", { secret: <code>{key}</code> })}</p>}
      <Button type="button" disabled={busy || !password} onClick={reveal(false)}>{t("portal.apiKey.view")}</Button>
      <Button type="button" className="danger" disabled={busy || !password} onClick={reveal(true)}>{t("portal.apiKey.rotate")}</Button>
    </section>
  );
}
