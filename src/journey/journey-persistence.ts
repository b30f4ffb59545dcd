import type { SnapshotFrom } from "xstate";
import * as z from "zod";
import { checkMachine, checkSnapshot, fail } from "../internal/args.js";
import { createMachinePersistence, type PersistedEnvelope } from "../internal/machine-persistence.js";
import type { JourneyStage } from "../schemas/vocabulary.js";
import { journeyRiskReasons } from "./journey-events.js";
import { JOURNEY_MACHINE_VERSION, type JourneyMachine } from "./journey-machine.js";
import type { JourneyContext } from "./journey-types.js";

/**
 * A journey snapshot in its versioned envelope, as {@link persistJourney} returns it: plain JSON.
 *
 * @category Persistence
 */
export type PersistedJourney = PersistedEnvelope<{
  /** The actor's status (`active` for a live journey). */
  readonly status: string;
  /** The state value: `"churned"` or `{ active: { stage, health } }`. */
  readonly value: unknown;
  /** The machine's context. */
  readonly context: JourneyContext<string>;
}>;

/** The stage names and model id of a machine, read from its definition (survives `provide()`). */
export function describeJourneyMachine(machine: JourneyMachine<string>): {
  modelId: string;
  stages: string[];
} {
  const stageNode = machine.root.states.active?.states.stage;
  const stages =
    stageNode === undefined ? [] : Object.keys(stageNode.states).filter((name) => name !== "routing");
  const modelId = machine.root.meta?.modelId ?? "custom";
  return { modelId, stages };
}

const schemas = new WeakMap<object, ReturnType<typeof buildPersistence>>();

function buildPersistence(machine: JourneyMachine<string>) {
  const { modelId, stages } = describeJourneyMachine(machine);
  const stage = z.enum(stages as [string, ...string[]]);
  const time = z.number().finite();
  const contextSchema = z.object({
    customerId: z.string().nullable(),
    stage,
    highestStage: stage,
    stageSince: time,
    pendingStage: stage,
    startedAt: time,
    now: time,
    lastActivityAt: time,
    atRiskAt: time,
    churnAt: time.nullable(),
    riskReasons: z.array(z.enum(journeyRiskReasons)),
    atRiskSince: time.nullable(),
    complaintTimes: z.array(time),
    lastNps: z.int().min(0).max(10).nullable(),
    purchases: z.int().min(0),
    firstPurchaseAt: time.nullable(),
    churnedAt: time.nullable(),
    churnReason: z.enum(["cancellation", "inactivity"]).nullable(),
    churns: z.int().min(0),
    winBacks: z.int().min(0),
  });
  const snapshotSchema = z
    .object({
      status: z.literal("active"),
      value: z.union([
        z.literal("churned"),
        z.object({ active: z.object({ stage, health: z.enum(["healthy", "atRisk"]) }) }),
      ]),
      context: contextSchema,
      historyValue: z.record(z.string(), z.unknown()).optional(),
      children: z.record(z.string(), z.unknown()).optional(),
    })
    .refine((s) => s.value === "churned" || s.value.active.stage === s.context.stage, {
      error: "expected the state's stage to equal context.stage",
      path: ["value"],
    })
    .refine((s) => stages.indexOf(s.context.highestStage) >= stages.indexOf(s.context.stage), {
      error: "expected highestStage at or beyond stage",
      path: ["context", "highestStage"],
    });
  return createMachinePersistence({
    fn: "restoreJourney",
    machineId: `journey/${modelId}`,
    machineVersion: JOURNEY_MACHINE_VERSION,
    snapshotSchema,
  });
}

function persistenceOf(machine: JourneyMachine<string>) {
  let persistence = schemas.get(machine);
  if (persistence === undefined) {
    persistence = buildPersistence(machine);
    schemas.set(machine, persistence);
  }
  return persistence;
}

/**
 * Returns a journey snapshot wrapped in a versioned envelope, ready for `JSON.stringify`.
 *
 * @remarks
 * The envelope is `{ schemaVersion, machineId, machineVersion, savedAt, snapshot }`: the machine id
 * is `journey/<model id>`, so a snapshot cannot be restored into a machine of another model. XState
 * does not persist pending timers; the deadlines live in context (`atRiskAt`, `churnAt`).
 *
 * @param machine - the machine the snapshot belongs to
 * @param snapshot - an actor's `getSnapshot()` or a snapshot from `transition()`
 * @param savedAt - when it is saved; the snapshot's own clock (`context.now`) by default
 * @returns the envelope
 *
 * @throws {@link TouchpointError} `invalid_input` when `machine` is not a state machine or `snapshot` not a
 *   snapshot; `snapshot_invalid` for a snapshot in status `error`; `invalid_timestamp` for a `savedAt`
 *   (or a context time) that is not finite
 *
 * @example
 * ```ts
 * import { initialTransition } from "xstate";
 * import { journeyMachine, persistJourney } from "touchpoint/journey";
 *
 * const [snapshot] = initialTransition(journeyMachine, { at: 1000, customerId: "c-1" });
 * const saved = persistJourney(journeyMachine, snapshot);
 * saved.machineId; // => "journey/default"
 * saved.machineVersion; // => 1
 * saved.savedAt; // => 1000
 * ```
 *
 * @category Persistence
 */
export function persistJourney<S extends string = JourneyStage>(
  machine: JourneyMachine<S>,
  snapshot: SnapshotFrom<JourneyMachine<S>>,
  savedAt?: number,
): PersistedJourney {
  checkMachine("persistJourney", "machine", machine);
  checkSnapshot("persistJourney", snapshot);
  if (snapshot.status === "error")
    fail(
      "snapshot_invalid",
      "persistJourney",
      "snapshot.status",
      snapshot.status,
      "a snapshot of a working journey",
    );
  const at = savedAt ?? snapshot.context.now;
  if (typeof at !== "number" || !Number.isFinite(at))
    fail(
      "invalid_timestamp",
      "persistJourney",
      savedAt === undefined ? "snapshot.context.now" : "savedAt",
      at,
      "a finite time in epoch milliseconds",
    );
  const raw = machine.getPersistedSnapshot(snapshot) as unknown as PersistedJourney["snapshot"];
  // A stopped actor is saved as the state it stopped in (the journey has no final state).
  const persisted = raw.status === "stopped" ? { ...raw, status: "active" } : raw;
  return persistenceOf(machine as unknown as JourneyMachine<string>).persist(
    persisted as never,
    at,
  ) as PersistedJourney;
}

/**
 * Returns the snapshot inside a persisted envelope, validated and migrated, ready for `transition()`
 * or `createActor(machine, { snapshot })`.
 *
 * @remarks
 * Validation covers the envelope, the machine id and version, the state value (only stages of this
 * machine's model) and every field of the context. A restored live actor has no pending timers:
 * send it `journey.inactivity.check` with the current time to re-arm them. (XState's types ask
 * `createActor(machine, { snapshot, input })` for an `input` even when restoring; it is ignored.)
 *
 * @param machine - the machine to restore into
 * @param persisted - the envelope, as an object or as its JSON text
 * @returns the machine snapshot
 * @throws {@link TouchpointError} `snapshot_invalid` (not an envelope, or a snapshot that does not
 *   fit the machine), `snapshot_machine_mismatch` (another model's machine),
 *   `snapshot_version_unsupported` (a newer or unknown version), `snapshot_migration_failed`;
 *   `invalid_input` when `machine` is not a state machine
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from "xstate";
 * import { acquisitionJourneyModel, createJourneyMachine, journeyMachine, persistJourney, restoreJourney } from "touchpoint/journey";
 *
 * const [start] = initialTransition(journeyMachine, { at: 0 });
 * const text = JSON.stringify(persistJourney(journeyMachine, start));
 * const restored = restoreJourney(journeyMachine, text);
 * const [next] = transition(journeyMachine, restored, { type: "journey.purchase", at: 5000 });
 * next.context.stage; // => "purchase"
 * restoreJourney(createJourneyMachine(acquisitionJourneyModel), text); // throws snapshot_machine_mismatch
 * restoreJourney(journeyMachine, "{}"); // throws snapshot_invalid
 * ```
 *
 * @category Persistence
 */
export function restoreJourney<S extends string = JourneyStage>(
  machine: JourneyMachine<S>,
  persisted: unknown,
): SnapshotFrom<JourneyMachine<S>> {
  checkMachine("restoreJourney", "machine", machine);
  const snapshot = persistenceOf(machine as unknown as JourneyMachine<string>).restore(persisted);
  return machine.resolveState({
    value: snapshot.value as never,
    context: snapshot.context as unknown as JourneyContext<S>,
  }) as SnapshotFrom<JourneyMachine<S>>;
}
