/**
 * A fast replay of journey histories for bulk work (the funnel over millions of customers).
 *
 * Why: XState's pure `transition()` builds an inert actor per call and walks the state tree; on
 * this machine it costs tens of microseconds a transition (bench/journey.bench.ts), so a million
 * customers would take minutes. This reducer computes the same context with the same functions the
 * machine's guards and actions call (journey-rules.ts, journey-context.ts, and the stage rules of
 * journey-states.ts), without the interpreter. Equivalence with the machine is a property test
 * (test/journey/journey.prop.test.ts). It applies only to machines built by
 * `createJourneyMachine` and not modified by `provide()`, whose guards it cannot see; other machines
 * replay through XState. Internal.
 */
import { churned, enteredStage, initialJourneyContext, wonBack } from "./journey-context.js";
import type { JourneyEvent, JourneyEventType } from "./journey-events.js";
import { admitJourneyEvent, journeyEventTypes, journeyStart } from "./journey-events.js";
import type { JourneyContext, JourneyInput } from "./journey-types.js";
import type { JourneyModel } from "./journey-model.js";
import {
  isAdvocacyEvidence,
  isAdvocacyLapse,
  isEvaluationSignal,
  isRetained,
  type ResolvedJourneyOptions,
  step,
  timeOf,
} from "./journey-rules.js";
import { type StageGuard, type StageRule, stageRules } from "./journey-states.js";

/** What a machine was built from, for the fast replay. */
export interface JourneyDefinition<S extends string> {
  readonly model: JourneyModel<S>;
  readonly options: ResolvedJourneyOptions;
  /** `rules[stage][event type index]`: the stage rules, precomputed. */
  readonly rules: readonly (readonly (readonly StageRule[])[])[];
}

const definitions = new WeakMap<object, JourneyDefinition<string>>();
const typeIndex = new Map<string, number>(journeyEventTypes.map((t, i) => [t, i]));

/** Records what `machine` was built from (called by the machine factory). */
export function registerJourneyDefinition<S extends string>(
  machine: object,
  model: JourneyModel<S>,
  options: ResolvedJourneyOptions,
): void {
  const rules = model.stageNames.map((_, i) =>
    journeyEventTypes.map((type) => stageRules(model as JourneyModel<string>, i, type as JourneyEventType)),
  );
  definitions.set(machine, { model, options, rules } as unknown as JourneyDefinition<string>);
}

/** The definition of a machine built by the factory and not modified since, or undefined. */
export function journeyDefinitionOf<S extends string>(machine: object): JourneyDefinition<S> | undefined {
  return definitions.get(machine) as JourneyDefinition<S> | undefined;
}

/** A journey's state for the fast replay: the machine's context and whether it is churned. */
export interface FastJourney<S extends string> {
  readonly churned: boolean;
  readonly context: JourneyContext<S>;
}

function passes<S extends string>(
  guard: StageGuard,
  context: JourneyContext<S>,
  event: JourneyEvent,
  options: ResolvedJourneyOptions,
): boolean {
  switch (guard) {
    case "hasPurchased":
      return context.firstPurchaseAt !== null;
    case "isAdvocacyEvidence":
      return isAdvocacyEvidence(event, options);
    case "isAdvocacyLapse":
      return isAdvocacyLapse(event, options);
    case "isEvaluationSignal":
      return isEvaluationSignal(event);
    case "isRetained":
      return isRetained(context, event, options);
    default: {
      const unknown: never = guard;
      return Boolean(unknown);
    }
  }
}

/** The state after one event, as the machine would compute it. */
export function fastTransition<S extends string>(
  definition: JourneyDefinition<S>,
  state: FastJourney<S>,
  event: JourneyEvent,
): FastJourney<S> {
  const { model, options } = definition;
  const c = state.context;
  const type = event.type;
  if (state.churned) {
    if (type !== "journey.winback" && type !== "journey.purchase" && type !== "journey.repurchase")
      return state;
    const next = wonBack(model, options, c, event);
    return { churned: false, context: { ...next, ...enteredStage(model, next, next.pendingStage) } };
  }
  const t = typeIndex.get(type);
  if (t === undefined || type === "journey.winback") return state;
  if (type === "journey.cancellation") {
    return { churned: true, context: churned({ ...c, ...step(c, event, options) }, "cancellation") };
  }
  if (type === "journey.inactivity.check" && c.churnAt !== null && timeOf(c, event) >= c.churnAt) {
    return { churned: true, context: churned({ ...c, now: Math.max(c.now, c.churnAt) }, "inactivity") };
  }
  // The stage region's guards see the context before the event, as XState evaluates them.
  const rules = definition.rules[model.stageNames.indexOf(c.stage)]![t]!;
  let target = -1;
  for (let r = 0; r < rules.length && target < 0; r++) {
    const rule = rules[r]!;
    let ok = true;
    for (let g = 0; g < rule.guards.length && ok; g++) ok = passes(rule.guards[g]!, c, event, options);
    if (ok) target = rule.target;
  }
  const next: JourneyContext<S> = { ...c, ...step(c, event, options) };
  if (target < 0) return { churned: false, context: next };
  return { churned: false, context: { ...next, ...enteredStage(model, next, model.stageNames[target]!) } };
}

/** The next inactivity deadline of an active journey, or null. */
function nextDeadline<S extends string>(state: FastJourney<S>): number | null {
  if (state.churned) return null;
  const c = state.context;
  let next: number | null = c.riskReasons.includes("inactivity") ? null : c.atRiskAt;
  if (c.churnAt !== null && (next === null || c.churnAt < next)) next = c.churnAt;
  return next;
}

/**
 * Replays a history as `replayEvents` (journey-replay.ts) does, inactivity checks included, calling
 * `observe` after every change. Returns null for an empty history.
 */
export function fastReplay<S extends string>(
  definition: JourneyDefinition<S>,
  events: readonly JourneyEvent[],
  input: { customerId?: string | undefined; stage?: S | undefined; until?: number | undefined },
  observe?: (before: FastJourney<S>, after: FastJourney<S>) => void,
): FastJourney<S> | null {
  // The journey starts at the first event with a valid time; each event is applied as the
  // machine's gate passes it (others are ignored, as a live actor ignores them).
  const begin = journeyStart(events);
  if (begin === null) return null;
  const { first, at: startAt } = begin;
  let i = begin.next;
  const start: JourneyInput<S> = { at: startAt, customerId: input.customerId, stage: input.stage };
  let state: FastJourney<S> = {
    churned: false,
    context: initialJourneyContext(definition.model, definition.options, start),
  };
  const catchUp = (t: number) => {
    for (let guard = 0; guard < 3; guard++) {
      const deadline = nextDeadline(state);
      if (deadline === null || deadline > t) break;
      const next = fastTransition(definition, state, { type: "journey.inactivity.check", at: deadline });
      observe?.(state, next);
      state = next;
    }
  };
  for (let event: JourneyEvent | undefined = first; ; ) {
    if (event !== undefined) {
      catchUp(event.at ?? state.context.now);
      const next = fastTransition(definition, state, event);
      if (next !== state) observe?.(state, next);
      state = next;
    }
    if (i >= events.length) break;
    event = admitJourneyEvent(events[i++]);
  }
  if (input.until !== undefined) catchUp(input.until);
  return state;
}
