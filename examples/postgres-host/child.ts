/*
 * A receiver or a worker in a process of its own, for the kill test: the parent SIGKILLs it at a
 * random moment and starts another. Reads its job from the JSON file named on the command line:
 *   { role: "sender", schema, events: SentEvent[], inputs: [key, input][], concurrency }
 *   { role: "worker", schema, now, leaseMs }
 * A sender prints "start <eventId> <time>" before sending and "ack <eventId> <time>" once committed
 * (time: epoch ms with fractions, comparable across processes of one machine).
 */
import { readFileSync } from "node:fs";
import type {
  ConversationEmitted,
  ConversationEvent,
  ConversationMachineInput,
} from "touchpoint/conversation";
import { conversationHost, runDueWakeups, runStep } from "touchpoint/host";
import { openDatabase } from "./db.js";
import { PostgresStore } from "./postgres-store.js";
import type { SentEvent } from "./proof.js";

interface Job {
  role: "sender" | "worker";
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
} else {
  for (;;) {
    await runDueWakeups({ store, queue: store, machine, now: job.now ?? 0, limit: 16 });
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
await db.close();
