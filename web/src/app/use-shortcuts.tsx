import { useEffect, useRef } from "react";
import { matchPath, useLocation, useNavigate } from "react-router";
import { administeredOrganizations, useProfile } from "../lib/profile";
import { createShortcutReader, type ShortcutAction } from "./shortcuts";

interface Handlers {
  enabled: boolean;
  openPalette: () => void;
  openHelp: () => void;
}

/**
 * The app's keyboard shortcuts (see shortcuts.ts). "/" focuses the page's own search box, or opens the palette on a
 * page without one; "n" presses the page's button marked aria-keyshortcuts="N" (New item, Invite member, …).
 */
export function useShortcuts({ enabled, openPalette, openHelp }: Handlers) {
  const navigate = useNavigate();
  const profile = useProfile();
  const { pathname } = useLocation();
  // The latest values, read by the one listener.
  const latest = useRef<Context>({ navigate, profile, pathname, openPalette, openHelp });
  latest.current = { navigate, profile, pathname, openPalette, openHelp };

  useEffect(() => {
    if (!enabled) return;
    const read = createShortcutReader();
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const action = read({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, target: e.target, time: e.timeStamp });
      if (action && perform(action, latest.current)) e.preventDefault();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [enabled]);
}

interface Context extends Omit<Handlers, "enabled"> {
  navigate: ReturnType<typeof useNavigate>;
  profile: ReturnType<typeof useProfile>;
  pathname: string;
}

/** Does what `action` asks on the current page; false when there is nothing to do here (the key then stays unused). */
function perform(action: ShortcutAction, { navigate, profile, pathname, openPalette, openHelp }: Context): boolean {
  const main = document.getElementById("main");
  switch (action) {
    case "palette":
      openPalette();
      return true;
    case "help":
      openHelp();
      return true;
    case "search": {
      const search = main?.querySelector<HTMLInputElement>("input[type='search']");
      if (search) search.focus();
      else openPalette();
      return true;
    }
    case "new": {
      const button = main?.querySelector<HTMLButtonElement>("[aria-keyshortcuts~='N']:not(:disabled)");
      button?.click();
      return !!button;
    }
    case "goVault":
      navigate("/vault");
      return true;
    case "goAdminConsole": {
      // Within an org already: its console's first page; otherwise the first org the user administers.
      const here = matchPath("/organizations/:organizationId/*", pathname)?.params.organizationId;
      const org = (here !== "new" ? here : undefined) ?? (profile && (administeredOrganizations(profile)[0] ?? profile.providerOrganizations[0]))?.id;
      navigate(org ? `/organizations/${org}` : "/organizations/new");
      return true;
    }
    case "goProviderPortal": {
      const provider = profile?.providers[0];
      if (provider) navigate(`/providers/${provider.id}`);
      return !!provider;
    }
  }
}
