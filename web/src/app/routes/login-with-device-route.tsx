import { useEffect, useState } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { Button } from "../../components/ui/button";
import { ErrorMessage } from "../../components/ui/error-message";
import { PageHeader } from "../../components/ui/page-header";
import { TextField } from "../../components/ui/text-field";
import { finishDeviceLogin, requestDeviceLogin, type DeviceLoginRequest } from "../../features/auth/api/login-with-device";
import { t } from "../../lib/i18n/messages";
import { apiClient, keyStore, startSession } from "../../lib/session";
import { useSubmit } from "../../lib/use-submit";
import { useReturnTo } from "./return-to";

/** #/login-with-device: asks a logged-in device to let this browser in, then polls for the answer. */
export function LoginWithDeviceRoute() {
  const navigate = useNavigate();
  const returnTo = useReturnTo();
  const [email, setEmail] = useState((useLocation().state as { email?: string } | null)?.email ?? "");
  const [request, setRequest] = useState<DeviceLoginRequest | null>(null);
  const [pollError, setPollError] = useState<string | null>(null);
  const { busy, error, handle } = useSubmit();

  useEffect(() => {
    if (!request) return;
    let live = true;
    const poll = async () => {
      try {
        const result = await finishDeviceLogin(apiClient, request);
        if (!live || !result) return;
        live = false;
        keyStore.unlock(result.keys);
        startSession(result.accessToken, result.refreshToken, result.account);
        navigate(returnTo, { replace: true });
      } catch (e) {
        if (live) setPollError(e instanceof Error ? e.message : String(e));
      }
    };
    const timer = setInterval(() => void poll(), 2000);
    return () => { live = false; clearInterval(timer); };
  }, [request, navigate, returnTo]);

  return (
    <section className="card stack" aria-labelledby="device-login-heading">
      <PageHeader title={t("device.title")} />
      <p>{t("device.intro")}</p>
      {request ? (<>
        <p>{t("device.phrase")}: <code aria-label={t("device.phrase")}>{request.phrase}</code></p>
        <p role="status">{t("device.waiting")}</p>
        <ErrorMessage message={pollError} />
      </>) : (
        <form noValidate onSubmit={handle(async () => setRequest(await requestDeviceLogin(apiClient, email)))}>
          <TextField label={t("login.email")} type="email" autoComplete="email" required value={email} onChange={setEmail} />
          <ErrorMessage message={error} />
          <Button type="submit" disabled={busy || !email.trim()}>{t("device.send")}</Button>
        </form>
      )}
      <Link to="/login">{t("login.title")}</Link>
    </section>
  );
}
