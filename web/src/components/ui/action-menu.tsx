import type { ReactNode } from "react";
import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";

export interface MenuAction {
  label: string;
  onAction: () => void;
  danger?: boolean;
  disabled?: boolean;
}

/**
 * A button that opens a menu of actions (react-aria: arrow keys, type-ahead, Escape, focus returned to the button).
 * Used for a table row's less common actions, so rows keep one line.
 */
export function ActionMenu({ label, actions, children = "⋯", className = "button secondary small" }:
  { label: string; actions: readonly MenuAction[]; children?: ReactNode; className?: string }) {
  const shown = actions.filter(Boolean);
  if (shown.length === 0) return null;
  return (
    <MenuTrigger>
      <AriaButton className={className} aria-label={label}>{children}</AriaButton>
      <Popover className="menu-popover" placement="bottom end">
        <Menu className="menu" disabledKeys={shown.flatMap((a, i) => (a.disabled ? [String(i)] : []))}
          onAction={(key) => shown[Number(key)]?.onAction()}>
          {shown.map((a, i) => (
            <MenuItem key={i} id={String(i)} className={a.danger ? "menu-item danger" : "menu-item"}>{a.label}</MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
