import { useLocation } from "react-router";

/** Where a login or unlock goes next: the page that sent the user there, else the vault. */
export function useReturnTo(): string {
  const state = useLocation().state as { returnTo?: string } | null;
  return state?.returnTo && state.returnTo.startsWith("/") ? state.returnTo : "/vault";
}
