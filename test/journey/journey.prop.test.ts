import fc from "fast-check";
import { MAX_INSTANT } from "../../src/internal/event-guard.js";
import {
  acquisitionJourneyModel,
  createJourneyMachine,
  defaultJourneyModel,
  type JourneyEvent,
  type JourneyHistory,
  journeyFromInteractions,
  journeyFunnel,
  journeyFunnelAccumulator,
  journeyMachine,
  persistJourney,
  restoreJourney,
} from "touchpoint/journey";
import { initialTransition, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { DAY, emitted } from "./helpers.js";

const stageNames = [...defaultJourneyModel.stageNames, ...acquisitionJourneyModel.stageNames, "nowhere"];

/** One event of any kind (and a few malformed ones), `gap` ms after the previous one. */
const step = fc.record({
  gap: fc.oneof(fc.integer({ min: 0, max: 3 * DAY }), fc.integer({ min: 0, max: 400 * DAY })),
  make: fc.oneof(
    fc
      .record({
        author: fc.constantFrom("customer", "agent", "bot", "system", undefined),
        type: fc.constantFrom("question", "complaint", "suggestion", "praise", "unknown", undefined),
        scenario: fc.constantFrom("evaluation", "loyalty", "frustration", undefined),
        intentToCancel: fc.boolean(),
      })
      .map(
        (i) =>
          (at: number): JourneyEvent => ({
            type: "journey.interaction",
            at,
            author: i.author,
            interaction: {
              type: i.type,
              scenario: i.scenario,
              signals: { intentToCancel: i.intentToCancel },
            },
          }),
      ),
    fc
      .constantFrom(
        "journey.evaluation",
        "journey.decision",
        "journey.purchase",
        "journey.repurchase",
        "journey.referral",
        "journey.inactivity.check",
        "journey.cancellation",
        "journey.winback",
        "journey.risk.clear",
      )
      .map((type) => (at: number) => ({ type, at }) as JourneyEvent),
    fc.integer({ min: 0, max: 10 }).map(
      (score) =>
        (at: number): JourneyEvent => ({
          type: "journey.survey",
          at,
          response: { kind: "nps", score },
        }),
    ),
    fc.integer({ min: 1, max: 5 }).map(
      (score) =>
        (at: number): JourneyEvent => ({
          type: "journey.survey",
          at,
          response: { kind: "csat", score, scale: { min: 1, max: 5 } },
        }),
    ),
    fc
      .record({
        rating: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        public: fc.option(fc.boolean(), { nil: undefined }),
      })
      .map(
        (r) =>
          (at: number): JourneyEvent => ({ type: "journey.review", at, rating: r.rating, public: r.public }),
      ),
    fc.constantFrom(...stageNames).map(
      (to) =>
        (at: number): JourneyEvent => ({ type: "journey.winback", at, to }),
    ),
    fc.constantFrom("inactivity", "detractor", "cancel-intent", "complaints").map(
      (reason) =>
        (at: number): JourneyEvent => ({ type: "journey.risk.clear", at, reason: reason as "inactivity" }),
    ),
    // Malformed: an unknown type, a missing time, a time in the past.
    fc.constantFrom(
      (at: number) => ({ type: "journey.unknown", at }) as unknown as JourneyEvent,
      () => ({ type: "journey.purchase" }) as unknown as JourneyEvent,
      (at: number) => ({ type: "journey.decision", at: at - 10 * DAY }) as JourneyEvent,
    ),
  ),
});

const history = fc.array(step, { maxLength: 25 }).map((steps) => {
  let at = Date.UTC(2026, 0, 1);
  return steps.map((s) => {
    at += s.gap;
    return s.make(at);
  });
});

const machines = [
  journeyMachine,
  createJourneyMachine(acquisitionJourneyModel, { atRiskAfter: 30 * DAY, churnAfter: 120 * DAY }),
] as const;

describe("random histories", () => {
  it.each(machines.map((m, i) => [i, m] as const))(
    "never throw and never lower the highest stage (machine %i)",
    (_i, machine) => {
      const names = machine.root.states.active!.states.stage!.states;
      const order = Object.keys(names).filter((k) => k !== "routing");
      fc.assert(
        fc.property(history, (events) => {
          let [snapshot] = initialTransition(machine, { at: Date.UTC(2026, 0, 1) });
          let highest = order.indexOf(snapshot.context.highestStage);
          for (const event of events) {
            [snapshot] = transition(machine, snapshot, event);
            const c = snapshot.context;
            const now = order.indexOf(c.highestStage);
            expect(now).toBeGreaterThanOrEqual(highest);
            expect(now).toBeGreaterThanOrEqual(order.indexOf(c.stage));
            highest = now;
            expect(snapshot.status).toBe("active");
            if (snapshot.value !== "churned") {
              expect((snapshot.value as { active: { stage: string } }).active.stage).toBe(c.stage);
              expect((snapshot.value as { active: { health: string } }).active.health).toBe(
                c.riskReasons.length > 0 ? "atRisk" : "healthy",
              );
            }
            expect(new Set(c.riskReasons).size).toBe(c.riskReasons.length);
            expect(c.complaintTimes.length).toBeLessThanOrEqual(2);
            expect(Number.isFinite(c.now)).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    },
  );

  it("persist/restore at any point continues identically", () => {
    fc.assert(
      fc.property(history, fc.nat(), (events, cutSeed) => {
        const cut = events.length === 0 ? 0 : cutSeed % (events.length + 1);
        let [live] = initialTransition(journeyMachine, { at: Date.UTC(2026, 0, 1), customerId: "c" });
        for (let i = 0; i < cut; i++) [live] = transition(journeyMachine, live, events[i]!);
        let restored = restoreJourney(journeyMachine, JSON.stringify(persistJourney(journeyMachine, live)));
        for (let i = cut; i < events.length; i++) {
          const [a, actionsA] = transition(journeyMachine, live, events[i]!);
          const [b, actionsB] = transition(journeyMachine, restored, events[i]!);
          expect(emitted(actionsB)).toEqual(emitted(actionsA));
          live = a;
          restored = b;
        }
        expect(restored.value).toEqual(live.value);
        expect(restored.context).toEqual(live.context);
      }),
      { numRuns: 200 },
    );
  });

  it("replay with inactivity catch-up never throws and keeps the snapshot restorable", () => {
    fc.assert(
      fc.property(history, (events) => {
        const machine = machines[1];
        const snapshot = journeyFromInteractions(events, { machine, until: Date.UTC(2028, 0, 1) });
        // The first event with a time within 1970–9999 starts the journey; without one there is none.
        if (!events.some((e) => e.at >= 0 && e.at <= MAX_INSTANT)) {
          expect(snapshot).toBeNull();
          return;
        }
        const restored = restoreJourney(machine, JSON.stringify(persistJourney(machine, snapshot!)));
        expect(restored.context).toEqual(snapshot!.context);
      }),
      { numRuns: 200 },
    );
  });

  it("merging funnel states of any split equals one pass", () => {
    const histories = fc.array(
      fc.record({ events: history, segment: fc.constantFrom("a", "b", undefined) }),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(histories, fc.nat(), (list, seed) => {
        const typed = list as JourneyHistory[];
        const cut = typed.length === 0 ? 0 : seed % (typed.length + 1);
        const left = journeyFunnelAccumulator({ period: "week" });
        const right = journeyFunnelAccumulator({ period: "week" });
        for (let i = 0; i < typed.length; i++) (i < cut ? left : right).add(typed[i]);
        const merged = journeyFunnelAccumulator({ period: "week" })
          .merge(JSON.parse(JSON.stringify(right)))
          .merge(JSON.parse(JSON.stringify(left)));
        const direct = journeyFunnel(typed, { period: "week" });
        expect(merged.result()).toEqual(direct);
        const total = direct.total;
        for (let i = 0; i + 1 < total.stages.length; i++) {
          expect(total.stages[i + 1]!.reached).toBeLessThanOrEqual(total.stages[i]!.reached);
        }
        expect(total.stages.reduce((n, s) => n + s.current, 0) + total.churned).toBe(total.customers);
      }),
      { numRuns: 100 },
    );
  });
});

describe("fast replay", () => {
  it.each(machines.map((m, i) => [i, m] as const))(
    "computes what the XState machine computes (machine %i)",
    (_i, machine) => {
      // provide({}) returns an equal machine the fast path does not know, so it replays through XState.
      const viaXState = machine.provide({});
      fc.assert(
        fc.property(
          fc.array(fc.record({ events: history, segment: fc.constantFrom("a", undefined) }), {
            maxLength: 8,
          }),
          fc.option(fc.integer({ min: 0, max: 3 * 365 }), { nil: undefined }),
          (list, untilDays) => {
            const until = untilDays === undefined ? undefined : Date.UTC(2026, 0, 1) + untilDays * DAY;
            for (const h of list) {
              const slow = journeyFromInteractions(h.events, { machine: viaXState as never, until });
              const fast = journeyFromInteractions(h.events, { machine: machine as never, until });
              expect(fast?.context).toEqual(slow?.context);
            }
            const typed = list as JourneyHistory<never>[];
            expect(journeyFunnel(typed, { machine: machine as never, until })).toEqual(
              journeyFunnel(typed, { machine: viaXState as never, until }),
            );
          },
        ),
        { numRuns: 150 },
      );
    },
  );
});
