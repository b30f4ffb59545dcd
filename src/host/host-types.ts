/**
 * A wake-up a step asks for: at `at`, deliver `event` (a `clock.tick`) to the same key.
 *
 * @remarks
 * touchpoint/conversation's `ScheduledTick` has this shape. `id` names the timer: a later step that
 * schedules the same id replaces the wake-up, one that cancels it removes it.
 *
 * @category Host
 */
export interface Wakeup<E = unknown> {
  /** The timer's id, unique within one key. */
  id: string;
  /** When it falls due (epoch ms, the events' clock). */
  at: number;
  /** The event to deliver then. */
  event: E;
}

/**
 * The wake-up a step delivers: its timer id and instant, which together name one wake-up.
 *
 * @category Host
 */
export interface DeliveredWakeup {
  /** The timer's id. */
  id: string;
  /** The instant it was scheduled for (epoch ms). */
  at: number;
}

/**
 * What one step of a machine gives a host: the next snapshot (a JSON-ready envelope), what the
 * machine emitted, the wake-ups to (re)schedule and the timer ids to cancel.
 *
 * @remarks
 * touchpoint/conversation's `StepResult` has this shape, so `initialStep` and `step` fit
 * {@link HostMachine} as they are.
 *
 * @category Host
 */
export interface HostStepOutput<Em = unknown, E = unknown> {
  /** The next snapshot in its versioned envelope (plain JSON data). */
  snapshot: unknown;
  /** The events the machine emitted, in order: they go to the outbox. */
  emitted: Em[];
  /** Wake-ups to schedule, replacing any of the same id. */
  scheduled: Wakeup<E>[];
  /** Timer ids whose wake-ups are to be removed. */
  cancelled: string[];
  /** `done` once the machine reached a final state. */
  status: "active" | "done";
}

/**
 * A machine as a host runs it: a pure start from an input and a pure step from a stored snapshot.
 *
 * @remarks
 * Both must be pure functions of their arguments (no clock, no I/O): {@link runStep} may call them
 * more than once for one event when a concurrent writer got there first. `step` restores the stored
 * envelope itself, which is where snapshots of an older machine version are migrated.
 *
 * @category Host
 */
export interface HostMachine<E, Em, I> {
  /** A name for error messages, such as `conversation`. */
  readonly name: string;
  /** The first step of a new instance. */
  start(input: I): HostStepOutput<Em, E>;
  /** One event applied to a stored snapshot (an envelope, or its JSON text). */
  step(stored: unknown, event: E): HostStepOutput<Em, E>;
}

/**
 * A snapshot as a {@link SnapshotStore} returns it: the envelope and its version.
 *
 * @category Host
 */
export interface StoredSnapshot {
  /** The envelope saved last (or its JSON text). */
  snapshot: unknown;
  /** How many commits it has had: 1 after the first. */
  version: number;
}

/**
 * Everything one step writes, which a {@link SnapshotStore} commits together or not at all.
 *
 * @remarks
 * A store commits in one transaction: (1) refuse as `duplicate` when `eventId` was committed before
 * for this key; (2) refuse as `conflict` unless the stored version is still `expectedVersion`
 * (`null`: no snapshot yet); (3) save `snapshot` as `version`; (4) append `emitted` to the outbox;
 * (5) remove the `delivered` wake-up unless `scheduled` replaces it, remove the `cancelled` ones and
 * upsert the `scheduled` ones by id; (6) record `eventId` (and the event, for audit and replay).
 *
 * @category Host
 */
export interface HostCommit<E = unknown, Em = unknown> {
  /** The instance: a conversation id, a customer id. */
  key: string;
  /** The version that was loaded, `null` when there was none (the commit creates it). */
  expectedVersion: number | null;
  /** The version this commit writes: `(expectedVersion ?? 0) + 1`. */
  version: number;
  /** The next snapshot. */
  snapshot: unknown;
  /** `active`, or `done` once the machine reached a final state. */
  status: "active" | "done";
  /** The event applied, `null` for a start without one. */
  event: E | null;
  /** The event's idempotency key, `null` when the caller has none. */
  eventId: string | null;
  /** For the outbox, in order. */
  emitted: Em[];
  /** Wake-ups to upsert by id. */
  scheduled: Wakeup<E>[];
  /** Wake-up ids to remove. */
  cancelled: string[];
  /** The wake-up this step delivered (its id and instant), removed unless `scheduled` replaces it. */
  delivered: DeliveredWakeup | null;
}

/**
 * How a {@link SnapshotStore} answers a commit.
 *
 * @remarks
 * `committed`: all of it was written. `conflict`: another writer committed first (the stored version
 * moved); nothing was written. `duplicate`: the event id was committed before; nothing was written.
 *
 * @category Host
 */
export type CommitOutcome = "committed" | "conflict" | "duplicate";

/**
 * The store contract of a host: load a snapshot with its version, and commit a step only if that
 * version is still current.
 *
 * @remarks
 * Any database with transactions can implement it: a row per key with a version column
 * (`UPDATE ... WHERE version = $expected`), an outbox table, a wake-up table and a table of applied
 * event ids, all written in one transaction (see {@link HostCommit} for the order). The Postgres
 * implementation in the repository's examples/postgres-host/ is the reference;
 * {@link MemoryStore} is the in-memory one for tests.
 *
 * @category Host
 */
export interface SnapshotStore<E = unknown, Em = unknown> {
  /** The stored snapshot and its version, or `null` when the key has none. */
  load(key: string): Promise<StoredSnapshot | null>;
  /** Writes a step atomically, if the version is unchanged and the event is new. */
  commit(change: HostCommit<E, Em>): Promise<CommitOutcome>;
}

/**
 * A due wake-up handed to one worker by {@link WakeupQueue.claim}.
 *
 * @category Host
 */
export interface ClaimedWakeup<E = unknown> extends Wakeup<E> {
  /** The instance it belongs to. */
  key: string;
}

/**
 * Where a host's due wake-ups are claimed: each claimed wake-up goes to one worker at a time.
 *
 * @remarks
 * A claim is a lease, not a removal: the wake-up stays stored until the commit of the step that
 * delivers it removes it, so a worker that dies after claiming loses nothing; once its lease runs
 * out another worker claims the wake-up again. In Postgres: `SELECT ... FOR UPDATE SKIP LOCKED`.
 *
 * @category Host
 */
export interface WakeupQueue<E = unknown> {
  /** Claims up to `limit` wake-ups due at or before `now` (the events' clock), earliest first. */
  claim(now: number, limit: number): Promise<ClaimedWakeup<E>[]>;
}
