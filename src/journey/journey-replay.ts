import { initialTransition, type SnapshotFrom, transition } from "xstate";
import type { JourneyStage } from "../schemas/vocabulary.js";
import { checkList, checkMachine, checkOptional, checkOptions, fail } from "../internal/args.js";
import { admitJourneyEvent, type JourneyEvent, journeyStart } from "./journey-events.js";
import { fastReplay, journeyDefinitionOf } from "./journey-fast-replay.js";
import { type JourneyMachine, journeyMachine } from "./journey-machine.js";

type Snapshot<S extends string> = SnapshotFrom<JourneyMachine<S>>;

/** The next inactivity deadline of an active journey, or null (churned, or none pending). */
function nextDeadline<S extends string>(snapshot: Snapshot<S>): number | null {
  if (snapshot.value === "churned") return null;
  const c = snapshot.context;
  let next: number | null = c.riskReasons.includes("inactivity") ? null : c.atRiskAt;
  if (c.churnAt !== null && (next === null || c.churnAt < next)) next = c.churnAt;
  return next;
}

/**
 * Delivers the inactivity checks a scheduler would have delivered before time `t`: the host's job in
 * live use, done here so that replay and live use agree.
 */
export function catchUp<S extends string>(
  machine: JourneyMachine<S>,
  snapshot: Snapshot<S>,
  t: number,
  observe?: (before: Snapshot<S>, after: Snapshot<S>) => void,
): Snapshot<S> {
  let current = snapshot;
  // At most two deadlines (at risk, churn) can be pending; each check settles one.
  for (let guard = 0; guard < 3; guard++) {
    const deadline = nextDeadline(current);
    if (deadline === null || deadline > t) break;
    const [next] = transition(machine, current, { type: "journey.inactivity.check", at: deadline });
    observe?.(current, next);
    if (next === current) break;
    current = next;
  }
  return current;
}

/** The replay options as {@link journeyFromInteractions} and the funnel read them, checked. */
export function checkReplayOptions<O extends object>(fn: string, options: O | undefined): O {
  const o = checkOptions(fn, options) as O & ReplayOptions<string>;
  if (o.machine !== undefined) checkMachine(fn, "options.machine", o.machine);
  checkOptional(fn, "options.customerId", o.customerId, "a customer id (a string)", "string");
  checkOptional(fn, "options.stage", o.stage, "a stage name (a string)", "string");
  if (o.until !== undefined && !(typeof o.until === "number" && Number.isFinite(o.until)))
    fail("invalid_option", fn, "options.until", o.until, "a finite time in epoch milliseconds");
  return o;
}

/**
 * Options of {@link journeyFromInteractions}.
 *
 * @category Replay
 */
export interface ReplayOptions<S extends string = JourneyStage> {
  /** The machine to replay with; {@link journeyMachine} by default. */
  readonly machine?: JourneyMachine<S> | undefined;
  /** The customer's id, copied into context. */
  readonly customerId?: string | undefined;
  /** The stage the customer starts in (the model's first by default). */
  readonly stage?: S | undefined;
  /**
   * Replay inactivity up to this time too ("as of" a report date): deadlines passed before it
   * put the customer at risk or churn them. By default the replay stops at the last event.
   */
  readonly until?: number | undefined;
}

/** Replays events from an initial snapshot, calling `observe` after every transition. */
export function replayEvents<S extends string>(
  machine: JourneyMachine<S>,
  events: readonly JourneyEvent[],
  options: { customerId?: string | undefined; stage?: S | undefined; until?: number | undefined },
  observe?: (before: Snapshot<S>, after: Snapshot<S>) => void,
): Snapshot<S> | null {
  // The journey starts at the first event with a valid time; each event is applied as the
  // machine's gate passes it (others are ignored, as a live actor ignores them).
  const begin = journeyStart(events);
  if (begin === null) return null;
  const { first, at: startAt } = begin;
  let i = begin.next;
  const input: { at: number; customerId?: string; stage?: S } = { at: startAt };
  if (options.customerId !== undefined) input.customerId = options.customerId;
  if (options.stage !== undefined) input.stage = options.stage;
  let [snapshot] = initialTransition(machine, input);
  for (let event: JourneyEvent | undefined = first; ; ) {
    if (event !== undefined) {
      snapshot = catchUp(machine, snapshot, event.at ?? snapshot.context.now, observe);
      const [next] = transition(machine, snapshot, event);
      if (next !== snapshot) observe?.(snapshot, next);
      snapshot = next;
    }
    if (i >= events.length) break;
    event = admitJourneyEvent(events[i++]);
  }
  if (options.until !== undefined) snapshot = catchUp(machine, snapshot, options.until, observe);
  return snapshot;
}

/**
 * Returns the snapshot a customer's history leads to, replayed with the pure `transition()` API.
 *
 * @remarks
 * The machine decides every step: a machine built by {@link createJourneyMachine} and not changed
 * by `provide()` is replayed by a reducer that runs its guard and action functions without the
 * interpreter (property-tested to agree with XState), any other through XState's pure
 * `transition()`. The first event's time starts the journey. Between events, replay delivers the
 * `journey.inactivity.check` events a live scheduler would have delivered at the deadlines in
 * context, so a gap longer than `atRiskAfter` puts the customer at risk (and, with `churnAfter`,
 * churns them) exactly as a live actor would. Events should be in time order; a late event is
 * applied at the machine's current time. Unknown events are ignored.
 *
 * @param events - the customer's events, oldest first
 * @param options - the machine, the customer's id, the starting stage, an "as of" time
 * @returns the final snapshot, or `null` for an empty history
 *
 * @throws {@link TouchpointError} `invalid_input` when `events` is not an array or `options.machine` not a
 *   state machine; `invalid_option` for an option of the wrong type
 *
 * @example
 * ```ts
 * import { journeyFromInteractions } from "touchpoint/journey";
 *
 * const day = 86_400_000;
 * const snapshot = journeyFromInteractions([
 *   { type: "journey.interaction", at: 0 },
 *   { type: "journey.evaluation", at: 2 * day },
 *   { type: "journey.purchase", at: 5 * day },
 * ], { until: 200 * day });
 * snapshot?.context.stage; // => "purchase"
 * snapshot?.context.riskReasons; // => ["inactivity"]
 * snapshot?.context.atRiskSince; // => 8208000000
 * journeyFromInteractions([]); // => null
 * ```
 *
 * @category Replay
 */
export function journeyFromInteractions<S extends string = JourneyStage>(
  events: readonly JourneyEvent[],
  options: ReplayOptions<S> = {},
): Snapshot<S> | null {
  checkList("journeyFromInteractions", "events", events);
  options = checkReplayOptions("journeyFromInteractions", options);
  const machine = options.machine ?? (journeyMachine as unknown as JourneyMachine<S>);
  const definition = journeyDefinitionOf<S>(machine);
  if (definition === undefined) return replayEvents(machine, events, options);
  const state = fastReplay(definition, events, options);
  if (state === null) return null;
  const c = state.context;
  const value = state.churned
    ? "churned"
    : { active: { stage: c.stage, health: c.riskReasons.length > 0 ? "atRisk" : "healthy" } };
  return machine.resolveState({ value: value as never, context: c });
}
