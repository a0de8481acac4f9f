/// <reference types="vitest/config" />
import { fileURLToPath } from "node:url";

import { defineConfig } from "vite";

// The build lands inside the Python package, which serves it (saleor_support_plugin/web/).
const outDir = fileURLToPath(new URL("../saleor_support_plugin/web/dashboard", import.meta.url));

export default defineConfig({
  // Relative asset URLs: the server puts a <base href> in index.html, because the app lives
  // under /app/ in the sandbox and under /plugins/global/<plugin id>/app/ inside Saleor.
  base: "./",
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    outDir,
    emptyOutDir: true,
    assetsDir: "assets",
    sourcemap: false,
    target: "es2022",
    chunkSizeWarningLimit: 800,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.{ts,tsx}"],
    setupFiles: ["src/test/setup.ts"],
    // Generous: the suite shares two cores with the Python tests and the browser.
    testTimeout: 30_000,
  },
});
