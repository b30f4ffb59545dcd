/*
 * The tables of the Postgres host. One row per instance (a conversation) with its snapshot and a
 * version for compare-and-set; the outbox of emitted events; the wake-ups, one per (instance,
 * timer id), with a lease for the worker that claimed it; and the applied events, one per commit,
 * whose unique (key, event_id) is what makes a redelivered webhook a no-op.
 */
import type { Queryable } from "./db.js";

export const schemaSql = `
CREATE TABLE IF NOT EXISTS tp_instances (
  key         text PRIMARY KEY,
  version     integer NOT NULL CHECK (version > 0),
  status      text NOT NULL CHECK (status IN ('active', 'done')),
  snapshot    jsonb NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE IF NOT EXISTS tp_applied (
  key         text NOT NULL REFERENCES tp_instances (key),
  version     integer NOT NULL,
  event_id    text,
  event       jsonb,
  applied_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (key, version)
);
CREATE UNIQUE INDEX IF NOT EXISTS tp_applied_event_id ON tp_applied (key, event_id);

CREATE TABLE IF NOT EXISTS tp_outbox (
  id            bigserial PRIMARY KEY,
  key           text NOT NULL,
  version       integer NOT NULL,
  position      integer NOT NULL,
  event         jsonb NOT NULL,
  step_at       bigint,
  delivered_at  timestamptz,
  UNIQUE (key, version, position)
);
CREATE INDEX IF NOT EXISTS tp_outbox_pending ON tp_outbox (id) WHERE delivered_at IS NULL;

CREATE TABLE IF NOT EXISTS tp_wakeups (
  key           text NOT NULL,
  timer_id      text NOT NULL,
  at            bigint NOT NULL,
  event         jsonb NOT NULL,
  leased_until  timestamptz,
  PRIMARY KEY (key, timer_id)
);
CREATE INDEX IF NOT EXISTS tp_wakeups_due ON tp_wakeups (at);
`;

/** Creates the tables (idempotent). */
export async function migrate(db: Queryable): Promise<void> {
  for (const statement of schemaSql
    .split(";")
    .map((s) => s.trim())
    .filter((s) => s.length > 0)) {
    await db.query(statement);
  }
}
