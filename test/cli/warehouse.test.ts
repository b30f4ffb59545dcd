// `touchpoint warehouse bigquery|snowflake --out DIR`: the pack with the user's names.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BigQuerySandbox, SnowflakeSandbox } from "../../bench/lib/warehouse-sandbox.js";
import type { CliIo } from "../../src/cli/main.js";
import { run } from "../../src/cli/main.js";
import { runWarehouse } from "../../src/cli/warehouse.js";
import { memoryIo } from "./memory-io.js";
import { type Pack, pack } from "../warehouse/pack.js";

let p: Pack;
beforeAll(async () => {
  p = await pack();
}, 60_000);

function io() {
  const out = { stdout: "", stderr: "" };
  const cli: Pick<CliIo, "readFile" | "writeFile" | "stdout" | "stderr"> = {
    readFile: (file) => fs.readFileSync(file, "utf8"),
    writeFile: (file, text) => fs.writeFileSync(file, text),
    stdout: (text) => {
      out.stdout += text;
    },
    stderr: (text) => {
      out.stderr += text;
    },
  };
  return { cli, out };
}

describe("touchpoint warehouse", () => {
  it("writes BigQuery's SQL with the given dataset and library, and the library file", () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tp-wh-")), "bq");
    const { cli, out } = io();
    const code = runWarehouse(
      [
        "bigquery",
        "--out",
        dir,
        "--prefix",
        "acme-cx.support",
        "--library",
        "gs://acme/tp/touchpoint-warehouse.js",
      ],
      cli,
      [p.dir],
    );
    expect(out.stderr).toBe("");
    expect(code).toBe(0);
    const sql = fs.readFileSync(path.join(dir, "bigquery.sql"), "utf8");
    expect(sql).toContain("CREATE OR REPLACE FUNCTION `acme-cx.support.tp_classify`(message STRING)");
    expect(sql).toContain('OPTIONS (library = ["gs://acme/tp/touchpoint-warehouse.js"]');
    const library = fs.readFileSync(path.join(dir, "touchpoint-warehouse.js"), "utf8");
    expect(library).toBe(p.library);
    const sandbox = new BigQuerySandbox(sql, { "gs://acme/tp/touchpoint-warehouse.js": library });
    expect(sandbox.scalar("tp_act")("Thanks a lot!", "customer")).toBe("thank");
  });

  it("writes Snowflake's SQL with the given schema, each body carrying its bundle", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tp-wh-"));
    const { cli } = io();
    expect(runWarehouse(["snowflake", "--out", dir, "--prefix", "ANALYTICS.CX"], cli, [p.dir])).toBe(0);
    const sql = fs.readFileSync(path.join(dir, "snowflake.sql"), "utf8");
    expect(sql).toContain(
      "CREATE OR REPLACE FUNCTION ANALYTICS.CX.TP_NPS_MERGE(GROUP_KEY VARCHAR, STATE VARIANT)",
    );
    const sandbox = new SnowflakeSandbox(sql);
    expect(sandbox.table("tp_nps", [[{ group_key: "w", score: 10 }]])[0]).toMatchObject({
      GROUP_KEY: "w",
      RESULT: 100,
    });
  });

  it("is reached through the command, and says what is wrong with its arguments", async () => {
    const x = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tp-wh-")), "never");
    const m = memoryIo({});
    expect(await run(["warehouse", "--help"], m.io)).toBe(0);
    expect(m.out()).toContain("Usage: touchpoint warehouse bigquery|snowflake");
    for (const [args, problem] of [
      [["redshift", "--out", x], 'expected bigquery or snowflake, got "redshift"'],
      [["bigquery"], "--out <dir> is required"],
      [["snowflake", "--out", x, "--library", "gs://a/b.js"], "--library applies only to bigquery"],
      [["bigquery", "--out", x, "--prefix", "a b"], ""],
    ] as const) {
      const t = io();
      const code = runWarehouse(args, t.cli, [p.dir]);
      if (problem === "") {
        expect(code).toBe(1);
        expect(t.out.stderr).toContain(
          'prefix: expected project.dataset (letters, digits, _ and -), got "a b"',
        );
      } else {
        expect(code).toBe(2);
        expect(t.out.stderr).toContain(problem);
      }
    }
    const t = io();
    expect(runWarehouse(["bigquery", "--out", x], t.cli, ["/nonexistent"])).toBe(1);
    expect(t.out.stderr).toContain("the built pack is missing");
    expect(fs.existsSync(x)).toBe(false);
  });
});
