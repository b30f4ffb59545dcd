// The `touchpoint` command as npm installs it (package.json "bin" → dist/cli.js), run in a real
// Node process on the bundled sample; and the rule that only the command touches Node's built-ins.
import { execFileSync, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, "utf8")) as {
  bin: Record<string, string>;
  version: string;
};

describe("the touchpoint command", () => {
  it("is declared as the package's bin and starts with a shebang", () => {
    expect(pkg.bin).toEqual({ touchpoint: "./dist/cli.js" });
    expect(readFileSync(`${root}dist/cli.js`, "utf8").startsWith("#!/usr/bin/env node\n")).toBe(true);
  });

  it("analyses the bundled sample and reports its two broken records", () => {
    const result = spawnSync(
      process.execPath,
      [`${root}dist/cli.js`, "analyze", `${root}examples/data/conversations.json`, "--format", "json"],
      { encoding: "utf8" },
    );
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.input.records).toBe(240);
    expect(report.input.rejected.map((r: { index: number }) => r.index)).toEqual([17, 123]);
    expect(report.total.conversations).toBe(238);
    expect(result.stderr).toBe("touchpoint: 2 of 240 records rejected (listed in the report)\n");
  });

  it("prints its version", () => {
    expect(execFileSync(process.execPath, [`${root}dist/cli.js`, "--version"], { encoding: "utf8" })).toBe(
      `${pkg.version}\n`,
    );
  });
});

describe("the library's build", () => {
  // Browsers and edge runtimes have no node: modules; only dist/cli.js may use them.
  it("imports no Node built-in outside the command", () => {
    const offenders = readdirSync(`${root}dist`)
      .filter((f) => /\.(c?js)$/.test(f) && f !== "cli.js")
      .filter((f) =>
        /(?:from\s*|require\(|import\()\s*["'](?:node:|fs["']|path["']|os["'])/.test(
          readFileSync(`${root}dist/${f}`, "utf8"),
        ),
      );
    expect(offenders).toEqual([]);
  });
});
