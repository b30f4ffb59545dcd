/**
 * touchpoint/host end to end through Postgres: Chatwoot webhooks received by worker processes
 * (examples/postgres-host/child.ts, role "receiver"), each applying its events with runStep
 * (compare-and-set, the outbox and the wake-ups in one transaction, the event id recorded) and
 * delivering the wake-ups that fall due. One worker process, then two sharing the same stream, so
 * that they race on the same conversations. The alternative measured in the same run is what a host
 * writes without the contract: load, step, overwrite the snapshot (no version check, no outbox, no
 * wake-ups, no event ids), which loses events under concurrency.
 *
 * Needs DATABASE_URL (processes share a server); without it the section says so. Events per second
 * run from the first webhook to the last acknowledgement (process start-up excluded); CPU is the
 * worker processes' own (user + system), not the server's. Rounds interleave the four setups.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dropSchema, openDatabase } from "../examples/postgres-host/db.js";
import { random } from "./lib/random.js";
import { migrate } from "../examples/postgres-host/schema.js";
import type { Bench } from "./run.js";

const root = fileURLToPath(new URL("../", import.meta.url));
const EVENTS = 2000;
const CONVERSATIONS = 200;
const ROUNDS = 2;

function payloads(): string[] {
  const template = JSON.parse(
    readFileSync(join(root, "test/fixtures/helpdesk/chatwoot-webhook-message_created.json"), "utf8"),
  ) as Record<string, unknown>;
  const rng = random(5);
  const start = Date.UTC(2026, 2, 2, 9, 0);
  const clocks = new Map<number, number>();
  const out: { at: number; body: string }[] = [];
  for (let i = 0; i < EVENTS; i++) {
    const c = i < CONVERSATIONS ? i : Math.floor(rng() * CONVERSATIONS);
    const at = (clocks.get(c) ?? start + c * 30_000) + Math.floor(rng() * 90) * 60_000;
    clocks.set(c, at);
    const agent = i >= CONVERSATIONS && rng() < 0.5;
    out.push({
      at,
      body: JSON.stringify({
        ...template,
        id: 1000 + i,
        content: agent
          ? "Thanks, I am checking your order now."
          : "My order has not arrived yet, can you help?",
        created_at: new Date(at).toISOString(),
        message_type: agent ? "outgoing" : "incoming",
        sender: agent ? { id: 3, name: "Sam", type: "user" } : template.sender,
        conversation: { ...(template.conversation as object), id: 5000 + c },
      }),
    });
  }
  return out.sort((a, b) => a.at - b.at).map((p) => p.body);
}

async function once(url: string, mode: "host" | "naive", workers: number, bodies: string[], dir: string) {
  const schema = `tp_bench_${process.pid}_${mode}_${workers}`;
  const db = await openDatabase({ url, schema, max: 2 });
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
  try {
    await migrate(db);
    const children: ChildProcess[] = [];
    const reports: Promise<{ first: number; last: number; cpuMs: number }>[] = [];
    for (let w = 0; w < workers; w++) {
      const path = join(dir, `${mode}-${workers}-${w}.json`);
      const slice = bodies.filter((_, i) => i % workers === w);
      writeFileSync(
        path,
        JSON.stringify({ role: "receiver", schema, payloads: slice, mode, concurrency: 8 }),
      );
      const child = spawn(process.execPath, ["--import", tsx, "examples/postgres-host/child.ts", path], {
        cwd: root,
        env: { ...process.env, TSX_TSCONFIG_PATH: "tsconfig.test.json" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      children.push(child);
      reports.push(
        new Promise((resolve, reject) => {
          let out = "";
          child.stdout?.on("data", (chunk: Buffer) => {
            out += chunk.toString();
          });
          child.on("exit", (code) =>
            code === 0
              ? resolve(JSON.parse(out.trim().split("\n").at(-1) as string))
              : reject(new Error(`worker exited ${code}`)),
          );
        }),
      );
    }
    const done = await Promise.all(reports);
    const seconds = (Math.max(...done.map((d) => d.last)) - Math.min(...done.map((d) => d.first))) / 1000;
    const { rows } = await db.query<{ n: string }>("SELECT count(*) AS n FROM tp_applied");
    return {
      perSecond: EVENTS / seconds,
      cpuMsPerEvent: done.reduce((s, d) => s + d.cpuMs, 0) / EVENTS,
      applied: Number(rows[0]?.n ?? 0),
    };
  } finally {
    await dropSchema(db, schema);
    await db.close();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return ((sorted[Math.floor(mid)] as number) + (sorted[Math.ceil(mid)] as number)) / 2;
};

const bench: Bench = {
  title: "touchpoint/host through Postgres: webhooks per second with one and two worker processes",
  async run() {
    const url = process.env.DATABASE_URL;
    if (!url)
      return "Not measured: DATABASE_URL is not set (the worker processes need a Postgres server to share).";
    const bodies = payloads();
    const dir = mkdtempSync(join(tmpdir(), "tp-bench-host-"));
    const setups = [
      ["host", 1],
      ["host", 2],
      ["naive", 1],
      ["naive", 2],
    ] as const;
    const results = new Map<string, { perSecond: number[]; cpu: number[]; applied: number[] }>();
    const loads: string[] = [];
    try {
      for (let round = 0; round < ROUNDS; round++) {
        for (const [mode, workers] of setups) {
          loads.push(readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" "));
          const r = await once(url, mode, workers, bodies, dir);
          const key = `${mode}/${workers}`;
          const entry = results.get(key) ?? { perSecond: [], cpu: [], applied: [] };
          entry.perSecond.push(r.perSecond);
          entry.cpu.push(r.cpuMsPerEvent);
          entry.applied.push(r.applied);
          results.set(key, entry);
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const row = (label: string, key: string) => {
      const r = results.get(key) as { perSecond: number[]; cpu: number[]; applied: number[] };
      return `| ${label} | ${median(r.perSecond).toFixed(0)} | ${r.perSecond.map((v) => v.toFixed(0)).join(", ")} | ${median(r.cpu).toFixed(2)} | ${r.applied.join(", ")} |`;
    };
    return [
      `${EVENTS} Chatwoot message_created webhooks over ${CONVERSATIONS} conversations, 8 in flight per worker process, ${ROUNDS} interleaved rounds; Postgres 15 on the same machine (default settings); load average before each run: ${loads.join("; ")}.`,
      "",
      "| setup | events/s (median) | per round | worker CPU ms/event | steps recorded |",
      "|---|---:|---|---:|---|",
      row("runStep + PostgresStore, 1 worker", "host/1"),
      row("runStep + PostgresStore, 2 workers", "host/2"),
      row("load, step, overwrite (no contract), 1 worker", "naive/1"),
      row("load, step, overwrite (no contract), 2 workers", "naive/2"),
      "",
      "The overwrite rows record no steps (no event ids, no history) and deliver no wake-ups: they are the floor a host pays without compare-and-set, the outbox or exactly-once, not a safe alternative.",
    ].join("\n");
  },
};

export default bench;
