// Every subpath of the built package loads from ESM and from CJS, through package.json "exports",
// and both forms expose the same names. Runs a real Node process (test/package/fixtures/probe.mjs)
// so that nothing of vite's resolution or transforms stands between the test and dist/.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { areas } from "../../scripts/areas.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
  name: string;
  exports: Record<string, unknown>;
};

// Subpaths that are modules ("./json-schema/*" and "./package.json" are files).
const moduleSubpaths = Object.keys(pkg.exports).filter((key) => !key.includes("*") && !key.endsWith(".json"));
const specifiers = moduleSubpaths.map((key) => (key === "." ? pkg.name : `${pkg.name}/${key.slice(2)}`));

interface Probe {
  subpaths: Record<string, { esm: string[]; cjs: string[]; esmFile: string; cjsFile: string }>;
  esmErrorClasses: number;
  cjsErrorClasses: number;
  crossBuild: Record<string, boolean>;
}
let probe: Probe;

beforeAll(() => {
  expect(existsSync(`${root}dist/index.js`), "run `npm run build` first").toBe(true);
  const output = execFileSync(process.execPath, [`${root}test/package/fixtures/probe.mjs`, ...specifiers], {
    cwd: root,
    encoding: "utf8",
  });
  probe = JSON.parse(output) as Probe;
});

describe("built package", () => {
  it("has a module subpath for the root and for every area", () => {
    expect(specifiers).toEqual(["touchpoint", ...areas.map((a) => `touchpoint/${a.name}`)]);
  });

  it.each(specifiers)("%s resolves to dist/ for both import and require", (specifier) => {
    const entry = specifier === "touchpoint" ? "index" : specifier.slice("touchpoint/".length);
    expect(probe.subpaths[specifier]?.esmFile).toBe(`file://${root}dist/${entry}.js`);
    expect(probe.subpaths[specifier]?.cjsFile).toBe(`${root}dist/${entry}.cjs`);
  });

  it.each(specifiers)("%s exposes the same names from ESM and CJS", (specifier) => {
    const { esm, cjs } = probe.subpaths[specifier]!;
    expect(cjs).toEqual(esm);
  });

  it("the root re-exports every name of every area", () => {
    const rootNames = new Set(probe.subpaths.touchpoint!.esm);
    for (const area of areas) {
      const missing = probe.subpaths[`touchpoint/${area.name}`]!.esm.filter((name) => !rootNames.has(name));
      expect(missing, `touchpoint/${area.name} names missing from the root barrel`).toEqual([]);
    }
  });

  it("schemas and metrics are not empty", () => {
    expect(probe.subpaths["touchpoint/schemas"]!.esm).toContain("conversationSchema");
    expect(probe.subpaths["touchpoint/metrics"]!.esm).toContain("TouchpointError");
  });

  it("TouchpointError is one class whichever subpath exports it (one per module format)", () => {
    expect(probe.esmErrorClasses).toBe(1);
    expect(probe.cjsErrorClasses).toBe(1);
  });

  it("an error thrown by one build is a TouchpointError to the other (Symbol.for brand)", () => {
    expect(probe.crossBuild).toEqual({
      distinctClasses: true,
      cjsErrorIsEsmInstance: true,
      esmErrorIsCjsInstance: true,
      esmGuardOnCjsError: true,
      cjsGuardOnEsmError: true,
      plainErrorIsInstance: false,
      plainErrorGuard: false,
    });
  });

  it("ships type declarations for both conditions of every subpath", () => {
    for (const key of moduleSubpaths) {
      const target = pkg.exports[key] as Record<"import" | "require", { types: string; default: string }>;
      for (const condition of ["import", "require"] as const) {
        expect(existsSync(`${root}${target[condition].types}`), target[condition].types).toBe(true);
        expect(existsSync(`${root}${target[condition].default}`), target[condition].default).toBe(true);
      }
    }
  });
});
