/*
 * The worker: delivers the wake-ups that fell due (each a `clock.tick` applied through runStep, under
 * the wake-up's id and instant, and removed in the same commit), then relays the outbox.
 */
import type { ConversationEmitted, ConversationEvent } from "touchpoint/conversation";
import { type ConversationHostMachine, conversationHost, runDueWakeups } from "touchpoint/host";
import type { Db } from "./db.js";
import { type OutboxMessage, type PostgresStore, relayOutbox } from "./postgres-store.js";

export interface WorkerOptions {
  db: Db;
  store: PostgresStore<ConversationEvent, ConversationEmitted>;
  machine?: ConversationHostMachine;
  /** Where emitted events go: email, chat, a pager; here a callback. */
  deliver?: (message: OutboxMessage<ConversationEmitted>) => Promise<void> | void;
}

/** One pass of the worker at `now` (the events' clock): returns how many wake-ups and outbox rows it handled. */
export async function workOnce(
  now: number,
  options: WorkerOptions,
): Promise<{ wakeups: number; relayed: number }> {
  const results = await runDueWakeups({
    store: options.store,
    queue: options.store,
    machine: options.machine ?? conversationHost(),
    now,
  });
  let relayed = 0;
  if (options.deliver !== undefined) {
    for (
      let n = await relayOutbox(options.db, options.deliver);
      n > 0;
      n = await relayOutbox(options.db, options.deliver)
    ) {
      relayed += n;
    }
  }
  return { wakeups: results.length, relayed };
}
