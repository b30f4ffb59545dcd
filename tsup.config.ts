import { defineConfig } from "tsup";
import { entryPoints } from "./scripts/areas.mjs";

export default defineConfig({
  entry: entryPoints(),
  format: ["esm", "cjs"],
  dts: true,
  clean: true,
  sourcemap: true,
  target: "es2022",
  treeshake: true,
  // Explicit: tsup splits only ESM by default; without it each CJS entry would inline shared
  // chunks and a user could end up with two copies of TouchpointError (notes/toolchain.md §4.2).
  splitting: true,
  external: ["xstate", "zod", "ts-pattern"],
});
