import { defineConfig } from "vitest/config";

// End-to-end tests: a real server process and Debian's Chromium; one file at a time, generous timeouts
// (registration runs 600,000 PBKDF2 iterations in the browser, as production does).
export default defineConfig({
  test: {
    environment: "node",
    include: ["e2e/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 300_000,
    hookTimeout: 180_000,
  },
});
