import { useEffect, useRef, useState } from "react";
import { t } from "../../../lib/i18n/messages";

/** Copies to the clipboard and says so in a polite status line for a few seconds. */
export function useCopy() {
  const [message, setMessage] = useState("");
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async (what: string, value: string) => {
    clearTimeout(timer.current);
    try {
      await navigator.clipboard.writeText(value);
      setMessage(t("copy.done", { what }));
    } catch {
      setMessage(t("copy.failed", { what }));
    }
    timer.current = setTimeout(() => setMessage(""), 3000);
  };
  const status = <p className="vault-copy-status" role="status">{message}</p>;
  return { copy, status };
}
