/**
 * Hostile event sequences for both machines, as a user's host or a vendor's webhook could send
 * them: known events with broken fields, unknown types, XState's own `xstate.*` events, times out
 * of range. One sequence runs live (an actor, stopped or not) or through `transition()`, then its
 * last snapshot is persisted and restored. The suite runs a few hundred seeds
 * (machines.prop.test.ts); bench/hostile.bench.ts runs 100,000 per machine and records the count.
 */
import { type AnyActorRef, createActor, initialTransition, transition } from "xstate";
import { conversationMachine, persist, restore } from "../../src/conversation/index.js";
import { journeyMachine, persistJourney, restoreJourney } from "../../src/journey/index.js";
import { conversationEventTypes, handlers, journeyEventTypes } from "./vocab.js";

type Rand = () => number;
const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;

const xstateEvents = [
  "xstate.stop",
  "xstate.init",
  "xstate.error.actor.x",
  "xstate.done.actor.x",
  "xstate.after.slaDeadline.conversation.active",
  "xstate.after.customerSilence.conversation.active",
  "xstate.after.inactivityRisk.journey.active",
  "xstate.after.nonsense",
];

/** Hostile values for any field. */
const junk: readonly unknown[] = [
  undefined,
  null,
  "",
  "team",
  -1,
  0,
  1e16,
  1e308,
  -1e18,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  [],
  {},
  Object.create(null),
  true,
];

/** A time: mostly a valid, increasing one; sometimes out of order or out of range. */
function timeOf(rand: Rand, clock: { t: number }): unknown {
  const r = rand();
  if (r < 0.8) {
    const gaps = [60_000, 3_600_000, 86_400_000, 5 * 86_400_000];
    clock.t += Math.floor(rand() * pick(rand, gaps));
    return clock.t;
  }
  if (r < 0.88) return Math.max(0, clock.t - Math.floor(rand() * 86_400_000));
  return pick(rand, junk);
}

function maybe(rand: Rand, good: readonly unknown[], p = 0.15): unknown {
  return rand() < p ? pick(rand, junk) : pick(rand, good);
}

export function conversationEvent(rand: Rand, clock: { t: number }): unknown {
  const r = rand();
  if (r < 0.03) return pick(rand, junk);
  if (r < 0.1) return { type: pick(rand, xstateEvents), at: timeOf(rand, clock) };
  if (r < 0.12) return { type: "customer.unknown", at: timeOf(rand, clock) };
  const type = pick(rand, conversationEventTypes);
  const event: Record<string, unknown> = { type, at: timeOf(rand, clock) };
  if (type.startsWith("agent.") && rand() < 0.5) event.by = maybe(rand, ["agent", "bot"]);
  if (type === "handoff") {
    if (rand() < 0.7) event.to = maybe(rand, [...handlers], 0.3);
    if (rand() < 0.3) event.reason = maybe(rand, ["vip", "billing"]);
  }
  if (rand() < 0.1) event.text = maybe(rand, ["hello", ""]);
  return event;
}

function surveyResponse(rand: Rand): unknown {
  const kind = maybe(rand, ["nps", "csat", "ces"], 0.1);
  const response: Record<string, unknown> = { kind, score: maybe(rand, [0, 1, 3, 5, 6, 7, 9, 10], 0.15) };
  if (rand() < 0.5)
    response.scale =
      rand() < 0.8
        ? pick(rand, [
            { min: 1, max: 5 },
            { min: 1, max: 7 },
          ])
        : pick(rand, junk);
  if (rand() < 0.3) response.at = timeOf(rand, { t: 0 });
  return response;
}

export function journeyEvent(rand: Rand, clock: { t: number }): unknown {
  const r = rand();
  if (r < 0.03) return pick(rand, junk);
  if (r < 0.1) return { type: pick(rand, xstateEvents), at: timeOf(rand, clock) };
  if (r < 0.12) return { type: "journey.unknown", at: timeOf(rand, clock) };
  const type = pick(rand, journeyEventTypes);
  const event: Record<string, unknown> = { type, at: timeOf(rand, clock) };
  switch (type) {
    case "journey.survey":
      event.response = rand() < 0.95 ? surveyResponse(rand) : pick(rand, junk);
      break;
    case "journey.interaction":
      if (rand() < 0.5) event.author = maybe(rand, ["customer", "agent", "bot"]);
      if (rand() < 0.5)
        event.interaction =
          rand() < 0.8
            ? {
                type: maybe(rand, ["complaint", "question", "praise"]),
                signals: { intentToCancel: maybe(rand, [true, false]) },
              }
            : pick(rand, junk);
      break;
    case "journey.review":
      if (rand() < 0.7) event.rating = maybe(rand, [1, 2, 3, 4, 5]);
      break;
    case "journey.winback":
      if (rand() < 0.5) event.to = maybe(rand, ["purchase", "awareness", "nowhere"]);
      break;
    case "journey.risk.clear":
      if (rand() < 0.5) event.reason = maybe(rand, ["inactivity", "complaints", "detractor"]);
      break;
    case "journey.purchase":
    case "journey.repurchase":
      if (rand() < 0.5) event.amount = maybe(rand, [10, 99.5]);
      break;
  }
  return event;
}

export interface Outcome {
  /** What went wrong, or `null` when the run kept every promise. */
  failure: string | null;
}

type Mode = "live" | "live-stopped" | "pure";

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/** Runs one hostile sequence of `length` events through `machine` and checks the promises. */
export function runConversation(rand: Rand, length: number): Outcome {
  const clock = { t: Math.floor(rand() * 1e12) };
  const input = {
    conversationId: "c-1",
    startedAt: clock.t,
    priority: pick(rand, ["low", "normal", "high", "urgent"]),
    handler: pick(rand, ["bot", "human"]),
  };
  const events = Array.from({ length }, () => conversationEvent(rand, clock));
  const mode: Mode = pick(rand, ["live", "live-stopped", "pure"] as const);
  return check(
    mode,
    () => initialTransition(conversationMachine, input as never)[0],
    (s, e) => transition(conversationMachine, s as never, e as never)[0],
    () => createActor(conversationMachine, { input: input as never }),
    events,
    (s) => restore(JSON.parse(JSON.stringify(persist(s as never)))),
  );
}

export function runJourney(rand: Rand, length: number): Outcome {
  const clock = { t: Math.floor(rand() * 1e12) };
  const input = { at: clock.t, customerId: "k-1" };
  const events = Array.from({ length }, () => journeyEvent(rand, clock));
  const mode: Mode = pick(rand, ["live", "live-stopped", "pure"] as const);
  return check(
    mode,
    () => initialTransition(journeyMachine, input)[0],
    (s, e) => transition(journeyMachine, s as never, e as never)[0],
    () => createActor(journeyMachine, { input }),
    events,
    (s) =>
      restoreJourney(journeyMachine, JSON.parse(JSON.stringify(persistJourney(journeyMachine, s as never)))),
  );
}

function check(
  mode: Mode,
  initial: () => { status: string },
  step: (s: unknown, e: unknown) => { status: string },
  actorOf: () => AnyActorRef,
  events: readonly unknown[],
  roundTrip: (s: unknown) => unknown,
): Outcome {
  let snapshot: { status: string };
  try {
    if (mode === "pure") {
      snapshot = initial();
      for (const e of events) snapshot = step(snapshot, e);
    } else {
      const actor = actorOf();
      let reported: unknown;
      actor.subscribe({ error: (error) => (reported = error) });
      actor.start();
      const stopAt = mode === "live-stopped" ? Math.floor(events.length / 2) : -1;
      events.forEach((e, i) => {
        if (i === stopAt) actor.stop();
        // XState's actor.send reads `event.type` before anything of ours runs: a live host must
        // send objects. transition() gets everything.
        if (typeof e === "object" && e !== null) actor.send(e as never);
      });
      if (reported !== undefined) return { failure: `${mode}: actor reported ${describe(reported)}` };
      snapshot = actor.getSnapshot();
      if (mode === "live") actor.stop();
    }
  } catch (error) {
    return { failure: `${mode}: threw ${describe(error)}` };
  }
  if (snapshot.status === "error") return { failure: `${mode}: status error` };
  try {
    roundTrip(snapshot);
  } catch (error) {
    return { failure: `${mode}: persisted but did not restore: ${describe(error)}` };
  }
  return { failure: null };
}
