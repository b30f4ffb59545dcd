import {
  conversionJourneyModel,
  createJourneyMachine,
  defaultJourneyModel,
  type JourneyEvent,
  type JourneyMachine,
  type JourneyModel,
} from "touchpoint/journey";
import { type AnyStateNode, initialTransition, type SnapshotFrom, transition } from "xstate";
import { type AdjacencyMap, getAdjacencyMap, getShortestPaths } from "xstate/graph";
import { describe, expect, it } from "vitest";
import { DAY, where } from "./helpers.js";

type Snap = SnapshotFrom<JourneyMachine<string>>;

const RISK_TIMER = "xstate.after.inactivityRisk.journey.active.health.healthy";
const CHURN_TIMER = "xstate.after.inactivityChurn.journey.active.health.atRisk";

/** Every kind of event, timed after the snapshot's clock (checks at its deadlines). */
function eventsFor(snapshot: Snap): JourneyEvent[] {
  const c = snapshot.context;
  const t = c.now + DAY;
  const later = c.now + 40 * DAY;
  const events: JourneyEvent[] = [
    { type: "journey.interaction", at: t },
    { type: "journey.interaction", at: later },
    { type: "journey.interaction", at: t, author: "agent" },
    { type: "journey.interaction", at: t, interaction: { scenario: "evaluation" } },
    { type: "journey.interaction", at: t, interaction: { type: "complaint" } },
    { type: "journey.interaction", at: t, interaction: { signals: { intentToCancel: true } } },
    { type: "journey.evaluation", at: t },
    { type: "journey.decision", at: t },
    { type: "journey.purchase", at: t },
    { type: "journey.repurchase", at: t },
    { type: "journey.referral", at: t },
    { type: "journey.review", at: t, rating: 5 },
    { type: "journey.review", at: t, rating: 1 },
    { type: "journey.survey", at: t, response: { kind: "nps", score: 10 } },
    { type: "journey.survey", at: t, response: { kind: "nps", score: 8 } },
    { type: "journey.survey", at: t, response: { kind: "nps", score: 2 } },
    { type: "journey.inactivity.check", at: c.atRiskAt },
    { type: "journey.cancellation", at: t },
    { type: "journey.winback", at: t },
    { type: "journey.risk.clear", at: t },
  ];
  if (c.churnAt !== null) events.push({ type: "journey.inactivity.check", at: c.churnAt });
  return [
    ...events,
    { type: RISK_TIMER } as unknown as JourneyEvent,
    { type: CHURN_TIMER } as unknown as JourneyEvent,
  ];
}

/** Finite abstraction of a snapshot: the state, the risk reasons, whether bought, complaints counted. */
function serializeState(snapshot: Snap): string {
  const c = snapshot.context;
  return JSON.stringify([
    snapshot.value,
    [...c.riskReasons].sort(),
    c.firstPurchaseAt !== null,
    c.complaintTimes.length,
  ]);
}

/** The state-changing transitions of the definition, as `region:source|event|target`. */
function definedEdges(machine: JourneyMachine<string>): Set<string> {
  const edges = new Set<string>();
  const visit = (node: AnyStateNode, region: string) => {
    if (node.key === "routing") return;
    for (const [eventType, list] of node.transitions) {
      for (const t of list) {
        const target = t.target?.[0];
        if (target === undefined || target === node) continue;
        edges.add(`${region}:${node.key}|${eventType}|${target.key}`);
      }
    }
  };
  const active = machine.root.states.active!;
  for (const node of Object.values(active.states.stage!.states)) visit(node, "stage");
  for (const node of Object.values(active.states.health!.states)) visit(node, "health");
  visit(machine.root.states.churned!, "churned");
  return edges;
}

/** The edges a step took, in the same notation. */
function takenEdges(before: Snap, event: JourneyEvent, after: Snap): string[] {
  if (after === before) return [];
  const b = where(before);
  const a = where(after);
  if (b === "churned") return a === "churned" ? [] : [`churned:churned|${event.type}|active`];
  const [bs, bh] = b.split("/") as [string, string];
  if (a === "churned") return [`health:${bh}|${event.type}|churned`];
  const [as, ah] = a.split("/") as [string, string];
  const out: string[] = [];
  if (as !== bs) out.push(`stage:${bs}|${event.type}|${as}`);
  if (ah !== bh) out.push(`health:${bh}|${event.type}|${ah}`);
  return out;
}

describe.each<[string, JourneyModel<string>]>([
  ["default", defaultJourneyModel],
  ["conversion", conversionJourneyModel],
])("xstate/graph coverage of the %s model", (_name, model) => {
  const machine = createJourneyMachine(model, { churnAfter: 365 * DAY });
  const options = {
    input: { at: 0 },
    events: eventsFor,
    serializeState: (snapshot: Snap) => serializeState(snapshot) as never,
    limit: 20_000,
  };
  const paths = getShortestPaths(machine, options);

  it("reaches every stage with every health, and churned", () => {
    const reached = new Set(paths.map((p) => where(p.state)));
    const expected = ["churned", ...model.stageNames.flatMap((s) => [`${s}/healthy`, `${s}/atRisk`])];
    expect([...reached].sort()).toEqual(expected.sort());
  });

  it("takes every state-changing transition of the definition from some reachable state", () => {
    const defined = definedEdges(machine);
    const taken = new Set<string>();
    // The default guards, and the two overrides the docs offer: advocacy without a purchase
    // (hasPurchased) and stricter evidence (isAdvocacyEvidence). Some edges exist only for those.
    const variants = [
      machine,
      machine.provide({ guards: { hasPurchased: () => true } }),
      machine.provide({ guards: { isAdvocacyEvidence: () => false } }),
    ];
    for (const variant of variants) {
      const adjacency: AdjacencyMap<Snap, JourneyEvent> = getAdjacencyMap(variant as never, options as never);
      for (const { state, transitions } of Object.values(adjacency)) {
        const steps = Object.values(transitions) as { event: JourneyEvent; state: Snap }[];
        for (const { event, state: next } of steps) {
          for (const edge of takenEdges(state, event, next)) taken.add(edge);
        }
      }
    }
    const missing = [...defined].filter((edge) => !taken.has(edge));
    const undeclared = [...taken].filter((edge) => !defined.has(edge));
    expect(missing).toEqual([]);
    expect(undeclared).toEqual([]);
    expect(defined.size).toBeGreaterThan(30);
  });

  it("replays every shortest path with the pure API to the same end state", () => {
    for (const path of paths) {
      let [snapshot] = initialTransition(machine, { at: 0 });
      for (const step of path.steps) {
        const event = step.event as JourneyEvent;
        if ((event.type as string) === "xstate.init") continue;
        [snapshot] = transition(machine, snapshot, event);
      }
      expect(serializeState(snapshot)).toBe(serializeState(path.state));
    }
  });

  it("keeps the highest stage at or beyond the current one on every path", () => {
    for (const path of paths) {
      const c = path.state.context;
      expect(model.stageNames.indexOf(c.highestStage)).toBeGreaterThanOrEqual(
        model.stageNames.indexOf(c.stage),
      );
    }
  });
});
