import {
  builtinPlaybooks,
  definePlaybook,
  extendPlaybooks,
  interactionTypePlaybooks,
  loadPlaybooks,
  overridePlaybook,
  type PlaybookInput,
  scenarioPlaybooks,
  TouchpointError,
} from "touchpoint/playbooks";
import { describe, expect, it } from "vitest";

function errorOf(run: () => unknown): TouchpointError {
  try {
    run();
  } catch (error) {
    if (error instanceof TouchpointError) return error;
    throw error;
  }
  throw new Error("expected a TouchpointError");
}

const base = interactionTypePlaybooks.praise;

describe("definePlaybook", () => {
  it("fills the defaults and returns a fresh object", () => {
    const { language: _l, variables: _v, ...rest } = base;
    const p = definePlaybook({ ...rest, id: "kudos" });
    expect(p.language).toBe("en");
    expect(p.variables).toEqual([]);
    expect(p).not.toBe(base);
  });

  it.each([
    ["a bad id", { ...base, id: "Kudos Team" }, "id"],
    ["an empty title", { ...base, title: "" }, "title"],
    [
      "an unknown signal",
      { ...base, recognize: { ...base.recognize, signals: ["anger"] } },
      "recognize.signals.0",
    ],
    ["an unknown metric", { ...base, metrics: [{ name: "happiness", why: "x" }] }, "metrics.0.name"],
    ["a misspelt key", { ...base, goals: "x" }, ""],
    ["a missing stage", { ...base, steps: { ...base.steps, closing: undefined } }, "steps.closing"],
    [
      "a missing phone variant",
      {
        ...base,
        steps: { ...base.steps, closing: { ...base.steps.closing, template: { chat: "a", email: "b" } } },
      },
      "steps.closing.template.phone",
    ],
    [
      "an unknown placeholder",
      {
        ...base,
        steps: {
          ...base.steps,
          greeting: {
            ...base.steps.greeting,
            template: { ...base.steps.greeting.template, sms: "Hi {{nickname}}" },
          },
        },
      },
      "steps.greeting.template.sms",
    ],
    [
      "a malformed placeholder",
      {
        ...base,
        steps: {
          ...base.steps,
          greeting: {
            ...base.steps.greeting,
            template: { ...base.steps.greeting.template, chat: "Hi {{ name }}" },
          },
        },
      },
      "steps.greeting.template.chat",
    ],
    [
      "a bad escalation rule",
      { ...base, escalation: { summary: "s", when: [{ kind: "rejections", atLeast: 0 }] } },
      "escalation.when.0.atLeast",
    ],
  ])("rejects %s, naming the path", (_name, input, path) => {
    const error = errorOf(() => definePlaybook(input as PlaybookInput));
    expect(error.code).toBe("invalid_playbook");
    expect(error.path).toBe(path);
    expect(error.message.startsWith("definePlaybook: playbook ")).toBe(true);
    if (path) expect(error.message).toContain(`${path}: `);
  });

  it("accepts a team's own placeholder when declared in variables", () => {
    const p = definePlaybook({
      ...base,
      id: "coupon",
      variables: ["couponCode"],
      steps: {
        ...base.steps,
        proposing: {
          ...base.steps.proposing,
          template: { ...base.steps.proposing.template, chat: "Code: {{couponCode}}" },
        },
      },
    });
    expect(p.steps.proposing.template.chat).toBe("Code: {{couponCode}}");
  });
});

describe("overridePlaybook", () => {
  it("merges objects at any depth and replaces lists", () => {
    const p = overridePlaybook(scenarioPlaybooks.loyalty, {
      avoid: ["Only this"],
      steps: { closing: { template: { email: "Hi {{customerFirstName}}, thanks!" } } },
    });
    expect(p.avoid).toEqual(["Only this"]);
    expect(p.steps.closing.template.email).toBe("Hi {{customerFirstName}}, thanks!");
    expect(p.steps.closing.template.chat).toBe(scenarioPlaybooks.loyalty.steps.closing.template.chat);
    expect(p.steps.greeting).toEqual(scenarioPlaybooks.loyalty.steps.greeting);
    expect(scenarioPlaybooks.loyalty.avoid).not.toEqual(["Only this"]);
  });

  it("validates the result", () => {
    const error = errorOf(() => overridePlaybook(base, { steps: { delivering: { checklist: [] } } }));
    expect(error.code).toBe("invalid_playbook");
    expect(error.path).toBe("steps.delivering.checklist");
    expect(
      error.message.startsWith('overridePlaybook: the override of "praise" is not a valid playbook'),
    ).toBe(true);
  });
});

describe("extendPlaybooks", () => {
  it("replaces the same id and language in place and appends the rest", () => {
    const library = extendPlaybooks(builtinPlaybooks, [
      { ...base, title: "Our praise playbook" },
      { ...base, id: "kudos" },
    ]);
    expect(library).toHaveLength(13);
    expect(library.findIndex((p) => p.id === "praise")).toBe(
      builtinPlaybooks.findIndex((p) => p.id === "praise"),
    );
    expect(library.find((p) => p.id === "praise")?.title).toBe("Our praise playbook");
    expect(library.at(-1)?.id).toBe("kudos");
  });

  it("reports every bad addition with its position", () => {
    const error = errorOf(() =>
      extendPlaybooks(builtinPlaybooks, [base, { ...base, title: "" }, { ...base, goal: "" }]),
    );
    expect(error.code).toBe("invalid_playbook");
    expect(error.path).toBe("1.title");
    expect(error.message).toContain("2.goal: ");
  });
});

describe("loadPlaybooks", () => {
  it("loads a list or { playbooks } from text or a value, in order", () => {
    const list = [
      { ...base, id: "a" },
      { ...base, id: "b", language: "de" },
    ];
    expect(loadPlaybooks(JSON.stringify(list)).map((p) => p.id)).toEqual(["a", "b"]);
    expect(loadPlaybooks({ playbooks: list }).map((p) => p.language)).toEqual(["en", "de"]);
    expect(loadPlaybooks(JSON.stringify({ playbooks: builtinPlaybooks }))).toEqual(builtinPlaybooks);
  });

  it("reports malformed JSON", () => {
    const error = errorOf(() => loadPlaybooks('{"playbooks": ['));
    expect(error.code).toBe("invalid_json");
    expect(error.message.startsWith("loadPlaybooks: expected JSON text, got")).toBe(true);
  });

  it("reports every issue of every playbook by its path in the document", () => {
    const doc = {
      playbooks: [
        base,
        {
          ...base,
          id: "x",
          steps: {
            ...base.steps,
            closing: { ...base.steps.closing, template: { chat: "a", email: "", phone: "c" } },
          },
        },
        { ...base, id: "y", metrics: [] },
      ],
    };
    const error = errorOf(() => loadPlaybooks(JSON.stringify(doc)));
    expect(error.code).toBe("invalid_playbook");
    expect(error.path).toBe("playbooks.1.steps.closing.template.email");
    expect(error.message).toContain("playbooks.1.steps.closing.template.email: expected a non-empty string");
    expect(error.message).toContain("playbooks.2.metrics: expected at least one metric");
    expect(error.value).toHaveLength(2);
  });

  it("reports two playbooks with the same id and language", () => {
    const error = errorOf(() => loadPlaybooks([base, { ...base, title: "Again" }]));
    expect(error.path).toBe("1.id");
    expect(error.message).toContain(
      "1.id: expected one playbook per id and language, but 0 has the same id and language",
    );
  });

  it("rejects a document that is not a list", () => {
    expect(errorOf(() => loadPlaybooks({ playbooks: "none" })).path).toBe("playbooks");
    expect(errorOf(() => loadPlaybooks(42)).code).toBe("invalid_playbook");
  });
});

describe("follow-ups (a step's second turn)", () => {
  const proposing = base.steps.proposing;
  const followUp = {
    action: "Offer a smaller thank-you instead.",
    template: {
      chat: "No problem, {{customerFirstName}}!",
      email: "Hi {{customerFirstName}}, noted.",
      phone: "Noted.",
    },
  };
  /** The praise playbook with the given follow-up on one stage. */
  const withFollowUp = (stage: keyof typeof base.steps, value: unknown) =>
    ({
      ...base,
      steps: { ...base.steps, [stage]: { ...base.steps[stage], followUp: value } },
    }) as PlaybookInput;

  it("keeps a playbook without follow-ups valid, as it was before they existed", () => {
    const steps = Object.fromEntries(
      Object.entries(base.steps).map(([stage, { followUp: _f, ...step }]) => [stage, step]),
    ) as PlaybookInput["steps"];
    const p = definePlaybook({ ...base, id: "plain", steps });
    expect(p.steps.proposing.followUp).toBeUndefined();
    expect(p.steps.proposing.template).toEqual(proposing.template);
    expect(loadPlaybooks([{ ...base, id: "plain", steps }])[0]?.steps.delivering).not.toHaveProperty(
      "followUp",
    );
  });

  it("accepts one in proposing and delivering, with another channel's variant and a declared placeholder", () => {
    const p = definePlaybook({
      ...withFollowUp("delivering", {
        ...followUp,
        template: { ...followUp.template, sms: "Code {{couponCode}} is yours." },
      }),
      variables: ["couponCode"],
    });
    expect(p.steps.delivering.followUp?.template.sms).toBe("Code {{couponCode}} is yours.");
    expect(definePlaybook(withFollowUp("proposing", followUp)).steps.proposing.followUp).toEqual(followUp);
  });

  it.each([
    [
      "a missing phone variant",
      "proposing",
      { ...followUp, template: { chat: "a", email: "b" } },
      "steps.proposing.followUp.template.phone",
      "Invalid input: expected string, received undefined",
    ],
    [
      "an empty action",
      "delivering",
      { ...followUp, action: "" },
      "steps.delivering.followUp.action",
      "expected a non-empty string",
    ],
    [
      "an empty template",
      "delivering",
      { ...followUp, template: { ...followUp.template, email: "" } },
      "steps.delivering.followUp.template.email",
      "expected a non-empty string",
    ],
    [
      "a missing template",
      "proposing",
      { action: "Offer something else." },
      "steps.proposing.followUp.template",
      "Invalid input: expected object, received undefined",
    ],
    [
      "a misspelt key",
      "proposing",
      { ...followUp, checklist: ["x"] },
      "steps.proposing.followUp",
      'Unrecognized key: "checklist"',
    ],
    [
      "a text instead of an object",
      "proposing",
      "Anything else?",
      "steps.proposing.followUp",
      "Invalid input: expected object, received string",
    ],
    [
      "an unknown placeholder",
      "proposing",
      { ...followUp, template: { ...followUp.template, chat: "Hi {{nickname}}" } },
      "steps.proposing.followUp.template.chat",
      'unknown placeholder "{{nickname}}" at index 3',
    ],
    [
      "a malformed placeholder",
      "delivering",
      { ...followUp, template: { ...followUp.template, phone: "Hi {{ name }}" } },
      "steps.delivering.followUp.template.phone",
      "",
    ],
    [
      "a follow-up in greeting",
      "greeting",
      followUp,
      "steps.greeting.followUp",
      "expected no follow-up in the greeting stage: only proposing (an alternative after a rejection) and delivering (anything else?) have one",
    ],
    [
      "a follow-up in understanding",
      "understanding",
      followUp,
      "steps.understanding.followUp",
      "expected no follow-up in the understanding stage",
    ],
    [
      "a follow-up in closing",
      "closing",
      followUp,
      "steps.closing.followUp",
      "expected no follow-up in the closing stage",
    ],
  ] as const)("rejects %s, naming the path", (_name, stage, value, path, message) => {
    const error = errorOf(() => definePlaybook(withFollowUp(stage, value)));
    expect(error.code).toBe("invalid_playbook");
    expect(error.path).toBe(path);
    expect(error.message).toContain(`${path}: ${message}`);
  });

  it("merges an override into the follow-up key by key, and validates it", () => {
    const p = overridePlaybook(scenarioPlaybooks.frustration, {
      steps: {
        proposing: { followUp: { template: { chat: "Sorry, {{customerFirstName}}. Shall I ask a lead?" } } },
      },
    });
    const before = scenarioPlaybooks.frustration.steps.proposing;
    expect(p.steps.proposing.followUp).toEqual({
      action: before.followUp?.action,
      template: { ...before.followUp?.template, chat: "Sorry, {{customerFirstName}}. Shall I ask a lead?" },
    });
    expect(p.steps.proposing.template).toEqual(before.template);
    expect(p.steps.delivering.followUp).toEqual(scenarioPlaybooks.frustration.steps.delivering.followUp);
    expect(scenarioPlaybooks.frustration.steps.proposing.followUp?.template.chat).not.toContain("lead");

    const action = overridePlaybook(base, {
      steps: { delivering: { followUp: { action: "Ask what else." } } },
    });
    expect(action.steps.delivering.followUp?.action).toBe("Ask what else.");
    expect(action.steps.delivering.followUp?.template).toEqual(base.steps.delivering.followUp?.template);

    const error = errorOf(() =>
      overridePlaybook(base, {
        steps: { closing: { followUp: { action: "x", template: followUp.template } } },
      }),
    );
    expect(error.path).toBe("steps.closing.followUp");
    expect(
      errorOf(() =>
        overridePlaybook(base, { steps: { proposing: { followUp: { template: { sms: "{{nickname}}" } } } } }),
      ).path,
    ).toBe("steps.proposing.followUp.template.sms");
  });

  it("adds a follow-up to a step that has none only when it is complete", () => {
    const { followUp: _f, ...step } = proposing;
    const plain = definePlaybook({ ...base, id: "plain", steps: { ...base.steps, proposing: step } });
    expect(overridePlaybook(plain, { steps: { proposing: { followUp } } }).steps.proposing.followUp).toEqual(
      followUp,
    );
    const error = errorOf(() =>
      overridePlaybook(plain, {
        steps: { proposing: { followUp: { action: "x", template: { chat: "y" } } } },
      }),
    );
    expect(error.path).toBe("steps.proposing.followUp.template.email");
    expect(error.message).toContain("steps.proposing.followUp.template.phone: ");
  });

  it("reports a bad follow-up of an addition or a document by its position", () => {
    const bad = withFollowUp("delivering", { ...followUp, template: { ...followUp.template, chat: "" } });
    expect(errorOf(() => extendPlaybooks(builtinPlaybooks, [base, bad])).path).toBe(
      "1.steps.delivering.followUp.template.chat",
    );
    const error = errorOf(() => loadPlaybooks(JSON.stringify({ playbooks: [{ ...bad, id: "x" }] })));
    expect(error.path).toBe("playbooks.0.steps.delivering.followUp.template.chat");
    expect(error.message).toContain(
      "playbooks.0.steps.delivering.followUp.template.chat: expected a non-empty string",
    );
  });

  it("round-trips through JSON and replaces in place with extendPlaybooks", () => {
    const loaded = loadPlaybooks(JSON.stringify(builtinPlaybooks));
    expect(loaded).toEqual(builtinPlaybooks);
    for (const [i, p] of loaded.entries()) {
      expect(p.steps.proposing.followUp).toEqual(builtinPlaybooks[i]?.steps.proposing.followUp);
      expect(p.steps.delivering.followUp).toBeDefined();
    }
    const ours = { ...base, steps: { ...base.steps, proposing: { ...proposing, followUp } } };
    const library = extendPlaybooks(builtinPlaybooks, [ours]);
    expect(library).toHaveLength(12);
    expect(library.find((p) => p.id === "praise")?.steps.proposing.followUp).toEqual(followUp);
  });
});
