/*
 * touchpoint/host's store contract on Postgres: compare-and-set on a version column, the outbox and
 * the wake-ups written in the same transaction as the snapshot, and due wake-ups claimed with
 * `FOR UPDATE SKIP LOCKED` under a lease.
 *
 * Why plain tables rather than a queue library such as pg-boss: the wake-ups must be written in the
 * snapshot's own transaction and replaced by timer id (a step that moves an SLA deadline replaces
 * its wake-up); pg-boss keeps its jobs in its own schema, and its singleton keys refuse a second
 * job instead of replacing the first. The claim below is the same `SKIP LOCKED` query it runs.
 */
import type {
  ClaimedWakeup,
  CommitOutcome,
  HostCommit,
  SnapshotStore,
  StoredSnapshot,
  WakeupQueue,
} from "touchpoint/host";
import type { Db, Queryable } from "./db.js";

/** Where a test can make the store fail, to stand for a process that dies at that point. */
export type FaultPoint =
  /** the snapshot was read; the caller dies before it computes and saves the step */
  | "after-load"
  /** every row of the commit is written; the process dies before COMMIT (the transaction rolls back) */
  | "before-commit"
  /** COMMIT succeeded; the process dies before it could answer (the sender will retry) */
  | "after-commit"
  /** wake-ups were claimed; the worker dies before delivering them (their lease must run out) */
  | "after-claim";

export interface PostgresStoreOptions {
  /** How long a claimed wake-up stays hidden from other workers (ms, default 30,000). */
  leaseMs?: number;
  /** Called at each fault point; throwing there simulates a crash at that point. */
  fault?: (point: FaultPoint, key: string) => void;
}

/** Thrown inside the transaction to roll it back when the event id was applied before. */
class Duplicate extends Error {}

function stepTime(event: unknown): number | null {
  const at = typeof event === "object" && event !== null ? (event as { at?: unknown }).at : undefined;
  return typeof at === "number" && Number.isFinite(at) ? at : null;
}

export class PostgresStore<E = unknown, Em = unknown> implements SnapshotStore<E, Em>, WakeupQueue<E> {
  readonly #db: Db;
  readonly #leaseMs: number;
  readonly #fault: (point: FaultPoint, key: string) => void;

  constructor(db: Db, options: PostgresStoreOptions = {}) {
    this.#db = db;
    this.#leaseMs = options.leaseMs ?? 30_000;
    this.#fault = options.fault ?? (() => {});
  }

  async load(key: string): Promise<StoredSnapshot | null> {
    const { rows } = await this.#db.query<{ snapshot: unknown; version: number }>(
      "SELECT snapshot, version FROM tp_instances WHERE key = $1",
      [key],
    );
    const row = rows[0];
    this.#fault("after-load", key);
    return row === undefined ? null : { snapshot: row.snapshot, version: row.version };
  }

  async commit(change: HostCommit<E, Em>): Promise<CommitOutcome> {
    let outcome: CommitOutcome;
    try {
      outcome = await this.#db.transaction(async (tx) => {
        if (!(await this.#saveSnapshot(tx, change))) return "conflict";
        // The instance row is locked from here on, so only one writer of this key gets this far.
        const applied = await tx.query(
          `INSERT INTO tp_applied (key, version, event_id, event) VALUES ($1, $2, $3, $4)
           ON CONFLICT (key, event_id) DO NOTHING RETURNING version`,
          [change.key, change.version, change.eventId, JSON.stringify(change.event)],
        );
        if (applied.rows.length === 0) throw new Duplicate();
        if (change.emitted.length > 0) {
          await tx.query(
            `INSERT INTO tp_outbox (key, version, position, event, step_at)
             SELECT $1, $2, t.position, t.event, $4 FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS t(event, position)`,
            [change.key, change.version, JSON.stringify(change.emitted), stepTime(change.event)],
          );
        }
        if (change.delivered !== null) {
          await tx.query("DELETE FROM tp_wakeups WHERE key = $1 AND timer_id = $2 AND at = $3", [
            change.key,
            change.delivered.id,
            change.delivered.at,
          ]);
        }
        if (change.cancelled.length > 0) {
          await tx.query("DELETE FROM tp_wakeups WHERE key = $1 AND timer_id = ANY($2::text[])", [
            change.key,
            change.cancelled,
          ]);
        }
        if (change.scheduled.length > 0) {
          await tx.query(
            `INSERT INTO tp_wakeups (key, timer_id, at, event)
             SELECT $1, w->>'id', (w->>'at')::bigint, w->'event' FROM jsonb_array_elements($2::jsonb) AS w
             ON CONFLICT (key, timer_id) DO UPDATE SET at = excluded.at, event = excluded.event, leased_until = NULL`,
            [change.key, JSON.stringify(change.scheduled)],
          );
        }
        this.#fault("before-commit", change.key);
        return "committed";
      });
    } catch (error) {
      if (error instanceof Duplicate) return "duplicate";
      throw error;
    }
    if (outcome === "committed") this.#fault("after-commit", change.key);
    return outcome;
  }

  /** Writes the snapshot if the version is unchanged; false when another writer got there first. */
  async #saveSnapshot(tx: Queryable, change: HostCommit<E, Em>): Promise<boolean> {
    const snapshot = JSON.stringify(change.snapshot);
    if (change.expectedVersion === null) {
      const { rows } = await tx.query(
        `INSERT INTO tp_instances (key, version, status, snapshot) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO NOTHING RETURNING version`,
        [change.key, change.version, change.status, snapshot],
      );
      return rows.length === 1;
    }
    const { rows } = await tx.query(
      `UPDATE tp_instances SET version = $2, status = $3, snapshot = $4, updated_at = now()
       WHERE key = $1 AND version = $5 RETURNING version`,
      [change.key, change.version, change.status, snapshot, change.expectedVersion],
    );
    return rows.length === 1;
  }

  async claim(now: number, limit: number): Promise<ClaimedWakeup<E>[]> {
    const { rows } = await this.#db.query<{ key: string; timer_id: string; at: string; event: E }>(
      `UPDATE tp_wakeups AS w SET leased_until = clock_timestamp() + $3 * interval '1 millisecond'
       FROM (
         SELECT key, timer_id FROM tp_wakeups
         WHERE at <= $1 AND (leased_until IS NULL OR leased_until < clock_timestamp())
         ORDER BY at LIMIT $2
         FOR UPDATE SKIP LOCKED
       ) AS due
       WHERE w.key = due.key AND w.timer_id = due.timer_id
       RETURNING w.key, w.timer_id, w.at, w.event`,
      [now, limit, this.#leaseMs],
    );
    const claimed = rows
      .map((row) => ({ key: row.key, id: row.timer_id, at: Number(row.at), event: row.event }))
      .sort((a, b) => a.at - b.at);
    const first = claimed[0];
    if (first !== undefined) this.#fault("after-claim", first.key);
    return claimed;
  }
}

/** One emitted event on its way out. */
export interface OutboxMessage<Em = unknown> {
  id: number;
  key: string;
  version: number;
  event: Em;
}

/**
 * The outbox relay: hands undelivered outbox rows to `deliver`, oldest first, and marks them
 * delivered in the same transaction, so a relay that dies mid-way leaves them for the next one
 * (at-least-once: `deliver` may see a row again after a crash, never miss one).
 */
export async function relayOutbox<Em>(
  db: Db,
  deliver: (message: OutboxMessage<Em>) => Promise<void> | void,
  limit = 100,
): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<{ id: string; key: string; version: number; event: Em }>(
      `SELECT id, key, version, event FROM tp_outbox WHERE delivered_at IS NULL
       ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    for (const row of rows)
      await deliver({ id: Number(row.id), key: row.key, version: row.version, event: row.event });
    if (rows.length > 0) {
      await tx.query("UPDATE tp_outbox SET delivered_at = now() WHERE id = ANY($1::bigint[])", [
        rows.map((r) => r.id),
      ]);
    }
    return rows.length;
  });
}
