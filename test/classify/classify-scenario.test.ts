import { describe, expect, it } from "vitest";
import {
  type CategoryInput,
  classifyCategory,
  classifyScenario,
  type ScenarioInput,
} from "touchpoint/classify";
import { scenarios } from "touchpoint/schemas";

// Seed 000: the eight common scenarios and the three interaction categories. Messages and customer
// facts below are invented for the tests.
describe("classifyScenario", () => {
  it.each<[ScenarioInput, string]>([
    [{ text: "This is the third time I write, I am so fed up with this!" }, "frustration"],
    [
      { text: "Still broken.", customer: { purchases: 1 }, conversation: { previousContacts: 3 } },
      "frustration",
    ],
    [
      { text: "My card was declined, I need this fixed right now", customer: { purchases: 3 } },
      "quick-resolution",
    ],
    [
      { text: "The blender I bought stopped working.", customer: { purchases: 1, tenureDays: 200 } },
      "quick-resolution",
    ],
    [
      { text: "I'm confused, which form do I fill in?", customer: { purchases: 2, tenureDays: 100 } },
      "confusion",
    ],
    [{ text: "I just signed up, where do I start?", customer: { purchases: 1 } }, "onboarding"],
    [{ text: "Where is the settings page?", customer: { tenureDays: 5, purchases: 1 } }, "onboarding"],
    [
      { text: "Is there a yearly invoice?", customer: { tenureDays: 1200, purchases: 14, lastNps: 10 } },
      "loyalty",
    ],
    [{ text: "How does your plan compare to the alternatives?", customer: { purchases: 0 } }, "evaluation"],
    [{ text: "What do you offer for teams?", customer: { journeyStage: "consideration" } }, "evaluation"],
    [{ text: "Do you ship to Canada?", customer: { purchases: 0 } }, "information-seeking"],
    [{ text: "Do you ship to Canada?", customer: { journeyStage: "awareness" } }, "information-seeking"],
    [{ text: "The new layout looks nice.", customer: { purchases: 2, tenureDays: 300 } }, "experience"],
    [{ text: "Where is my order?" }, "experience"],
  ])("%j → %s", (input, scenario) => {
    const r = classifyScenario(input);
    expect(r.scenario).toBe(scenario);
    expect(scenarios.includes(r.scenario)).toBe(true);
    expect(r.reasons.length).toBeGreaterThan(0);
  });

  it("returns the evidence of the deciding signal", () => {
    const text = "I'm so frustrated with this app!";
    const r = classifyScenario({ text });
    expect(r.scenario).toBe("frustration");
    expect(r.evidence.length).toBeGreaterThan(0);
    for (const e of r.evidence) expect(text.slice(e.span[0], e.span[1])).toBe(e.cue);
  });

  it("is total on an empty message with no facts", () => {
    const r = classifyScenario({ text: "" });
    // issue 11: an unknown customer is not an existing one; nothing in the text is a weak reading
    expect(r.scenario).toBe("information-seeking");
    expect(r.fallback).toBe(true);
    expect(r.type).toBe("unknown");
  });
});

describe("classifyCategory", () => {
  it.each<[CategoryInput, string]>([
    [{ type: "complaint", journeyStage: "retention" }, "critical"],
    [{ type: "praise", signals: { "cancel-intent": 0.9 } }, "critical"],
    [{ type: "question", sentiment: -0.8 }, "critical"],
    [{ type: "question", journeyStage: "awareness" }, "stabilizing"],
    [{ type: "question", journeyStage: "purchase" }, "stabilizing"],
    [{ type: "praise", signals: { onboarding: 0.7 } }, "stabilizing"],
    [{ type: "question", journeyStage: "retention", signals: { "purchase-intent": 0.8 } }, "planned"],
    [{ type: "praise", journeyStage: "advocacy" }, "planned"],
    [{ type: "question", journeyStage: "experience" }, "critical"],
    [{ type: "unknown", journeyStage: "loyalty" }, "planned"],
    [{}, "stabilizing"],
  ])("%j → %s", (input, category) => {
    const r = classifyCategory(input);
    expect(r.category).toBe(category);
    expect(r.reasons.length).toBe(1);
  });

  it("gives every caller its own result, though a decision is made once per set of facts", () => {
    const first = classifyCategory({ type: "complaint" });
    first.reasons.push("added by the caller");
    first.category = "planned";
    expect(classifyCategory({ type: "complaint" })).toEqual({
      category: "critical",
      reasons: ["a complaint is a critical service encounter"],
    });
  });

  it("tells apart facts that differ in one thing only, called in turn", () => {
    const base = { type: "question", phase: "established" } as const;
    const calls: [CategoryInput, string][] = [
      [base, "critical"],
      [{ ...base, signals: { comparison: 0.9 } }, "planned"],
      [base, "critical"],
      [{ ...base, type: "praise" }, "planned"],
      [{ ...base, signals: { onboarding: 0.9 } }, "stabilizing"],
      [{ ...base, type: "praise", signals: { urgency: 0.9 } }, "critical"],
      [{ ...base, phase: "new" }, "stabilizing"],
      [base, "critical"],
    ];
    for (const [input, category] of calls)
      expect(classifyCategory(input).category, JSON.stringify(input)).toBe(category);
  });
});

describe("classifyScenario and classifyCategory are total", () => {
  it("take a bare string as the text, and anything else without crashing", () => {
    expect(classifyScenario("This is the third time I write, I am so fed up with this!").scenario).toBe(
      "frustration",
    );
    expect(classifyScenario(null as never).scenario).toBe("information-seeking");
    expect(classifyCategory(null as never).category).toBe("stabilizing");
    expect(classifyCategory(undefined as never).reasons.length).toBeGreaterThan(0);
  });
});

describe("fixes from writing the examples", () => {
  it("gives a prospect's question the category of a prospect without a journey stage", () => {
    const r = classifyScenario({ text: "Is there a yearly plan?", customer: { purchases: 0 } });
    expect([r.scenario, r.category]).toEqual(["information-seeking", "stabilizing"]);
  });
});
