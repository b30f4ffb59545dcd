/*
 * The crash test with real processes: sender and worker processes (examples/postgres-host/child.ts)
 * run against a Postgres server and are killed with SIGKILL at random moments, mid-transaction or
 * not, then started again with the events not yet acknowledged (a webhook sender retries what got
 * no answer). At the end the proof's checks run on what Postgres kept.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { ConversationEmitted, ConversationEvent } from "touchpoint/conversation";
import { conversationHost } from "touchpoint/host";
import { dropSchema, openDatabase } from "./db.js";
import { PostgresStore } from "./postgres-store.js";
import { drainWakeups, makeStream, postgresBackend, random, verifyProof } from "./proof.js";
import { migrate } from "./schema.js";

export interface KillTestOptions {
  url: string;
  events: number;
  conversations: number;
  /** Sender processes at a time (default 2), each with `concurrency` requests in flight (default 8). */
  senders?: number;
  concurrency?: number;
  /** A kill comes after a random pause of this many ms (default [300, 1500]). */
  killAfterMs?: [number, number];
  seed?: number;
  /** Rounds with a kill before the senders are left to finish (default 8). */
  maxKills?: number;
}

export interface KillTestReport {
  events: number;
  kills: number;
  rounds: number;
  wallMs: number;
  failures: string[];
  applied: number;
  overlappingPairs: number;
  emitted: number;
  slaWarnings: number;
  slaBreaches: number;
}

const root = fileURLToPath(new URL("../../", import.meta.url));

export async function killTest(options: KillTestOptions): Promise<KillTestReport> {
  const schema = `tp_kill_${process.pid}_${Date.now()}`;
  const db = await openDatabase({ url: options.url, schema, max: 4 });
  const dir = mkdtempSync(join(tmpdir(), "tp-kill-"));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve("tsx/esm")).href;
  const rng = random(options.seed ?? 11);
  const [minKill, maxKill] = options.killAfterMs ?? [300, 1500];
  const started = performance.now();
  try {
    await migrate(db);
    const { stream, inputs } = makeStream({
      events: options.events,
      conversations: options.conversations,
      writers: 0,
      seed: options.seed ?? 11,
    });
    const startedAt = new Map<string, number>();
    const ackedAt = new Map<string, number>();
    const now = Math.max(...stream.map((s) => s.event.at));
    let kills = 0;
    let rounds = 0;
    let file = 0;
    const launch = (job: object): ChildProcess => {
      const path = join(dir, `job-${file++}.json`);
      writeFileSync(path, JSON.stringify({ schema, ...job }));
      // tsx as a loader in the one process: its CLI forks a second one, which a kill would orphan.
      const child = spawn(process.execPath, ["--import", tsx, "examples/postgres-host/child.ts", path], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: options.url, TSX_TSCONFIG_PATH: "tsconfig.test.json" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      let buffer = "";
      child.stdout?.on("data", (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split("\n");
        buffer = lines.pop() ?? "";
        for (const line of lines) {
          const [what, id, at] = line.split(" ");
          if (what === "start" && id !== undefined && !startedAt.has(id)) startedAt.set(id, Number(at));
          if (what === "ack" && id !== undefined) ackedAt.set(id, Number(at));
        }
      });
      return child;
    };
    const exited = (child: ChildProcess) =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) resolve();
        else child.once("exit", () => resolve());
      });
    const worker = () => launch({ role: "worker", now, leaseMs: 300 });
    let workerProcess = worker();
    while (ackedAt.size < stream.length && rounds < 50) {
      rounds++;
      const remaining = stream.filter((s) => !ackedAt.has(s.eventId));
      const senders = options.senders ?? 2;
      const children = Array.from({ length: senders }, (_, i) =>
        launch({
          role: "sender",
          events: remaining.filter((_, j) => j % senders === i),
          inputs: [...inputs],
          concurrency: options.concurrency ?? 8,
        }),
      );
      const pause = minKill + rng() * (maxKill - minKill);
      const allDone = Promise.all(children.map(exited));
      // The kill clock starts once the senders are sending (a process takes a while to start),
      // and the last rounds run without kills so the test ends.
      const acked = ackedAt.size;
      while (ackedAt.size === acked && children.some((c) => c.exitCode === null && c.signalCode === null)) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const timedOut =
        rounds <= (options.maxKills ?? 8) &&
        (await Promise.race([
          allDone.then(() => false),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(true), pause)),
        ]));
      if (!timedOut) await allDone;
      if (timedOut) {
        // Kill one sender, or all of them with the worker, as a crashed host would.
        const victims =
          rng() < 0.5
            ? [children[Math.floor(rng() * children.length)] as ChildProcess]
            : [...children, workerProcess];
        for (const victim of victims) {
          if (victim.exitCode === null && victim.signalCode === null) {
            victim.kill("SIGKILL");
            kills++;
          }
        }
        if (victims.includes(workerProcess)) {
          await exited(workerProcess);
          workerProcess = worker();
        }
      }
      for (const child of children) {
        if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      }
      await Promise.all(children.map(exited));
    }
    workerProcess.kill("SIGKILL");
    await exited(workerProcess);
    const store = new PostgresStore<ConversationEvent, ConversationEmitted>(db, { leaseMs: 300 });
    const backend = postgresBackend(db, store);
    const machine = conversationHost();
    const end = now + 30 * 24 * 3_600_000;
    // Wake-ups a killed worker held are leased for 300 ms: drain waits them out.
    await new Promise((resolve) => setTimeout(resolve, 350));
    const drained = await drainWakeups(backend, machine, end);
    const verdict = await verifyProof(backend, {
      machine,
      stream,
      inputs,
      startedAt,
      ackedAt,
      end,
      unexpected: drained.unexpected,
      margin: 5,
    });
    if (ackedAt.size < stream.length)
      verdict.failures.push(`${stream.length - ackedAt.size} events never acknowledged`);
    return { events: stream.length, kills, rounds, wallMs: performance.now() - started, ...verdict };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await dropSchema(db, schema);
    await db.close();
  }
}
