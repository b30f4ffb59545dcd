import { initialTransition, transition } from "xstate";
import {
  type ConversationEvent,
  type ConversationMachineInput,
  type ConversationSnapshot,
  conversationMachine,
  nextStep,
  stageChecklists,
} from "touchpoint/conversation";
import {
  builtinPlaybooks,
  extendPlaybooks,
  interactionTypePlaybooks,
  nextPlaybookStep,
  overridePlaybook,
  type PlaybookNextStep,
  playbookExtension,
  renderTemplate,
  scenarioPlaybooks,
  TouchpointError,
} from "touchpoint/playbooks";
import { describe, expect, it } from "vitest";

const MIN = 60_000;
const HOUR = 60 * MIN;

/** Runs events through the machine's pure API and returns the last snapshot. */
function snapshotAfter(
  events: readonly ConversationEvent[],
  input: Partial<ConversationMachineInput> = {},
): ConversationSnapshot {
  let [snapshot] = initialTransition(conversationMachine, { conversationId: "c-1", startedAt: 0, ...input });
  for (const event of events) [snapshot] = transition(conversationMachine, snapshot, event);
  return snapshot;
}

const opened: ConversationEvent[] = [{ type: "customer.message", at: 0 }];
const proposed: ConversationEvent[] = [
  { type: "customer.message", at: 0 },
  { type: "agent.greet", at: 2 * MIN },
  { type: "customer.message", at: 4 * MIN },
  { type: "agent.restate", at: 6 * MIN },
  { type: "customer.confirm", at: 7 * MIN },
  { type: "agent.propose", at: 9 * MIN },
];

describe("nextPlaybookStep: the machine's step plus the playbook's", () => {
  it("keeps every field of the machine's nextStep and adds the playbook's step for the stage", () => {
    const s = snapshotAfter(opened, { channel: "phone" });
    const machine = nextStep(s);
    const next = nextPlaybookStep(s, { scenario: "onboarding" });
    const { checklist: _machineChecklist, ...machineRest } = machine;
    expect(next).toMatchObject(machineRest);
    expect(next.playbook).toBe(scenarioPlaybooks.onboarding);
    expect(next.playbookStep).toBe(scenarioPlaybooks.onboarding.steps.greeting);
    expect(next.template.text).toBe(scenarioPlaybooks.onboarding.steps.greeting.template.phone);
    expect(next.template.variant).toBe("phone");
    expect(next.recommendation.playbook).toBe(next.playbook);
  });

  it("lists the stage checklist first, with its done flags, then the playbook's points", () => {
    const s = snapshotAfter([
      ...opened,
      { type: "agent.greet", at: MIN },
      { type: "customer.message", at: 2 * MIN },
    ]);
    const next = nextPlaybookStep(s, { scenario: "confusion" });
    expect(next.stage).toBe("understanding");
    const stageItems = next.checklist.filter((item) => item.source === "stage");
    expect(stageItems).toEqual(nextStep(s).checklist.map((item) => ({ ...item, source: "stage" })));
    expect(stageItems.map((item) => item.id)).toEqual(stageChecklists.understanding.map((item) => item.id));
    const own = next.checklist.filter((item) => item.source === "playbook");
    expect(own.map((item) => item.text)).toEqual(scenarioPlaybooks.confusion.steps.understanding.checklist);
    expect(own.map((item) => item.id)).toEqual([
      "confusion.understanding.0",
      "confusion.understanding.1",
      "confusion.understanding.2",
    ]);
    expect(own.every((item) => !item.done)).toBe(true);
  });

  it("takes the channel from the context, chat when it has none, and lets the input override it", () => {
    expect(nextPlaybookStep(snapshotAfter(opened, { channel: "email" })).template.variant).toBe("email");
    expect(nextPlaybookStep(snapshotAfter(opened, { channel: "sms" })).template).toMatchObject({
      channel: "sms",
      variant: "chat",
    });
    expect(nextPlaybookStep(snapshotAfter(opened)).template.variant).toBe("chat");
    expect(
      nextPlaybookStep(snapshotAfter(opened, { channel: "chat" }), { channel: "video" }).template.variant,
    ).toBe("phone");
  });

  it("reads the classifier's results and follows the stage as the conversation moves", () => {
    const classification = { scenario: "quick-resolution", type: "complaint" } as const;
    const greeting = nextPlaybookStep(snapshotAfter(opened), { classification });
    const proposing = nextPlaybookStep(snapshotAfter(proposed), { classification });
    expect([greeting.playbook.id, greeting.stage, greeting.action]).toEqual([
      "quick-resolution",
      "greeting",
      "greet",
    ]);
    expect([proposing.playbook.id, proposing.stage, proposing.actor, proposing.action]).toEqual([
      "quick-resolution",
      "proposing",
      "customer",
      "wait",
    ]);
    expect(proposing.playbookStep).toBe(scenarioPlaybooks["quick-resolution"].steps.proposing);
  });

  it("renders with the values of the conversation", () => {
    const next = nextPlaybookStep(snapshotAfter(opened, { channel: "chat" }), { type: "praise" });
    expect(renderTemplate(next.template, { customerFirstName: "Jo", agentName: "Kim" })).toBe(
      "Hi Jo, that made our day! Thank you so much. I'm Kim.",
    );
  });

  it("uses a team's library and language", () => {
    const german = overridePlaybook(interactionTypePlaybooks.praise, {
      language: "de",
      steps: { greeting: { template: { chat: "Hallo {{customerFirstName}}, danke!" } } },
    });
    const next = nextPlaybookStep(snapshotAfter(opened), {
      type: "praise",
      language: "de",
      playbooks: extendPlaybooks(builtinPlaybooks, [german]),
    });
    expect(next.playbook.language).toBe("de");
    expect(renderTemplate(next.template, { customerFirstName: "Jana" })).toBe("Hallo Jana, danke!");
  });

  it("throws on an empty library, as recommend does", () => {
    let code: string | undefined;
    try {
      nextPlaybookStep(snapshotAfter(opened), { playbooks: [] });
    } catch (error) {
      if (error instanceof TouchpointError) code = error.code;
    }
    expect(code).toBe("empty_library");
  });
});

describe("nextPlaybookStep: escalation advice", () => {
  it("advises nothing when no condition of the playbook holds", () => {
    const next = nextPlaybookStep(snapshotAfter(proposed), { scenario: "frustration" });
    expect([next.escalate, next.handoffTo, next.escalationReasons]).toEqual([false, null, []]);
  });

  it("hands a human's conversation to the escalated tier", () => {
    const next = nextPlaybookStep(snapshotAfter(proposed), {
      scenario: "frustration",
      signals: { "cancel-intent": 0.7 },
    });
    expect([next.escalate, next.handoffTo]).toEqual([true, "escalated"]);
    expect(next.escalationReasons).toEqual(['signal "cancel-intent" at 0.70 (threshold 0.5)']);
    expect(next.reasons.at(-1)).toBe("hand off to the escalated tier");
  });

  it("hands a bot's conversation to a human", () => {
    const next = nextPlaybookStep(snapshotAfter(opened, { handler: "bot" }), {
      scenario: "frustration",
      signals: { frustration: 0.9 },
    });
    expect(next.actor).toBe("bot");
    expect([next.escalate, next.handoffTo]).toEqual([true, "human"]);
    expect(next.reasons.at(-1)).toBe("hand off to a human agent");
  });

  it("does not advise a hand-off once the conversation is with the escalated tier, and says why", () => {
    const s = snapshotAfter([...proposed, { type: "handoff", to: "escalated", at: 10 * MIN }]);
    const next = nextPlaybookStep(s, { scenario: "frustration", signals: { frustration: 0.9 } });
    expect(next.handler).toBe("escalated");
    expect(next.escalate).toBe(false);
    expect(next.handoffTo).toBeNull();
    expect(next.escalationReasons).toEqual(['signal "frustration" at 0.90 (threshold 0.8)']);
    expect(next.reasons.at(-1)).toBe(
      "the escalation conditions hold, but the conversation is already with the escalated tier",
    );
  });

  it("reads rejected proposals from the context", () => {
    const s = snapshotAfter([
      ...proposed,
      { type: "customer.reject", at: 10 * MIN },
      { type: "agent.propose", at: 11 * MIN },
    ]);
    expect(s.context.rejections).toBe(1);
    // The question playbook escalates at two rejections; one is not enough.
    expect(nextPlaybookStep(s, { type: "question" }).escalate).toBe(false);
    expect(nextPlaybookStep(s, { type: "question", rejections: 2 }).escalate).toBe(true);
  });

  it("counts a breached SLA clock", () => {
    // Normal priority: the first reply is due within 8 hours (defaultSlaTargets).
    const s = snapshotAfter([...opened, { type: "clock.tick", at: 9 * HOUR }]);
    const next = nextPlaybookStep(s, { scenario: "quick-resolution" });
    expect(next.urgency).toBe("breached");
    expect(next.escalate).toBe(true);
    expect(next.escalationReasons).toEqual(["an SLA was breached"]);
    expect(nextPlaybookStep(s, { scenario: "quick-resolution", slaBreached: false }).escalate).toBe(false);
  });
});

describe("playbookExtension: the same as a hook for nextStep", () => {
  it("gives what nextPlaybookStep gives", () => {
    const s = snapshotAfter(proposed, { channel: "email" });
    const input = { scenario: "evaluation", signals: { comparison: 0.7 } } as const;
    const viaHook = nextStep(s, { extend: playbookExtension(input) }) as PlaybookNextStep;
    expect(viaHook).toEqual(nextPlaybookStep(s, input));
  });

  it("can be made once and reused for every snapshot of a conversation", () => {
    const extend = playbookExtension({ scenario: "loyalty" });
    const stages = [opened, proposed].map(
      (events) => (nextStep(snapshotAfter(events), { extend }) as PlaybookNextStep).playbookStep,
    );
    expect(stages).toEqual([
      scenarioPlaybooks.loyalty.steps.greeting,
      scenarioPlaybooks.loyalty.steps.proposing,
    ]);
  });
});
