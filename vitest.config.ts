import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = fileURLToPath(new URL("./src/", import.meta.url));

export default defineConfig({
  resolve: {
    // Tests import the public subpaths, so they see exactly what users see.
    alias: [
      { find: /^touchpoint$/, replacement: `${src}index.ts` },
      { find: /^touchpoint\/(.+)$/, replacement: `${src}$1/index.ts` },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    exclude: ["test/package/**", "node_modules/**"],
    // Property tests and the generated-example check take seconds of CPU; a loaded machine must not
    // turn them into failures. Speed is measured in bench/, never asserted by a timeout.
    testTimeout: 30_000,
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.test.json" },
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      reporter: ["text-summary", "json-summary"],
      thresholds: { "src/metrics/**": { lines: 95 } },
    },
  },
});
