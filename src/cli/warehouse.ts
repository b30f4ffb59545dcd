/// <reference types="node" />
/*
 * `touchpoint warehouse bigquery|snowflake --out DIR`: writes the warehouse pack with the user's own
 * names. The code is the pack `npm run build` bundled into dist/warehouse/ (scripts/build-warehouse.ts);
 * this command only fills the SQL with the dataset or schema and the library's location, from the
 * same declarations (src/warehouse/declarations.ts).
 */
import { mkdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { declarations } from "../warehouse/declarations.js";
import { bigQuerySql, snowflakeSql } from "../warehouse/sql.js";
import type { CliIo } from "./main.js";

export const warehouseUsage = `Usage: touchpoint warehouse bigquery|snowflake --out <dir> [options]

Writes touchpoint's functions for a warehouse: the SQL that creates them (with types and comments)
and, for BigQuery, the JavaScript library file they load. Guides: docs/warehouse-bigquery.md and
docs/warehouse-snowflake.md.

Options:
  --out <dir>         the folder to write to (created if missing)
  --prefix <name>     BigQuery: project.dataset (default your-project.touchpoint);
                      Snowflake: DATABASE.SCHEMA (default TOUCHPOINT.PUBLIC)
  --library <uri>     BigQuery: where you upload touchpoint-warehouse.js
                      (default gs://your-bucket/touchpoint-warehouse.js)
  -h, --help          show this help
`;

interface Manifest {
  version: string;
  library: { file: string; bytes: number };
  snowflake: Record<string, { file: string; bytes: number }>;
}

/** The built pack: next to the bundled command (dist/cli.js), or dist/ when run from the sources. */
function packDirs(): string[] {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return [path.join(here, "warehouse"), path.resolve(here, "../../dist/warehouse")];
}

/** Runs the subcommand; returns the exit status (0 ok, 1 failure, 2 usage). */
export function runWarehouse(
  argv: readonly string[],
  io: Pick<CliIo, "readFile" | "writeFile" | "stdout" | "stderr">,
  dirs: readonly string[] = packDirs(),
): number {
  let values: {
    out?: string | undefined;
    prefix?: string | undefined;
    library?: string | undefined;
    help?: boolean | undefined;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: "string" },
        prefix: { type: "string" },
        library: { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    io.stderr(`touchpoint warehouse: ${(error as Error).message}\n\n${warehouseUsage}`);
    return 2;
  }
  if (values.help) {
    io.stdout(warehouseUsage);
    return 0;
  }
  const [target, ...rest] = positionals;
  const usage = (problem: string) => {
    io.stderr(`touchpoint warehouse: ${problem}\n\n${warehouseUsage}`);
    return 2;
  };
  if (target !== "bigquery" && target !== "snowflake")
    return usage(
      `expected bigquery or snowflake, got ${target === undefined ? "nothing" : JSON.stringify(target)}`,
    );
  if (rest.length > 0) return usage(`unexpected ${JSON.stringify(rest[0])}`);
  if (values.out === undefined) return usage("--out <dir> is required");
  if (target === "snowflake" && values.library !== undefined)
    return usage("--library applies only to bigquery");

  let manifest: Manifest | undefined;
  let dir = "";
  for (const candidate of dirs) {
    try {
      manifest = JSON.parse(io.readFile(path.join(candidate, "manifest.json"))) as Manifest;
      dir = candidate;
      break;
    } catch {
      // Not built there; try the next place.
    }
  }
  if (manifest === undefined) {
    io.stderr(
      `touchpoint warehouse: the built pack is missing (looked in ${dirs.join(", ")}); run npm run build\n`,
    );
    return 1;
  }
  try {
    // Everything is generated (and checked) before the folder is touched.
    const files: [string, string][] = [];
    const write = (file: string, text: string) => files.push([file, text]);
    if (target === "bigquery") {
      const library = io.readFile(path.join(dir, manifest.library.file));
      write(
        "bigquery.sql",
        bigQuerySql({
          prefix: values.prefix ?? "your-project.touchpoint",
          libraryUri: values.library ?? "gs://your-bucket/touchpoint-warehouse.js",
        }),
      );
      write("touchpoint-warehouse.js", library);
    } else {
      const bundles: Record<string, string> = {};
      for (const d of declarations) {
        const entry = manifest.snowflake[d.name];
        if (entry === undefined)
          throw new Error(`the built pack has no bundle for ${d.name}; run npm run build`);
        bundles[d.name] = io.readFile(path.join(dir, entry.file));
      }
      write(
        "snowflake.sql",
        snowflakeSql({ prefix: values.prefix ?? "TOUCHPOINT.PUBLIC", bundles, version: manifest.version }),
      );
    }
    mkdirSync(values.out, { recursive: true });
    const written: string[] = [];
    for (const [file, text] of files) {
      io.writeFile(path.join(values.out, file), text);
      written.push(`${path.join(values.out, file)} (${(Buffer.byteLength(text) / 1024).toFixed(1)} kB)`);
    }
    io.stdout(`touchpoint warehouse ${target}: wrote ${written.join(", ")}\n`);
    return 0;
  } catch (error) {
    io.stderr(`touchpoint warehouse: ${(error as Error).message}\n`);
    return 1;
  }
}
