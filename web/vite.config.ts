import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  plugins: [react()],
  server: {
    // The dev server forwards API calls so the UI and a local Custodian share an origin, as in production.
    proxy: {
      "/api": "http://localhost:8080",
      "/identity": "http://localhost:8080",
      "/admin": "http://localhost:8080",
    },
  },
  build: { outDir: "dist" },
  test: {
    // jsdom for components; the crypto tests run the same (WebCrypto is Node's).
    environment: "jsdom",
    include: ["src/**/*.test.ts", "src/**/*.test.tsx"],
    setupFiles: ["src/test/setup.ts"],
  },
});
