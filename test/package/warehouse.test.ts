// The warehouse pack as npm ships it: dist/warehouse/ is in the package, its library file runs in a
// bare JavaScript context, and the installed command writes the pack with the user's names.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../../", import.meta.url));

describe("the warehouse pack in the package", () => {
  it("ships dist/warehouse/: the library, both SQL files, the manifest and every Snowflake bundle", () => {
    const [packed] = JSON.parse(
      execFileSync("npm", ["pack", "--dry-run", "--json"], { cwd: root, encoding: "utf8" }),
    ) as {
      files: { path: string }[];
    }[];
    const files = new Set(packed!.files.map((f) => f.path));
    const manifest = JSON.parse(readFileSync(`${root}dist/warehouse/manifest.json`, "utf8")) as {
      snowflake: Record<string, { file: string }>;
    };
    for (const file of ["touchpoint-warehouse.js", "bigquery.sql", "snowflake.sql", "manifest.json"])
      expect(files.has(`dist/warehouse/${file}`), file).toBe(true);
    for (const { file } of Object.values(manifest.snowflake))
      expect(files.has(`dist/warehouse/${file}`), file).toBe(true);
  });

  it("has a library file that runs with no module loader, Node API or timers", () => {
    const context = vm.createContext({});
    new vm.Script(readFileSync(`${root}dist/warehouse/touchpoint-warehouse.js`, "utf8")).runInContext(
      context,
    );
    expect(vm.runInContext('touchpoint.act("Thank you so much!", "customer")', context)).toBe("thank");
  });

  it("is written by the installed command with the user's names", () => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), "tp-pack-")), "bq");
    const result = spawnSync(
      process.execPath,
      [
        `${root}dist/cli.js`,
        "warehouse",
        "bigquery",
        "--out",
        out,
        "--prefix",
        "acme.cx",
        "--library",
        "gs://acme/tp.js",
      ],
      { encoding: "utf8" },
    );
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(path.join(out, "bigquery.sql"), "utf8")).toContain(
      "`acme.cx.tp_conversation_record`",
    );
    expect(readFileSync(path.join(out, "touchpoint-warehouse.js"), "utf8")).toBe(
      readFileSync(`${root}dist/warehouse/touchpoint-warehouse.js`, "utf8"),
    );
  });
});
