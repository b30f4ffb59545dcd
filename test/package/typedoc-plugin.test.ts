// scripts/typedoc-plugin-properties.mjs restores the "every property is documented" check that
// typedoc.json turns off (to spare the zod enum members no one can document). If the plugin broke,
// undocumented properties would pass `npm run docs` silently; this runs typedoc on a fixture and
// checks which properties it reports, with and without the plugin.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const typedocUrl = pathToFileURL(createRequire(import.meta.url).resolve("typedoc")).href;
const pluginPath = join(root, "scripts", "typedoc-plugin-properties.mjs");
let dir: string;

const fixture = `/**
 * Fixture.
 * @module fixture
 */

/** An interface. */
export interface Shape {
  /** Documented. */
  documented: number;
  undocumented: number;
}

/** A container, as a zod schema is for its options. */
export interface Box<T> {
  /** What it holds. */
  readonly value: T;
}
function toOptions<const T extends string>(values: readonly T[]): Box<{ readonly [K in T]: K }> {
  return { value: Object.fromEntries(values.map((v) => [v, v])) as { readonly [K in T]: K } };
}

/** Its type's members are synthesised by a mapped type, as z.enum's are. */
export const options = toOptions(["first", "second"]);
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "touchpoint-typedoc-"));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "fixture", version: "1.0.0" }));
  writeFileSync(
    join(dir, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: {
        strict: true,
        target: "ES2022",
        lib: ["ES2022"],
        module: "ESNext",
        moduleResolution: "Bundler",
        types: [],
      },
      include: ["src"],
    }),
  );
  writeFileSync(join(dir, "src", "index.ts"), fixture);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs typedoc's conversion and validation in the fixture folder; returns the warnings. */
function warnings(options: Record<string, unknown>): string[] {
  const script = `
    const { Application } = await import(${JSON.stringify(typedocUrl)});
    const app = await Application.bootstrapWithPlugins({
      entryPoints: ["src/index.ts"], tsconfig: "tsconfig.json", disableSources: true, skipErrorChecking: true,
      validation: { notDocumented: true, notExported: false, invalidLink: false },
      ...${JSON.stringify(options)},
    });
    const warnings = [];
    app.logger.log = (message, level) => { if (level >= 2) warnings.push(message.replace(/\\x1b\\[[0-9;]*m/g, "")); };
    const project = await app.convert();
    if (project) app.validate(project);
    process.stdout.write("\\n" + JSON.stringify(warnings));`;
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: dir,
    encoding: "utf8",
  });
  return JSON.parse(output.trimEnd().split("\n").at(-1) ?? "") as string[];
}

const noProperty = [
  "Enum",
  "EnumMember",
  "Variable",
  "Function",
  "Class",
  "Interface",
  "Method",
  "Accessor",
  "TypeAlias",
];

describe("typedoc-plugin-properties", () => {
  it("typedoc's own check reports synthesised members too (why typedoc.json turns it off)", () => {
    const reported = warnings({}).join("\n");
    expect(reported).toContain("Shape.undocumented (Property)");
    expect(reported).toContain("options.__type.first (Property)");
  });

  it("with Property off, the plugin reports the written property and not the synthesised ones", () => {
    expect(warnings({ requiredToBeDocumented: noProperty, plugin: [pluginPath] })).toEqual([
      "[warning] Shape.undocumented (Property), defined in fixture/src/index.ts, does not have any documentation",
    ]);
  });
});
