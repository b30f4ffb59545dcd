// size-limit budgets, one per subpath, derived from scripts/areas.mjs (the one list of areas).
// Each check bundles `import * as all from "<built entry>"` with esbuild and measures it brotli'd
// (size-limit 12's default). Peer dependencies (xstate, zod) are left out, as size-limit does by
// default: the budget is what touchpoint itself adds to a bundle (notes/toolchain.md §4.4).
// The root barrel's budget is the sum of the areas' budgets.
import { areas, mainFunctions } from "./scripts/areas.mjs";

const kB = (budget) => {
  const match = /^(\d+(?:\.\d+)?) kB$/.exec(budget);
  if (!match) throw new Error(`.size-limit.mjs: budgets in scripts/areas.mjs are "<n> kB", got ${budget}`);
  return Number(match[1]);
};

export default [
  ...areas.map((area) => ({
    name: `touchpoint/${area.name}`,
    path: `dist/${area.name}.js`,
    import: "*",
    limit: area.budget,
  })),
  // Each main function imported alone (scripts/areas.mjs, mainFunctions).
  ...mainFunctions.map((f) => ({
    name: `${f.name} from touchpoint/${f.area}`,
    path: `dist/${f.area}.js`,
    import: `{ ${f.name} }`,
    limit: f.budget,
  })),
  {
    name: "touchpoint",
    path: "dist/index.js",
    import: "*",
    limit: `${areas.reduce((sum, area) => sum + kB(area.budget), 0)} kB`,
  },
];
