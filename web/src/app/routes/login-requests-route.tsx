import { LoginRequestsPage } from "../../features/account/components/login-requests-page";
import { getDeviceIdentifier } from "../../features/auth/api/device-identifier";

/** Composes the account page with this browser's device id (the auth feature's), which answers as the approving device. */
export function LoginRequestsRoute() {
  return <LoginRequestsPage deviceIdentifier={getDeviceIdentifier()} />;
}
