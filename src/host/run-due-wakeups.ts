import { quote, TouchpointError } from "../internal/errors.js";
import { checkInstant } from "../internal/instant.js";
import type { HostMachine, SnapshotStore, WakeupQueue } from "./host-types.js";
import { type RunStepResult, runStep } from "./run-step.js";

/**
 * Options of {@link runDueWakeups}.
 *
 * @category Host
 */
export interface RunDueWakeupsOptions<E, Em, I> {
  /** The store the wake-ups' steps are committed to. */
  store: SnapshotStore<E, Em>;
  /** Where due wake-ups are claimed (often the same object as `store`). */
  queue: WakeupQueue<E>;
  /** The machine. */
  machine: HostMachine<E, Em, I>;
  /** The current instant on the events' clock (epoch ms). */
  now: number;
  /** How many wake-ups to claim at a time (default 16). */
  batch?: number;
  /** Stop after this many deliveries (default: until none is due). */
  limit?: number;
}

/**
 * The idempotency key under which {@link runDueWakeups} applies a wake-up: its timer id and instant.
 *
 * @param id - the timer id
 * @param at - the wake-up's instant (epoch ms)
 * @returns `wakeup:<id>@<at>`
 *
 * @throws {@link TouchpointError} `invalid_input` when `id` is not a string; `invalid_timestamp` for `at`
 *
 * @example
 * ```ts
 * import { wakeupEventId } from "touchpoint/host";
 *
 * wakeupEventId("xstate.after.slaDeadline.conversation.active", 2700000); // => "wakeup:xstate.after.slaDeadline.conversation.active@2700000"
 * ```
 *
 * @category Host
 */
export function wakeupEventId(id: string, at: number): string {
  if (typeof id !== "string")
    throw new TouchpointError(
      "invalid_input",
      `wakeupEventId: expected a timer id (a string), got ${quote(id)} at id`,
      { path: "id", value: id },
    );
  checkInstant(at, "wakeupEventId", "at");
  return `wakeup:${id}@${at}`;
}

/**
 * Delivers every wake-up due by `now`: claims them from the queue and applies each one's event
 * with {@link runStep}; returns the results in delivery order.
 *
 * @remarks
 * A worker's loop body. Each wake-up is applied under the id {@link wakeupEventId} and removed in
 * the same commit, so one delivered twice (a second worker, or a claim that outlived a dead worker's
 * lease) is applied once. A step can schedule a wake-up that is already due (an SLA warning's step
 * schedules the breach), so the loop claims again until nothing due is left or `limit` is reached.
 * A wake-up whose instance is gone is skipped. An error of one step is thrown after the others of
 * its batch ran; the failed wake-up stays stored and is claimed again once its lease runs out.
 *
 * @param options - store, queue, machine, the current instant, batch size and limit
 * @returns the results of the steps, in order
 * @throws {@link TouchpointError} `invalid_argument` for a `now` that is not a finite number; the
 * first error of a step (after the rest of its batch ran)
 *
 * @example
 * ```ts
 * import { conversationHost, MemoryStore, runDueWakeups, runStep } from "touchpoint/host";
 *
 * const machine = conversationHost();
 * const store = MemoryStore.for(machine);
 * const input = { conversationId: "c-1", startedAt: 0, priority: "urgent" as const };
 * await runStep({ store, machine, key: "c-1", input, event: { type: "customer.message", at: 0 } });
 * // Two hours on, nobody answered: the warning (45 min) and the breach (1 h) are delivered.
 * const results = await runDueWakeups({ store, queue: store, machine, now: 2 * 3_600_000 });
 * results.length; // => 2
 * store.outbox.map((row) => row.event.type); // => ["sla.warning", "sla.breached"]
 * ```
 *
 * @category Host
 */
export async function runDueWakeups<E, Em, I>(
  options: RunDueWakeupsOptions<E, Em, I>,
): Promise<RunStepResult<E, Em>[]> {
  const { store, queue, machine, now } = options;
  if (typeof now !== "number" || !Number.isFinite(now)) {
    throw new TouchpointError(
      "invalid_argument",
      `runDueWakeups: expected now to be a finite number, got ${quote(now)}`,
      {
        path: "now",
        value: now,
      },
    );
  }
  const batch = options.batch ?? 16;
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const results: RunStepResult<E, Em>[] = [];
  while (results.length < limit) {
    const claimed = await queue.claim(now, Math.min(batch, limit - results.length));
    if (claimed.length === 0) break;
    let failure: unknown;
    for (const wakeup of claimed) {
      try {
        results.push(
          await runStep({
            store,
            machine,
            key: wakeup.key,
            event: wakeup.event,
            eventId: wakeupEventId(wakeup.id, wakeup.at),
            wakeup: { id: wakeup.id, at: wakeup.at },
          }),
        );
      } catch (error) {
        if (error instanceof TouchpointError && error.code === "host_not_found") continue;
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
  }
  return results;
}
