import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The UI reads its strings from ../locales (the one source shared with Rust), so the dev
// server must be allowed to serve files from the workspace root.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true, fs: { allow: [".."] } },
  build: { target: "safari15", outDir: "dist", emptyOutDir: true },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    css: false,
  },
});
