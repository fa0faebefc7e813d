import { t } from "../../lib/i18n/messages";

/** A polite live region with a spinner, so screen readers hear that something is loading. */
export function Loading({ label = t("app.loading") }: { label?: string }) {
  return (
    <p className="loading" role="status" aria-live="polite">
      {label}
    </p>
  );
}
