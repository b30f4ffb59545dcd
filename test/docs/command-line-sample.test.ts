/*
 * The example run in docs/command-line.md is the command's real output on the bundled sample
 * export, shortened: every line of it must be a line of today's output, and a line shortened with
 * "…" must start and end as one does. When the figures change, paste the new run into the guide.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type CliIo, run } from "../../src/cli/main.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");

describe("docs/command-line.md: the example run", () => {
  it("matches what `touchpoint analyze` prints on examples/data/conversations.json", () => {
    const guide = read("docs/command-line.md");
    const start = guide.indexOf("```text\n$ npx touchpoint analyze examples/data/conversations.json\n");
    expect(start).toBeGreaterThan(-1);
    const body = guide
      .slice(start, guide.indexOf("```", start + 7))
      .split("\n")
      .slice(2, -1);

    const out: string[] = [];
    const err: string[] = [];
    const io: CliIo = {
      readFile: (path) => read(path),
      writeFile: () => {},
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      version: "0.0.0",
    };
    expect(run(["analyze", "examples/data/conversations.json"], io)).toBe(0);
    const printed = [...out.join("").split("\n"), ...err.join("").split("\n")].map((l) => l.trimEnd());

    expect(body.length).toBeGreaterThan(20);
    for (const line of body) {
      if (line.trim() === "…" || line === "") continue;
      const cut = line.indexOf("…");
      if (cut === -1) {
        expect(printed, `a line of the guide that the command does not print:\n${line}`).toContain(line);
      } else {
        const head = line.slice(0, cut).trimEnd();
        const tail = line.slice(cut + 1).trimStart();
        const found = printed.some(
          (p) => p.startsWith(head) && p.endsWith(tail) && p.length > head.length + tail.length,
        );
        expect(found, `no printed line starts and ends as the guide's:\n${line}`).toBe(true);
      }
    }
    // A whole analysis of the sample: seconds on a loaded machine.
  }, 30_000);
});
