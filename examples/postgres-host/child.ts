/*
 * A receiver or a worker in a process of its own, for the kill test: the parent SIGKILLs it at a
 * random moment and starts another. Reads its job from the JSON file named on the command line:
 *   { role: "sender", schema, events: SentEvent[], inputs: [key, input][], concurrency }
 *   { role: "worker", schema, now, leaseMs }
 *   { role: "receiver", schema, payloads: string[], mode: "host" | "naive", concurrency } (the bench)
 * A sender prints "start <eventId> <time>" before sending and "ack <eventId> <time>" once committed
 * (time: epoch ms with fractions, comparable across processes of one machine).
 */
import { readFileSync } from "node:fs";
import type {
  ConversationEmitted,
  ConversationEvent,
  ConversationMachineInput,
} from "touchpoint/conversation";
import { conversationHost, runDueWakeups, runStep, type SnapshotStore } from "touchpoint/host";
import { openDatabase } from "./db.js";
import { PostgresStore } from "./postgres-store.js";
import type { SentEvent } from "./proof.js";
import { receiveChatwootWebhook } from "./receiver.js";

interface Job {
  role: "sender" | "worker" | "receiver";
  /** receiver: Chatwoot webhook bodies to receive, in order, `concurrency` at a time. */
  payloads?: string[];
  /** receiver: `host` (runStep with compare-and-set, outbox, wake-ups) or `naive` (load, step, overwrite). */
  mode?: "host" | "naive";
  schema: string;
  events?: SentEvent[];
  inputs?: [string, ConversationMachineInput][];
  concurrency?: number;
  now?: number;
  leaseMs?: number;
}

const job = JSON.parse(readFileSync(process.argv[2] as string, "utf8")) as Job;
const time = () => (performance.timeOrigin + performance.now()).toFixed(3);
const db = await openDatabase({
  url: process.env.DATABASE_URL,
  schema: job.schema,
  max: job.concurrency ?? 4,
});
const store = new PostgresStore<ConversationEvent, ConversationEmitted>(db, { leaseMs: job.leaseMs ?? 300 });
const machine = conversationHost();

if (job.role === "sender") {
  const events = job.events ?? [];
  const inputs = new Map(job.inputs ?? []);
  let next = 0;
  const lane = async () => {
    while (next < events.length) {
      const sent = events[next++] as SentEvent;
      process.stdout.write(`start ${sent.eventId} ${time()}\n`);
      await runStep({
        store,
        machine,
        key: sent.key,
        event: sent.event,
        eventId: sent.eventId,
        input: inputs.get(sent.key) as ConversationMachineInput,
      });
      process.stdout.write(`ack ${sent.eventId} ${time()}\n`);
    }
  };
  await Promise.all(Array.from({ length: job.concurrency ?? 4 }, lane));
  process.stdout.write("done\n");
} else if (job.role === "receiver") {
  const payloads = job.payloads ?? [];
  const naive: SnapshotStore<ConversationEvent, ConversationEmitted> = {
    load: (key) => store.load(key),
    async commit(change) {
      await db.query(
        `INSERT INTO tp_instances (key, version, status, snapshot) VALUES ($1, 1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET snapshot = excluded.snapshot, status = excluded.status`,
        [change.key, change.status, JSON.stringify(change.snapshot)],
      );
      return "committed";
    },
  };
  const target = job.mode === "naive" ? naive : store;
  let next = 0;
  let latest = 0;
  let receiving = true;
  const cpu = process.cpuUsage();
  const first = time();
  const lane = async () => {
    while (next < payloads.length) {
      const body = payloads[next++] as string;
      latest = Math.max(latest, Date.parse((JSON.parse(body) as { created_at: string }).created_at));
      const response = await receiveChatwootWebhook(body, { store: target, input: { priority: "high" } });
      if (response.status !== 200) throw new Error(`receiver: ${response.status} ${response.body}`);
    }
  };
  // The same process also delivers the wake-ups that fall due as the events' clock moves on.
  const wakeups = async () => {
    while (receiving) {
      if (job.mode !== "naive") await runDueWakeups({ store, queue: store, machine, now: latest, limit: 64 });
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  const ticking = wakeups();
  await Promise.all(Array.from({ length: job.concurrency ?? 8 }, lane));
  receiving = false;
  await ticking;
  const used = process.cpuUsage(cpu);
  process.stdout.write(
    `${JSON.stringify({ first: Number(first), last: Number(time()), cpuMs: (used.user + used.system) / 1000 })}\n`,
  );
} else {
  for (;;) {
    await runDueWakeups({ store, queue: store, machine, now: job.now ?? 0, limit: 16 });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
await db.close();
