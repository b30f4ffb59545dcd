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
import { completeValues } from "./values.js";

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

describe("nextPlaybookStep: follow-ups for an alternative and for anything else", () => {
  const rejected: ConversationEvent[] = [...proposed, { type: "customer.reject", at: 10 * MIN }];
  const accepted: ConversationEvent[] = [...proposed, { type: "customer.accept", at: 10 * MIN }];
  const answered: ConversationEvent[] = [
    ...accepted,
    { type: "agent.deliver", at: 12 * MIN },
    { type: "customer.message", at: 14 * MIN },
  ];

  it("after a rejected proposal, gives the proposing step's follow-up instead of the first proposal", () => {
    const first = nextPlaybookStep(snapshotAfter(proposed.slice(0, -1), { channel: "chat" }), {
      scenario: "frustration",
    });
    const next = nextPlaybookStep(snapshotAfter(rejected, { channel: "chat" }), { scenario: "frustration" });
    const step = scenarioPlaybooks.frustration.steps.proposing;
    expect([first.stage, first.action, first.followUp]).toEqual(["proposing", "propose", null]);
    expect(first.template.text).toBe(step.template.chat);
    expect(first.playbookAction).toBe(step.action);

    expect([next.stage, next.action, next.actor]).toEqual(["proposing", "propose_alternative", "agent"]);
    expect(next.playbookStep).toBe(step);
    expect(next.followUp).toBe(step.followUp);
    expect(next.playbookAction).toBe(step.followUp?.action);
    expect(next.template).toMatchObject({
      text: step.followUp?.template.chat,
      channel: "chat",
      variant: "chat",
    });
    expect(next.template.text).not.toBe(first.template.text);
    expect(renderTemplate(next.template, completeValues)).not.toBe(
      renderTemplate(first.template, completeValues),
    );
    expect(next.reasons).toContain(
      `action "propose_alternative": the step's follow-up: ${step.followUp?.action}`,
    );
    // The recommendation itself is about the stage; the follow-up is the machine's turn.
    expect(next.recommendation.template.text).toBe(step.template.chat);
  });

  it("after the delivery and the customer's answer, gives the delivering step's anything-else follow-up", () => {
    const deliver = nextPlaybookStep(snapshotAfter(accepted, { channel: "email" }), { type: "complaint" });
    const next = nextPlaybookStep(snapshotAfter(answered, { channel: "email" }), { type: "complaint" });
    const step = interactionTypePlaybooks.complaint.steps.delivering;
    expect([deliver.stage, deliver.action, deliver.followUp]).toEqual(["delivering", "deliver", null]);
    expect(deliver.template.text).toBe(step.template.email);

    expect([next.stage, next.action]).toEqual(["delivering", "ask_anything_else"]);
    expect(next.followUp).toBe(step.followUp);
    expect(next.playbookAction).toBe(step.followUp?.action);
    expect(next.template).toMatchObject({
      text: step.followUp?.template.email,
      variant: "email",
      escape: "html",
    });
    expect(next.template.text).not.toBe(deliver.template.text);
    expect(renderTemplate(next.template, completeValues)).toContain("Before I close case T-77");
  });

  it("keeps the regular template while the customer decides on the alternative", () => {
    const s = snapshotAfter([...rejected, { type: "agent.propose", at: 11 * MIN }]);
    const next = nextPlaybookStep(s, { scenario: "frustration" });
    expect([next.action, next.followUp]).toEqual(["wait", null]);
    expect(next.template.text).toBe(scenarioPlaybooks.frustration.steps.proposing.template.chat);
  });

  it.each(builtinPlaybooks.map((p) => [p.id, p] as const))(
    "%s: the follow-ups come on the machine's turns, on every channel",
    (_id, playbook) => {
      for (const channel of ["chat", "email", "phone"] as const) {
        const input = { playbooks: [playbook] };
        const alternative = nextPlaybookStep(snapshotAfter(rejected, { channel }), input);
        const anythingElse = nextPlaybookStep(snapshotAfter(answered, { channel }), input);
        expect(alternative.action).toBe("propose_alternative");
        expect(alternative.template.text).toBe(playbook.steps.proposing.followUp?.template[channel]);
        expect(alternative.template.text).not.toBe(playbook.steps.proposing.template[channel]);
        expect(anythingElse.action).toBe("ask_anything_else");
        expect(anythingElse.template.text).toBe(playbook.steps.delivering.followUp?.template[channel]);
        expect(anythingElse.template.text).not.toBe(playbook.steps.delivering.template[channel]);
        for (const next of [alternative, anythingElse]) {
          expect(next.template.variables).toBe(playbook.variables);
          expect(renderTemplate(next.template, completeValues)).not.toContain("{{");
        }
      }
    },
  );

  it("falls back to the closest written variant of the follow-up, as for the step's template", () => {
    const next = nextPlaybookStep(snapshotAfter(rejected, { channel: "video" }), { type: "question" });
    expect(next.template).toMatchObject({
      channel: "video",
      variant: "phone",
      text: interactionTypePlaybooks.question.steps.proposing.followUp?.template.phone,
    });
    expect(next.reasons).toContain('no "video" variant; using the "phone" one, the closest in style');
  });

  it("uses a team's follow-up, its own channel variants and placeholders included", () => {
    const ours = overridePlaybook(interactionTypePlaybooks.praise, {
      variables: ["couponCode"],
      steps: {
        delivering: { followUp: { template: { sms: "Thanks! Code {{couponCode}}. Anything else?" } } },
      },
    });
    const next = nextPlaybookStep(snapshotAfter(answered, { channel: "sms" }), {
      type: "praise",
      playbooks: extendPlaybooks(builtinPlaybooks, [ours]),
    });
    expect(next.template.variant).toBe("sms");
    expect(renderTemplate(next.template, { couponCode: "THANKS5" })).toBe(
      "Thanks! Code THANKS5. Anything else?",
    );
  });

  it("gives the step's own template when the playbook has no follow-up, as before", () => {
    const { followUp: _p, ...proposing } = interactionTypePlaybooks.question.steps.proposing;
    const { followUp: _d, ...delivering } = interactionTypePlaybooks.question.steps.delivering;
    const plain = {
      ...interactionTypePlaybooks.question,
      steps: { ...interactionTypePlaybooks.question.steps, proposing, delivering },
    };
    const library = extendPlaybooks(builtinPlaybooks, [plain]);
    const alternative = nextPlaybookStep(snapshotAfter(rejected), { type: "question", playbooks: library });
    expect([alternative.action, alternative.followUp]).toEqual(["propose_alternative", null]);
    expect(alternative.template.text).toBe(proposing.template.chat);
    expect(alternative.playbookAction).toBe(proposing.action);
    expect(alternative.reasons).toContain(
      'action "propose_alternative": the step has no follow-up; using its template',
    );
    const anythingElse = nextPlaybookStep(snapshotAfter(answered), { type: "question", playbooks: library });
    expect(anythingElse.template.text).toBe(delivering.template.chat);
  });

  it("gives the same through playbookExtension", () => {
    const s = snapshotAfter(answered, { channel: "phone" });
    const input = { scenario: "loyalty" } as const;
    const viaHook = nextStep(s, { extend: playbookExtension(input) }) as PlaybookNextStep;
    expect(viaHook).toEqual(nextPlaybookStep(s, input));
    expect(viaHook.template.text).toBe(scenarioPlaybooks.loyalty.steps.delivering.followUp?.template.phone);
  });
});
