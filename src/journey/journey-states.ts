/**
 * Builds the journey machine's state tree for a model. The stage region is generated from the
 * model's stages and milestones; the health region and the churned state are the same for every
 * model. Internal: the guards and actions named here are declared in journey-machine.ts's setup().
 */
import { and } from "xstate";
import type { JourneyEventType } from "./journey-events.js";
import type { JourneyModel } from "./journey-model.js";
import { SPLIT_AFTER } from "./journey-rules.js";

/** The milestone index an event proves by itself, for events that prove one unconditionally. */
const FIXED_MILESTONE: Partial<Record<JourneyEventType, number>> = {
  "journey.evaluation": 1,
  "journey.decision": 2,
  "journey.purchase": 3,
  "journey.repurchase": 4,
};
const EVIDENCE = new Set<JourneyEventType>(["journey.survey", "journey.referral", "journey.review"]);
const LAPSE = new Set<JourneyEventType>(["journey.survey", "journey.review"]);
const ACTIVITY = new Set<JourneyEventType>([
  "journey.interaction",
  "journey.evaluation",
  "journey.decision",
  "journey.survey",
  "journey.referral",
  "journey.review",
]);
/** Events that can add a risk reason (the others can only clear one). */
export const RAISES_RISK = new Set<JourneyEventType>([
  "journey.interaction",
  "journey.survey",
  "journey.review",
  "journey.inactivity.check",
]);
/** Events that only matter while churned. */
const CHURNED_ONLY = new Set<JourneyEventType>(["journey.winback"]);

interface TransitionConfig {
  target?: string;
  reenter?: boolean;
  guard?: unknown;
  actions?: unknown;
  description?: string;
}

/** The stage guards, by name: the ones a stage rule can require. */
export type StageGuard =
  | "hasPurchased"
  | "isAdvocacyEvidence"
  | "isAdvocacyLapse"
  | "isEvaluationSignal"
  | "isRetained";

/** One candidate move of the stage region: all `guards` must pass; the first passing rule wins. */
export interface StageRule {
  readonly guards: readonly StageGuard[];
  readonly target: number;
  readonly description?: string;
}

/**
 * The candidate stage moves from stage `i` on an event of type `type`, in priority order. The XState
 * state tree and the fast replay both read this list, so they cannot disagree on the stage logic.
 */
export function stageRules(model: JourneyModel, i: number, type: JourneyEventType): StageRule[] {
  const entry = model.entries[i]!;
  const at = (milestone: number) => model.stageAtMilestone[Math.max(entry, milestone)]!;
  const advocacy = model.entries.indexOf(5);
  const list: StageRule[] = [];
  if (EVIDENCE.has(type) && advocacy >= 0 && i !== advocacy) {
    list.push({
      guards: ["hasPurchased", "isAdvocacyEvidence"],
      target: advocacy,
      description: "Evidence of advocacy from a customer who has bought.",
    });
  }
  if (i === advocacy && LAPSE.has(type)) {
    const lapse = model.stageAtMilestone[4]!;
    if (lapse !== i)
      list.push({ guards: ["isAdvocacyLapse"], target: lapse, description: "Advocacy lapses." });
  }
  const fixed = FIXED_MILESTONE[type];
  if (fixed !== undefined && at(fixed) !== i) list.push({ guards: [], target: at(fixed) });
  if (type === "journey.interaction" && at(1) !== i)
    list.push({ guards: ["isEvaluationSignal"], target: at(1) });
  // Only a customer who has bought can be retained; stages before the purchase stage never are.
  if (ACTIVITY.has(type) && entry >= 3 && at(4) !== i) list.push({ guards: ["isRetained"], target: at(4) });
  return list;
}

function stageTransitions(
  model: JourneyModel,
  i: number,
  events: readonly JourneyEventType[],
): Record<string, TransitionConfig[]> {
  const on: Record<string, TransitionConfig[]> = {};
  for (const type of events) {
    const list = stageRules(model, i, type).map((rule) => {
      const t: TransitionConfig = { target: model.stageNames[rule.target]! };
      if (rule.guards.length === 1) t.guard = rule.guards[0];
      else if (rule.guards.length > 1) t.guard = and([...rule.guards]);
      if (rule.description !== undefined) t.description = rule.description;
      return t;
    });
    if (list.length > 0) on[type] = list;
  }
  return on;
}

function healthTransitions(events: readonly JourneyEventType[], state: "healthy" | "atRisk") {
  const on: Record<string, TransitionConfig[]> = {};
  const churn = (reason: "cancellation" | "inactivity") => ({ type: "churn", params: { reason } });
  for (const type of events) {
    if (CHURNED_ONLY.has(type)) continue;
    if (type === "journey.cancellation") {
      on[type] = [{ target: "#journey.churned", actions: ["applyEvent", churn("cancellation")] }];
      continue;
    }
    const list: TransitionConfig[] = [];
    if (type === "journey.inactivity.check") {
      list.push({
        guard: "isInactivityChurnDue",
        target: "#journey.churned",
        actions: ["reachChurnDeadline", churn("inactivity")],
      });
    }
    if (state === "healthy" && RAISES_RISK.has(type)) {
      list.push({ guard: "entersRisk", target: "atRisk", actions: ["applyEvent", "emitRiskChanged"] });
    } else if (state === "atRisk" && type !== "journey.inactivity.check") {
      list.push({ guard: "leavesRisk", target: "healthy", actions: ["applyEvent", "emitRiskChanged"] });
    }
    // Re-entering re-arms the live inactivity timer from the new deadline.
    list.push({
      guard: type === "journey.inactivity.check" ? undefined : "isCustomerActivity",
      target: state,
      reenter: true,
      actions: "applyEvent",
    });
    if (type !== "journey.inactivity.check") list.push({ actions: "applyEvent" });
    on[type] = list.map((t) => {
      if (t.guard !== undefined) return t;
      const { guard: _unused, ...rest } = t;
      return rest;
    });
  }
  return on;
}

/** The machine's `states` for a model. */
export function buildJourneyStates(model: JourneyModel, events: readonly JourneyEventType[]) {
  const stageStates: Record<string, unknown> = {
    routing: {
      description: "Transient: enters the stage the customer starts in or returns to.",
      always: [
        ...model.stageNames.map((stage) => ({
          guard: { type: "isPendingStage", params: { stage } },
          target: stage,
        })),
        { target: model.stageNames[0]! },
      ],
    },
  };
  model.stages.forEach((stage, i) => {
    stageStates[stage.name] = {
      description: stage.description,
      entry: { type: "enterStage", params: { stage: stage.name } },
      on: stageTransitions(model, i, events),
    };
  });
  return {
    active: {
      description: "A current or prospective customer: a stage and a health, tracked in parallel.",
      type: "parallel",
      states: {
        stage: {
          description: "Where the customer is in the journey model.",
          initial: "routing",
          states: stageStates,
        },
        health: {
          description: "Whether the customer is at risk of churning.",
          initial: "routing",
          states: {
            routing: {
              description: "Transient: enters atRisk when risk reasons are recorded, else healthy.",
              always: [{ guard: "isAtRisk", target: "atRisk" }, { target: "healthy" }],
            },
            healthy: {
              description: "No risk reason. A live actor arms the `inactivityRisk` delay from `atRiskAt`.",
              after: {
                inactivityRisk: { target: "atRisk", actions: ["reachRiskDeadline", "emitRiskChanged"] },
                [SPLIT_AFTER]: {
                  guard: "needsRiskSplit",
                  target: "healthy",
                  reenter: true,
                  actions: "advanceClock",
                },
              },
              on: healthTransitions(events, "healthy"),
            },
            atRisk: {
              description:
                "At least one risk reason: inactivity, a detractor score, an intent to cancel, repeated complaints. A live actor arms the `inactivityChurn` delay from `churnAt`.",
              after: {
                inactivityChurn: {
                  guard: "hasChurnDeadline",
                  target: "#journey.churned",
                  actions: ["reachChurnDeadline", { type: "churn", params: { reason: "inactivity" } }],
                },
                [SPLIT_AFTER]: {
                  guard: "needsChurnSplit",
                  target: "atRisk",
                  reenter: true,
                  actions: "advanceClock",
                },
              },
              on: healthTransitions(events, "atRisk"),
            },
          },
        },
      },
    },
    churned: {
      description:
        "The customer has left (cancelled, or inactive past `churnAfter`). `stage` keeps the stage left from; a win-back or a purchase returns the customer.",
      on: {
        "journey.winback": { target: "active", actions: "winBack" },
        "journey.purchase": { target: "active", actions: "winBack" },
        "journey.repurchase": { target: "active", actions: "winBack" },
      },
    },
  };
}
