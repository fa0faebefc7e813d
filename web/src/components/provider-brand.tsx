import type { ProviderBranding } from "../features/providers/api/branding-api";
import { t } from "../lib/i18n/messages";

/** Only our own logo route: the branding may come through router state, which must not point an <img> elsewhere. */
const isOwnLogo = (url: string | null): url is string => !!url && url.startsWith("/api/branding/providers/");

/** "Managed by" a provider, with its logo and colour: on its clients' invitation, accept and login pages. */
export function ProviderBrand({ branding }: { branding: ProviderBranding | null | undefined }) {
  if (!branding) return null;
  const accent = branding.color && /^#[0-9a-f]{6}$/i.test(branding.color) ? branding.color : undefined;
  return (
    <div className={accent ? "provider-brand provider-brand-accent" : "provider-brand"} role="note"
      aria-label={t("branding.managedBy", { name: branding.name })} style={accent ? { borderLeftColor: accent } : undefined}>
      {isOwnLogo(branding.logoUrl) && <img src={branding.logoUrl} alt={branding.name} style={{ maxHeight: 64, maxWidth: 240 }} />}
      <p>{t("branding.managedBy", { name: branding.name })}</p>
    </div>
  );
}
