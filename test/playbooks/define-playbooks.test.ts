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
