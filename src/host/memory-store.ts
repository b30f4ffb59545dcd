import { quote, TouchpointError } from "../internal/errors.js";
import type {
  ClaimedWakeup,
  CommitOutcome,
  HostCommit,
  HostMachine,
  SnapshotStore,
  StoredSnapshot,
  Wakeup,
  WakeupQueue,
} from "./host-types.js";

/**
 * A row of {@link MemoryStore.outbox}: one emitted event and the commit it came from.
 *
 * @category Host
 */
export interface OutboxRow<Em = unknown> {
  /** The instance that emitted it. */
  key: string;
  /** The version whose commit emitted it. */
  version: number;
  /** The emitted event. */
  event: Em;
}

/**
 * A row of {@link MemoryStore.history}: one committed step.
 *
 * @category Host
 */
export interface AppliedRow<E = unknown> {
  /** The version the step wrote. */
  version: number;
  /** Its idempotency key, `null` when it had none. */
  eventId: string | null;
  /** The event applied, `null` for a start without one. */
  event: E | null;
}

/**
 * Options of {@link MemoryStore}.
 *
 * @category Host
 */
export interface MemoryStoreOptions {
  /** How long a claimed wake-up stays hidden from other claims (ms of `clock`; default 30,000). */
  leaseMs?: number;
  /** The clock leases are measured with (`Date.now` by default; the events' clock is not used for leases). */
  clock?: () => number;
}

interface Row {
  snapshot: string;
  version: number;
  status: "active" | "done";
  history: AppliedRow[];
  eventIds: Set<string>;
  wakeups: Map<string, { wakeup: Wakeup; leasedUntil: number }>;
}

/**
 * An in-memory {@link SnapshotStore} and {@link WakeupQueue}, for tests and examples: the contract's
 * semantics with nothing durable.
 *
 * @remarks
 * Every commit is atomic (it runs to the end without yielding) and copies its data through JSON,
 * as a database would store it; `load` and `commit` resolve on a later microtask, so concurrent
 * callers interleave as they would against a server. The outbox, the wake-ups and the history of
 * committed steps are readable for assertions. Nothing is ever removed from the outbox: a relay
 * process would do that in a real store.
 *
 * @example
 * ```ts
 * import { MemoryStore } from "touchpoint/host";
 *
 * const store = new MemoryStore();
 * const change = { key: "k", expectedVersion: null, version: 1, snapshot: { n: 1 }, status: "active" as const, event: null, eventId: "e-1", emitted: [], scheduled: [], cancelled: [], delivered: null };
 * await store.commit(change); // => "committed"
 * await store.commit(change); // => "duplicate"
 * await store.commit({ ...change, eventId: "e-2" }); // => "conflict"
 * (await store.load("k"))?.version; // => 1
 * ```
 *
 * @category Host
 */
export class MemoryStore<E = unknown, Em = unknown> implements SnapshotStore<E, Em>, WakeupQueue<E> {
  /** Every emitted event committed so far, in commit order. */
  readonly outbox: OutboxRow<Em>[] = [];
  readonly #rows = new Map<string, Row>();
  readonly #leaseMs: number;
  readonly #clock: () => number;

  /** @param options - the claim lease and its clock */
  constructor(options: MemoryStoreOptions = {}) {
    const leaseMs = options.leaseMs ?? 30_000;
    if (typeof leaseMs !== "number" || !(leaseMs >= 0)) {
      throw new TouchpointError(
        "invalid_argument",
        `MemoryStore: expected leaseMs to be a number >= 0, got ${quote(leaseMs)}`,
        { path: "leaseMs", value: leaseMs },
      );
    }
    this.#leaseMs = leaseMs;
    this.#clock = options.clock ?? Date.now;
  }

  /**
   * Returns an empty store typed for a machine's events and emitted events.
   *
   * @param _machine - the machine whose steps it will hold (only its type is used)
   * @param options - the claim lease and its clock
   * @returns a new store
   */
  static for<E, Em, I>(
    _machine: HostMachine<E, Em, I>,
    options: MemoryStoreOptions = {},
  ): MemoryStore<E, Em> {
    return new MemoryStore<E, Em>(options);
  }

  /** {@inheritDoc SnapshotStore.load} */
  async load(key: string): Promise<StoredSnapshot | null> {
    await Promise.resolve();
    const row = this.#rows.get(key);
    return row === undefined ? null : { snapshot: JSON.parse(row.snapshot), version: row.version };
  }

  /** {@inheritDoc SnapshotStore.commit} */
  async commit(change: HostCommit<E, Em>): Promise<CommitOutcome> {
    await Promise.resolve();
    const row = this.#rows.get(change.key);
    if (change.eventId !== null && row?.eventIds.has(change.eventId)) return "duplicate";
    if ((row?.version ?? null) !== change.expectedVersion) return "conflict";
    if (change.version !== (change.expectedVersion ?? 0) + 1) {
      throw new TouchpointError(
        "invalid_argument",
        `MemoryStore.commit: expected version ${(change.expectedVersion ?? 0) + 1}, got ${quote(change.version)}`,
        { path: "version", value: change.version },
      );
    }
    const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
    const next: Row = row ?? {
      snapshot: "",
      version: 0,
      status: "active",
      history: [],
      eventIds: new Set(),
      wakeups: new Map(),
    };
    next.snapshot = JSON.stringify(change.snapshot);
    next.version = change.version;
    next.status = change.status;
    for (const event of change.emitted)
      this.outbox.push({ key: change.key, version: change.version, event: copy(event) });
    const delivered = change.delivered;
    if (delivered !== null && next.wakeups.get(delivered.id)?.wakeup.at === delivered.at) {
      next.wakeups.delete(delivered.id);
    }
    for (const id of change.cancelled) next.wakeups.delete(id);
    for (const wakeup of change.scheduled)
      next.wakeups.set(wakeup.id, { wakeup: copy(wakeup), leasedUntil: -Infinity });
    if (change.eventId !== null) next.eventIds.add(change.eventId);
    next.history.push({ version: change.version, eventId: change.eventId, event: copy(change.event) });
    this.#rows.set(change.key, next);
    return "committed";
  }

  /** {@inheritDoc WakeupQueue.claim} */
  async claim(now: number, limit: number): Promise<ClaimedWakeup<E>[]> {
    await Promise.resolve();
    const time = this.#clock();
    const due: { key: string; entry: { wakeup: Wakeup; leasedUntil: number } }[] = [];
    for (const [key, row] of this.#rows) {
      for (const entry of row.wakeups.values()) {
        if (entry.wakeup.at <= now && entry.leasedUntil <= time) due.push({ key, entry });
      }
    }
    due.sort((a, b) => a.entry.wakeup.at - b.entry.wakeup.at);
    return due.slice(0, Math.max(0, limit)).map(({ key, entry }) => {
      entry.leasedUntil = time + this.#leaseMs;
      return { key, ...(JSON.parse(JSON.stringify(entry.wakeup)) as Wakeup<E>) };
    });
  }

  /**
   * The committed steps of a key, oldest first (empty when it has none).
   *
   * @param key - the instance
   * @returns a copy of its history
   */
  history(key: string): AppliedRow<E>[] {
    return (this.#rows.get(key)?.history ?? []).map((row) => ({ ...row })) as AppliedRow<E>[];
  }

  /**
   * The wake-ups stored for a key, earliest first.
   *
   * @param key - the instance
   * @returns copies of its wake-ups
   */
  wakeups(key: string): Wakeup<E>[] {
    const row = this.#rows.get(key);
    if (row === undefined) return [];
    return [...row.wakeups.values()]
      .map((entry) => JSON.parse(JSON.stringify(entry.wakeup)) as Wakeup<E>)
      .sort((a, b) => a.at - b.at);
  }

  /** The keys stored, in the order they were created. */
  keys(): string[] {
    return [...this.#rows.keys()];
  }
}
