/**
 * Builds the warehouse pack (`npm run build` runs it after tsup): dist/warehouse/ with
 *
 * - touchpoint-warehouse.js: the BigQuery library file, every function in one self-contained script
 *   (IIFE) that defines the global `touchpoint`;
 * - snowflake/<function>.js: one bundle per function, tree-shaken to what it calls, inlined into
 *   that function's body (Snowflake JavaScript functions cannot load a file);
 * - bigquery.sql and snowflake.sql with placeholder names (`touchpoint warehouse bigquery|snowflake
 *   --out DIR` writes them with yours);
 * - manifest.json: the version and every file's size.
 *
 * Usable from tests: `buildWarehouse(dir)` builds into any folder.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { declarations } from "../src/warehouse/declarations.js";
import { bigQuerySql, bundleEntry, snowflakeSql } from "../src/warehouse/sql.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const runtime = path.join(root, "src/warehouse/runtime.ts");

/** The placeholders of the SQL files in dist/warehouse/. */
export const placeholders = {
  bigquery: { prefix: "your-project.touchpoint", libraryUri: "gs://your-bucket/touchpoint-warehouse.js" },
  snowflake: { prefix: "TOUCHPOINT.PUBLIC" },
} as const;

/** What {@link buildWarehouse} wrote. */
export interface WarehouseManifest {
  version: string;
  library: { file: string; bytes: number };
  snowflake: Record<string, { file: string; bytes: number }>;
}

/**
 * The JavaScript built-ins the bundle reads, passed in as parameters so that inside the bundle they
 * are local variables. An embedder's global object can be slow to read from (Node's `vm` contexts
 * answer every global lookup through an interceptor, which made the classifiers 2.5× slower there);
 * locals cost the same everywhere. A built-in an environment lacks is passed as `undefined`, exactly
 * what the bundle would have seen.
 */
const BUILT_INS = [
  "Object",
  "Array",
  "Math",
  "JSON",
  "Number",
  "String",
  "Boolean",
  "Symbol",
  "RegExp",
  "Date",
  "Map",
  "Set",
  "WeakMap",
  "WeakSet",
  "Error",
  "TypeError",
  "RangeError",
  "SyntaxError",
  "Promise",
  "Reflect",
  "Proxy",
  "Intl",
  "Float64Array",
  "Uint8Array",
  "Uint32Array",
  "Int32Array",
  "ArrayBuffer",
  "BigInt",
  "parseInt",
  "parseFloat",
  "isNaN",
  "isFinite",
  "encodeURIComponent",
  "decodeURIComponent",
] as const;

function withLocalBuiltIns(code: string): string {
  const args = BUILT_INS.map((name) => `typeof ${name} === "undefined" ? void 0 : ${name}`).join(", ");
  return `var touchpoint = (function (${BUILT_INS.join(", ")}) {\n${code.trim()}\nreturn touchpoint;\n})(${args});\n`;
}

function banner(version: string): string {
  return `/* touchpoint ${version} warehouse pack (MIT). Bundles xstate and zod (MIT). */`;
}

async function bundle(contents: string, version: string): Promise<string> {
  const result = await esbuild.build({
    stdin: { contents, resolveDir: root, sourcefile: "warehouse-entry.ts", loader: "ts" },
    bundle: true,
    write: false,
    minify: true,
    format: "iife",
    globalName: "touchpoint",
    platform: "neutral",
    mainFields: ["module", "main"],
    // xstate's `import` condition points at a CommonJS build that esbuild cannot tree-shake; its
    // `module` condition is the ES module build (11 kB less in every body that replays).
    conditions: ["module"],
    target: "es2020",
    legalComments: "none",
    logLevel: "silent",
  });
  const text = result.outputFiles[0]?.text;
  if (text === undefined) throw new Error("build-warehouse: esbuild wrote nothing");
  return `${banner(version)}\n${withLocalBuiltIns(text)}`;
}

/** Builds the pack into `outDir` and returns its manifest. */
export async function buildWarehouse(outDir: string): Promise<WarehouseManifest> {
  const version = (
    JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string }
  ).version;
  fs.mkdirSync(path.join(outDir, "snowflake"), { recursive: true });
  const library = await bundle(`export * from ${JSON.stringify(runtime)};`, version);
  fs.writeFileSync(path.join(outDir, "touchpoint-warehouse.js"), library);
  const bundles: Record<string, string> = {};
  const manifest: WarehouseManifest = {
    version,
    library: { file: "touchpoint-warehouse.js", bytes: Buffer.byteLength(library) },
    snowflake: {},
  };
  for (const d of declarations) {
    const code = await bundle(bundleEntry(d, runtime), version);
    bundles[d.name] = code;
    const file = `snowflake/${d.name}.js`;
    fs.writeFileSync(path.join(outDir, file), code);
    manifest.snowflake[d.name] = { file, bytes: Buffer.byteLength(code) };
  }
  fs.writeFileSync(path.join(outDir, "bigquery.sql"), bigQuerySql(placeholders.bigquery));
  fs.writeFileSync(
    path.join(outDir, "snowflake.sql"),
    snowflakeSql({ ...placeholders.snowflake, bundles, version }),
  );
  fs.writeFileSync(path.join(outDir, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(root, "dist/warehouse");
  const manifest = await buildWarehouse(out);
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  console.log(`warehouse pack: ${path.relative(root, out)}/ (library ${kb(manifest.library.bytes)})`);
}
