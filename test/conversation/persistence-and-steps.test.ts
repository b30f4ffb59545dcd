import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CONVERSATION_MACHINE_VERSION,
  type ConversationEmitted,
  conversationMachine,
  nextStep,
  type PersistedConversation,
  persist,
  restore,
  stageChecklists,
  TouchpointError,
  toMermaid,
} from "touchpoint/conversation";
import { createActor, transition } from "xstate";
import { describe, expect, it } from "vitest";
import { collect, HOUR, happyPath, MIN, run } from "./helpers.js";

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(TouchpointError);
    return (error as TouchpointError).code;
  }
  return undefined;
}

function fixture(name: string): PersistedConversation {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8"),
  ) as PersistedConversation;
}

/** An envelope written by version 1 of the machine (four regions: turn, stage, handler, sla). */
const version1 = fixture("snapshot-v1.json");
/** An envelope written by version 2 (two regions: turn, with its SLA timer `watching`, and stage). */
const version2 = fixture("snapshot-v2.json");

describe("persist / restore", () => {
  const { snapshot } = run(happyPath().slice(0, 6), { priority: "urgent" });

  it("wraps a snapshot or an actor in a versioned envelope of plain JSON", () => {
    const saved = persist(snapshot);
    expect(saved).toMatchObject({
      schemaVersion: 1,
      machineId: "conversation",
      machineVersion: CONVERSATION_MACHINE_VERSION,
    });
    expect(saved.savedAt).toBe(snapshot.context.now);
    expect(JSON.parse(JSON.stringify(saved))).toEqual(saved);
    const actor = createActor(conversationMachine, {
      input: { conversationId: "c-1", startedAt: 5 },
    }).start();
    expect(persist(actor, 99).savedAt).toBe(99);
    actor.stop();
  });

  it("restores what it persisted, from the object or its JSON text", () => {
    const back = restore(JSON.stringify(persist(snapshot)));
    expect(back.value).toEqual(snapshot.value);
    expect(back.context).toEqual(snapshot.context);
    expect(back.status).toBe("active");
  });

  it.each([
    ["not JSON", "{oops", "snapshot_invalid"],
    ["not an envelope", { hello: 1 }, "snapshot_invalid"],
    [
      "another machine's",
      { ...persist(snapshot), machineId: "journey/default" },
      "snapshot_machine_mismatch",
    ],
    [
      "a newer version",
      { ...persist(snapshot), machineVersion: CONVERSATION_MACHINE_VERSION + 1 },
      "snapshot_version_unsupported",
    ],
    [
      "a state that does not exist",
      { ...persist(snapshot), snapshot: { ...persist(snapshot).snapshot, value: "snoozed" } },
      "snapshot_invalid",
    ],
    [
      "a context that does not fit",
      {
        ...persist(snapshot),
        snapshot: { ...persist(snapshot).snapshot, context: { ...snapshot.context, handler: "robot" } },
      },
      "snapshot_invalid",
    ],
    [
      "a version 1 snapshot whose handler region disagrees with its context",
      {
        ...version1,
        snapshot: { ...version1.snapshot, context: { ...version1.snapshot.context, handler: "bot" } },
      },
      "snapshot_migration_failed",
    ],
    [
      "a version 1 snapshot with a state value of version 2",
      { ...version1, snapshot: { ...version1.snapshot, value: version2.snapshot.value } },
      "snapshot_migration_failed",
    ],
    [
      "a version 2 snapshot with a state value of version 3",
      { ...version2, snapshot: { ...version2.snapshot, value: persist(snapshot).snapshot.value } },
      "snapshot_migration_failed",
    ],
    [
      "a version 3 snapshot without the turn in its context",
      {
        ...persist(snapshot),
        snapshot: { ...persist(snapshot).snapshot, context: { ...snapshot.context, turn: undefined } },
      },
      "snapshot_invalid",
    ],
  ])("refuses %s with a clear error", (_what, raw, code) => {
    expect(codeOf(() => restore(raw))).toBe(code);
  });

  it("migrates a version 1 snapshot (four regions) and continues it as if it had never been stored", () => {
    // Written by version 1 of the machine after these events (urgent; the customer asked to escalate).
    const events = [
      { type: "customer.message" as const, at: 0 },
      { type: "agent.greet" as const, at: 2 * MIN },
      { type: "customer.escalate" as const, at: 4 * MIN },
      { type: "agent.restate" as const, at: 6 * MIN },
      { type: "customer.confirm" as const, at: 7 * MIN },
      { type: "agent.propose" as const, at: 9 * MIN },
    ];
    expect(version1.machineVersion).toBe(1);
    // Written when a proposal needed a confirmed restatement by default.
    const migrated = restore(JSON.stringify(version1));
    const straight = run(events, { priority: "urgent", requireConfirmation: true });
    expect(migrated.value).toEqual({ active: { stage: { proposing: "awaitingDecision" } } });
    expect(migrated.value).toEqual(straight.snapshot.value);
    expect(migrated.context).toEqual(straight.snapshot.context);
    expect(migrated.context.handler).toBe("escalated");
    expect(migrated.context.turn).toBe("awaitingCustomer");
    const rest = [
      { type: "customer.accept" as const, at: 3 * HOUR },
      { type: "agent.deliver" as const, at: 4 * HOUR },
      { type: "clock.tick" as const, at: 30 * HOUR },
    ];
    const emitted: ConversationEmitted[] = [];
    let s = migrated;
    for (const event of rest) {
      let actions: readonly { type: string; params?: unknown }[];
      [s, actions] = transition(conversationMachine, s, event);
      collect(actions, emitted);
    }
    const end = run([...events, ...rest], { priority: "urgent", requireConfirmation: true });
    expect(s.value).toEqual(end.snapshot.value);
    expect(s.context).toEqual(end.snapshot.context);
    expect(emitted).toEqual(end.emitted.slice(straight.emitted.length));
    expect(emitted.map((e) => e.type)).toContain("conversation.abandoned");
  });

  it("migrates a version 2 snapshot (turn region) and continues it as if it had never been stored", () => {
    // Written by version 2 after these events (urgent): the bot's restatement is no reply of the
    // team's, so the next-response clock runs on while the customer holds the turn (`watching`).
    const events = [
      { type: "customer.message" as const, at: 0 },
      { type: "agent.greet" as const, at: 2 * MIN },
      { type: "customer.message" as const, at: 4 * MIN },
      { type: "agent.restate" as const, at: 6 * MIN, by: "bot" as const },
    ];
    // Written when a proposal needed a confirmed restatement by default.
    const input = { conversationId: "c-2", priority: "urgent" as const, requireConfirmation: true };
    expect(version2.machineVersion).toBe(2);
    const migrated = restore(JSON.stringify(version2));
    const straight = run(events, input);
    expect(migrated.value).toEqual({ active: { stage: { understanding: "restated" } } });
    expect(migrated.value).toEqual(straight.snapshot.value);
    expect(migrated.context).toEqual(straight.snapshot.context);
    expect(migrated.context.turn).toBe("awaitingCustomer");
    expect(nextStep(migrated)).toEqual(nextStep(straight.snapshot));
    // nextStep reads the turn of the stored (unmigrated) shape too.
    expect(nextStep(version2.snapshot).actor).toBe("customer");
    const rest = [
      { type: "clock.tick" as const, at: 2 * HOUR },
      { type: "customer.confirm" as const, at: 3 * HOUR },
      { type: "agent.propose" as const, at: 4 * HOUR },
      { type: "clock.tick" as const, at: 30 * HOUR },
    ];
    const emitted: ConversationEmitted[] = [];
    let s = migrated;
    for (const event of rest) {
      let actions: readonly { type: string; params?: unknown }[];
      [s, actions] = transition(conversationMachine, s, event);
      collect(actions, emitted);
    }
    const end = run([...events, ...rest], input);
    expect(s.value).toEqual(end.snapshot.value);
    expect(s.context).toEqual(end.snapshot.context);
    expect(emitted).toEqual(end.emitted.slice(straight.emitted.length));
    // The next response breached while the customer held the turn, then the proposal's silence.
    expect(emitted.map((e) => e.type)).toEqual([
      "sla.warning",
      "sla.breached",
      "sla.warning",
      "conversation.abandoned",
    ]);
  });

  it("migrates a version 2 snapshot that left active, with the turn in context", () => {
    const done = persist(run([{ type: "agent.resolve", at: MIN }]).snapshot);
    const asVersion2 = {
      ...done,
      machineVersion: 2,
      snapshot: { ...done.snapshot, context: { ...done.snapshot.context, turn: undefined } },
    };
    const migrated = restore(JSON.parse(JSON.stringify(asVersion2)));
    expect(migrated.value).toBe("resolved");
    expect(migrated.context.turn).toBe("awaitingAgent");
  });

  it("names the function and the field in the message", () => {
    try {
      restore({
        ...persist(snapshot),
        snapshot: { ...persist(snapshot).snapshot, context: { ...snapshot.context, now: "x" } },
      });
    } catch (error) {
      expect((error as Error).message).toMatch(/^restore: .*context\.now/);
    }
  });
});

describe("nextStep", () => {
  it("follows the stage checklist through the lifecycle", () => {
    const { snapshots } = run(happyPath());
    expect(snapshots.map((s) => `${nextStep(s).actor}:${nextStep(s).action}`)).toEqual([
      "agent:greet",
      "agent:greet",
      "customer:wait",
      // The customer has explained twice (opening message and an answer): time to restate.
      "agent:restate",
      "customer:wait",
      "agent:propose",
      "customer:wait",
      "agent:deliver",
      "customer:wait",
      "customer:wait",
      "none:wait",
    ]);
  });

  it("asks for an alternative after a rejection and for clarification when the customer answers a restatement with a question", () => {
    const rejected = run([
      { type: "agent.restate", at: MIN },
      { type: "customer.confirm", at: 2 * MIN },
      { type: "agent.propose", at: 3 * MIN },
      { type: "customer.reject", at: 4 * MIN },
    ]).snapshot;
    expect(nextStep(rejected).action).toBe("propose_alternative");
    const questioned = run([
      { type: "agent.restate", at: MIN },
      { type: "customer.message", at: 2 * MIN },
    ]).snapshot;
    expect(nextStep(questioned).action).toBe("clarify");
    expect(nextStep(questioned).checklist.map((i) => [i.id, i.done])).toEqual([
      ["ask", true],
      ["restate", true],
      ["confirm", false],
    ]);
  });

  it('asks "anything else?" once the customer has answered the delivery', () => {
    const delivered = happyPath().slice(0, 8); // up to agent.deliver
    const answered = run([...delivered, { type: "customer.message", at: 13 * MIN }]).snapshot;
    expect(nextStep(answered)).toMatchObject({ actor: "agent", action: "ask_anything_else" });
    expect(nextStep(answered).checklist.map((i) => [i.id, i.done])).toEqual([
      ["deliver", true],
      ["clarify", true],
      ["anything_else", false],
    ]);
    // Two messages in a row right after accepting: nothing delivered yet.
    const twice = run([...happyPath().slice(0, 7), { type: "customer.message", at: 11 * MIN }]).snapshot;
    expect(nextStep(twice).action).toBe("deliver");
  });

  it("names the bot as the actor while a bot handles the conversation", () => {
    const { snapshot } = run([{ type: "customer.message", at: 0 }], { handler: "bot" });
    expect(nextStep(snapshot)).toMatchObject({ actor: "bot", handler: "bot", action: "greet" });
  });

  it("reports SLA urgency and the nearest due time", () => {
    const warned = run([{ type: "clock.tick", at: 50 * MIN }], { priority: "urgent" }).snapshot;
    expect(nextStep(warned)).toMatchObject({ urgency: "at_risk", dueAt: HOUR });
    const breached = run([{ type: "clock.tick", at: 2 * HOUR }], { priority: "urgent" }).snapshot;
    expect(nextStep(breached).urgency).toBe("breached");
  });

  it("has nothing to do once closed", () => {
    const { snapshot } = run([...happyPath(), { type: "clock.tick", at: 10 * 24 * HOUR }]);
    expect(nextStep(snapshot)).toMatchObject({ actor: "none", action: "none", phase: "closed" });
  });

  it("lets a playbook extend the step", () => {
    const { snapshot } = run([{ type: "customer.message", at: 0 }]);
    const step = nextStep(snapshot, {
      extend: (base, context) => ({
        ...base,
        checklist: [
          ...base.checklist,
          { id: "refund_policy", text: `Quote the refund policy (${context.priority}).`, done: false },
        ],
      }),
    });
    expect(step.checklist.map((i) => i.id)).toEqual([
      ...stageChecklists.greeting.map((i) => i.id),
      "refund_policy",
    ]);
  });
});

describe("toMermaid", () => {
  const diagram = toMermaid(conversationMachine);

  it("draws every state of the definition, in one region under active", () => {
    expect(diagram.startsWith("stateDiagram-v2\n")).toBe(true);
    for (const name of [
      "active",
      "stage",
      "greeting",
      "gathering",
      "restated",
      "drafting",
      "awaitingDecision",
      "delivering",
      "closing",
      "resolved",
      "closed",
      "abandoned",
    ]) {
      expect(diagram).toMatch(new RegExp(`\\b${name}\\b`));
    }
    // The turn is context since version 3: no turn states, no parallel region.
    expect(diagram).not.toMatch(/awaitingAgent|awaitingCustomer/);
    expect(diagram.match(/^\s*--$/gm)).toBeNull();
  });

  it("draws transitions with events, guards and delays, lifted out of composite states", () => {
    expect(diagram).toContain("understanding --> proposing : customer.confirm");
    expect(diagram).toContain("active --> abandoned : ");
    expect(diagram).toContain("after customerSilence");
    expect(diagram).toContain(
      "resolved --> closed : customer.done, customer.*, agent.*, handoff, clock.tick, after autoClose [isAutoCloseDue]",
    );
    expect(diagram).toContain("greeting --> understanding : agent.greet");
    expect(diagram).toContain("active --> resolved : customer.done, agent.goodbye [isClosingStage]");
    expect(diagram).toContain("closed --> [*]");
  });
});
