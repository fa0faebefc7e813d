import { Button as AriaButton, Menu, MenuItem, MenuTrigger, Popover } from "react-aria-components";
import { t } from "../lib/i18n/messages";
import { setTheme, useTheme, type Theme } from "../lib/theme";

const choices: readonly Theme[] = ["system", "light", "dark"];
const icon: Record<Theme, string> = { system: "◐", light: "☀", dark: "☾" };

/** Light, dark or the system's choice, remembered in this browser. */
export function ThemeMenu() {
  const theme = useTheme();
  return (
    <MenuTrigger>
      <AriaButton className="header-button" aria-label={`${t("theme.label")}: ${t(`theme.${theme}`)}`}>
        <span aria-hidden="true">{icon[theme]}</span>
      </AriaButton>
      <Popover className="menu-popover" placement="bottom end">
        <Menu className="menu" selectionMode="single" selectedKeys={[theme]} disallowEmptySelection
          onAction={(key) => setTheme(key as Theme)}>
          {choices.map((c) => (
            <MenuItem key={c} id={c} className="menu-item">
              {({ isSelected }) => <><span aria-hidden="true">{isSelected ? "✓" : " "}</span> {t(`theme.${c}`)}</>}
            </MenuItem>
          ))}
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
