/**
 * Vite and Vitest configuration for the Yusuan frontend. Builds relative-path,
 * self-contained assets into dist/ (no CDN, works offline inside the Tauri
 * webview) and runs the unit tests under jsdom.
 */
import { defineConfig } from "vitest/config";

export default defineConfig({
  base: "./",
  clearScreen: false,
  server: { port: 1420, strictPort: true },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
  },
  test: {
    environment: "jsdom",
    include: ["src/**/*.test.ts"],
  },
});
