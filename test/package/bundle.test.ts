// `touchpoint/metrics` must not pull xstate or zod into a user's bundle (DESIGN.md; issue 2). This
// bundles a user's entry file with esbuild, resolving `touchpoint` the way a user's bundler does:
// through node_modules/touchpoint (a symlink to this repository) and its package.json "exports".
// xstate and zod are NOT marked external, so if dist/metrics.js reached them they would be bundled
// and show up in the metafile inputs and in the output.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "touchpoint-bundle-"));
  mkdirSync(join(dir, "node_modules"));
  symlinkSync(root, join(dir, "node_modules", "touchpoint"), "dir");
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function bundle(name: string, source: string) {
  const entry = join(dir, `${name}.js`);
  writeFileSync(entry, source);
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    mainFields: ["module", "main"],
    write: false,
    metafile: true,
    logLevel: "silent",
    // Only for the control bundle that imports xstate directly (the temp folder has no copy).
    nodePaths: [join(root, "node_modules")],
  });
  const inputs = Object.keys(result.metafile.inputs);
  const text = result.outputFiles[0]!.text;
  return { inputs, text };
}

// Strings every zod (classic or mini) and every xstate bundle contains: zod keeps its internals
// under `_zod` and names its errors ZodError; xstate's built-in events are `xstate.*`.
const zodMarkers = ["_zod", "ZodError"];
const xstateMarkers = ["xstate.init", "xstate.stop"];
const fromPackage = (inputs: string[], name: string) =>
  inputs.filter((i) => i.includes(`node_modules/${name}/`));

describe("a user's bundle", () => {
  it('`import { nps } from "touchpoint/metrics"` contains no xstate and no zod', async () => {
    const { inputs, text } = await bundle(
      "nps",
      'import { nps } from "touchpoint/metrics";\nconsole.log(nps([10, 9, 0]));\n',
    );
    expect(inputs.some((i) => i.endsWith("dist/metrics.js"))).toBe(true);
    expect(fromPackage(inputs, "zod")).toEqual([]);
    expect(fromPackage(inputs, "xstate")).toEqual([]);
    for (const marker of [...zodMarkers, ...xstateMarkers]) expect(text).not.toContain(marker);
  });

  // Stronger: nothing the subpath exports may reach them.
  it('`import * as metrics from "touchpoint/metrics"` contains no xstate and no zod', async () => {
    const { inputs, text } = await bundle(
      "metrics",
      'import * as metrics from "touchpoint/metrics";\nconsole.log(metrics);\n',
    );
    expect(inputs.some((i) => i.endsWith("dist/metrics.js"))).toBe(true);
    expect(fromPackage(inputs, "zod")).toEqual([]);
    expect(fromPackage(inputs, "xstate")).toEqual([]);
    for (const marker of [...zodMarkers, ...xstateMarkers]) expect(text).not.toContain(marker);
  });

  // Issue 13: recommend.ts and render-template.ts import nothing from zod, yet the playbooks chunk
  // brought it in (50.8 kB gz) through the area's top-level schemas; each main function now has a
  // chunk of its own (scripts/areas.mjs, mainFunctions).
  it('`import { recommend, renderTemplate } from "touchpoint/playbooks"` contains no zod and no xstate', async () => {
    const { text } = await bundle(
      "recommend",
      'import { recommend, renderTemplate } from "touchpoint/playbooks";\nconsole.log(recommend, renderTemplate);\n',
    );
    for (const marker of [...zodMarkers, ...xstateMarkers]) expect(text).not.toContain(marker);
    // esbuild lists zod as an input with 0 bytes in the output when the import is unused.
    expect(gzipSync(text).length).toBeLessThan(26_000);
  });

  // The checks above must be able to fail: the same method finds zod and xstate where they are.
  it("the same check finds zod in `touchpoint/schemas`", async () => {
    const { inputs, text } = await bundle(
      "schemas",
      'import { messageSchema } from "touchpoint/schemas";\nconsole.log(messageSchema.parse({}));\n',
    );
    expect(fromPackage(inputs, "zod").length).toBeGreaterThan(0);
    for (const marker of zodMarkers) expect(text).toContain(marker);
  });

  it("the same check finds xstate in a bundle that imports it", async () => {
    const { inputs, text } = await bundle(
      "xstate",
      'import { createActor, createMachine } from "xstate";\nconsole.log(createActor(createMachine({})));\n',
    );
    expect(fromPackage(inputs, "xstate").length).toBeGreaterThan(0);
    for (const marker of xstateMarkers) expect(text).toContain(marker);
  });
});
