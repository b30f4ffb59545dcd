// Turns every `@example` block of the doc comments under src/, and every ```ts block of the guides
// in README.md and docs/*.md, into a vitest file, so that the code on the typedoc site is tested (STYLE.md: simple-statistics shipped examples whose values
// its code never produced; ours cannot drift).
//
//   node scripts/extract-examples.mjs           regenerate test/examples/generated/**
//   node scripts/extract-examples.mjs --check   only check that every public value has an @example
//
// In a fenced ```ts block of an @example:
//   expr; // => value     becomes  expect(expr).toEqual(value)
//   expr; // ≈ 12.34      becomes  expect(expr).toBeCloseTo(12.34, 2)   (decimals as shown)
//   expr; // throws code  asserts that expr throws a TouchpointError whose `code` is `code`
// A single-line `if (cond) expr; // => value` keeps its condition, and fails when the condition is
// false (the comment says the line runs). An expression may span several
// lines when the line with the marker closes it (`nps([\n 9,\n 10,\n]); // => 100`). Imports become
// `await import()` inside the example's own async `it`, so examples never collide with each other.
// Everything else is copied as is. npm run test:unit then type-checks the generated files
// (tsconfig.examples.json) before vitest runs them: an example must compile, not only run.
//
// It exits 1, naming file and line, when an example cannot be translated, when a function, class or
// const value reachable from an area's index.ts has no @example, or when no example is found at all.

import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import ts from "typescript";
import { areas } from "./areas.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** An error in a doc comment, reported as `file:line: message`. */
export class ExampleError extends Error {
  /**
   * @param {string} file
   * @param {number} line
   * @param {string} message
   */
  constructor(file, line, message) {
    super(`${file}:${line}: ${message}`);
    this.name = "ExampleError";
  }
}

/**
 * The `/** ... *\/` comments of a source file, in order, as the TypeScript parser sees them (so a
 * `/**` inside a string, a template or a regular expression is not mistaken for one).
 */
function docCommentRanges(text, file) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const ranges = new Map();
  const visit = (node) => {
    for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) {
      if (
        range.kind === ts.SyntaxKind.MultiLineCommentTrivia &&
        /^\/\*\*(?!\/)/.test(text.slice(range.pos))
      ) {
        ranges.set(range.pos, range);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  visit(source.endOfFileToken);
  return [...ranges.values()].sort((a, b) => a.pos - b.pos);
}

/**
 * Finds the @example blocks of every doc comment in one source file.
 *
 * @param {string} text the file's source
 * @param {string} file its path, for names and errors
 * @returns {{ file: string, line: number, name: string, code: string[], codeLine: number }[]}
 *   one entry per @example; `line` is the line of the tag, `codeLine` of the first code line
 */
export function findExamples(text, file) {
  const examples = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") lineStarts.push(i + 1);
  const lineOf = (offset) => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };

  for (const range of docCommentRanges(text, file)) {
    const comment = text.slice(range.pos, range.end);
    if (!comment.includes("@example")) continue;
    const firstLine = lineOf(range.pos);
    const name = documentedName(comment, text.slice(range.end));
    // Strip `/**`, `*/` and the ` * ` gutter, keeping one entry per source line.
    const lines = comment
      .replace(/^\/\*\*/, "")
      .replace(/\*\/$/, "")
      .split("\n")
      .map((l) => l.replace(/^\s*\* ?/, ""));
    const own = [];
    let current = null;
    let fence = null; // null | "ts" | "other"
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const sourceLine = firstLine + i;
      const trimmed = line.trim();
      if (fence === null && /^@\w+/.test(trimmed)) {
        current = null;
        if (/^@example\b/.test(trimmed)) {
          current = { file, line: sourceLine, name, code: [], codeLine: 0 };
          own.push(current);
        }
        continue;
      }
      if (trimmed.startsWith("```")) {
        if (fence === null) {
          fence = /^```(ts|typescript)\s*$/.test(trimmed) ? "ts" : "other";
          if (fence === "ts" && current && current.codeLine === 0) current.codeLine = sourceLine + 1;
        } else {
          fence = null;
        }
        continue;
      }
      if (fence === "ts" && current) current.code.push(line);
    }
    if (fence !== null) throw new ExampleError(file, firstLine, "unclosed ``` fence in a doc comment");
    for (const example of own) {
      if (example.code.length === 0)
        throw new ExampleError(file, example.line, "@example without a fenced ```ts block");
    }
    examples.push(...own);
  }
  return examples;
}

/**
 * Finds the ```ts blocks of a Markdown guide (docs/*.md): each is an example, named after the
 * heading above it, so the guides' code is tested like the API docs'.
 *
 * @param {string} text the guide's Markdown
 * @param {string} file its path, for names and errors
 */
export function findGuideExamples(text, file) {
  const examples = [];
  const lines = text.split("\n");
  let heading = "(top)";
  let current = null;
  let inOtherFence = false;
  for (let i = 0; i < lines.length; i++) {
    const trimmed = lines[i].trim();
    if (current) {
      if (trimmed.startsWith("```")) current = null;
      else current.code.push(lines[i]);
      continue;
    }
    if (trimmed.startsWith("```")) {
      if (inOtherFence) inOtherFence = false;
      else if (/^```(ts|typescript)\s*$/.test(trimmed)) {
        current = { file, line: i + 1, name: `guide: ${heading}`, code: [], codeLine: i + 2 };
        examples.push(current);
      } else inOtherFence = true;
      continue;
    }
    const title = inOtherFence ? null : /^#{1,6}\s+(.*)$/.exec(trimmed);
    if (title) heading = title[1];
  }
  if (current) throw new ExampleError(file, current.line, "unclosed ``` fence");
  return examples;
}

/** The name of what a doc comment documents: the declaration after it, or the module it opens. */
function documentedName(comment, after) {
  const moduleTag = /@module\s+(\S+)/.exec(comment);
  if (moduleTag) return `module ${moduleTag[1]}`;
  const declaration =
    /^\s*(?:export\s+)?(?:declare\s+)?(?:default\s+)?(?:abstract\s+)?(?:async\s+)?(?:function\*?|const|let|var|class|type|interface)\s+([\w$]+)/.exec(
      after,
    ) ?? /^\s*(?:(?:public|private|protected|static|readonly|get|set|async)\s+)*([\w$]+)/.exec(after);
  return declaration ? declaration[1] : "(anonymous)";
}

/**
 * How many more opening than closing brackets a piece of code has, ignoring string literals and
 * comments. Negative when the code closes brackets opened on earlier lines.
 */
export function bracketBalance(code) {
  let depth = 0;
  for (let i = 0; i < code.length; i++) {
    const c = code[i];
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < code.length && code[i] !== c; i++) if (code[i] === "\\") i++;
    } else if (c === "/" && code[i + 1] === "/") {
      break;
    } else if (c === "(" || c === "[" || c === "{") {
      depth++;
    } else if (c === ")" || c === "]" || c === "}") {
      depth--;
    }
  }
  return depth;
}

/** Splits `if (cond) rest` into its prefix `if (cond) ` and `rest`; no prefix when there is none. */
function splitControlPrefix(statement) {
  const match = /^(\s*)((?:}\s*)?else\s+)?if\s*\(/.exec(statement);
  if (!match) {
    const elseOnly = /^(\s*(?:}\s*)?else\s+)(?!if\b)/.exec(statement);
    return elseOnly ? [elseOnly[1], statement.slice(elseOnly[1].length)] : ["", statement];
  }
  let depth = 1;
  let i = match[0].length;
  for (; i < statement.length && depth > 0; i++) {
    const c = statement[i];
    if (c === '"' || c === "'" || c === "`") {
      for (i++; i < statement.length && statement[i] !== c; i++) if (statement[i] === "\\") i++;
    } else if (c === "(") depth++;
    else if (c === ")") depth--;
  }
  const end = statement.slice(i).match(/^\s*/)[0].length + i;
  return [statement.slice(0, end), statement.slice(end)];
}

const assertion = /^(.*?);?\s*\/\/\s*(=>|≈|throws)\s*(.*?)\s*$/;

/**
 * Translates the code of one example into the body of an async vitest `it`.
 *
 * @param {{ file: string, codeLine: number, code: string[] }} example
 * @returns {string[]} the body's lines
 */
export function translateExample(example) {
  const out = [];
  const code = example.code;
  for (let i = 0; i < code.length; i++) {
    const line = code[i];
    const lineNo = example.codeLine + i;
    const fail = (message) => {
      throw new ExampleError(example.file, lineNo, message);
    };

    // Imports (possibly over several lines) become dynamic imports scoped to this example.
    if (/^\s*import\b(?!\s*\()/.test(line)) {
      let statement = line;
      while (!/\bfrom\s*["'][^"']+["']\s*;?\s*$/.test(statement) && !/^\s*import\s*["']/.test(statement)) {
        i++;
        if (i >= code.length) fail("unterminated import");
        statement += `\n${code[i]}`;
      }
      out.push(translateImport(statement, fail));
      continue;
    }

    const match = assertion.exec(line);
    if (!match || !/;\s*\/\//.test(line)) {
      if (match) fail(`an assertion comment needs \`expr; // ${match[2]} ...\` (with the semicolon)`);
      out.push(line);
      continue;
    }
    const [, statementText, kind, expected] = match;
    // The statement may have started on earlier lines: pull them back in until brackets balance.
    let statement = statementText;
    // (`} else expr; // => v` closes the block before it, which is not part of the expression.)
    while (!/^\s*}\s*else\b/.test(statement) && bracketBalance(statement) < 0) {
      const previous = out.pop();
      if (previous === undefined) fail("assertion closes brackets that were never opened");
      statement = `${previous}\n${statement}`;
    }
    const [prefix, expression] = splitControlPrefix(statement);
    if (/^\s*(const|let|var|return|throw)\b/.test(expression)) {
      fail(`assert on an expression, not a declaration or statement: ${expression.trim()}`);
    }
    if (expression.trim() === "") fail(`nothing to assert before // ${kind}`);
    if (expected === "") fail(`// ${kind} needs a value`);
    const indent = /^\s*/.exec(statement)[0];
    const expr = expression.trim();
    if (kind === "=>") {
      out.push(`${prefix}expect(${expr}).toEqual(${expected});`);
    } else if (kind === "≈") {
      const number = /^-?\d+(?:\.(\d+))?$/.exec(expected);
      if (!number) fail(`// ≈ needs a plain decimal number, got ${expected}`);
      out.push(`${prefix}expect(${expr}).toBeCloseTo(${expected}, ${number[1]?.length ?? 0});`);
    } else {
      if (!/^[a-z][a-z0-9_]*$/.test(expected))
        fail(`// throws needs a snake_case error code, got ${expected}`);
      out.push(`${prefix}expectTouchpointError(() => ${expr}, ${JSON.stringify(expected)});`);
    }
    if (prefix === "" && indent !== "") out[out.length - 1] = indent + out[out.length - 1].trimStart();
    // The comment claims the line runs: a false condition must fail, not skip the assertion.
    const nextLine = code.slice(i + 1).find((l) => l.trim() !== "") ?? "";
    if (/^\s*if\b/.test(prefix) && !/^\s*else\b/.test(nextLine)) {
      const condition = prefix.trim().replace(/^if\s*/, "");
      out[out.length - 1] +=
        ` else expect.unreachable(${JSON.stringify(`${condition} was false at ${example.file}:${lineNo}`)});`;
    }
  }
  return out;
}

/** `import { a, b as c } from "m"` → `const { a, b: c } = await import("m");` (type-only parts dropped). */
function translateImport(statement, fail) {
  const text = statement.replace(/\s+/g, " ").trim();
  const bare = /^import ["']([^"']+)["'];?$/.exec(text);
  if (bare) return `await import(${JSON.stringify(bare[1])});`;
  const match = /^import (type )?(.*?) from ["']([^"']+)["'];?$/.exec(text);
  if (!match) fail(`cannot read this import: ${text}`);
  const [, typeOnly, clause, source] = match;
  if (typeOnly) return `// ${text} (types only)`;
  const from = `await import(${JSON.stringify(source)})`;
  const namespace = /^\* as ([\w$]+)$/.exec(clause);
  if (namespace) return `const ${namespace[1]} = ${from};`;
  const named = /^(?:([\w$]+)\s*,\s*)?\{(.*)\}$/.exec(clause);
  const defaultOnly = /^([\w$]+)$/.exec(clause);
  if (defaultOnly) return `const { default: ${defaultOnly[1]} } = ${from};`;
  if (!named) fail(`cannot read this import: ${text}`);
  const parts = [];
  if (named[1]) parts.push(`default: ${named[1]}`);
  for (const specifier of named[2].split(",")) {
    const s = specifier.trim();
    if (s === "" || s.startsWith("type ")) continue;
    const alias = /^([\w$]+) as ([\w$]+)$/.exec(s);
    parts.push(alias ? `${alias[1]}: ${alias[2]}` : s);
  }
  if (parts.length === 0) return `// ${text} (types only)`;
  return `const { ${parts.join(", ")} } = ${from};`;
}

/**
 * Renders the vitest file for the examples of one source file.
 *
 * @param {string} file the source path, relative to the repository root
 * @param {ReturnType<typeof findExamples>} examples
 */
export function renderTestFile(file, examples) {
  const body = [
    `// Generated by scripts/extract-examples.mjs from ${file}. Do not edit: edit the doc comment.`,
    `import { describe, expect, it } from "vitest";`,
    "",
    "function expectTouchpointError(run: () => unknown, code: string): void {",
    "  let thrown: unknown;",
    "  try {",
    "    run();",
    "  } catch (error) {",
    "    thrown = error;",
    "  }",
    '  expect(thrown, "expected the example to throw").toBeInstanceOf(Error);',
    '  expect((thrown as Error).name).toBe("TouchpointError");',
    "  expect((thrown as { code?: unknown }).code).toBe(code);",
    "}",
    "",
    `describe(${JSON.stringify(file)}, () => {`,
  ];
  for (const example of examples) {
    const lines = translateExample(example);
    body.push(`  it(${JSON.stringify(`${example.file}:${example.line} ${example.name}`)}, async () => {`);
    for (const line of lines) body.push(line === "" ? "" : `    ${line}`);
    body.push("  });");
  }
  body.push("});", "");
  return body.join("\n");
}

function listSourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSourceFiles(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) files.push(path);
  }
  return files.sort();
}

/**
 * Lists the functions, classes and const values reachable from each area's index.ts that have no
 * @example in their doc comment. Types and interfaces need none.
 *
 * @param {string} base the repository root (a fixture root in tests)
 * @param {string[]} areaNames
 * @returns {{ file: string, line: number, name: string, area: string }[]}
 */
export function findMissingExamples(base, areaNames) {
  const indexFiles = areaNames.map((a) => join(base, "src", a, "index.ts"));
  const program = ts.createProgram(indexFiles, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const missing = [];
  const seen = new Set();
  for (const [i, indexFile] of indexFiles.entries()) {
    const source = program.getSourceFile(indexFile);
    if (!source) throw new Error(`extract-examples: ${relative(base, indexFile)} not found`);
    const moduleSymbol = checker.getSymbolAtLocation(source);
    if (!moduleSymbol) continue; // a file that exports nothing is not a module yet
    for (const exported of checker.getExportsOfModule(moduleSymbol)) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const declarations = (symbol.declarations ?? []).filter(
        (d) =>
          ts.isFunctionDeclaration(d) ||
          ts.isClassDeclaration(d) ||
          (ts.isVariableDeclaration(d) && !(ts.getCombinedNodeFlags(d) & ts.NodeFlags.Let)),
      );
      if (declarations.length === 0) continue;
      const hasExample = declarations.some((d) =>
        ts.getJSDocTags(d).some((t) => t.tagName.text === "example"),
      );
      const first = declarations[0];
      const file = first.getSourceFile();
      const key = `${file.fileName}:${first.pos}`;
      if (hasExample || seen.has(key)) continue;
      seen.add(key);
      const { line } = file.getLineAndCharacterOfPosition(first.getStart());
      missing.push({
        file: relative(base, file.fileName),
        line: line + 1,
        name: exported.name,
        area: areaNames[i],
      });
    }
  }
  return missing;
}

function main(argv) {
  const checkOnly = argv.includes("--check");
  const problems = [];
  for (const m of findMissingExamples(
    root,
    areas.map((a) => a.name),
  )) {
    problems.push(`${m.file}:${m.line}: ${m.name} (exported by touchpoint/${m.area}) has no @example`);
  }

  const outDir = join(root, "test", "examples", "generated");
  const generated = [];
  let count = 0;
  for (const path of listSourceFiles(join(root, "src"))) {
    const file = relative(root, path).split("\\").join("/");
    try {
      const examples = findExamples(readFileSync(path, "utf8"), file);
      if (examples.length === 0) continue;
      count += examples.length;
      generated.push([
        file.replace(/^src\//, "").replace(/\.ts$/, ".test.ts"),
        renderTestFile(file, examples),
      ]);
    } catch (error) {
      if (error instanceof ExampleError) problems.push(error.message);
      else throw error;
    }
  }
  if (count === 0) problems.push("src: no @example found at all (is the extractor broken?)");
  const docs = join(root, "docs");
  const guides = existsSync(docs)
    ? readdirSync(docs)
        .filter((f) => f.endsWith(".md"))
        .sort()
        .map((f) => `docs/${f}`)
    : [];
  // The README is the typedoc site's front page and npm's: its examples are tested too.
  for (const file of ["README.md", ...guides]) {
    try {
      const examples = findGuideExamples(readFileSync(join(root, file), "utf8"), file);
      if (examples.length === 0) continue;
      count += examples.length;
      generated.push([file.replace(/\.md$/, ".test.ts"), renderTestFile(file, examples)]);
    } catch (error) {
      if (error instanceof ExampleError) problems.push(error.message);
      else throw error;
    }
  }

  if (!checkOnly) {
    // Written even when there are problems, so every example that does translate still runs.
    rmSync(outDir, { recursive: true, force: true });
    for (const [name, content] of generated) {
      const target = join(outDir, name);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
  }
  if (problems.length > 0) {
    for (const p of problems) console.error(`extract-examples: ${p}`);
    process.exitCode = 1;
    return;
  }
  if (checkOnly) {
    console.log(`extract-examples: ${count} examples, every public value has one`);
    return;
  }
  console.log(
    `extract-examples: ${count} examples → ${generated.length} files in ${relative(root, outDir)}/`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href)
  main(process.argv.slice(2));
