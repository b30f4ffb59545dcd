import { defineConfig } from "tsup";
import { entryPoints, splitEntryPoints } from "./scripts/areas.mjs";

/** The library: one entry per area (scripts/areas.mjs), ESM and CJS, with declarations. */
export const library = {
  // The areas, plus one entry per main function so that each gets a chunk of its own
  // (scripts/areas.mjs, mainFunctions); those are not exports and need no declarations.
  entry: { ...entryPoints(), ...splitEntryPoints() },
  format: ["esm", "cjs"],
  dts: { entry: entryPoints() },
  // dist/ is emptied by the build script before both builds start (they run in parallel, and a
  // cleaning build could delete the other's output).
  clean: false,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  // Explicit: tsup splits only ESM by default; without it each CJS entry would inline shared
  // chunks and a user could end up with two copies of TouchpointError (notes/toolchain.md §4.2).
  splitting: true,
  external: ["xstate", "zod"],
} as const;

/**
 * The `touchpoint` command (package.json "bin"): one self-contained ESM file for Node. It is built
 * apart from the library so the library's chunks never see a `node:` import, and keeps the peers
 * external like the library.
 */
export const cli = {
  // cli-worker.js is the worker thread of `--jobs` (src/cli/pool.ts finds it beside cli.js).
  entry: { cli: "src/cli/bin.ts", "cli-worker": "src/cli/worker.ts" },
  format: ["esm"],
  platform: "node",
  target: "node20",
  dts: false,
  clean: false,
  sourcemap: true,
  splitting: false,
  external: ["xstate", "zod"],
} as const;

export default defineConfig([
  { ...library, format: [...library.format], external: [...library.external], dts: { entry: entryPoints() } },
  { ...cli, format: [...cli.format], external: [...cli.external] },
]);
