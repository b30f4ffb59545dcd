// Rewrites the parts of package.json and typedoc.json that derive from scripts/areas.mjs: the
// package.json "exports" map and typedoc's entry points. Both files are JSON and cannot import the
// list; test/package/areas.test.ts fails when they disagree with it, and this script is the fix.
//
//   node scripts/sync-areas.mjs           write both files
//   node scripts/sync-areas.mjs --check   exit 1 and name the file when either is out of date
//
// tsup.config.ts and .size-limit.mjs import the list directly and need no syncing.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { entryPoints, exportsMap } from "./areas.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** typedoc documents the areas, not the root barrel (it would document every name twice). */
export function typedocEntryPoints() {
  const { index: _root, ...areaEntries } = entryPoints();
  return Object.values(areaEntries);
}

function main(argv) {
  const check = argv.includes("--check");
  const updates = [
    ["package.json", (json) => ({ ...json, exports: exportsMap() })],
    ["typedoc.json", (json) => ({ ...json, entryPoints: typedocEntryPoints() })],
  ];
  let stale = 0;
  for (const [file, update] of updates) {
    const path = join(root, file);
    const before = readFileSync(path, "utf8");
    const after = `${JSON.stringify(update(JSON.parse(before)), null, 2)}\n`;
    if (after === before) continue;
    stale++;
    if (check) console.error(`sync-areas: ${file} is out of date with scripts/areas.mjs`);
    else {
      writeFileSync(path, after);
      console.log(`sync-areas: wrote ${file}`);
    }
  }
  if (check && stale > 0) process.exitCode = 1;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main(process.argv.slice(2));
