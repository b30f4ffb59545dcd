/**
 * A versioned envelope for persisted XState snapshots, shared by every machine touchpoint ships.
 *
 * Why: XState v5 snapshots carry no machine version, and restoring one whose state was renamed
 * leaves an actor in `status: "error"` instead of failing loudly (notes/toolchain.md §1.6). Every
 * persisted snapshot therefore travels in `{ schemaVersion, machineId, machineVersion, savedAt,
 * snapshot }`: `schemaVersion` is the version of this envelope's own shape, `machineVersion` the
 * version of one machine's snapshot format. Restoring validates the envelope with zod, refuses a
 * snapshot of another machine or of a newer version, runs the declared migrations one version at a
 * time, and validates the migrated snapshot with the machine's own schema. Every failure is a
 * {@link TouchpointError} whose code says which of these it was.
 *
 * The module is generic on purpose (the journey and the conversation machines both use it): it
 * knows nothing of states or context beyond the schema it is given.
 */
import * as z from "zod";
import { quote, TouchpointError } from "./errors.js";

/** The version of the envelope's own shape. Bump it only when the five fields change. */
export const ENVELOPE_SCHEMA_VERSION = 1;

/**
 * A persisted snapshot inside its versioned envelope: plain JSON, shared by every machine.
 *
 * @category Persistence
 */
export interface PersistedEnvelope<S = unknown> {
  /** The version of the envelope format (1 today). */
  readonly schemaVersion: number;
  /** Which machine wrote the snapshot. */
  readonly machineId: string;
  /** The version of that machine's snapshot format. */
  readonly machineVersion: number;
  /** When the snapshot was saved, in epoch milliseconds (given by the caller; no wall clock). */
  readonly savedAt: number;
  /** The persisted snapshot itself. */
  readonly snapshot: S;
}

/** Turns a snapshot of version `n` into one of version `n + 1`. */
export type SnapshotMigration = (snapshot: unknown) => unknown;

/** How one machine persists and restores its snapshots. */
export interface MachinePersistenceConfig<S> {
  /** The function name that prefixes error messages, such as `restoreJourney`. */
  readonly fn: string;
  /** The machine's id, stored in the envelope and checked on restore. */
  readonly machineId: string;
  /** The current version of the machine's snapshot format (a positive integer). */
  readonly machineVersion: number;
  /** Validates a snapshot of the current version. */
  readonly snapshotSchema: z.ZodType<S>;
  /** `migrations[n]` upgrades a version-`n` snapshot to version `n + 1`. */
  readonly migrations?: Readonly<Record<number, SnapshotMigration>>;
  /** The oldest version that can still be read; defaults to 1. */
  readonly oldestVersion?: number;
}

/** The two functions {@link createMachinePersistence} returns. */
export interface MachinePersistence<S> {
  /** Wraps a snapshot in a versioned envelope (a plain, JSON-safe object). */
  persist(snapshot: S, savedAt: number): PersistedEnvelope<S>;
  /** Validates, migrates and unwraps an envelope (an object or its JSON text). */
  restore(raw: unknown): S;
}

const envelopeSchema = z.object({
  schemaVersion: z.int().positive(),
  machineId: z.string().min(1),
  machineVersion: z.int().positive(),
  savedAt: z.number().finite(),
  snapshot: z.unknown(),
});

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (issue === undefined) return "invalid";
  const path = issue.path.map(String).join(".");
  return `${path === "" ? "" : `${path}: `}${issue.message}`;
}

/**
 * Returns `persist` and `restore` for one machine's snapshots.
 *
 * `restore` throws a {@link TouchpointError} with one of these codes:
 * - `snapshot_invalid`: not JSON, not an envelope, or a snapshot that fails the machine's schema;
 * - `snapshot_machine_mismatch`: an envelope written by another machine;
 * - `snapshot_version_unsupported`: a newer envelope or machine version than this code knows, or an
 *   older one with no migration path;
 * - `snapshot_migration_failed`: a migration threw.
 */
export function createMachinePersistence<S>(config: MachinePersistenceConfig<S>): MachinePersistence<S> {
  const { fn, machineId, machineVersion, snapshotSchema } = config;
  const migrations = config.migrations ?? {};
  const oldest = config.oldestVersion ?? 1;
  if (!Number.isInteger(machineVersion) || machineVersion < 1) {
    throw new TouchpointError(
      "invalid_argument",
      `${fn}: expected a positive integer machine version, got ${quote(machineVersion)}`,
      { value: machineVersion },
    );
  }
  return {
    persist(snapshot, savedAt) {
      return { schemaVersion: ENVELOPE_SCHEMA_VERSION, machineId, machineVersion, savedAt, snapshot };
    },
    restore(raw) {
      let input = raw;
      if (typeof raw === "string") {
        try {
          input = JSON.parse(raw);
        } catch {
          throw new TouchpointError("snapshot_invalid", `${fn}: expected JSON text, got ${quote(raw)}`, {
            value: raw,
          });
        }
      }
      const parsed = envelopeSchema.safeParse(input);
      if (!parsed.success) {
        throw new TouchpointError(
          "snapshot_invalid",
          `${fn}: expected a persisted envelope { schemaVersion, machineId, machineVersion, savedAt, snapshot }, got ${quote(input)} (${describe(parsed.error)})`,
          { value: input },
        );
      }
      const envelope = parsed.data;
      if (envelope.schemaVersion > ENVELOPE_SCHEMA_VERSION) {
        throw new TouchpointError(
          "snapshot_version_unsupported",
          `${fn}: envelope schema version ${quote(envelope.schemaVersion)} is newer than ${ENVELOPE_SCHEMA_VERSION}, the newest this version reads`,
          { path: "schemaVersion", value: envelope.schemaVersion },
        );
      }
      if (envelope.machineId !== machineId) {
        throw new TouchpointError(
          "snapshot_machine_mismatch",
          `${fn}: expected a snapshot of machine ${quote(machineId)}, got one of ${quote(envelope.machineId)}`,
          { path: "machineId", value: envelope.machineId },
        );
      }
      if (envelope.machineVersion > machineVersion || envelope.machineVersion < oldest) {
        throw new TouchpointError(
          "snapshot_version_unsupported",
          `${fn}: this version reads snapshots of ${quote(machineId)} from version ${oldest} to ${machineVersion}, got version ${quote(envelope.machineVersion)}`,
          { path: "machineVersion", value: envelope.machineVersion },
        );
      }
      let snapshot: unknown = envelope.snapshot;
      for (let v = envelope.machineVersion; v < machineVersion; v++) {
        const migrate = migrations[v];
        if (migrate === undefined) {
          throw new TouchpointError(
            "snapshot_version_unsupported",
            `${fn}: no migration from version ${v} to ${v + 1} of ${quote(machineId)}, got version ${quote(envelope.machineVersion)}`,
            { path: "machineVersion", value: envelope.machineVersion },
          );
        }
        try {
          snapshot = migrate(snapshot);
        } catch (error) {
          throw new TouchpointError(
            "snapshot_migration_failed",
            `${fn}: migrating ${quote(machineId)} from version ${v} to ${v + 1} failed: ${error instanceof Error ? error.message : quote(error)}`,
            { path: "snapshot", value: envelope.machineVersion },
          );
        }
      }
      const checked = snapshotSchema.safeParse(snapshot);
      if (!checked.success) {
        throw new TouchpointError(
          "snapshot_invalid",
          `${fn}: the snapshot of ${quote(machineId)} does not match version ${machineVersion}: ${describe(checked.error)}`,
          { path: `snapshot.${checked.error.issues[0]?.path.map(String).join(".") ?? ""}`, value: snapshot },
        );
      }
      return checked.data;
    },
  };
}
