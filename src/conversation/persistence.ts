import { checkSnapshot } from "../internal/args.js";
import { checkOptions } from "../internal/args.js";
import { type Actor, type ActorOptions, type AnyActorRef, createActor } from "xstate";
import * as z from "zod";
import { TouchpointError } from "../internal/errors.js";
import { createMachinePersistence } from "../internal/machine-persistence.js";
import { channels, conversationStages, priorities } from "../schemas/vocabulary.js";
import type { ConversationMachine, ConversationSnapshot } from "./conversation-machine.js";
import { slaInstant } from "./conversation-effects.js";
import { conversationMachine } from "./conversation-machine.js";
import type { ConversationContext } from "./conversation-types.js";
import { handlers } from "./conversation-types.js";

/**
 * The version of the conversation snapshot format that {@link persist} writes and {@link restore}
 * reads without migrating; it goes up, with a migration, whenever the snapshot changes shape.
 *
 * @remarks
 * Version 3 has one region under `active`, the stage (`{ active: { stage } }`); who holds the turn
 * moved into context (`context.turn`). Version 2 had a `turn` region beside the stage
 * (`awaitingAgent`, or `awaitingCustomer` with its SLA timer `paused` or `watching`), version 1 four
 * regions (`turn`, `stage`, `handler`, `sla`). {@link restore} migrates both; apart from `turn`, the
 * context is the same in all three.
 *
 * @example
 * ```ts
 * import { initialTransition } from "xstate";
 * import { CONVERSATION_MACHINE_VERSION, conversationMachine, persist } from "touchpoint/conversation";
 *
 * const [snapshot] = initialTransition(conversationMachine, { conversationId: "c-1", startedAt: 0 });
 * persist(snapshot).machineVersion === CONVERSATION_MACHINE_VERSION; // => true
 * CONVERSATION_MACHINE_VERSION; // => 3
 * ```
 *
 * @category Persistence
 */
export const CONVERSATION_MACHINE_VERSION = 3;

/**
 * The snapshot inside a {@link PersistedConversation}: what XState's `getPersistedSnapshot` keeps.
 *
 * @category Persistence
 */
export interface PersistedConversationSnapshot {
  /** The actor's status: `active`, or `done` once closed or abandoned. */
  readonly status: string;
  /** The state value, e.g. `{ active: { stage: "greeting" } }` or `"resolved"`. */
  readonly value: unknown;
  /** The machine's context. */
  readonly context: ConversationContext;
  /** Child actors (none). */
  readonly children?: Record<string, unknown>;
  /** History values (none). */
  readonly historyValue?: Record<string, unknown>;
}

/**
 * A conversation snapshot in its versioned envelope, as {@link persist} returns it: plain JSON.
 *
 * @category Persistence
 */
export interface PersistedConversation {
  /** The version of the envelope's own shape. */
  readonly schemaVersion: number;
  /** `conversation`. */
  readonly machineId: string;
  /** The version of the snapshot format ({@link CONVERSATION_MACHINE_VERSION}). */
  readonly machineVersion: number;
  /** When it was saved (epoch ms; the time of the snapshot's last event unless given). */
  readonly savedAt: number;
  /** The snapshot. */
  readonly snapshot: PersistedConversationSnapshot;
}

/** Instants as JavaScript dates can hold them (±8.64e15 ms); anything further is not a time. */
const time = z.number().min(-8.64e15).max(8.64e15);
const count = z.int().min(0);
const nullableTime = time.nullable();
const clockSchema = z.object({
  status: z.enum(["idle", "running", "paused", "done"]),
  startedAt: nullableTime,
  dueAt: nullableTime,
  warnAt: nullableTime,
  pausedAt: nullableTime,
  warned: z.boolean(),
  breached: z.boolean(),
  cycles: count,
  hits: count,
  breaches: count,
  cancels: count,
  metAt: nullableTime,
});
const durationOrNull = z.number().finite().positive().nullable();
const handler = z.enum(handlers);
const stage = z.enum(conversationStages);
const responder = z.enum(["agent", "bot"]);

/** The context of versions 1 and 2: version 3's without `turn`. */
const contextSchemaV2 = z.object({
  conversationId: z.string().min(1),
  priority: z.enum(priorities),
  channel: z.enum(channels).nullable(),
  settings: z.object({
    targets: z.object({
      firstResponseMs: durationOrNull,
      nextResponseMs: durationOrNull,
      resolutionMs: durationOrNull,
    }),
    warningRatio: z.number().gt(0).lt(1),
    rejectionsBeforeEscalation: z.int().positive(),
    abandonAfterMs: z.number().positive(),
    autoCloseAfterMs: z.number().positive(),
    reopenWindowMs: z.number().min(0),
    requireConfirmation: z.boolean(),
    surveyOnce: z.boolean(),
  }),
  startedAt: time,
  now: time,
  stage,
  handler,
  awaitingCustomerSince: nullableTime,
  awaitingAgentSince: nullableTime,
  sla: z.object({ firstResponse: clockSchema, nextResponse: clockSchema, resolution: clockSchema }),
  firstResponseAt: nullableTime,
  humanReplies: count,
  botReplies: count,
  customerMessages: count,
  rejections: count,
  proposals: z.array(
    z.object({
      at: time,
      by: responder,
      outcome: z.enum(["pending", "accepted", "rejected", "superseded", "withdrawn"]),
      decidedAt: nullableTime,
    }),
  ),
  handoffs: z.array(z.object({ at: time, from: handler, to: handler, reason: z.string() })),
  timeline: z.array(z.object({ stage, enteredAt: time, leftAt: nullableTime })),
  restatedAt: nullableTime,
  confirmedAt: nullableTime,
  extraTopics: count,
  reopens: count,
  firstResolvedAt: nullableTime,
  resolvedAt: nullableTime,
  closedAt: nullableTime,
  abandonedAt: nullableTime,
  surveyRequestedAt: nullableTime,
});
const contextSchema = contextSchemaV2.extend({ turn: z.enum(["awaitingAgent", "awaitingCustomer"]) });

const stageValue = z.union([
  z.literal("greeting"),
  z.object({ understanding: z.enum(["gathering", "restated"]) }),
  z.object({ proposing: z.enum(["drafting", "awaitingDecision"]) }),
  z.literal("delivering"),
  z.literal("closing"),
]);
const endValue = z.enum(["resolved", "closed", "abandoned"]);

const activeValue = z.object({ active: z.object({ stage: stageValue }) });

const snapshotSchema = z
  .object({
    status: z.enum(["active", "done"]),
    value: z.union([activeValue, endValue]),
    context: contextSchema,
    historyValue: z.record(z.string(), z.unknown()).optional(),
    children: z.record(z.string(), z.unknown()).optional(),
  })
  .refine((s) => (s.status === "done") === (s.value === "closed" || s.value === "abandoned"), {
    error: "expected status done exactly in the closed and abandoned states",
    path: ["status"],
  })
  .superRefine((s, ctx) => {
    const problem = contradiction(s.value, s.context);
    if (problem !== null) ctx.addIssue({ code: "custom", message: problem.message, path: problem.path });
  });

/** The stage a state value names, or `null` after `active`. */
function stageOfValue(value: z.infer<typeof activeValue> | z.infer<typeof endValue>): string | null {
  if (typeof value === "string") return null;
  const s = value.active.stage;
  return typeof s === "string" ? s : (Object.keys(s)[0] ?? null);
}

/**
 * What a snapshot's context says that its state value, or the order of its own times, denies; the
 * checks restoreJourney makes for the journey. A snapshot the machine wrote never contradicts
 * itself (the property tests persist and restore random runs); one edited or forged by hand can.
 */
function contradiction(
  value: z.infer<typeof activeValue> | z.infer<typeof endValue>,
  c: z.infer<typeof contextSchema>,
): { message: string; path: (string | number)[] } | null {
  const stageName = stageOfValue(value);
  if (stageName !== null && stageName !== c.stage) {
    return {
      message: `expected context.stage to be ${JSON.stringify(stageName)} as the state value says, got ${JSON.stringify(c.stage)}`,
      path: ["context", "stage"],
    };
  }
  const ends = { resolved: c.resolvedAt, closed: c.closedAt, abandoned: c.abandonedAt } as const;
  if (typeof value === "string" && ends[value] === null) {
    return {
      message: `expected context.${value}At in the ${value} state, got null`,
      path: ["context", `${value}At`],
    };
  }
  if (c.now < c.startedAt) {
    return {
      message: `expected context.now (${c.now}) at or after context.startedAt (${c.startedAt})`,
      path: ["context", "now"],
    };
  }
  const instants = [
    "firstResponseAt",
    "restatedAt",
    "confirmedAt",
    "firstResolvedAt",
    "resolvedAt",
    "closedAt",
    "abandonedAt",
    "surveyRequestedAt",
    "awaitingCustomerSince",
    "awaitingAgentSince",
  ] as const;
  for (const key of instants) {
    const t = c[key];
    if (t !== null && (t < c.startedAt || t > c.now)) {
      return {
        message: `expected context.${key} (${t}) between startedAt (${c.startedAt}) and now (${c.now})`,
        path: ["context", key],
      };
    }
  }
  const within = (t: number) => t >= c.startedAt && t <= c.now;
  // A visit's end is not bounded by now: an abandonment dates itself back to the silence deadline
  // while the visit ends at the event that found it.
  for (const [i, visit] of c.timeline.entries()) {
    if (
      visit.enteredAt < c.startedAt ||
      visit.enteredAt > c.now ||
      (visit.leftAt !== null && visit.leftAt < visit.enteredAt)
    ) {
      return {
        message: `expected each stage visit to enter between startedAt and now and leave after it entered, got ${JSON.stringify(visit)}`,
        path: ["context", "timeline", i],
      };
    }
  }
  for (const [i, p] of c.proposals.entries()) {
    if (!within(p.at))
      return {
        message: `expected the proposal's time (${p.at}) between startedAt and now`,
        path: ["context", "proposals", i, "at"],
      };
  }
  for (const [i, h] of c.handoffs.entries()) {
    if (!within(h.at))
      return {
        message: `expected the hand-off's time (${h.at}) between startedAt and now`,
        path: ["context", "handoffs", i, "at"],
      };
  }
  return null;
}

/** Version 1's state value: four regions, the handler one mirroring `context.handler`. */
const activeValueV1 = z.object({
  active: z.object({
    turn: z.enum(["awaitingAgent", "awaitingCustomer"]),
    stage: stageValue,
    handler: z.enum(handlers),
    sla: z.literal("watching"),
  }),
});
const snapshotV1 = z.looseObject({
  value: z.union([activeValueV1, endValue]),
  context: contextSchemaV2,
});

/**
 * Version 1 → 2: `{ turn, stage, handler, sla }` becomes `{ turn, stage }`, the customer's turn
 * with its SLA timers `paused` or `watching` as the context says. The handler region goes (the
 * context keeps the handler); one that disagreed with the context was invalid in version 1 and
 * stays refused. Timers are not part of a snapshot, so nothing else moves.
 */
function migrateFromVersion1(snapshot: unknown): unknown {
  const parsed = snapshotV1.safeParse(snapshot);
  if (!parsed.success) {
    throw new Error(`not a version 1 snapshot: ${z.prettifyError(parsed.error).replace(/\n/g, " ")}`);
  }
  const v1 = parsed.data;
  if (typeof v1.value === "string") return v1;
  const { turn: holder, stage: s, handler: h } = v1.value.active;
  if (h !== v1.context.handler) {
    throw new Error(`expected the handler region (${h}) to equal context.handler (${v1.context.handler})`);
  }
  // Only the SLA clocks are read, which version 1 has as they are.
  const watching = slaInstant(v1.context as ConversationContext) !== null;
  const turnValue =
    holder === "awaitingAgent" ? holder : { awaitingCustomer: watching ? "watching" : "paused" };
  return { ...v1, value: { active: { turn: turnValue, stage: s } } };
}

/** Version 2's state value: the turn region beside the stage. */
const activeValueV2 = z.object({
  active: z.object({
    turn: z.union([
      z.literal("awaitingAgent"),
      z.object({ awaitingCustomer: z.enum(["paused", "watching"]) }),
    ]),
    stage: stageValue,
  }),
});
const snapshotV2 = z.looseObject({
  value: z.union([activeValueV2, endValue]),
  context: contextSchemaV2,
});

/**
 * Version 2 → 3: `{ turn, stage }` becomes `{ stage }` and the turn region's state goes into
 * `context.turn`; after `active` (no turn region) it is what the context says, `awaitingAgent`
 * since nobody awaits the customer then. The SLA timer's `paused`/`watching` child goes: the timer
 * now runs whenever an SLA instant is ahead, which is what `watching` meant. Timers are not part of
 * a snapshot, so nothing else moves.
 */
function migrateFromVersion2(snapshot: unknown): unknown {
  const parsed = snapshotV2.safeParse(snapshot);
  if (!parsed.success) {
    throw new Error(`not a version 2 snapshot: ${z.prettifyError(parsed.error).replace(/\n/g, " ")}`);
  }
  const v2 = parsed.data;
  if (typeof v2.value === "string") {
    const turn = v2.context.awaitingCustomerSince === null ? "awaitingAgent" : "awaitingCustomer";
    return { ...v2, context: { ...v2.context, turn } };
  }
  const { turn: region, stage: s } = v2.value.active;
  const turn = typeof region === "string" ? region : "awaitingCustomer";
  return { ...v2, value: { active: { stage: s } }, context: { ...v2.context, turn } };
}

const persistence = createMachinePersistence({
  fn: "restore",
  machineId: "conversation",
  machineVersion: CONVERSATION_MACHINE_VERSION,
  snapshotSchema,
  migrations: { 1: migrateFromVersion1, 2: migrateFromVersion2 },
});

function isActor(value: unknown): value is AnyActorRef {
  return typeof value === "object" && value !== null && "getPersistedSnapshot" in value && "send" in value;
}

/**
 * Returns a conversation snapshot (or an actor's current one) wrapped in a versioned envelope,
 * ready for `JSON.stringify`.
 *
 * @remarks
 * The envelope is `{ schemaVersion, machineId: "conversation", machineVersion, savedAt, snapshot }`
 * (notes/toolchain.md §1.6: XState snapshots carry no version). Pending timers are not part of it,
 * and need not be: every deadline is an absolute instant in context, and a `clock.tick` after
 * {@link restore} re-arms them. A stopped actor is saved as the state it stopped in.
 *
 * @param source - a running actor of the machine, or a snapshot (`actor.getSnapshot()`, `transition()`)
 * @param savedAt - when it is saved; the time of the snapshot's last event (`context.now`) by default
 * @returns the envelope (plain JSON data)
 * @throws {@link TouchpointError} `snapshot_invalid` when the snapshot is in status `error` (the
 *   machine's input was invalid), which no restore could continue
 *
 * @example
 * ```ts
 * import { initialTransition } from "xstate";
 * import { conversationMachine, persist } from "touchpoint/conversation";
 *
 * const [snapshot] = initialTransition(conversationMachine, { conversationId: "c-1", startedAt: 1000 });
 * const saved = persist(snapshot);
 * saved.machineId; // => "conversation"
 * saved.savedAt; // => 1000
 * saved.snapshot.value; // => { active: { stage: "greeting" } }
 * ```
 *
 * @category Persistence
 */
export function persist(source: AnyActorRef | ConversationSnapshot, savedAt?: number): PersistedConversation {
  if (!isActor(source)) checkSnapshot("persist", source);
  const snapshot = isActor(source) ? (source.getSnapshot() as ConversationSnapshot) : source;
  if (snapshot.status === "error") {
    throw new TouchpointError(
      "snapshot_invalid",
      `persist: expected a snapshot of a working conversation, got one in status "error" (${(snapshot as { error?: unknown }).error instanceof Error ? (snapshot as { error: Error }).error.message : "no message"})`,
      { path: "status", value: snapshot.status },
    );
  }
  const persisted = conversationMachine.getPersistedSnapshot(snapshot) as unknown as {
    status: string;
    value: unknown;
    context: ConversationContext;
  };
  // JSON round trip: the envelope must be plain data, whatever the caller does with it.
  // `children` and `historyValue` stay (empty: no child actors, no history states) so the inner
  // snapshot also works as `createActor(machine, { snapshot })` input as is.
  // A stopped actor (or a snapshot XState marked stopped) is saved as the state it stopped in:
  // restoring it continues the conversation from there.
  const status =
    persisted.status === "stopped"
      ? persisted.value === "closed" || persisted.value === "abandoned"
        ? "done"
        : "active"
      : persisted.status;
  const plain = JSON.parse(
    JSON.stringify({
      status,
      value: persisted.value,
      context: persisted.context,
      children: {},
      historyValue: {},
    }),
  );
  return persistence.persist(plain, savedAt ?? snapshot.context.now) as unknown as PersistedConversation;
}

/**
 * Returns the snapshot inside a persisted envelope (an object or its JSON text), validated and
 * migrated, ready for `transition()` or `createActor(machine, { snapshot })`.
 *
 * @remarks
 * Checks, in order: JSON, the envelope, the machine id, the version (migrating older ones), then
 * the snapshot itself (state value, context shape, status consistent). A live actor
 * restored from it has no timers until its first event: send `{ type: "clock.tick", at: now }`
 * right after `start()` to re-arm them from the deadlines in context.
 *
 * @param json - the envelope from {@link persist}, or its JSON text
 * @param machine - the machine to restore into (one made by {@link createConversationMachine} or `provide()`)
 * @returns the machine snapshot
 * @throws {@link TouchpointError} `snapshot_invalid` (not JSON, not an envelope, a snapshot that does
 * not fit), `snapshot_machine_mismatch` (another machine's), `snapshot_version_unsupported` (newer than
 * this version, or with no migration path), `snapshot_migration_failed`
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from "xstate";
 * import { conversationMachine, persist, restore } from "touchpoint/conversation";
 *
 * const [start] = initialTransition(conversationMachine, { conversationId: "c-1", startedAt: 0 });
 * const text = JSON.stringify(persist(start));
 * const [next] = transition(conversationMachine, restore(text), { type: "agent.greet", at: 60_000 });
 * next.context.firstResponseAt; // => 60000
 * restore("{}"); // throws snapshot_invalid
 * restore({ schemaVersion: 1, machineId: "journey/default", machineVersion: 1, savedAt: 0, snapshot: {} }); // throws snapshot_machine_mismatch
 * ```
 *
 * @category Persistence
 */
export function restore(
  json: unknown,
  machine: ConversationMachine = conversationMachine,
): ConversationSnapshot {
  const snapshot = persistence.restore(json);
  try {
    return machine.resolveState({
      value: snapshot.value as never,
      context: snapshot.context,
    });
  } catch (error) {
    throw new TouchpointError(
      "snapshot_invalid",
      `restore: the snapshot's state does not exist in this machine: ${error instanceof Error ? error.message : String(error)}`,
      { path: "snapshot.value", value: snapshot.value },
    );
  }
}

/** A timer source for an actor: XState's `Clock` (its `SimulatedClock` fits). @category Persistence */
export interface ActorClock {
  /** Schedules `fn` after `timeout` ms; returns an id for `clearTimeout`. */
  setTimeout(fn: (...args: unknown[]) => void, timeout: number): unknown;
  /** Cancels a scheduled call. */
  clearTimeout(id: unknown): void;
}

/** Options of {@link restoreActor}. @category Persistence */
export interface RestoreActorOptions {
  /** The machine to restore into; {@link conversationMachine} by default. */
  machine?: ConversationMachine;
  /** Where the actor's timers run (XState's `clock` option; a simulated clock in tests). */
  clock?: ActorClock;
  /** XState's `inspect` option: receives inspection events. */
  inspect?: ActorOptions<ConversationMachine>["inspect"];
}

/**
 * Returns a live actor (not yet started) that continues a persisted conversation.
 *
 * @remarks
 * `createActor(machine, { snapshot: restore(json) })` with the input XState's types ask for (the
 * context is restored, so the input is not used). XState does not restore timers
 * (notes/toolchain.md §1.6): after `start()`, send `{ type: "clock.tick", at: now }`; it emits what
 * fell due while the conversation was stored and re-arms every timer from the deadlines in context.
 *
 * @param json - the envelope from {@link persist}, or its JSON text
 * @param options - the machine, and XState's `clock` and `inspect`
 * @returns the actor, not started
 * @throws {@link TouchpointError} the errors of {@link restore}
 *
 * @example
 * ```ts
 * import { createActor } from "xstate";
 * import { conversationMachine, persist, restoreActor } from "touchpoint/conversation";
 *
 * const first = createActor(conversationMachine, { input: { conversationId: "c-1", startedAt: 0, priority: "urgent" } }).start();
 * const saved = JSON.stringify(persist(first));
 * first.stop();
 *
 * const actor = restoreActor(saved);
 * const breaches: number[] = [];
 * actor.on("sla.breached", (e) => breaches.push(e.dueAt));
 * actor.start();
 * actor.send({ type: "clock.tick", at: 2 * 3_600_000 }); // two hours later: the 1 h first response was missed
 * breaches; // => [3600000]
 * actor.stop();
 * ```
 *
 * @category Persistence
 */
export function restoreActor(json: unknown, options: RestoreActorOptions = {}): Actor<ConversationMachine> {
  options = checkOptions("restoreActor", options);
  const machine = options.machine ?? conversationMachine;
  const snapshot = restore(json, machine);
  return createActor(machine, {
    snapshot,
    input: undefined as never,
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.inspect === undefined ? {} : { inspect: options.inspect }),
  });
}
