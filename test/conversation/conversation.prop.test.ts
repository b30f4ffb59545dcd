import fc from "fast-check";
import {
  type ConversationEmitted,
  type ConversationEvent,
  type ConversationMachine,
  type ConversationSnapshot,
  conversationMachine,
  persist,
  restore,
} from "touchpoint/conversation";
import { assign, initialTransition, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { collect, DAY, eventKinds as kinds, HOUR, MIN, stageOf, turnOf } from "./helpers.js";
import { runLive, runTicked } from "./runners.js";

/** A gap between events: mostly minutes, sometimes hours or days, so every deadline gets crossed. */
const gap = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10 * MIN }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 8 * HOUR }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 * DAY }) },
);

const step = fc.record({
  type: fc.constantFrom(...kinds),
  gap,
  by: fc.constantFrom(undefined, "agent" as const, "bot" as const),
  to: fc.constantFrom(undefined, "bot" as const, "human" as const, "escalated" as const),
});

/** Turns gaps into absolute, non-decreasing times. */
interface Step {
  type: (typeof kinds)[number];
  gap: number;
  by: "agent" | "bot" | undefined;
  to: "bot" | "human" | "escalated" | undefined;
}
function timed(steps: readonly Step[]): ConversationEvent[] {
  let at = 0;
  return steps.map((s) => {
    at += s.gap;
    const event: Record<string, unknown> = { type: s.type, at };
    if (s.type.startsWith("agent.") && s.by !== undefined) event.by = s.by;
    if (s.type === "handoff" && s.to !== undefined) event.to = s.to;
    return event as unknown as ConversationEvent;
  });
}

const inputArb = fc.record({
  priority: fc.constantFrom("low" as const, "normal" as const, "high" as const, "urgent" as const),
  handler: fc.constantFrom("bot" as const, "human" as const),
  requireConfirmation: fc.boolean(),
  abandonAfterMs: fc.constantFrom(30 * MIN, DAY),
  reopenWindowMs: fc.constantFrom(HOUR, 4 * DAY),
});

/** The combinations the machine must never reach. Returns the broken rule, or null. */
function violation(s: ConversationSnapshot): string | null {
  const c = s.context;
  if (s.status === "error") return "status error";
  const open = c.timeline.filter((v) => v.leftAt === null);
  const pending = c.proposals.filter((p) => p.outcome === "pending");
  if (pending.length > 1) return "two pending proposals";
  if (pending.length === 1 && c.proposals.at(-1)?.outcome !== "pending")
    return "pending proposal not the last";
  if ((c.firstResponseAt !== null) !== c.humanReplies > 0) return "first response without a human reply";
  if (c.handler === "escalated" && c.handoffs.length === 0) return "escalated without a hand-off";
  if (c.sla.firstResponse.cycles > 1) return "first response clock restarted";
  for (const visit of c.timeline)
    if (visit.leftAt !== null && visit.leftAt < visit.enteredAt) return "visit left before entered";
  const value = s.value as unknown;
  if (typeof value === "object" && value !== null) {
    const active = { turn: turnOf(s) };
    if (stageOf(s).split(".")[0] !== c.stage) return "stage region and context.stage differ";
    if ((active.turn === "awaitingCustomer") !== (c.awaitingCustomerSince !== null))
      return "turn and awaitingCustomerSince differ";
    if (active.turn === "awaitingCustomer" && c.awaitingAgentSince !== null) return "both sides awaited";
    const res = c.sla.resolution.status;
    if (active.turn === "awaitingCustomer" && res !== "paused")
      return "resolution clock runs while awaiting the customer";
    if (active.turn === "awaitingAgent" && res !== "running")
      return "resolution clock stopped while awaiting the agent";
    if (open.length !== 1 || open[0]?.stage !== c.stage) return "not exactly one open stage visit";
    if ((pending.length === 1) !== (stageOf(s) === "proposing.awaitingDecision"))
      return "pending proposal outside awaitingDecision";
    if (c.resolvedAt !== null) return "resolvedAt while active";
    if (s.status !== "active") return "active state with a done status";
  } else {
    if (open.length !== 0) return "open stage visit after the end";
    if (pending.length !== 0) return "pending proposal after the end";
    if (value === "resolved" && (c.resolvedAt === null || c.surveyRequestedAt === null))
      return "resolved without time or survey";
    if (value === "closed" && (c.closedAt === null || s.status !== "done")) return "closed not done";
    if (value === "abandoned" && (c.abandonedAt === null || s.status !== "done")) return "abandoned not done";
  }
  return null;
}

function runPure(
  events: readonly ConversationEvent[],
  input: Record<string, unknown>,
  machine: ConversationMachine = conversationMachine,
) {
  let [s, actions] = initialTransition(machine, { conversationId: "p", startedAt: 0, ...input });
  const emitted: ConversationEmitted[] = [];
  collect(actions, emitted);
  const snapshots = [s];
  for (const event of events) {
    [s, actions] = transition(machine, s, event);
    collect(actions, emitted);
    snapshots.push(s);
  }
  return { snapshots, emitted };
}

describe("random event sequences (fast-check)", { timeout: 60_000 }, () => {
  it("sanity: the invariant check rejects a machine that breaks one", () => {
    // A machine whose replies wait on the customer but forget to pass the turn.
    const broken = conversationMachine.provide({
      actions: {
        recordReply: assign({ awaitingCustomerSince: ({ event }) => (event as { at: number }).at }),
      },
    });
    const { snapshots } = runPure([{ type: "agent.greet", at: 1000 }], {}, broken);
    expect(violation(snapshots.at(-1) as ConversationSnapshot)).toBe("turn and awaitingCustomerSince differ");
  });

  it("never throw and never reach an impossible combination", () => {
    fc.assert(
      fc.property(inputArb, fc.array(step, { maxLength: 40 }), (input, steps) => {
        const { snapshots } = runPure(timed(steps), input);
        let now = 0;
        for (const s of snapshots) {
          expect(violation(s)).toBeNull();
          expect(s.context.now).toBeGreaterThanOrEqual(now);
          now = s.context.now;
        }
      }),
      { numRuns: 300 },
    );
  });

  it("ignore malformed and unknown events", () => {
    const junk = fc.oneof(
      // XState itself throws on an event typed "*" (step() filters it; see its test).
      fc.record({ type: fc.string().filter((t) => t !== "*"), at: fc.integer({ min: 0, max: DAY }) }),
      fc.record({
        type: fc.constantFrom(
          "xstate.init",
          "xstate.after.customerSilence.conversation.active",
          "xstate.after.slaDeadline.conversation.active",
          "xstate.after.autoClose.conversation.resolved",
          // Timer ids of version 2 (a turn region); now unknown events.
          "xstate.after.customerSilence.conversation.active.turn.awaitingCustomer",
          "xstate.after.slaDeadline.conversation.active.turn.awaitingAgent",
          "xstate.after.slaDeadline.conversation.active.turn.awaitingCustomer.watching",
          // Timer ids of the six SLA timers before `slaDeadline`; now unknown events.
          "xstate.after.firstResponseDue.conversation.active.turn.awaitingAgent",
          "xstate.after.nextResponseWarning.conversation.active.turn.awaitingCustomer.watching",
          // A timer id of version 1; now an unknown event.
          "xstate.after.resolutionDue.conversation.active.sla.watching",
          "customer.*",
          "agent.*",
        ),
      }),
      fc.record({
        type: fc.constantFrom(...kinds),
        at: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -5),
      }),
      fc.record({ type: fc.constantFrom(...kinds) }),
    );
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            junk,
            step.map((s) => timed([s])[0] as unknown),
          ),
          { maxLength: 30 },
        ),
        (events) => {
          const { snapshots } = runPure(events as ConversationEvent[], {});
          for (const s of snapshots) expect(violation(s)).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });

  it("continue identically after persist and restore at any point", () => {
    fc.assert(
      fc.property(
        inputArb,
        fc.array(step, { minLength: 1, maxLength: 30 }),
        fc.nat(),
        (input, steps, cut) => {
          const events = timed(steps);
          const k = cut % (events.length + 1);
          const straight = runPure(events, input);
          const head = runPure(events.slice(0, k), input);
          let s = restore(JSON.stringify(persist(head.snapshots.at(-1) as ConversationSnapshot)));
          const emitted = [...head.emitted];
          for (const event of events.slice(k)) {
            let actions: readonly { type: string; params?: unknown }[];
            [s, actions] = transition(conversationMachine, s, event);
            collect(actions, emitted);
          }
          const end = straight.snapshots.at(-1) as ConversationSnapshot;
          expect(s.value).toEqual(end.value);
          expect(s.context).toEqual(end.context);
          expect(s.status).toBe(end.status);
          expect(emitted).toEqual(straight.emitted);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("emit the same facts live (fake timers) as with clock ticks", () => {
    fc.assert(
      fc.property(inputArb, fc.array(step, { maxLength: 20 }), (input, steps) => {
        const events = timed(steps).filter((e) => e.type !== "clock.tick");
        const until = (events.at(-1)?.at ?? 0) + 6 * DAY;
        const live = runLive(events, input, until);
        const ticked = runTicked(events, input, until);
        expect(live.emitted).toEqual(ticked.emitted);
        expect(live.snapshot.value).toEqual(ticked.snapshot.value);
      }),
      { numRuns: 60 },
    );
  });
});
