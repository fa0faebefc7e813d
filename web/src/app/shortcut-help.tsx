import { Button } from "../components/ui/button";
import { Dialog } from "../components/ui/dialog";
import { t } from "../lib/i18n/messages";
import { shortcutList } from "./shortcuts";

/** "?": the list of keyboard shortcuts. */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <Dialog title={t("shortcuts.title")} open={open} onClose={onClose}>
      <table className="table shortcut-table">
        <thead><tr><th scope="col">{t("shortcuts.keys")}</th><th scope="col">{t("shortcuts.does")}</th></tr></thead>
        <tbody>
          {shortcutList.map(({ keys, action }) => (
            <tr key={action}>
              <td>
                {keys.map((k, i) => (
                  <span key={k}>{i > 0 && (keys[0] === "Ctrl" ? " + " : ` ${t("shortcuts.then")} `)}<kbd>{k === "Ctrl" ? t("shortcuts.ctrl") : k}</kbd></span>
                ))}
              </td>
              <td>{t(`shortcuts.${action}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="field-description">{t("shortcuts.notInFields")}</p>
      <div className="submit-row"><Button type="button" onClick={onClose}>{t("action.close")}</Button></div>
    </Dialog>
  );
}
