// scripts/areas.mjs is the one list of areas (STYLE.md: derive the exports map, tsup entries,
// typedoc entry points and size budgets from one list, or test that they agree). package.json and
// typedoc.json are JSON and cannot import it, so this test holds them to it; after adding an area
// to the list, `node scripts/sync-areas.mjs` rewrites both.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import sizeLimit from "../../.size-limit.mjs";
import { areas, entryPoints, exportsMap, mainFunctions, splitEntryPoints } from "../../scripts/areas.mjs";
import { typedocEntryPoints } from "../../scripts/sync-areas.mjs";
import { library } from "../../tsup.config.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const readJson = (file: string) => JSON.parse(readFileSync(`${root}${file}`, "utf8"));

describe("scripts/areas.mjs agrees with", () => {
  it("the areas in src/ (a folder with an index.ts; internal/ is not one)", () => {
    const folders = readdirSync(`${root}src`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== "internal")
      .filter((entry) => existsSync(`${root}src/${entry.name}/index.ts`))
      .map((entry) => entry.name)
      .sort();
    expect(folders, "add the area to scripts/areas.mjs, then run `node scripts/sync-areas.mjs`").toEqual(
      areas.map((a) => a.name).sort(),
    );
    for (const file of Object.values(entryPoints())) expect(existsSync(`${root}${file}`), file).toBe(true);
  });

  it('package.json "exports"', () => {
    expect(readJson("package.json").exports, "run `node scripts/sync-areas.mjs`").toEqual(exportsMap());
  });

  it("the tsup entries", () => {
    expect(library.entry).toEqual({ ...entryPoints(), ...splitEntryPoints() });
  });

  it("the typedoc entry points (every area; the root barrel would document everything twice)", () => {
    const { entryPoints: typedocEntries } = readJson("typedoc.json") as { entryPoints: string[] };
    const { index: _root, ...areaEntries } = entryPoints();
    expect(typedocEntryPoints()).toEqual(Object.values(areaEntries));
    expect(typedocEntries, "run `node scripts/sync-areas.mjs`").toEqual(typedocEntryPoints());
  });

  it("the size-limit checks (one per subpath, one per main function, the root's budget the sum of the areas')", () => {
    const checks = sizeLimit as { name: string; path: string; import: string; limit: string }[];
    expect(checks.map((c) => [c.name, c.path, c.import, c.limit])).toEqual([
      ...areas.map((a) => [`touchpoint/${a.name}`, `dist/${a.name}.js`, "*", a.budget]),
      ...mainFunctions.map((f) => [
        `${f.name} from touchpoint/${f.area}`,
        `dist/${f.area}.js`,
        `{ ${f.name} }`,
        f.budget,
      ]),
      [
        "touchpoint",
        "dist/index.js",
        "*",
        `${areas.reduce((sum, a) => sum + Number.parseFloat(a.budget), 0)} kB`,
      ],
    ]);
  });
});
