import { Link } from "react-router";
import { t } from "../../lib/i18n/messages";
import { useServerStatus } from "../../lib/server-status";

/** On a server nobody has used yet: where the first account comes from and how a provider is made for it. */
export function FirstRunHelp() {
  const status = useServerStatus();
  if (!status?.firstRun) return null;
  return (
    <section className="callout card" aria-labelledby="first-run-heading">
      <h2 id="first-run-heading">{t("firstRun.title")}</h2>
      <p>{t("firstRun.body")}</p>
      <ol>
        <li><Link to="/register">{t("login.createAccount")}</Link> (you@example.com).</li>
        <li>
          {t("firstRun.adminHint")}
          <pre>./run.sh admin create-provider --name "Your MSP" --owner-email you@example.com</pre>
        </li>
        <li>Open the setup link mailed to that address (without SMTP settings it is a file in <code>data/outbox/</code>).</li>
      </ol>
      {!status.adminEnabled && <p>{t("products.adminOff")}</p>}
    </section>
  );
}
