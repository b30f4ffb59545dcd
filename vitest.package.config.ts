import { defineConfig } from "vitest/config";

// Checks on the package as users receive it, run after `npm run build` (npm run test:package).
// No alias here: the tests resolve `touchpoint/*` through package.json "exports" to dist/, in a
// child Node process or with esbuild, never through vite.
export default defineConfig({
  test: {
    include: ["test/package/**/*.test.ts"],
    testTimeout: 30_000,
  },
});
