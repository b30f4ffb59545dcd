import {
  type ConversationMachine,
  type ConversationSnapshot,
  conversationMachine,
  createConversationMachine,
  type NextAction,
  nextStep,
  type SlaKind,
} from "touchpoint/conversation";
import { createActor, transition } from "xstate";
import { describe, expectTypeOf, it } from "vitest";

describe("conversation machine types", () => {
  it("has one named machine type for the default machine and the factory's", () => {
    expectTypeOf(conversationMachine).toEqualTypeOf<ConversationMachine>();
    expectTypeOf(createConversationMachine()).toEqualTypeOf<ConversationMachine>();
  });

  it("accepts only declared implementation names in provide()", () => {
    conversationMachine.provide({
      guards: { isConfirmationOptional: () => true },
      delays: { autoClose: 1000 },
    });
    // @ts-expect-error: no such guard
    conversationMachine.provide({ guards: { isWeekend: () => true } });
    // @ts-expect-error: no such delay
    conversationMachine.provide({ delays: { lunchBreak: 1000 } });
  });

  it("types events: every event needs its time", () => {
    const actor = createActor(conversationMachine, { input: { conversationId: "c", startedAt: 0 } });
    actor.send({ type: "agent.greet", at: 1 });
    // @ts-expect-error: `at` is required
    actor.send({ type: "agent.greet" });
    // @ts-expect-error: unknown event type
    actor.send({ type: "agent.dance", at: 1 });
  });

  it("types emitted events by their type", () => {
    const actor = createActor(conversationMachine, { input: { conversationId: "c", startedAt: 0 } });
    actor.on("sla.breached", (e) => {
      expectTypeOf(e.kind).toEqualTypeOf<SlaKind>();
      expectTypeOf(e.dueAt).toEqualTypeOf<number>();
    });
    actor.on("conversation.handoff", (e) => {
      expectTypeOf(e.reason).toEqualTypeOf<string>();
    });
  });

  it("types snapshots and next steps", () => {
    const [s] = transition(conversationMachine, {} as ConversationSnapshot, { type: "clock.tick", at: 0 });
    expectTypeOf(s.context.sla.firstResponse.dueAt).toEqualTypeOf<number | null>();
    expectTypeOf(nextStep(s).action).toEqualTypeOf<NextAction>();
  });
});
