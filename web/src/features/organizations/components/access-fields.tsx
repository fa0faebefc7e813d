import { CheckboxField } from "../../../components/ui/checkbox-field";
import type { AccessSelection } from "../api/org-types";
import { t } from "../../../lib/i18n/messages";

export interface Choice {
  id: string;
  label: string;
}

interface AccessListProps {
  legend: string;
  choices: Choice[];
  value: AccessSelection[];
  onChange: (value: AccessSelection[]) => void;
}

const flags = [["readOnly", t("collectionAccess.readOnly")], ["hidePasswords", t("collectionAccess.hidePasswords")], ["manage", t("collectionAccess.manage")]] as const;

/** A checkbox per collection (or group, or member) with how it is reached: read only, hide passwords, manage. */
export function AccessList({ legend, choices, value, onChange }: AccessListProps) {
  const byId = new Map(value.map((a) => [a.id, a]));
  const set = (id: string, next: AccessSelection | null) =>
    onChange([...value.filter((a) => a.id !== id), ...(next ? [next] : [])]);
  return (
    <fieldset className="console-access">
      <legend>{legend}</legend>
      {choices.length === 0 && <p className="portal-muted">{t("collectionAccess.noneYet")}</p>}
      {choices.map((c) => {
        const current = byId.get(c.id);
        return (
          <div key={c.id} className="console-access-row">
            <CheckboxField label={c.label} checked={current !== undefined}
              onChange={(on) => set(c.id, on ? { id: c.id, readOnly: false, hidePasswords: false, manage: false } : null)} />
            {current && flags.map(([flag, text]) => (
              <CheckboxField key={flag} label={text} aria-label={`${text}: ${c.label}`} checked={current[flag]}
                onChange={(on) => set(c.id, { ...current, [flag]: on })} />
            ))}
          </div>
        );
      })}
    </fieldset>
  );
}

interface IdListProps {
  legend: string;
  choices: Choice[];
  value: string[];
  onChange: (value: string[]) => void;
}

/** A checkbox per group (or member): which ones are in. */
export function IdChecklist({ legend, choices, value, onChange }: IdListProps) {
  return (
    <fieldset className="console-access">
      <legend>{legend}</legend>
      {choices.length === 0 && <p className="portal-muted">{t("collectionAccess.noneYet")}</p>}
      {choices.map((c) => (
        <CheckboxField key={c.id} label={c.label} checked={value.includes(c.id)}
          onChange={(on) => onChange(on ? [...value, c.id] : value.filter((id) => id !== c.id))} />
      ))}
    </fieldset>
  );
}
