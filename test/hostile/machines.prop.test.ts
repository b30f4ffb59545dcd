// Issue 13: the machines keep their promises under hostile input. Each seed is one hostile event
// sequence (test/hostile/machines.ts), run live (stopped halfway or not) or through transition(),
// then persisted and restored. bench/hostile.bench.ts runs 100,000 seeds per machine.
import fc from "fast-check";
import { conversationMachine, persist, restore } from "touchpoint/conversation";
import { journeyMachine, persistJourney, restoreJourney } from "touchpoint/journey";
import { createActor, initialTransition as initial, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { random } from "../../bench/lib/random.js";
import { runConversation, runJourney } from "./machines.js";

describe("hostile event sequences", () => {
  it.each([
    ["conversation", runConversation],
    ["journey", runJourney],
  ] as const)(
    "the %s machine never throws and every snapshot it reaches persists and restores",
    { timeout: 120_000 },
    (_name, run) => {
      fc.assert(
        fc.property(fc.integer(), fc.integer({ min: 1, max: 40 }), (seed, length) => {
          expect(run(random(seed), length).failure).toBeNull();
        }),
        { seed: 13, numRuns: 150 },
      );
    },
  );
});

describe("the reproductions of issue 13", () => {
  const [start] = initial(conversationMachine, { conversationId: "c-1", startedAt: 0 });

  it("a handoff to a handler that does not exist is ignored (it used to persist what restore refused)", () => {
    const [next] = transition(conversationMachine, start, { type: "handoff", at: 1, to: "team" } as never);
    expect(next.context.handler).toBe("human");
    expect(() => restore(persist(next))).not.toThrow();
  });

  it.each(["xstate.stop", "xstate.error.actor.x"])("a forwarded %s leaves the state as it was", (type) => {
    const [next] = transition(conversationMachine, start, { type } as never);
    expect(next.status).toBe("active");
    expect(restore(persist(next)).value).toEqual(start.value);
  });

  it("a stopped actor persists as the state it stopped in, and restores", () => {
    const actor = createActor(conversationMachine, {
      input: { conversationId: "c-1", startedAt: 0 },
    }).start();
    actor.send({ type: "agent.greet", at: 1000 });
    actor.stop();
    const restored = restore(JSON.stringify(persist(actor)));
    expect(restored.context.firstResponseAt).toBe(1000);
    const journey = createActor(journeyMachine, { input: { at: 0 } }).start();
    journey.send({ type: "journey.purchase", at: 5 });
    journey.stop();
    expect(
      restoreJourney(journeyMachine, persistJourney(journeyMachine, journey.getSnapshot())).context.stage,
    ).toBe("purchase");
  });

  it("a CES answer without a scale reads the 1–7 default instead of throwing", () => {
    const [j0] = initial(journeyMachine, { at: 0 });
    const [j1] = transition(journeyMachine, j0, {
      type: "journey.survey",
      at: 1,
      response: { kind: "ces", score: 6, at: 1 },
    } as never);
    expect(j1.status).toBe("active");
  });

  it("a time out of range counts as the machine's current time", () => {
    const [next] = transition(conversationMachine, start, { type: "agent.greet", at: 1e308 });
    expect(next.context.firstResponseAt).toBe(0);
  });

  it.each([
    ["context.stage against the state value", (c: Record<string, unknown>) => ({ ...c, stage: "closing" })],
    [
      "firstResponseAt before startedAt",
      (c: Record<string, unknown>) => ({ ...c, startedAt: 10, now: 20, firstResponseAt: 5 }),
    ],
    ["now before startedAt", (c: Record<string, unknown>) => ({ ...c, startedAt: 10, now: 5 })],
  ])("restore refuses %s", (_label, edit) => {
    const saved = JSON.parse(JSON.stringify(persist(start)));
    saved.snapshot.context = edit(saved.snapshot.context);
    expect(() => restore(saved)).toThrow(/snapshot_invalid|does not match/);
  });

  it("restore refuses a due time of -1e18", () => {
    const saved = JSON.parse(JSON.stringify(persist(start)));
    saved.snapshot.context.sla.firstResponse.dueAt = -1e18;
    expect(() => restore(saved)).toThrow(/does not match/);
  });
});
