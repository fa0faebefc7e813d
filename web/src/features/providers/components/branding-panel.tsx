import { useId, useState } from "react";
import { Button } from "../../../components/ui/button";
import { ErrorMessage } from "../../../components/ui/error-message";
import { Loading } from "../../../components/ui/loading";
import { TextField } from "../../../components/ui/text-field";
import { ProviderBrand } from "../../../components/provider-brand";
import { t } from "../../../lib/i18n/messages";
import { useAsync } from "../../../lib/use-async";
import { useSubmit } from "../../../lib/use-submit";
import { deleteLogo, getBranding, saveBranding, uploadLogo, type ProviderBranding } from "../api/branding-api";

/** Provider Portal › Settings › Branding: what clients' people see in invitations; admins change it. */
export function BrandingPanel({ providerId, canEdit }: { providerId: string; canEdit: boolean }) {
  const loaded = useAsync(() => getBranding(providerId), [providerId]);
  return (
    <section className="panel portal-form" aria-labelledby="branding-heading">
      <h2 id="branding-heading">{t("branding.title")}</h2>
      <p>{t("branding.intro")}</p>
      <ErrorMessage message={loaded.error} />
      {loaded.loading && <Loading />}
      {loaded.data && <BrandingForm key={loaded.data.providerId} initial={loaded.data} canEdit={canEdit} />}
    </section>
  );
}

function BrandingForm({ initial, canEdit }: { initial: ProviderBranding; canEdit: boolean }) {
  const [branding, setBranding] = useState(initial);
  const [displayName, setDisplayName] = useState(initial.displayName ?? "");
  const [color, setColor] = useState(initial.color ?? "");
  const [saved, setSaved] = useState(false);
  const fileId = useId();
  const { busy, error, handle } = useSubmit();
  const run = (work: () => Promise<ProviderBranding>) => handle(async () => {
    setSaved(false);
    setBranding(await work());
    setSaved(true);
  });
  return (
    <form onSubmit={run(() => saveBranding(initial.providerId, displayName.trim(), color.trim()))} noValidate>
      <TextField label={t("branding.displayName")} value={displayName} onChange={setDisplayName} description={t("branding.displayNameHint")}
        disabled={!canEdit} optional maxLength={100} />
      <TextField label={t("branding.color")} value={color} onChange={setColor} placeholder="#175ddc" disabled={!canEdit} optional />
      {canEdit && (
        <div className="field">
          <label htmlFor={fileId}>{t("branding.logo")}</label>
          <input id={fileId} type="file" accept="image/png,image/jpeg" disabled={busy} onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void run(() => uploadLogo(initial.providerId, file))();
          }} />
        </div>
      )}
      <h3>{t("branding.preview")}</h3>
      <ProviderBrand branding={branding} />
      <ErrorMessage message={error} />
      {saved && <p role="status">{t("branding.saved")}</p>}
      {canEdit && (
        <div className="button-row">
          <Button type="submit" disabled={busy}>{t("branding.save")}</Button>
          {branding.logoUrl && (
            <Button type="button" className="secondary" disabled={busy} onClick={run(() => deleteLogo(initial.providerId))}>{t("branding.removeLogo")}</Button>
          )}
        </div>
      )}
    </form>
  );
}
