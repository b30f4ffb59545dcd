import { quote, TouchpointError } from "../internal/errors.js";
import type {
  DeliveredWakeup,
  HostCommit,
  HostMachine,
  HostStepOutput,
  SnapshotStore,
  Wakeup,
} from "./host-types.js";

/**
 * Options of {@link runStep}.
 *
 * @category Host
 */
export interface RunStepOptions<E, Em, I> {
  /** Where snapshots, the outbox and the wake-ups live. */
  store: SnapshotStore<E, Em>;
  /** The machine ({@link conversationHost}, or another {@link HostMachine}). */
  machine: HostMachine<E, Em, I>;
  /** The instance: a conversation id, a customer id. */
  key: string;
  /** The event to apply; may be omitted only when `input` starts a new instance. */
  event?: E;
  /**
   * The event's idempotency key (a webhook's message id, a wake-up's id and instant): an event
   * committed once under this key is never applied again. Without it, a retried delivery applies twice.
   */
  eventId?: string;
  /** Starts the instance when the store has none for `key` (ignored when it has one). */
  input?: I;
  /** The wake-up this event delivers; its row is removed in the same commit. */
  wakeup?: DeliveredWakeup;
  /** Attempts before giving up on conflicts (default 20). */
  maxAttempts?: number;
  /**
   * Waits before attempt `attempt` (2, 3, ...) after a conflict; by default a random pause of up to
   * `2^attempt` ms, so that writers racing for one key spread out.
   */
  backoff?: (attempt: number) => Promise<void>;
}

/**
 * What {@link runStep} committed (or found committed already).
 *
 * @category Host
 */
export interface RunStepResult<E, Em> {
  /** `applied`: this call committed the step; `duplicate`: the event id was committed before, nothing changed. */
  outcome: "applied" | "duplicate";
  /** The key. */
  key: string;
  /** The version the commit wrote; for a duplicate, the version this call last loaded (`null` if none). */
  version: number | null;
  /** How many times the step was computed (1 without a conflict). */
  attempts: number;
  /** The committed step; `null` for a duplicate. */
  step: HostStepOutput<Em, E> | null;
}

/** The host's timer (every runtime has one; the library's lib settings declare no DOM or Node globals). */
const schedule = (globalThis as unknown as { setTimeout: (fn: () => void, ms: number) => unknown })
  .setTimeout;

const defaultBackoff = (attempt: number): Promise<void> =>
  new Promise((resolve) => {
    schedule(resolve, Math.random() * 2 ** Math.min(attempt, 8));
  });

/** A start followed by a step, as one: later wake-ups of an id replace earlier ones. */
function chain<E, Em>(first: HostStepOutput<Em, E>, second: HostStepOutput<Em, E>): HostStepOutput<Em, E> {
  const scheduled = new Map<string, Wakeup<E>>(first.scheduled.map((w) => [w.id, w]));
  const cancelled = new Set(first.cancelled);
  for (const id of second.cancelled) {
    scheduled.delete(id);
    cancelled.add(id);
  }
  for (const w of second.scheduled) {
    cancelled.delete(w.id);
    scheduled.set(w.id, w);
  }
  return {
    snapshot: second.snapshot,
    emitted: [...first.emitted, ...second.emitted],
    scheduled: [...scheduled.values()],
    cancelled: [...cancelled],
    status: second.status,
  };
}

/**
 * Applies one event to a stored instance with optimistic concurrency, and commits the next
 * snapshot, the emitted events and the wake-ups together: returns what was committed.
 *
 * @remarks
 * The loop: load the snapshot and its version; compute the step (the machine's pure `step`, or
 * `start` then `step` for a new instance); commit it with the version loaded as the expected one.
 * When another writer committed in between, the store answers `conflict`, nothing was written, and
 * the loop starts again from the fresh snapshot, so no event is lost to a concurrent one. An
 * `eventId` makes the call idempotent: the store refuses an id it committed before, so a webhook
 * delivered twice, or a wake-up claimed again after a worker died, is applied once. Because the
 * outbox rows and the wake-ups are in the same commit as the snapshot (a transactional outbox), a
 * crash leaves either all of them or none; there is no window where a snapshot is saved and its
 * SLA wake-up is not.
 *
 * Two events for one key applied at the same moment are serialised in the order their commits
 * succeed; an event whose call returned before another's began is always applied first.
 *
 * @param options - store, machine, key, event and its id, input for a new instance, the delivered wake-up
 * @returns the outcome, the version written and the committed step
 * @throws {@link TouchpointError} `host_not_found` when the key has no snapshot and no `input` was
 * given; `host_conflict` when every attempt lost to a concurrent writer; `invalid_argument` for a
 * missing store, machine, key or event; and whatever the machine's `start` or `step` throws (a
 * snapshot that cannot be restored, an invalid input)
 *
 * @example
 * ```ts
 * import { conversationHost, MemoryStore, runStep } from "touchpoint/host";
 *
 * const store = new MemoryStore();
 * const machine = conversationHost();
 * const input = { conversationId: "c-1", startedAt: 0, priority: "urgent" as const };
 * const first = await runStep({ store, machine, key: "c-1", input, event: { type: "customer.message", at: 0 }, eventId: "m-1" });
 * first.version; // => 1
 * first.step?.scheduled.map((w) => w.at); // => [2700000]
 * const again = await runStep({ store, machine, key: "c-1", event: { type: "customer.message", at: 0 }, eventId: "m-1" });
 * again.outcome; // => "duplicate"
 * store.history("c-1").length; // => 1
 * const missing = await runStep({ store, machine, key: "c-2", event: { type: "customer.message", at: 0 } }).catch((error) => error.code);
 * missing; // => "host_not_found"
 * ```
 *
 * @category Host
 */
export async function runStep<E, Em, I>(options: RunStepOptions<E, Em, I>): Promise<RunStepResult<E, Em>> {
  const { store, machine, key } = options;
  if (typeof store?.load !== "function" || typeof store.commit !== "function") {
    throw new TouchpointError(
      "invalid_argument",
      `runStep: expected store to have load() and commit(), got ${quote(store)}`,
      { path: "store", value: store },
    );
  }
  if (typeof machine?.step !== "function" || typeof machine.start !== "function") {
    throw new TouchpointError(
      "invalid_argument",
      `runStep: expected machine to have start() and step(), got ${quote(machine)}`,
      { path: "machine", value: machine },
    );
  }
  if (typeof key !== "string" || key.length === 0) {
    throw new TouchpointError(
      "invalid_argument",
      `runStep: expected key to be a non-empty string, got ${quote(key)}`,
      {
        path: "key",
        value: key,
      },
    );
  }
  if (options.event === undefined && options.input === undefined) {
    throw new TouchpointError(
      "invalid_argument",
      `runStep: expected an event or an input for ${quote(key)}`,
      {
        path: "event",
      },
    );
  }
  const maxAttempts = options.maxAttempts ?? 20;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new TouchpointError(
      "invalid_argument",
      `runStep: expected maxAttempts to be a positive integer, got ${quote(maxAttempts)}`,
      { path: "maxAttempts", value: maxAttempts },
    );
  }
  const backoff = options.backoff ?? defaultBackoff;
  const eventId = options.eventId ?? null;
  let loadedVersion: number | null = null;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    if (attempt > 1) await backoff(attempt);
    const stored = await store.load(key);
    loadedVersion = stored === null ? null : stored.version;
    let output: HostStepOutput<Em, E>;
    if (stored === null) {
      if (options.input === undefined) {
        throw new TouchpointError(
          "host_not_found",
          `runStep: no ${machine.name} stored under ${quote(key)}, and no input to start one`,
          { path: "key", value: key },
        );
      }
      const started = machine.start(options.input);
      output =
        options.event === undefined ? started : chain(started, machine.step(started.snapshot, options.event));
    } else if (options.event === undefined) {
      // Already started by someone else: a start-only call has nothing left to do.
      return { outcome: "duplicate", key, version: stored.version, attempts: attempt, step: null };
    } else {
      output = machine.step(stored.snapshot, options.event);
    }
    const change: HostCommit<E, Em> = {
      key,
      expectedVersion: loadedVersion,
      version: (loadedVersion ?? 0) + 1,
      snapshot: output.snapshot,
      status: output.status,
      event: options.event ?? null,
      eventId,
      emitted: output.emitted,
      scheduled: output.scheduled,
      cancelled: output.cancelled,
      delivered: options.wakeup ?? null,
    };
    const outcome = await store.commit(change);
    if (outcome === "committed") {
      return { outcome: "applied", key, version: change.version, attempts: attempt, step: output };
    }
    if (outcome === "duplicate") {
      return { outcome: "duplicate", key, version: loadedVersion, attempts: attempt, step: null };
    }
  }
  throw new TouchpointError(
    "host_conflict",
    `runStep: ${maxAttempts} attempts to commit ${quote(key)} all lost to concurrent writers`,
    { path: "key", value: key },
  );
}
