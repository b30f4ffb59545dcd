/**
 * The warehouse pack in the sandboxes that stand in for BigQuery's and Snowflake's JavaScript
 * environments (bench/lib/warehouse-sandbox.ts): rows per second of each function, against the same
 * runtime called directly in Node (what a user without a warehouse would run), the cost of loading
 * the code into a fresh environment, the files' sizes against each warehouse's limit, and the size
 * of each aggregate's state.
 *
 * Rows per second are CPU time of this process (interleaved rounds, median), one core: a warehouse
 * runs many such environments side by side.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import { gzipSync } from "node:zlib";
import { BigQuerySandbox, bareContext, SnowflakeSandbox } from "./lib/warehouse-sandbox.js";
import { fmt, type Interleaved, interleave } from "./lib/measure.js";
import { random } from "./lib/random.js";
import { berlinOffice } from "./lib/schedules.js";
import { buildWarehouse, placeholders } from "../scripts/build-warehouse.js";
import * as runtime from "../src/warehouse/runtime.js";
import { conversationSchema, validateBatch } from "../src/schemas/index.js";
import type { Aggregate } from "../src/metrics/index.js";
import type { Bench } from "./run.js";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

function rowsTable(title: string, unit: string, rows: number, measured: readonly Interleaved[]): string {
  const lines = tableHead(`#### ${title}`, [
    ["where", "l"],
    [`CPU ms per ${rows.toLocaleString("en")} ${unit}`, "r"],
    [`${unit}/s (CPU, one core)`, "r"],
    ["× direct", "r"],
  ]);
  for (const m of measured)
    lines.push(`| ${m.name} | ${m.ms.toFixed(1)} | ${fmt((rows * 1000) / m.ms)} | ${m.ratio.toFixed(2)} |`);
  return lines.join("\n");
}

/** A Markdown table's first lines: the title, the header row and its alignment ("r" for figures). */
function tableHead(title: string, columns: readonly (readonly [string, "l" | "r"])[]): string[] {
  return [
    title,
    "",
    `| ${columns.map(([name]) => name).join(" | ")} |`,
    `|${columns.map(([, align]) => (align === "r" ? "---:" : "---")).join("|")}|`,
  ];
}

/** The load average (1, 5, 15 min). */
function loadAverage(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
}

function cpuMs(fn: () => unknown): number {
  const c0 = process.cpuUsage();
  fn();
  const c1 = process.cpuUsage(c0);
  return (c1.user + c1.system) / 1000;
}

const bench: Bench = {
  title: "Warehouse pack: functions in the BigQuery and Snowflake sandboxes",
  async run() {
    const load = [loadAverage()];
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tp-warehouse-bench-"));
    const manifest = await buildWarehouse(dir);
    const read = (f: string) => fs.readFileSync(path.join(dir, f), "utf8");
    const library = read("touchpoint-warehouse.js");
    const bq = new BigQuerySandbox(read("bigquery.sql"), { [placeholders.bigquery.libraryUri]: library });
    const sf = new SnowflakeSandbox(read("snowflake.sql"));

    const sample = JSON.parse(fs.readFileSync(path.join(root, "examples/data/conversations.json"), "utf8"));
    const valid = validateBatch(conversationSchema, sample);
    const records = valid.indices.map((i) => sample[i]);
    const messages = valid.data.flatMap((c) => c.messages.map((m) => m.text));
    const speakers = valid.data.flatMap((c) =>
      c.messages.map((m) => (m.author === "system" ? "agent" : m.author)),
    );

    const out: string[] = [];
    out.push("### Rows per second");

    /** One scalar function over `n` rows: the runtime called directly, then both sandboxes. */
    const scalarRows = (
      title: string,
      unit: string,
      n: number,
      name: string,
      direct: () => unknown,
      bigquery: (fn: (...args: unknown[]) => unknown) => unknown,
      snowflake: (fn: (...args: unknown[]) => unknown) => unknown,
    ) => {
      const bqFn = bq.scalar(name);
      const sfFn = sf.scalar(name);
      out.push(
        rowsTable(
          title,
          unit,
          n,
          interleave(
            [
              ["Node, runtime called directly", direct],
              ["BigQuery sandbox", () => bigquery(bqFn)],
              ["Snowflake sandbox", () => snowflake(sfFn)],
            ],
            { rounds: 9, warmup: 2 },
          ),
        ),
      );
    };

    // Classification: every message of the sample export, each round.
    scalarRows(
      `tp_classify over the ${messages.length.toLocaleString("en")} messages of the sample export`,
      "messages",
      messages.length,
      "tp_classify",
      () => messages.map((t) => runtime.classify(t)),
      (fn) => messages.map((t) => fn(t)),
      (fn) => messages.map((t) => fn(t)),
    );
    scalarRows(
      "tp_act over the same messages with their speakers",
      "messages",
      messages.length,
      "tp_act",
      () => messages.map((t, i) => runtime.act(t, speakers[i])),
      (fn) => messages.map((t, i) => fn(t, speakers[i])),
      (fn) => messages.map((t, i) => fn(t, speakers[i])),
    );

    // Business time: random pairs over two years under the office schedule of the tests.
    {
      const text = JSON.stringify(berlinOffice);
      const next = random(3);
      const n = 20_000;
      const pairs = Array.from({ length: n }, () => {
        const s = Date.parse("2026-01-01T00:00:00Z") + Math.floor(next() * 730 * 86_400_000);
        return [new Date(s), new Date(s + Math.floor(next() * 10 * 86_400_000))] as const;
      });
      scalarRows(
        "tp_business_duration over random pairs (schedule as JSON text)",
        "pairs",
        n,
        "tp_business_duration",
        () => pairs.map(([s, e]) => runtime.businessDuration(s, e, text)),
        (fn) => pairs.map(([s, e]) => fn(s, e, text)),
        (fn) => pairs.map(([s, e]) => fn(s, e, berlinOffice)),
      );
    }

    // Conversation records: the sample's conversations, replayed with classification.
    {
      const texts = records.map((r) => JSON.stringify(r));
      const asOf = new Date("2026-04-01T00:00:00Z");
      scalarRows(
        `tp_conversation_record over the ${records.length} valid conversations of the sample export (${messages.length.toLocaleString("en")} messages)`,
        "conversations",
        records.length,
        "tp_conversation_record",
        () => texts.map((t) => runtime.conversationRecord(t, null, asOf, null)),
        (fn) => texts.map((t) => fn(t, null, asOf, null)),
        (fn) => records.map((r) => fn(r, null, asOf, null)),
      );
    }

    // Aggregates: one worker folding rows (BigQuery's aggregate calls; Snowflake's processRow).
    {
      const n = 200_000;
      const next = random(5);
      const scores = Array.from({ length: n }, () => Math.floor(next() * 11));
      const durations = Array.from({ length: n }, () => Math.floor(1000 + next() * 86_400_000));
      for (const [name, values] of [
        ["tp_nps", scores],
        ["tp_durations", durations],
        ["tp_summary", durations],
      ] as const) {
        const direct =
          runtime.aggregates[name === "tp_nps" ? "nps" : name === "tp_durations" ? "durations" : "summary"];
        const udaf = bq.udaf(name, bq.workers(1)[0]);
        const rows = values.map((v) => ({
          GROUP_KEY: "g",
          [name === "tp_nps" ? "SCORE" : name === "tp_durations" ? "DURATION_MS" : "VALUE"]: v,
        }));
        out.push(
          rowsTable(
            `${name}: ${n.toLocaleString("en")} rows into one state, finalised`,
            "rows",
            n,
            interleave(
              [
                [
                  "Node, runtime called directly",
                  () => {
                    const a = direct();
                    const s = a.initialState();
                    for (const v of values) a.aggregate(s, v);
                    return a.finalize(s);
                  },
                ],
                [
                  "BigQuery sandbox (aggregate per row)",
                  () => {
                    const s = udaf.initialState();
                    for (const v of values) udaf.aggregate(s, v);
                    return udaf.finalize(s);
                  },
                ],
                ["Snowflake sandbox (UDTF, one partition)", () => sf.table(name, [rows])],
              ],
              { rounds: 5, warmup: 1 },
            ),
          ),
        );
      }
    }

    // Loading the code into a fresh environment: BigQuery loads the library once per worker;
    // Snowflake evaluates a body's bundle on the first row of an environment.
    {
      const lines = tableHead("### Loading the code into a fresh environment (CPU ms, median of 5)", [
        ["what", "l"],
        ["CPU ms", "r"],
      ]);
      const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
      lines.push(
        `| BigQuery: the library file (${(manifest.library.bytes / 1024).toFixed(0)} kB) into a new worker | ${median(
          Array.from({ length: 5 }, () => cpuMs(() => new vm.Script(library).runInContext(bareContext()))),
        ).toFixed(1)} |`,
      );
      for (const name of ["tp_classify", "tp_conversation_record", "tp_nps"]) {
        const ms = median(
          Array.from({ length: 5 }, () => {
            const context = bareContext();
            if (name === "tp_nps")
              return cpuMs(() => sf.table(name, [[{ GROUP_KEY: "g", SCORE: 9 }]], context));
            const fn = sf.scalar(name, context);
            return cpuMs(() => (name === "tp_classify" ? fn("hello") : fn(records[0], null, null, null)));
          }),
        );
        lines.push(
          `| Snowflake: first row of ${name.toUpperCase()} in a new environment | ${ms.toFixed(1)} |`,
        );
      }
      out.push(lines.join("\n"));
    }

    // Sizes against the limits.
    {
      const lines = tableHead("### File sizes against the documented limits", [
        ["file", "l"],
        ["bytes", "r"],
        ["gzip", "r"],
        ["limit", "l"],
        ["share of the limit", "r"],
      ]);
      const gz = (s: string) => gzipSync(s).length;
      lines.push(
        `| BigQuery library touchpoint-warehouse.js | ${manifest.library.bytes.toLocaleString("en")} | ${gz(library).toLocaleString("en")} | 1 MB per library file (unconfirmed, see docs/warehouse-bigquery.md) | ${((100 * manifest.library.bytes) / 1_048_576).toFixed(0)} % |`,
      );
      for (const [name, entry] of Object.entries(manifest.snowflake)) {
        const code = read(entry.file);
        lines.push(
          `| Snowflake body of ${name.toUpperCase()} | ${entry.bytes.toLocaleString("en")} | ${gz(code).toLocaleString("en")} | 100 KB recommended | ${((100 * entry.bytes) / 102_400).toFixed(0)} % |`,
        );
      }
      out.push(lines.join("\n"));
    }

    // State sizes: the JSON a partial state takes between workers.
    {
      const lines = tableHead("### Aggregate states (JSON bytes between workers)", [
        ["aggregate", "l"],
        ["after", "l"],
        ["JSON bytes", "r"],
      ]);
      const next = random(8);
      const fill = (name: keyof typeof runtime.aggregates, n: number, value: () => unknown) => {
        const a = runtime.aggregates[name]() as Aggregate<unknown, unknown, unknown>;
        const s = a.initialState();
        for (let i = 0; i < n; i++) a.aggregate(s, value());
        return JSON.stringify(s).length;
      };
      for (const n of [1000, 1_000_000]) {
        lines.push(
          `| nps | ${n.toLocaleString("en")} answers | ${fill("nps", n, () => Math.floor(next() * 11))} |`,
        );
        lines.push(
          `| csat (two scales) | ${n.toLocaleString("en")} answers | ${fill("csat", n, () => (next() < 0.5 ? { score: 1 + Math.floor(next() * 5) } : { score: 1 + Math.floor(next() * 10), scaleMin: 1, scaleMax: 10 }))} |`,
        );
        lines.push(
          `| durations (sketch) | ${n.toLocaleString("en")} durations, 1 s to 30 days | ${fill("durations", n, () => Math.floor(1000 * 2592 ** next()))} |`,
        );
        lines.push(
          `| summary (exact) | ${n.toLocaleString("en")} durations | ${fill("summary", n, () => Math.floor(next() * 86_400_000))} |`,
        );
      }
      out.push(lines.join("\n"));
    }

    load.push(loadAverage());
    out.push(
      `Load average (1, 5, 15 min) on ${os.cpus().length} cores: ${load[0]} before, ${load[1]} after. "Direct" runs src/warehouse/runtime.ts in this Node process; the sandboxes run the built pack (dist/warehouse/ as \`npm run build\` writes it) read from the generated SQL, with each warehouse's value conversions (a Date per TIMESTAMP, JSON text for BigQuery's STRING, a parsed object for Snowflake's VARIANT; Snowflake's body with its global guard runs at every row). No warehouse was used: a real one adds its own per-row overhead between SQL and JavaScript.`,
    );
    return out.join("\n\n");
  },
};

export default bench;
