import { Link } from "react-router";
import { t } from "../../lib/i18n/messages";
import { useServerStatus } from "../../lib/server-status";
import { tNodes } from "../../lib/i18n/rich";

/** On a server nobody has used yet: where the first account comes from and how a provider is made for it. */
export function FirstRunHelp() {
  const status = useServerStatus();
  if (!status?.firstRun) return null;
  return (
    <section className="callout card" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">{t("firstRun.title")}</h2>
      <p>{t("firstRun.body")}</p>
      <ol>
        <li>{tNodes("firstRun.createAccount", { link: <Link to="/register">{t("login.createAccount")}</Link> })}</li>
        <li>
          {t("firstRun.adminHint")}
          <pre>{t("firstRun.command")}</pre>
        </li>
        <li>{tNodes("firstRun.setupLink", { outbox: <code>{"data/outbox/"}</code> })}</li>
      </ol>
      {!status.adminEnabled && <p>{t("products.adminOff")}</p>}
    </section>
  );
}
