import { classifyInteraction, classifyScenario, detectSignals } from "touchpoint/classify";
import {
  builtinPlaybooks,
  channelFallbacks,
  extendPlaybooks,
  interactionTypePlaybooks,
  overridePlaybook,
  recommend,
  renderTemplate,
  scenarioPlaybooks,
  TouchpointError,
} from "touchpoint/playbooks";
import { channels, conversationStages, scenarios } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";

function codeOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof TouchpointError) return error.code;
    throw error;
  }
  throw new Error("expected a TouchpointError");
}

describe("recommend: which playbook", () => {
  it.each(scenarios)("the scenario %s selects its own playbook", (scenario) => {
    const r = recommend({ scenario, type: "praise", stage: "understanding" });
    expect(r.playbook.id).toBe(scenario);
    expect(r.reasons[0]).toContain(`scenario "${scenario}"`);
  });

  // Routing by the weights documented on recommend: scenario 8(+1), type 4(+1), 2 × signal strength, journey 1.
  it.each([
    ["a plain complaint", { type: "complaint" }, "complaint"],
    ["a plain question", { type: "question" }, "question"],
    ["a plain suggestion", { type: "suggestion" }, "suggestion"],
    ["a plain praise", { type: "praise" }, "praise"],
    [
      "a complaint with strong frustration",
      { type: "complaint", signals: { frustration: 0.9 } },
      "frustration",
    ],
    ["a complaint with weak frustration", { type: "complaint", signals: { frustration: 0.3 } }, "complaint"],
    ["a complaint with urgency", { type: "complaint", signals: ["urgency"] }, "quick-resolution"],
    [
      "a question with confusion",
      { type: "question", signals: [{ signal: "confusion", strength: 0.8 }] },
      "confusion",
    ],
    ["a question comparing options", { type: "question", signals: ["comparison"] }, "evaluation"],
    ["a question in onboarding", { type: "question", signals: ["onboarding"] }, "onboarding"],
    ["praise with loyalty", { type: "praise", signals: { loyalty: 0.8 } }, "loyalty"],
    ["only a signal", { signals: ["cancel-intent"] }, "frustration"],
    ["only a journey stage", { journeyStage: "advocacy" }, "loyalty"],
    ["nothing at all", {}, "question"],
    ["an unknown type", { type: "unknown" }, "question"],
  ] as const)("%s → %s", (_name, known, id) => {
    expect(recommend({ ...known, stage: "greeting" }).playbook.id).toBe(id);
  });

  it("lists the other candidates, best first", () => {
    const r = recommend({ type: "complaint", signals: { frustration: 0.9 }, stage: "greeting" });
    expect(r.score).toBeCloseTo(5.8, 10);
    expect(r.alternatives.map((a) => a.id)).toEqual(["complaint", "quick-resolution"]);
    expect(r.alternatives[0]?.score).toBe(5);
  });

  it("reads the results of touchpoint/classify as they are", () => {
    const text = "This is the third time I write, I am so fed up with this!";
    const r = recommend({
      classification: [classifyScenario({ text }), classifyInteraction(text), detectSignals(text)],
      stage: "understanding",
      channel: "email",
    });
    expect(r.playbook.id).toBe("frustration");
    const q = recommend({
      classification: classifyInteraction("How do I export my invoices?"),
      stage: "greeting",
    });
    expect(q.playbook.id).toBe("question");
  });

  it("lets given fields win over the classification", () => {
    const r = recommend({
      scenario: "loyalty",
      classification: { scenario: "frustration" },
      stage: "greeting",
    });
    expect(r.playbook.id).toBe("loyalty");
  });

  it("lets a team's playbook win when it recognises a signal that is present and the built-in one does not", () => {
    const frustration = overridePlaybook(scenarioPlaybooks.frustration, {
      recognize: { signals: ["frustration"] },
    });
    const cancellation = overridePlaybook(scenarioPlaybooks.frustration, {
      id: "cancellation",
      title: "Save a customer who wants to cancel",
      recognize: { signals: ["cancel-intent"] },
    });
    const library = extendPlaybooks(builtinPlaybooks, [frustration, cancellation]);
    const r = recommend({
      scenario: "frustration",
      signals: { "cancel-intent": 0.8 },
      stage: "proposing",
      playbooks: library,
    });
    expect(r.playbook.id).toBe("cancellation");
    // an equal score goes to the earlier playbook: the (replaced) built-in one
    expect(recommend({ scenario: "frustration", stage: "proposing", playbooks: library }).playbook.id).toBe(
      "frustration",
    );
  });
});

describe("recommend: step and template", () => {
  it.each(conversationStages)("gives the playbook's step for the %s stage and the next stage", (stage) => {
    const r = recommend({ scenario: "onboarding", stage, channel: "phone" });
    expect(r.step).toBe(scenarioPlaybooks.onboarding.steps[stage]);
    expect(r.template.text).toBe(scenarioPlaybooks.onboarding.steps[stage].template.phone);
    const i = conversationStages.indexOf(stage);
    expect(r.nextStage).toBe(conversationStages[i + 1] ?? null);
  });

  it.each(channels)("has a template for the %s channel, its own or the closest", (channel) => {
    const r = recommend({ type: "question", stage: "proposing", channel });
    expect(r.template.channel).toBe(channel);
    expect(r.template.variant).toBe(channelFallbacks[channel]);
    expect(r.template.text).toBe(
      interactionTypePlaybooks.question.steps.proposing.template[channelFallbacks[channel]],
    );
  });

  it("uses a channel's own variant when the playbook has one", () => {
    const sms = overridePlaybook(interactionTypePlaybooks.question, {
      steps: { greeting: { template: { sms: "Hi {{customerFirstName}}" } } },
    });
    const r = recommend({ type: "question", stage: "greeting", channel: "sms", playbooks: [sms] });
    expect(r.template.variant).toBe("sms");
    expect(r.template.text).toBe("Hi {{customerFirstName}}");
  });

  it("takes stage and channel from a conversation snapshot's context, chat when unknown", () => {
    const r = recommend({ type: "question", conversation: { stage: "closing", channel: "email" } });
    expect(r.stage).toBe("closing");
    expect(r.template.variant).toBe("email");
    const chat = recommend({ type: "question", conversation: { stage: "closing", channel: null } });
    expect(chat.template.variant).toBe("chat");
    expect(chat.reasons).toContain("no channel known; using the chat variant");
  });

  it("escapes HTML for email by default, not for chat, and honours the option", () => {
    expect(recommend({ stage: "greeting", channel: "email" }).template.escape).toBe("html");
    expect(recommend({ stage: "greeting", channel: "chat" }).template.escape).toBe("none");
    expect(recommend({ stage: "greeting", channel: "email", escape: "none" }).template.escape).toBe("none");
    const r = recommend({ type: "question", stage: "closing", channel: "email" });
    const out = renderTemplate(r.template, {
      customerFirstName: "<Ana>",
      agentName: "Sam",
      companyName: "A&B",
    });
    expect(out).toContain("Hi &lt;Ana&gt;,");
    expect(out.endsWith("Sam\nA&amp;B")).toBe(true);
  });

  it("throws when no stage is known or the library is empty", () => {
    expect(codeOf(() => recommend({ type: "question" }))).toBe("missing_stage");
    expect(codeOf(() => recommend({ stage: "greeting", playbooks: [] }))).toBe("empty_library");
  });
});

describe("recommend: escalation", () => {
  // The frustration playbook's own rules: frustration ≥ 0.8, cancel intent ≥ 0.5, 2 rejections,
  // 2 previous contacts, 1 reopen, an SLA breach.
  it.each([
    [
      "strong frustration",
      { signals: { frustration: 0.85 } },
      'signal "frustration" at 0.85 (threshold 0.8)',
    ],
    [
      "intent to cancel",
      { signals: { "cancel-intent": 0.5 } },
      'signal "cancel-intent" at 0.50 (threshold 0.5)',
    ],
    ["two rejections", { rejections: 2 }, "2 rejected proposal(s) in a row (threshold 2)"],
    [
      "rejections from the conversation",
      { conversation: { rejections: 3 } },
      "3 rejected proposal(s) in a row (threshold 2)",
    ],
    ["a reopen", { reopens: 1 }, "reopened 1 time(s) (threshold 1)"],
    ["earlier contacts", { previousContacts: 2 }, "2 earlier contact(s) about this issue (threshold 2)"],
    [
      "an SLA breach in the conversation",
      { conversation: { sla: { firstResponse: { breached: true } } } },
      "an SLA was breached",
    ],
    ["an SLA breach given directly", { slaBreached: true }, "an SLA was breached"],
  ] as const)("escalates on %s", (_name, facts, reason) => {
    const r = recommend({ scenario: "frustration", stage: "proposing", ...facts });
    expect(r.escalate).toBe(true);
    expect(r.escalationReasons).toEqual([reason]);
  });

  it.each([
    ["mild frustration", { signals: { frustration: 0.79 } }],
    ["one rejection", { rejections: 1 }],
    ["no SLA breach", { conversation: { sla: { firstResponse: { breached: false } } } }],
    [
      "a breach overridden by the caller",
      { slaBreached: false, conversation: { sla: { resolution: { breached: true } } } },
    ],
  ] as const)("does not escalate on %s", (_name, facts) => {
    const r = recommend({ scenario: "frustration", stage: "proposing", ...facts });
    expect(r.escalate).toBe(false);
    expect(r.escalationReasons).toEqual([]);
  });

  it("escalates a quick resolution after 30 minutes of waiting", () => {
    expect(
      recommend({ scenario: "quick-resolution", stage: "understanding", waitingMinutes: 30 })
        .escalationReasons,
    ).toEqual(["waited 30 minutes (threshold 30)"]);
  });

  // Regression: the report of `touchpoint analyze` printed "waited 9582.848166666667 minutes".
  it("words a fractional wait in whole minutes and compares the exact value", () => {
    const reasons = (waitingMinutes: number) =>
      recommend({ scenario: "quick-resolution", stage: "understanding", waitingMinutes }).escalationReasons;
    expect(reasons(9582.848)).toEqual(["waited 9582 minutes (threshold 30)"]);
    expect(reasons(29.99)).toEqual([]);
  });

  it("never escalates praise", () => {
    expect(recommend({ type: "praise", stage: "closing", rejections: 9, slaBreached: true }).escalate).toBe(
      false,
    );
  });
});

describe("recommend: languages", () => {
  const german = overridePlaybook(interactionTypePlaybooks.praise, {
    language: "de",
    title: "Lob annehmen",
    steps: { greeting: { template: { chat: "Hallo {{customerFirstName}}, vielen Dank!" } } },
  });
  const library = extendPlaybooks(builtinPlaybooks, [german]);

  it("takes the playbook in the language asked for", () => {
    const r = recommend({ type: "praise", stage: "greeting", language: "de", playbooks: library });
    expect(r.playbook.language).toBe("de");
    expect(renderTemplate(r.template, { customerFirstName: "Jana" })).toBe("Hallo Jana, vielen Dank!");
  });

  it("matches the primary language of a regional tag", () => {
    expect(
      recommend({ type: "praise", stage: "greeting", language: "de-AT", playbooks: library }).playbook
        .language,
    ).toBe("de");
  });

  it("falls back to English and says so", () => {
    const r = recommend({ type: "question", stage: "greeting", language: "de", playbooks: library });
    expect(r.playbook.language).toBe("en");
    expect(r.reasons).toContain('no "de" version of "question"; using its "en" version');
  });

  it("gives English by default even when a translation comes first", () => {
    expect(
      recommend({ type: "praise", stage: "greeting", playbooks: [german, interactionTypePlaybooks.praise] })
        .playbook.language,
    ).toBe("en");
  });
});
