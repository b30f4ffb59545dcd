/**
 * The host's proof at full size (issue 16): 50 concurrent writers sending 10,000 events over 500
 * conversations with random delays, workers delivering wake-ups meanwhile, crashes injected at
 * every fault point (inside the transaction for before-commit); then every check of
 * examples/postgres-host/proof.ts. On PGlite, or on the server of DATABASE_URL. With --kill, the
 * SIGKILL test with real processes instead (server only). Prints the report as JSON; exit 1 when a
 * check fails. The figures go to bench/RESULTS.md by hand (this is a proof, not a benchmark).
 *
 *   npx tsx --tsconfig tsconfig.test.json scripts/host-proof.ts [--events 10000 --conversations 500 --writers 50 --faults 0.03]
 *   DATABASE_URL=postgres://... npx tsx --tsconfig tsconfig.test.json scripts/host-proof.ts [--kill]
 */
import { parseArgs } from "node:util";
import type { ConversationEmitted, ConversationEvent } from "touchpoint/conversation";
import { dropSchema, openDatabase } from "../examples/postgres-host/db.js";
import { killTest } from "../examples/postgres-host/kill-test.js";
import { type FaultPoint, PostgresStore } from "../examples/postgres-host/postgres-store.js";
import {
  InjectedCrash,
  postgresBackend,
  random,
  runProof,
  withLatency,
} from "../examples/postgres-host/proof.js";
import { migrate } from "../examples/postgres-host/schema.js";

const { values } = parseArgs({
  options: {
    events: { type: "string", default: "10000" },
    conversations: { type: "string", default: "500" },
    writers: { type: "string", default: "50" },
    faults: { type: "string", default: "0.03" },
    kill: { type: "boolean", default: false },
  },
});
const url = process.env.DATABASE_URL || undefined;
const events = Number(values.events);
const conversations = Number(values.conversations);

if (values.kill) {
  if (url === undefined) throw new Error("host-proof --kill needs DATABASE_URL (processes share a server)");
  const report = await killTest({ url, events, conversations, maxKills: 12 });
  console.log(JSON.stringify({ database: "server", mode: "kill", ...report }, null, 2));
  process.exitCode = report.failures.length === 0 ? 0 : 1;
} else {
  const schema = `tp_proof_${process.pid}`;
  const db = await openDatabase({ url, schema, max: 20 });
  try {
    await migrate(db);
    const rng = random(17);
    const rate = Number(values.faults);
    const crashes: Record<FaultPoint, number> = {
      "after-load": 0,
      "before-commit": 0,
      "after-commit": 0,
      "after-claim": 0,
    };
    const store = new PostgresStore<ConversationEvent, ConversationEmitted>(db, {
      leaseMs: 200,
      fault(point) {
        if (rng() < (point === "after-claim" ? 10 * rate : rate)) {
          crashes[point]++;
          throw new InjectedCrash(point);
        }
      },
    });
    const proofStore = url === undefined ? withLatency(store, 2, 9) : store;
    const cpu = process.cpuUsage();
    const report = await runProof(postgresBackend(db, proofStore), {
      events,
      conversations,
      writers: Number(values.writers),
      seed: 3,
    });
    const used = process.cpuUsage(cpu);
    console.log(
      JSON.stringify(
        { database: db.kind, ...report, crashes, cpuSeconds: (used.user + used.system) / 1e6 },
        null,
        2,
      ),
    );
    process.exitCode = report.failures.length === 0 ? 0 : 1;
  } finally {
    if (url !== undefined) await dropSchema(db, schema);
    await db.close();
  }
}
