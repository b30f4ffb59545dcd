// The one list of the package's areas. package.json "exports", the tsup entries, the typedoc entry
// points and the size budgets are derived from it or tested against it (test/package/areas.test.ts).
// An area is a folder src/<name>/ with an index.ts; "index" is the root barrel src/index.ts.
// `budget` is the brotli size-limit of importing everything the area exports, peers excluded.
// conversation includes classify (replayConversation classifies with classifyAct); the machine
// alone, `import { conversationMachine }`, bundles to about 8 kB gzip.

/** @type {{ name: string, budget: string, node?: boolean }[]} */
export const areas = [
  { name: "schemas", budget: "12 kB" },
  { name: "metrics", budget: "13 kB" },
  { name: "classify", budget: "40 kB" },
  { name: "journey", budget: "13 kB" },
  { name: "conversation", budget: "43 kB" },
  { name: "playbooks", budget: "24 kB" },
  { name: "adapters", budget: "13 kB" },
  { name: "host", budget: "20 kB" },
];

/** Entry name → source file, for tsup and typedoc. */
export function entryPoints() {
  const entries = { index: "src/index.ts" };
  for (const a of areas) entries[a.name] = `src/${a.name}/index.ts`;
  return entries;
}

/** The package.json "exports" map the areas imply. */
export function exportsMap() {
  const cond = (name) => ({
    import: { types: `./dist/${name}.d.ts`, default: `./dist/${name}.js` },
    require: { types: `./dist/${name}.d.cts`, default: `./dist/${name}.cjs` },
  });
  const map = { ".": cond("index") };
  for (const a of areas) map[`./${a.name}`] = cond(a.name);
  map["./json-schema/*"] = "./dist/json-schema/*";
  map["./package.json"] = "./package.json";
  return map;
}
