/**
 * Hosting the machines on servers: a store contract with compare-and-set and a transactional
 * outbox, so that concurrent webhooks, crashed workers and redelivered wake-ups neither lose an
 * event nor apply one twice.
 *
 * @remarks
 * A server runs a machine one event at a time: load the stored snapshot, apply the event with the
 * machine's pure step, save the next snapshot, put what it emitted in an outbox and schedule its
 * wake-ups. {@link runStep} does that against any {@link SnapshotStore}: it commits the snapshot,
 * the emitted events and the wake-ups in one commit that succeeds only if the snapshot's version
 * is the one it loaded (retrying from the fresh snapshot when it is not) and only once per event
 * id. {@link runDueWakeups} is a worker's loop over a {@link WakeupQueue}. {@link MemoryStore}
 * implements both in memory, for tests; the repository's examples/postgres-host/ implements them
 * on Postgres (and on PGlite, Postgres in WebAssembly), with the schema, a Chatwoot webhook
 * receiver and a worker. Nothing here imports a database driver or a `node:` module.
 *
 * The design, measured against the alternatives, is in the guide "Hosting on a server".
 *
 * @example
 * ```ts
 * import { conversationHost, MemoryStore, runDueWakeups, runStep } from "touchpoint/host";
 *
 * const machine = conversationHost();
 * const store = MemoryStore.for(machine);
 * const input = { conversationId: "c-1", startedAt: 0, priority: "urgent" as const };
 * await runStep({ store, machine, key: "c-1", input, event: { type: "customer.message", at: 0 }, eventId: "msg-1" });
 * await runDueWakeups({ store, queue: store, machine, now: 50 * 60_000 });
 * store.outbox.map((row) => row.event.type); // => ["sla.warning"]
 * ```
 *
 * @module host
 */

export { TouchpointError } from "../internal/errors.js";
export type { ConversationHostMachine } from "./conversation-host.js";
export { conversationHost } from "./conversation-host.js";
export type {
  ClaimedWakeup,
  CommitOutcome,
  DeliveredWakeup,
  HostCommit,
  HostMachine,
  HostStepOutput,
  SnapshotStore,
  StoredSnapshot,
  Wakeup,
  WakeupQueue,
} from "./host-types.js";
export type { AppliedRow, MemoryStoreOptions, OutboxRow } from "./memory-store.js";
export { MemoryStore } from "./memory-store.js";
export type { RunDueWakeupsOptions } from "./run-due-wakeups.js";
export { runDueWakeups, wakeupEventId } from "./run-due-wakeups.js";
export type { RunStepOptions, RunStepResult } from "./run-step.js";
export { runStep } from "./run-step.js";
