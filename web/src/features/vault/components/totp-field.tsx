import { useEffect, useId, useState } from "react";
import { parseTotp, totpCode, type TotpCode } from "../api/totp";
import { t } from "../../../lib/i18n/messages";

/** The current code of a TOTP secret and its seconds left, recomputed every second. */
export function TotpField({ secret, onCopy }: { secret: string; onCopy: (what: string, value: string) => void }) {
  const id = useId();
  const [state, setState] = useState<TotpCode | { error: string } | null>(null);
  useEffect(() => {
    let live = true;
    let params: ReturnType<typeof parseTotp>;
    try {
      params = parseTotp(secret);
    } catch (e) {
      setState({ error: (e as Error).message });
      return;
    }
    const tick = () => totpCode(params, Date.now()).then((c) => live && setState(c));
    void tick();
    const timer = setInterval(() => void tick(), 1000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [secret]);
  if (state && "error" in state) return <p className="error">{t("totp.error", { error: state.error })}</p>;
  return (
    <div className="field vault-readonly">
      <label htmlFor={id}>{t("item.totpCode")}</label>
      <div className="vault-field-row">
        <input id={id} readOnly value={state?.code ?? ""} className="vault-totp" />
        <span className="vault-totp-remaining">{state ? t("item.totpRemaining", { seconds: state.remaining }) : ""}</span>
        <button type="button" className="button secondary" disabled={!state} onClick={() => state && onCopy(t("copy.verificationCode"), state.code)}>
          {t("item.copyTotp")}
        </button>
      </div>
    </div>
  );
}
