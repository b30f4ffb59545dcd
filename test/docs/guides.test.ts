// The guides in docs/ against the code and the site configuration: the journey guide's diagram is the
// one the machine generates, every guide is on the site (typedoc.json lists them in navigation
// order, so a new guide must be added there), and the command-line guide documents every option.
// Their ```ts blocks are tested separately, by scripts/extract-examples.mjs.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { journeyDiagram, journeyMachine } from "touchpoint/journey";
import { describe, expect, it } from "vitest";
import { usage } from "../../src/cli/main.js";

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const read = (file: string) => fs.readFileSync(path.join(root, file), "utf8");
const guides = fs
  .readdirSync(path.join(root, "docs"))
  .filter((f) => f.endsWith(".md"))
  .map((f) => `docs/${f}`);

/** The fenced blocks of one language in a Markdown text, without their fences. */
function fences(markdown: string, language: string): string[] {
  const blocks: string[] = [];
  const pattern = new RegExp(`^\`\`\`${language}\\n([\\s\\S]*?)^\`\`\`$`, "gm");
  for (const match of markdown.matchAll(pattern)) blocks.push(match[1]!);
  return blocks;
}

describe("docs/journey.md", () => {
  it("embeds the default model's diagram as journeyDiagram draws it", () => {
    // Regenerate: the block is `journeyDiagram(journeyMachine)`, as in docs/journey-diagrams/default.md.
    expect(fences(read("docs/journey.md"), "mermaid")).toEqual([
      `${journeyDiagram(journeyMachine).trimEnd()}\n`,
    ]);
  });

  it("has the generated diagram pages as its children", () => {
    const frontmatter = /^---\n([\s\S]*?)\n---\n/.exec(read("docs/journey.md"))?.[1] ?? "";
    for (const file of fs.readdirSync(path.join(root, "docs", "journey-diagrams"))) {
      expect(frontmatter).toContain(`./journey-diagrams/${file}`);
    }
  });
});

describe("the site's guides", () => {
  const config = JSON.parse(read("typedoc.json")) as { projectDocuments: string[] };

  it.each(guides)("%s is listed in typedoc.json's projectDocuments", (guide) => {
    expect(config.projectDocuments).toContain(guide);
  });

  it("lists only guides that exist", () => {
    expect(config.projectDocuments.filter((file) => !guides.includes(file))).toEqual([]);
  });

  it.each(guides)("%s has a title", (guide) => {
    expect(read(guide)).toMatch(/^---\ntitle: \S.*\n/);
  });
});

describe("docs/command-line.md", () => {
  const guide = read("docs/command-line.md");
  const options = [...usage.matchAll(/^\s+(?:-\w, )?(--[a-z-]+)/gm)].map((m) => m[1]!);

  it("reads the options from the usage text", () => {
    expect(options).toContain("--schedule");
    expect(options.length).toBeGreaterThan(8);
  });

  it.each(options)("documents %s", (option) => {
    expect(guide).toMatch(new RegExp(`^\\| (\`-\\w\`, )?\`${option}\``, "m"));
  });
});
