import { checkOptions } from "../internal/args.js";
import {
  assign,
  emit,
  enqueueActions,
  type NonReducibleUnknown,
  type StateMachine,
  type StateSchema,
  setup,
} from "xstate";
import { gateEvents } from "../internal/event-guard.js";
import type { JourneyStage } from "../schemas/vocabulary.js";
import type { JourneyEvent, JourneyEventType } from "./journey-events.js";
import { checkJourneyEvent, journeyEventTypes } from "./journey-events.js";
import { checkJourneyModel, defaultJourneyModel, type JourneyModel } from "./journey-model.js";
import {
  isActivity,
  isAdvocacyEvidence,
  isAdvocacyLapse,
  isEvaluationSignal,
  isRetained,
  type JourneyOptions,
  type ResolvedJourneyOptions,
  resolveJourneyOptions,
  SPLIT_AFTER,
  step,
  timeOf,
  timerDelay,
} from "./journey-rules.js";
import { churned, enteredStage, initialJourneyContext, wonBack } from "./journey-context.js";
import { registerJourneyDefinition } from "./journey-fast-replay.js";
import { buildJourneyStates } from "./journey-states.js";
import type { JourneyContext, JourneyEmitted, JourneyInput } from "./journey-types.js";

/** The shape of the generated state tree, for XState's state-value types. */
type JourneyStatesShape<S extends string> = {
  active: {
    type: "parallel";
    states: {
      stage: { initial: "routing"; states: { [K in S | "routing"]: object } };
      health: { initial: "routing"; states: { routing: object; healthy: object; atRisk: object } };
    };
  };
  churned: object;
};

/** The version of the journey machine's snapshot format (see `persistJourney`). */
export const JOURNEY_MACHINE_VERSION = 1;

function buildJourneyMachine<S extends string>(model: JourneyModel<S>, options: ResolvedJourneyOptions) {
  const riskOf = (context: JourneyContext<S>, event: JourneyEvent) => step(context, event, options);

  const logic = setup({
    types: {
      context: {} as JourneyContext<S>,
      events: {} as JourneyEvent,
      input: {} as JourneyInput<S>,
      emitted: {} as JourneyEmitted<S>,
      meta: {} as JourneyStateMeta,
    },
    guards: {
      /** Overridable: whether the event is evidence of advocacy. */
      isAdvocacyEvidence: ({ event }) => isAdvocacyEvidence(event, options),
      /** Overridable: whether the event ends advocacy. */
      isAdvocacyLapse: ({ event }) => isAdvocacyLapse(event, options),
      /** Overridable: whether an interaction shows the customer evaluating. */
      isEvaluationSignal: ({ event }) => isEvaluationSignal(event),
      /** Overridable: whether the customer has ever bought (advocacy requires it by default). */
      hasPurchased: ({ context }) => context.firstPurchaseAt !== null,
      /** Whether the event reaches the `retained` milestone. */
      isRetained: ({ context, event }) => isRetained(context, event, options),
      /** Whether the event is something the customer did. */
      isCustomerActivity: ({ event }) => isActivity(event),
      /** Whether the event puts a customer who is not at risk at risk. */
      entersRisk: ({ context, event }) =>
        context.riskReasons.length === 0 && riskOf(context, event).riskReasons.length > 0,
      /** Whether the event clears every risk reason. */
      leavesRisk: ({ context, event }) =>
        context.riskReasons.length > 0 && riskOf(context, event).riskReasons.length === 0,
      /** Whether an inactivity check falls on or after the churn deadline. */
      isInactivityChurnDue: ({ context, event }) =>
        context.churnAt !== null && timeOf(context, event) >= context.churnAt,
      /** Whether the risk deadline is further than one JavaScript timer can wait. */
      needsRiskSplit: ({ context }) => context.atRiskAt - context.now > SPLIT_AFTER,
      /** Whether the churn deadline is further than one JavaScript timer can wait. */
      needsChurnSplit: ({ context }) =>
        context.churnAt !== null && context.churnAt - context.now > SPLIT_AFTER,
      /** Whether inactivity can churn this customer at all. */
      hasChurnDeadline: ({ context }) => context.churnAt !== null,
      /** Whether the customer has any risk reason. */
      isAtRisk: ({ context }) => context.riskReasons.length > 0,
      /** Whether `stage` is the stage to (re)enter. */
      isPendingStage: ({ context }, params: { stage: string }) => context.pendingStage === params.stage,
    },
    actions: {
      /** Records the new stage, the highest stage and emits `journey.stage.changed`. */
      enterStage: enqueueActions(({ context, event, enqueue }, params: { stage: S }) => {
        const entered = enteredStage(model, context, params.stage);
        if (entered.stage !== context.stage) {
          enqueue.emit({
            type: "journey.stage.changed",
            customerId: context.customerId,
            from: context.stage,
            to: entered.stage,
            highestStage: entered.highestStage,
            at: context.now,
            cause: event.type,
          });
        }
        enqueue.assign(entered);
      }),
      /** Applies an event to deadlines, risk reasons and counters. */
      applyEvent: assign(({ context, event }) => riskOf(context, event)),
      /** Emits `journey.risk.changed` with the current reasons. */
      emitRiskChanged: emit(({ context }) => ({
        type: "journey.risk.changed" as const,
        customerId: context.customerId,
        atRisk: context.riskReasons.length > 0,
        reasons: context.riskReasons,
        at: context.now,
      })),
      /** The live risk timer reached the deadline: time moves to it and inactivity is a reason. */
      reachRiskDeadline: assign(({ context }) => ({
        now: Math.max(context.now, context.atRiskAt),
        riskReasons: context.riskReasons.includes("inactivity")
          ? context.riskReasons
          : [...context.riskReasons, "inactivity" as const],
        atRiskSince: context.atRiskSince ?? Math.max(context.now, context.atRiskAt),
      })),
      /** The live churn timer (or a late check) reached the churn deadline. */
      reachChurnDeadline: assign(({ context }) => ({
        now: Math.max(context.now, context.churnAt ?? context.now),
      })),
      /** The split timer of a long wait fired: the machine's clock moves on by the wait. */
      advanceClock: assign(({ context }) => ({ now: context.now + SPLIT_AFTER })),
      /** Records churn and emits `journey.churned`. */
      churn: enqueueActions(({ context, enqueue }, params: { reason: "cancellation" | "inactivity" }) => {
        enqueue.emit({
          type: "journey.churned",
          customerId: context.customerId,
          from: context.stage,
          reason: params.reason,
          at: context.now,
        });
        enqueue.assign(churned(context, params.reason));
      }),
      /** Brings a churned customer back and emits `journey.wonback`. */
      winBack: enqueueActions(({ context, event, enqueue }) => {
        const next = wonBack(model, options, context, event);
        enqueue.emit({
          type: "journey.wonback",
          customerId: context.customerId,
          to: next.pendingStage,
          churnedAt: context.churnedAt ?? context.now,
          at: next.now,
        });
        enqueue.assign(next);
      }),
    },
    delays: {
      /** Overridable: how long a live actor waits before the inactivity check (from the deadline in context). */
      inactivityRisk: ({ context }) => timerDelay(context.atRiskAt, context.now),
      /** Overridable: how long a live actor waits before inactivity churn (from the deadline in context). */
      inactivityChurn: ({ context }) => timerDelay(context.churnAt, context.now),
    },
  });

  return logic.createMachine({
    id: "journey",
    meta: { modelId: model.id },
    description: `The journey of one customer through the ${model.id} model: ${model.description}`,
    context: ({ input }) => initialJourneyContext(model, options, input),
    initial: "active",
    // The tree is generated from the model; this cast gives XState its shape, so the state value is
    // typed `"churned" | { active: { stage: S; health: "healthy" | "atRisk" } }`.
    states: buildJourneyStates(
      model,
      journeyEventTypes as readonly JourneyEventType[],
    ) as unknown as JourneyStatesShape<S>,
  });
}

/**
 * `{ type, params }` objects from a map of names to parameter types, as `setup()` infers them.
 *
 * @category Machine
 */
export type JourneyParameterized<T> = {
  [K in keyof T & string]: {
    /** The implementation's name. */
    type: K;
    /** Its parameters. */
    params: T[K];
  };
}[keyof T & string];

/**
 * The actions of a journey machine and their parameters (internal; listed for the machine's type).
 *
 * @category Machine
 */
export interface JourneyActionParams<S extends string = JourneyStage> {
  /** Records a new stage and emits `journey.stage.changed`. */
  enterStage: {
    /** The stage entered. */
    readonly stage: S;
  };
  /** Applies an event to deadlines, risk reasons and counters. */
  applyEvent: NonReducibleUnknown;
  /** Emits `journey.risk.changed`. */
  emitRiskChanged: NonReducibleUnknown;
  /** A live risk timer reached its deadline. */
  reachRiskDeadline: NonReducibleUnknown;
  /** A live churn timer, or a late check, reached the churn deadline. */
  reachChurnDeadline: NonReducibleUnknown;
  /** A split timer fired: the machine's clock moves on. */
  advanceClock: NonReducibleUnknown;
  /** Records churn and emits `journey.churned`. */
  churn: {
    /** Why the customer churned. */
    readonly reason: "cancellation" | "inactivity";
  };
  /** Brings a churned customer back and emits `journey.wonback`. */
  winBack: NonReducibleUnknown;
}

/**
 * The guards of a journey machine. `isAdvocacyEvidence`, `isAdvocacyLapse`, `isEvaluationSignal`
 * and `hasPurchased` are meant to be overridden with `machine.provide({ guards })`; the others keep
 * context and state consistent and are internal.
 *
 * @category Machine
 */
export interface JourneyGuardParams {
  /** Whether the event is evidence of advocacy (default: promoter NPS, referral, public review rated 4–5). */
  isAdvocacyEvidence: NonReducibleUnknown;
  /** Whether the event ends advocacy (default: detractor NPS, review rated 1–2). */
  isAdvocacyLapse: NonReducibleUnknown;
  /** Whether an interaction shows the customer evaluating (default: `signals.evaluating` or the evaluation scenario). */
  isEvaluationSignal: NonReducibleUnknown;
  /** Whether the customer has bought (advocacy requires it by default). */
  hasPurchased: NonReducibleUnknown;
  /** Whether the event reaches the `retained` milestone. */
  isRetained: NonReducibleUnknown;
  /** Whether the event is something the customer did. */
  isCustomerActivity: NonReducibleUnknown;
  /** Whether the event puts a healthy customer at risk. */
  entersRisk: NonReducibleUnknown;
  /** Whether the event clears every risk reason. */
  leavesRisk: NonReducibleUnknown;
  /** Whether an inactivity check falls on or after the churn deadline. */
  isInactivityChurnDue: NonReducibleUnknown;
  /** Whether the risk deadline is beyond one JavaScript timer. */
  needsRiskSplit: NonReducibleUnknown;
  /** Whether the churn deadline is beyond one JavaScript timer. */
  needsChurnSplit: NonReducibleUnknown;
  /** Whether inactivity can churn the customer. */
  hasChurnDeadline: NonReducibleUnknown;
  /** Whether the customer has a risk reason. */
  isAtRisk: NonReducibleUnknown;
  /** Whether `stage` is the stage to (re)enter. */
  isPendingStage: {
    /** The stage. */
    readonly stage: string;
  };
}

/**
 * The state value of a journey machine: churned, or a stage and a health.
 *
 * @category Machine
 */
export type JourneyStateValue<S extends string = JourneyStage> =
  | "churned"
  | {
      /** The parallel state of a current or prospective customer. */
      readonly active: {
        /** The stage (`routing` only inside a transition). */
        readonly stage: S | "routing";
        /** The health (`routing` only inside a transition). */
        readonly health: "routing" | "healthy" | "atRisk";
      };
    };

/**
 * The type of a journey machine for a model whose stages are `S`: an XState `StateMachine` with
 * {@link JourneyContext}, {@link JourneyEvent}, {@link JourneyInput}, {@link JourneyEmitted}, the
 * guards of {@link JourneyGuardParams} and the delays `inactivityRisk` and `inactivityChurn`.
 *
 * @category Machine
 */
export type JourneyMachine<S extends string = JourneyStage> = StateMachine<
  JourneyContext<S>,
  JourneyEvent,
  Record<string, never>,
  never,
  JourneyParameterized<JourneyActionParams<S>>,
  JourneyParameterized<JourneyGuardParams>,
  "inactivityRisk" | "inactivityChurn",
  JourneyStateValue<S>,
  string,
  JourneyInput<S>,
  NonReducibleUnknown,
  JourneyEmitted<S>,
  JourneyStateMeta,
  StateSchema
>;

/**
 * The `meta` of a journey machine's root state: the id of its model.
 *
 * @category Machine
 */
export interface JourneyStateMeta {
  /** The model's id (`default`, `acquisition`, ...), used in the persisted machine id. */
  readonly modelId?: string | undefined;
}

/**
 * The machine as XState infers it. Its event type also lists XState's internal `xstate.route`
 * events and its state schema the whole config, so the public {@link JourneyMachine} restates it
 * (and keeps the `.d.ts` and the docs readable, notes/toolchain.md §1.1 and §4.6).
 */
type BuiltJourneyMachine<S extends string> = ReturnType<typeof buildJourneyMachine<S>>;

/**
 * Returns the journey machine for a model: one actor per customer, a stage per model stage, at-risk
 * tracking, churn and win-back.
 *
 * @remarks
 * Structure: `active` is a parallel state with a `stage` region (one state per model stage) and a
 * `health` region (`healthy`, `atRisk`); `churned` is outside it. Events move the stage to the stage
 * of the milestone they prove ({@link journeyMilestones}): a purchase never moves a customer back,
 * and the stage only drops when advocacy lapses (a detractor score, a review rated 1–2), on churn,
 * or when a win-back returns the customer. `highestStage` in context never decreases.
 *
 * At risk: inactivity past `atRiskAfter` (checked by the named delay `inactivityRisk` in a live
 * actor, or by `journey.inactivity.check` events), a detractor NPS (0–`detractorMax`), an intent to
 * cancel, or `complaintThreshold` complaints within `complaintWindow`. Each reason is cleared
 * explicitly: activity clears inactivity, a non-detractor NPS clears detractor, a purchase clears an
 * intent to cancel, a promoter NPS or top-two-box CSAT/CES clears complaints, and
 * `journey.risk.clear` clears any. Churn: `journey.cancellation`, or inactivity past `churnAfter`
 * when set. Win-back: `journey.winback` (or a purchase while churned).
 *
 * Overridable with `machine.provide(...)`: guards `isAdvocacyEvidence`, `isAdvocacyLapse`,
 * `isEvaluationSignal`, `hasPurchased`; delays `inactivityRisk`, `inactivityChurn`. Emits
 * `journey.stage.changed`, `journey.risk.changed`, `journey.churned`, `journey.wonback`. Unknown
 * events are ignored; the machine never throws.
 *
 * Live timers: when the `inactivityRisk` (or `inactivityChurn`) delay fires, the deadline counts as
 * reached and the machine's clock moves to it; override the delay to check earlier or later in wall
 * time (the figures in context still come from the options). JavaScript timers wait at most about
 * 24.8 days, so the default delays split a longer wait with an internal timer. Timers are not persisted; after restoring a live actor,
 * send `journey.inactivity.check` with the current time to re-arm them. Servers should prefer the
 * pure `transition()` API and deliver `journey.inactivity.check` at `atRiskAt` and `churnAt`.
 *
 * @param model - the journey model (default: {@link defaultJourneyModel})
 * @param options - thresholds ({@link JourneyOptions})
 * @returns the machine
 * @throws {@link TouchpointError} `invalid_options` for an option out of range; `invalid_model` when `model` is not a journey model from {@link defineJourneyModel}
 *
 * @example
 * ```ts
 * import { createActor } from "xstate";
 * import { createJourneyMachine, conversionJourneyModel } from "touchpoint/journey";
 *
 * const machine = createJourneyMachine(conversionJourneyModel, { churnAfter: 365 * 86_400_000 });
 * const actor = createActor(machine, { input: { at: 0, customerId: "c-1" } }).start();
 * const seen: string[] = [];
 * actor.on("journey.stage.changed", (e) => seen.push(e.to));
 * actor.send({ type: "journey.purchase", at: 1_000 });
 * actor.getSnapshot().context.stage; // => "retention"
 * seen; // => ["retention"]
 * actor.stop();
 * createJourneyMachine(conversionJourneyModel, { detractorMax: 11 }); // throws invalid_options
 * ```
 *
 * @category Machine
 */
export function createJourneyMachine<S extends string = JourneyStage>(
  model: JourneyModel<S>,
  options: JourneyOptions = {},
): JourneyMachine<S> {
  checkJourneyModel("createJourneyMachine", "model", model);
  options = checkOptions("createJourneyMachine", options);
  const resolved = resolveJourneyOptions("createJourneyMachine", options);
  const built = gateEvents(
    buildJourneyMachine(model, resolved),
    checkJourneyEvent,
  ) as BuiltJourneyMachine<S> as unknown as JourneyMachine<S>;
  registerJourneyDefinition(built, model, resolved);
  return built;
}

const defaultOptions = resolveJourneyOptions("journeyMachine");
const machine = gateEvents(
  buildJourneyMachine(defaultJourneyModel, defaultOptions),
  checkJourneyEvent,
) as unknown as JourneyMachine;
registerJourneyDefinition(machine, defaultJourneyModel, defaultOptions);

/**
 * The journey machine for the default model ({@link defaultJourneyModel}) with default options.
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from "xstate";
 * import { journeyMachine } from "touchpoint/journey";
 *
 * const [start] = initialTransition(journeyMachine, { at: 0 });
 * const [next] = transition(journeyMachine, start, { type: "journey.decision", at: 60_000 });
 * next.value; // => { active: { stage: "decision", health: "healthy" } }
 * next.context.highestStage; // => "decision"
 * ```
 *
 * @category Machine
 */
export const journeyMachine: JourneyMachine = machine;
