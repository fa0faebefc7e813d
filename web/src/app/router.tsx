import { createHashRouter, Navigate } from "react-router";
import { AppLayout } from "./app-layout";
import { LoginRoute } from "./routes/login-route";
import { UnlockedRoute } from "./routes/unlocked-route";

// Hash routes, like the official web vault, so the server needs no fallback route for deep links.
export const router = createHashRouter([
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <Navigate to="/login" replace /> },
      { path: "login", element: <LoginRoute /> },
      { path: "vault", element: <UnlockedRoute /> },
      { path: "*", element: <Navigate to="/login" replace /> },
    ],
  },
]);
