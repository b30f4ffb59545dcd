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
  { name: "journey", budget: "14.5 kB" },
  { name: "conversation", budget: "48 kB" },
  { name: "playbooks", budget: "25 kB" },
  { name: "adapters", budget: "14 kB" },
  { name: "host", budget: "20 kB" },
];

/**
 * The main functions, each with a size budget for importing it alone (brotli, peers excluded). They
 * are also extra tsup entries (not exports): esbuild's code splitting puts every module in the chunk
 * of the set of entries that reach it, so a function that is its own entry gets a chunk apart from
 * the rest of its area. A user's bundler then takes that chunk without the area's top-level zod
 * schemas, which no bundler can drop from a chunk it takes (a call may have side effects).
 * @type {{ name: string, area: string, file: string, budget: string }[]}
 */
export const mainFunctions = [
  { name: "recommend", area: "playbooks", file: "src/playbooks/recommend.ts", budget: "20 kB" },
  {
    name: "recommendFrom",
    area: "playbooks",
    file: "src/playbooks/recommend-from.ts",
    budget: "3 kB",
  },
  { name: "renderTemplate", area: "playbooks", file: "src/playbooks/render-template.ts", budget: "2 kB" },
  {
    name: "classifyInteraction",
    area: "classify",
    file: "src/classify/classify-interaction.ts",
    budget: "27 kB",
  },
  {
    name: "replayConversation",
    area: "conversation",
    file: "src/conversation/replay-conversation.ts",
    budget: "41 kB",
  },
  { name: "journeyFunnel", area: "journey", file: "src/journey/journey-funnel.ts", budget: "11.5 kB" },
];

/** The extra tsup entries of {@link mainFunctions}: `split/<name>` → source file. */
export function splitEntryPoints() {
  return Object.fromEntries(mainFunctions.map((f) => [`split/${f.name}`, f.file]));
}

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
