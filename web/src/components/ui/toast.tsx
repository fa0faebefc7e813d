import { UNSTABLE_Toast as Toast, UNSTABLE_ToastContent as ToastContent, UNSTABLE_ToastQueue as ToastQueue,
  UNSTABLE_ToastRegion as ToastRegion, Button as AriaButton, Text } from "react-aria-components";
import { t } from "../../lib/i18n/messages";

/** One queue for the app: a short confirmation after a save, read out by screen readers (react-aria's toast region). */
const queue = new ToastQueue<{ title: string }>({ maxVisibleToasts: 3 });

export function toast(title: string): void {
  queue.add({ title }, { timeout: 5000 });
}

export function Toasts() {
  return (
    <ToastRegion queue={queue} className="toast-region">
      {({ toast: item }) => (
        <Toast toast={item} className="toast">
          <ToastContent><Text slot="title">{item.content.title}</Text></ToastContent>
          <AriaButton slot="close" className="toast-close" aria-label={t("action.close")}>×</AriaButton>
        </Toast>
      )}
    </ToastRegion>
  );
}
