/*
 * The replay's fast runner (src/conversation/fast-runner.ts) against XState's own transition
 * (the runner replay used before, machine-runner.ts): on random event sequences, timer events and
 * junk included, and on random transcripts through replayConversation, both must give the same
 * state value, status, context and emitted events after every event.
 */
import fc from "fast-check";
import { businessSchedule } from "touchpoint/metrics";
import {
  businessHoursSchedule,
  type ConversationEvent,
  type ConversationMachine,
  conversationMachine,
  createConversationMachine,
  persist,
  replayConversation,
  restore,
} from "touchpoint/conversation";
import { and, assign, createMachine, fromPromise, not, or, raise, stateIn, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { fastRunnerOf } from "../../src/conversation/fast-runner.js";
import { runnerOf } from "../../src/conversation/machine-runner.js";
import { fastDriver, replayWith, xstateDriver } from "../../src/conversation/replay-conversation.js";
import type { Conversation } from "touchpoint/schemas";
import { DAY, eventKinds, HOUR, MIN } from "./helpers.js";

const nineToFive = [{ start: "09:00", end: "17:00" }];
const businessMachine = createConversationMachine({
  schedule: businessHoursSchedule(
    businessSchedule({
      timeZone: "UTC",
      hours: {
        monday: nineToFive,
        tuesday: nineToFive,
        wednesday: nineToFive,
        thursday: nineToFive,
        friday: nineToFive,
      },
    }),
  ),
});
// A host's own guard: still covered (guards are called as XState calls them).
const eagerMachine = conversationMachine.provide({ guards: { isConfirmationOptional: () => true } });

const machines: [string, ConversationMachine][] = [
  ["conversationMachine", conversationMachine],
  ["business hours", businessMachine],
  ["provided guard", eagerMachine],
];

/** The timers' own events, which a live actor would receive, as a host might forward them. */
const timerKinds = [
  "xstate.after.slaDeadline.conversation.active",
  "xstate.after.customerSilence.conversation.active",
  "xstate.after.autoClose.conversation.resolved",
] as const;

const gap = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 10 * MIN }) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 8 * HOUR }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 5 * DAY }) },
);
const stepArb = fc.record({
  type: fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...eventKinds) },
    { weight: 1, arbitrary: fc.constantFrom(...timerKinds, "unknown.event", "customer") },
  ),
  gap,
  by: fc.constantFrom(undefined, "agent" as const, "bot" as const),
  to: fc.constantFrom(undefined, "bot" as const, "human" as const, "escalated" as const),
  timeless: fc.boolean(),
});
const inputArb = fc.record({
  startedAt: fc.constantFrom(0, Date.parse("2026-03-06T16:30:00Z")),
  priority: fc.constantFrom("low" as const, "normal" as const, "high" as const, "urgent" as const),
  handler: fc.constantFrom("bot" as const, "human" as const),
  requireConfirmation: fc.boolean(),
  abandonAfterMs: fc.constantFrom(30 * MIN, DAY),
  reopenWindowMs: fc.constantFrom(HOUR, 4 * DAY),
  rejectionsBeforeEscalation: fc.constantFrom(1, 2, 3),
  autoCloseAfterMs: fc.constantFrom(2 * HOUR, 4 * DAY),
  surveyOnce: fc.boolean(),
});

type StepSpec = {
  type: string;
  gap: number;
  by: "agent" | "bot" | undefined;
  to: "bot" | "human" | "escalated" | undefined;
  timeless: boolean;
};

function eventsOf(startedAt: number, steps: readonly StepSpec[]): ConversationEvent[] {
  let at = startedAt;
  return steps.map((s) => {
    at += s.gap;
    const event: Record<string, unknown> = { type: s.type };
    // Timer events carry no time (the machine reads it from the deadline); others mostly do.
    if (!s.type.startsWith("xstate.") && !(s.timeless && s.type === "clock.tick")) event.at = at;
    if (s.type.startsWith("agent.") && s.by !== undefined) event.by = s.by;
    if (s.type === "handoff" && s.to !== undefined) event.to = s.to;
    return event as unknown as ConversationEvent;
  });
}

describe("the fast runner", () => {
  it("covers the machines replay uses, and declines one with an action of the host's", () => {
    for (const [, machine] of machines) expect(fastRunnerOf(machine)).toBeDefined();
    const logged = conversationMachine.provide({ actions: { recordReply: assign({}) } });
    expect(fastRunnerOf(logged)).toBeUndefined();
  });

  for (const [name, machine] of machines) {
    it(`steps like XState's transition on random event sequences (${name})`, { timeout: 60_000 }, () => {
      const fast = fastRunnerOf(machine);
      const slow = runnerOf(machine);
      if (fast === undefined) throw new Error("no fast runner");
      fc.assert(
        fc.property(inputArb, fc.array(stepArb, { maxLength: 40 }), (input, specs) => {
          const full = { conversationId: "f", ...input };
          fast.emitted = [];
          slow.emitted = [];
          let a = fast.start(full);
          let b = slow.start(full);
          expect(b.status).toBe("active");
          expect(a.context).toEqual(b.context);
          expect(fast.emitted).toEqual(slow.emitted);
          for (const event of eventsOf(input.startedAt, specs)) {
            if (b.status !== "active") break;
            a = fast.send(a, event);
            b = slow.send(b, event);
            expect(fast.valueOf(a)).toEqual(b.value);
            expect(a.status).toBe(b.status);
            expect(a.context).toEqual(b.context);
            expect(fast.emitted).toEqual(slow.emitted);
          }
          // The snapshot it hands back is a real one: it persists, restores and steps on alike.
          const snapshot = fast.snapshotOf(a);
          expect(snapshot.value).toEqual(b.value);
          expect(snapshot.status).toBe(b.status);
          const restored = restore(persist(snapshot), machine);
          const later = { type: "customer.message" as const, at: b.context.now + MIN };
          const [x] = transition(machine, restored, later);
          const [y] = transition(machine, restore(persist(b), machine), later);
          expect(x.value).toEqual(y.value);
          expect(x.context).toEqual(y.context);
        }),
        { numRuns: 400 },
      );
    });
  }

  it("declines machines beyond what it covers", () => {
    const declined = (config: object) =>
      fastRunnerOf(createMachine(config as never) as unknown as ConversationMachine);
    expect(declined({ type: "parallel", states: { a: {}, b: {} } })).toBeUndefined();
    expect(declined({ initial: "a", states: { a: { always: { target: "b" } }, b: {} } })).toBeUndefined();
    expect(
      declined({ initial: "a", states: { a: { invoke: { src: fromPromise(async () => 1) } } } }),
    ).toBeUndefined();
    expect(
      declined({ initial: "a", states: { a: { initial: "x", states: { x: { type: "final" } } } } }),
    ).toBeUndefined();
    expect(declined({ initial: "a", output: 1, states: { a: {} } })).toBeUndefined();
    expect(declined({ initial: "a", states: { a: { entry: () => {} } } })).toBeUndefined();
    expect(declined({ initial: "a", states: { a: { entry: raise({ type: "now" }) } } })).toBeUndefined();
    expect(
      declined({ initial: "a", states: { a: { on: { go: { guard: stateIn("a"), target: "a" } } } } }),
    ).toBeUndefined();
    // Plain states, named and combined guards, delayed events: covered.
    const plain = fastRunnerOf(
      createMachine({
        initial: "a",
        states: {
          a: {
            after: { 1000: "b" },
            on: { go: { guard: and([not(() => false), or([() => true])]), target: "b" } },
          },
          b: { type: "final" },
        },
      }) as unknown as ConversationMachine,
    );
    expect(plain).toBeDefined();
    const started = plain?.start({ conversationId: "x", startedAt: 0 });
    const after = started && plain?.send(started, { type: "go" } as never);
    expect(after?.status).toBe("done");
    expect(after && plain?.valueOf(after)).toBe("b");
  });

  it("throws what the machine throws for an invalid input", () => {
    const fast = fastRunnerOf(conversationMachine);
    const input = { conversationId: "", startedAt: -1 } as never;
    let slowError: unknown;
    const snapshot = runnerOf(conversationMachine).start(input);
    if (snapshot.status === "error") slowError = snapshot.error;
    expect(slowError).toBeInstanceOf(Error);
    expect(() => fast?.start(input)).toThrow((slowError as Error).message);
  });
});

const customerTexts = [
  "Hi, my order arrived broken.",
  "Yes, exactly.",
  "No, that is not what I meant.",
  "Yes, that works for me.",
  "No, I would rather have a refund.",
  "Thanks, that's all!",
  "Actually, one more question about billing?",
  "Can I talk to a manager please?",
  "ok",
];
const agentTexts = [
  "Hello! Thanks for getting in touch.",
  "From what I understand, the parcel was damaged?",
  "We can send a replacement at no cost.",
  "Done: the replacement ships today.",
  "Is there anything else I can help you with?",
  "Thanks for your patience, goodbye!",
  "Could you send me a photo of the box?",
];

const transcriptArb = fc.record({
  handler: fc.constantFrom("agent" as const, "bot" as const),
  priority: fc.constantFrom("low" as const, "normal" as const, "high" as const, "urgent" as const),
  messages: fc.array(
    fc.record({
      customer: fc.boolean(),
      text: fc.nat(20),
      gap,
      private: fc.oneof(
        { weight: 9, arbitrary: fc.constant(false) },
        { weight: 1, arbitrary: fc.constant(true) },
      ),
    }),
    { maxLength: 24 },
  ),
  resolveAt: fc.option(fc.nat(30), { nil: undefined }),
  until: fc.option(fc.integer({ min: 0, max: 10 * DAY }), { nil: undefined }),
});

describe("replayConversation on the fast runner", () => {
  it("goes through XState for a machine with an action of the host's, with the same result", () => {
    const t0 = Date.UTC(2026, 2, 2, 9);
    const conversation: Conversation = {
      id: "h",
      channel: "chat",
      priority: "normal",
      createdAt: t0,
      messages: (
        [
          ["customer", "Hi, my order arrived broken and I need help."],
          ["agent", "Hi there! Thanks for reaching out, I'm sorry to hear that."],
          ["agent", "From what I understand, the vase was broken when it arrived?"],
          ["customer", "Yes, exactly."],
          ["agent", "We can send you a replacement at no cost instead."],
          ["customer", "Yes, that works for me."],
          ["agent", "Done: the replacement ships today and arrives within three days."],
          ["agent", "Is there anything else I can help you with?"],
          ["customer", "Yes, one more question about billing?"],
        ] as const
      ).map(([author, text], i) => ({ author, visibility: "public" as const, at: t0 + i * MIN, text })),
      statusChanges: [],
      surveys: [],
      tags: [],
    };
    // The same bookkeeping as the machine's own, written by the host: no pure form, so XState runs it.
    const hosted = conversationMachine.provide({
      actions: {
        recordExtraTopic: assign(({ context }) => ({
          extraTopics: context.extraTopics + 1,
          confirmedAt: null,
          restatedAt: null,
        })),
      },
    });
    expect(fastRunnerOf(hosted)).toBeUndefined();
    const a = replayConversation(conversation, { machine: hosted });
    const b = replayConversation(conversation);
    expect(a.snapshot.context.extraTopics).toBe(1);
    expect(a.snapshot.value).toEqual(b.snapshot.value);
    expect(a.snapshot.context).toEqual(b.snapshot.context);
    expect(a.emitted).toEqual(b.emitted);
  });

  it("gives what the XState runner gives on random transcripts", { timeout: 60_000 }, () => {
    const fast = fastDriver(conversationMachine);
    if (fast === undefined) throw new Error("no fast driver");
    const slow = xstateDriver(conversationMachine);
    fc.assert(
      fc.property(transcriptArb, (t) => {
        const t0 = Date.UTC(2026, 2, 2, 9);
        let at = t0;
        const messages = t.messages.map((m) => {
          at += m.gap;
          const list = m.customer ? customerTexts : agentTexts;
          return {
            author: m.customer ? ("customer" as const) : t.handler,
            visibility: m.private ? ("private" as const) : ("public" as const),
            at,
            text: list[m.text % list.length] as string,
          };
        });
        const resolveAt = t.resolveAt === undefined ? undefined : messages[t.resolveAt]?.at;
        const conversation: Conversation = {
          id: "r",
          channel: "chat",
          priority: t.priority,
          createdAt: t0,
          messages,
          statusChanges: resolveAt === undefined ? [] : [{ at: resolveAt, to: "resolved" }],
          surveys: [],
          tags: [],
        };
        const options = t.until === undefined ? {} : { until: at + t.until };
        const a = replayWith(fast, conversation, options);
        const b = replayWith(slow, conversation, options);
        expect(a.steps).toEqual(b.steps);
        expect(a.emitted).toEqual(b.emitted);
        expect(a.snapshot.value).toEqual(b.snapshot.value);
        expect(a.snapshot.status).toBe(b.snapshot.status);
        expect(a.snapshot.context).toEqual(b.snapshot.context);
        expect(a.record).toEqual(b.record);
        expect(persist(a.snapshot)).toEqual(persist(b.snapshot));
      }),
      { numRuns: 400 },
    );
  });
});
