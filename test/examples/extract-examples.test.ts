// Tests of scripts/extract-examples.mjs itself: a broken extractor would otherwise pass silently
// (no examples found, or assertions translated into code that asserts nothing).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  bracketBalance,
  findExamples,
  findGuideExamples,
  findMissingExamples,
  renderTestFile,
  translateExample,
} from "../../scripts/extract-examples.mjs";

const fixture = `import { x } from "./x.js";

/**
 * Adds two numbers.
 *
 * @param a - one
 * @example
 * \`\`\`ts
 * import { add, TouchpointError as E } from "touchpoint/metrics";
 * import * as all from "touchpoint/schemas";
 * import type { Nps } from "touchpoint/metrics";
 *
 * add(1, 2); // => 3
 * add(0.1, 0.2); // ≈ 0.30
 * add(-1, 0); // throws negative_input
 * const r = add(1, 1);
 * if (r > 1) r; // => 2
 * add(
 *   1,
 *   [2][0],
 * ); // => 3
 * \`\`\`
 *
 * @example A second example, with a caption.
 * \`\`\`ts
 * add(2, 2); // => 4
 * \`\`\`
 * @category Math
 */
export function add(a: number, b: number): number {
  return a + b;
}

/** Not an example: \`\`\`ts code \`\`\` outside @example. */
export const z = 1;
`;

describe("findExamples", () => {
  const examples = findExamples(fixture, "src/m/add.ts");

  it("finds each @example with the line of its tag and the name of the export it documents", () => {
    expect(examples.map((e) => [e.line, e.name, e.codeLine])).toEqual([
      [7, "add", 9],
      [24, "add", 26],
    ]);
  });

  it("strips the ` * ` gutter and keeps only the fenced code", () => {
    expect(examples[1]?.code).toEqual(["add(2, 2); // => 4"]);
    expect(examples[0]?.code[0]).toBe('import { add, TouchpointError as E } from "touchpoint/metrics";');
  });

  it("ignores `/**` inside strings and templates (regression: a glob such as src/**/*.ts opened a false comment)", () => {
    const text = [
      'const glob = "src/**/*.ts";',
      "const note = `",
      "@example",
      "`; /* the first end of comment after the glob */",
      "/**",
      " * Real.",
      " * @example",
      " * ```ts",
      " * 1; // => 1",
      " * ```",
      " */",
      "export const real = 1;",
    ].join("\n");
    expect(findExamples(text, "f.ts").map((e) => [e.line, e.name, e.code])).toEqual([
      [7, "real", ["1; // => 1"]],
    ]);
  });

  it("names a @module comment after its module", () => {
    const text =
      "/**\n * Area.\n * @example\n * ```ts\n * 1; // => 1\n * ```\n * @module metrics\n */\nexport {};\n";
    expect(findExamples(text, "src/metrics/index.ts")[0]?.name).toBe("module metrics");
  });

  it("rejects an @example without a ts fence, and an unclosed fence", () => {
    expect(() => findExamples("/**\n * @example\n * add(1, 2)\n */\nexport const a = 1;", "f.ts")).toThrow(
      "f.ts:2: @example without a fenced ```ts block",
    );
    expect(() => findExamples("/**\n * @example\n * ```ts\n * 1;\n */\nexport const a = 1;", "f.ts")).toThrow(
      "f.ts:1: unclosed ``` fence",
    );
  });
});

describe("findGuideExamples", () => {
  const guide = [
    "# Guide",
    "",
    "```sh",
    "# not a heading, and not TypeScript",
    "npm install touchpoint",
    "```",
    "",
    "## Validate",
    "",
    "```ts",
    "validate(x).success; // => true",
    "```",
    "",
    "```json",
    '{ "ignored": true }',
    "```",
  ].join("\n");

  it("takes each ts block, named after the heading above it, and skips other languages", () => {
    expect(findGuideExamples(guide, "docs/g.md")).toEqual([
      {
        file: "docs/g.md",
        line: 10,
        name: "guide: Validate",
        code: ["validate(x).success; // => true"],
        codeLine: 11,
      },
    ]);
  });

  it("rejects an unclosed ts block", () => {
    expect(() => findGuideExamples("# A\n```ts\n1;\n", "docs/g.md")).toThrow(
      "docs/g.md:2: unclosed ``` fence",
    );
  });
});

describe("translateExample", () => {
  const [first] = findExamples(fixture, "src/m/add.ts");

  it("turns imports into scoped dynamic imports and markers into assertions", () => {
    expect(translateExample(first!)).toEqual([
      'const { add, TouchpointError: E } = await import("touchpoint/metrics");',
      'const all = await import("touchpoint/schemas");',
      '// import type { Nps } from "touchpoint/metrics"; (types only)',
      "",
      "expect(add(1, 2)).toEqual(3);",
      "expect(add(0.1, 0.2)).toBeCloseTo(0.30, 2);",
      'expectTouchpointError(() => add(-1, 0), "negative_input");',
      "const r = add(1, 1);",
      'if (r > 1) expect(r).toEqual(2); else expect.unreachable("(r > 1) was false at src/m/add.ts:17");',
      "expect(add(\n  1,\n  [2][0],\n)).toEqual(3);",
    ]);
  });

  it("keeps the indentation of assertions inside blocks", () => {
    const code = ["if (ok) {", "  value; // => 1", "}", "} else value; // => 2"];
    expect(translateExample({ file: "f.ts", codeLine: 1, code })).toEqual([
      "if (ok) {",
      "  expect(value).toEqual(1);",
      "}",
      "} else expect(value).toEqual(2);",
    ]);
  });

  it.each([
    ["add(1, 2) // => 3", "f.ts:10: an assertion comment needs"],
    ["const x = add(1, 2); // => 3", "f.ts:10: assert on an expression"],
    ["add(1, 2); // ≈ about 3", "f.ts:10: // ≈ needs a plain decimal number"],
    ["add(1, 2); // throws Bad Code", "f.ts:10: // throws needs a snake_case error code"],
    ["); // => 3", "f.ts:10: assertion closes brackets that were never opened"],
  ])("rejects %j, naming file and line", (line, message) => {
    expect(() => translateExample({ file: "f.ts", codeLine: 10, code: [line] })).toThrow(message);
  });

  it("produces code that fails on a wrong value and passes on the right one", async () => {
    const AsyncFunction = (async () => {}).constructor as new (
      ...args: string[]
    ) => (...a: unknown[]) => Promise<void>;
    const run = (code: string[]) =>
      new AsyncFunction("expect", translateExample({ file: "f.ts", codeLine: 1, code }).join("\n"))(expect);
    await expect(run(["Math.max(1, 2); // => 2", "Math.PI; // ≈ 3.14"])).resolves.toBeUndefined();
    await expect(run(["Math.max(1, 2); // => 1"])).rejects.toThrow();
    await expect(run(["Math.PI; // ≈ 3.15"])).rejects.toThrow();
    await expect(run(["const ok = true;", "if (ok) Math.max(1, 2); // => 3"])).rejects.toThrow();
    await expect(run(["const ok = false;", "if (ok) Math.max(1, 2); // => 2"])).rejects.toThrow(
      "(ok) was false",
    );
  });

  it("renders one named `it` per example with the TouchpointError helper", () => {
    const text = renderTestFile("src/m/add.ts", findExamples(fixture, "src/m/add.ts"));
    expect(text).toContain('it("src/m/add.ts:7 add", async () => {');
    expect(text).toContain('it("src/m/add.ts:24 add", async () => {');
    expect(text).toContain("function expectTouchpointError(");
    expect(text).toContain("    expect(add(2, 2)).toEqual(4);");
  });
});

describe("bracketBalance", () => {
  it.each([
    ["f(a, [b]);", 0],
    [");", -1],
    ['f(")", "(");', 0],
    ["f(1, // )", 1],
  ])("%j → %i", (code, balance) => {
    expect(bracketBalance(code)).toBe(balance);
  });
});

describe("findMissingExamples", () => {
  it("names each public function, class and const without an @example, and no type", () => {
    const base = mkdtempSync(join(tmpdir(), "touchpoint-examples-"));
    try {
      mkdirSync(join(base, "src", "area"), { recursive: true });
      mkdirSync(join(base, "src", "empty"), { recursive: true });
      writeFileSync(
        join(base, "src", "area", "impl.ts"),
        [
          "/** Documented.\n * @example\n * ```ts\n * good(); // => 1\n * ```\n */",
          "export function good(): number { return 1; }",
          "/** No example. */",
          "export function bad(): number { return 2; }",
          "export const badConst = [1, 2] as const;",
          "export class BadClass {}",
          "/** A type needs no example. */",
          "export type T = number;",
          "export interface I { a: number }",
          "export function notReExported(): void {}",
        ].join("\n"),
      );
      writeFileSync(
        join(base, "src", "area", "index.ts"),
        'export { good, bad, badConst, BadClass as Renamed } from "./impl.js";\nexport type { T, I } from "./impl.js";\n',
      );
      writeFileSync(join(base, "src", "empty", "index.ts"), "export {};\n");
      expect(findMissingExamples(base, ["area", "empty"])).toEqual([
        { file: join("src", "area", "impl.ts"), line: 9, name: "bad", area: "area" },
        { file: join("src", "area", "impl.ts"), line: 10, name: "badConst", area: "area" },
        { file: join("src", "area", "impl.ts"), line: 11, name: "Renamed", area: "area" },
      ]);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  });
});
