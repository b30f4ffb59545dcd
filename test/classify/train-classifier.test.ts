import { describe, expect, it } from "vitest";
import { loadClassifier, TouchpointError, trainClassifier } from "touchpoint/classify";

// A tiny invented helpdesk history with three teams.
const history = [
  { text: "where is my parcel", label: "shipping" },
  { text: "my parcel has not arrived yet", label: "shipping" },
  { text: "the courier left the parcel at the wrong door", label: "shipping" },
  { text: "tracking shows no update for my delivery", label: "shipping" },
  { text: "I was charged twice on my card", label: "billing" },
  { text: "please refund the double charge", label: "billing" },
  { text: "my invoice shows the wrong amount", label: "billing" },
  { text: "why did my card payment fail", label: "billing" },
  { text: "I cannot log in to my account", label: "account" },
  { text: "how do I reset my password", label: "account" },
  { text: "please change the email on my account", label: "account" },
  { text: "my account is locked after a password reset", label: "account" },
];

describe("trainClassifier", () => {
  it.each([
    ["the parcel tracking has not moved", "shipping"],
    ["refund the charge on my card", "billing"],
    ["I forgot my password and cannot log in", "account"],
  ])("%s → %s", (text, label) => {
    expect(trainClassifier(history).classify(text).label).toBe(label);
  });

  it("round-trips through JSON with the same scores", () => {
    const model = trainClassifier(history);
    const loaded = loadClassifier(JSON.parse(JSON.stringify(model.toJSON())));
    for (const text of ["where is my parcel", "wrong invoice", "", "zzz"]) {
      const a = model.classify(text);
      const b = loaded.classify(text);
      expect(b.label).toBe(a.label);
      for (const l of model.labels) expect(b.scores[l]).toBeCloseTo(a.scores[l] as number, 3);
    }
  });

  it("explains a prediction with the features that favour its label", () => {
    const r = trainClassifier(history).classify("my parcel is late");
    expect(r.label).toBe("shipping");
    expect(r.evidence[0]?.kind).toBe("feature");
    expect(r.evidence.some((e) => e.cue === "w:parcel")).toBe(true);
    const total = Object.values(r.scores).reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(1, 10);
  });

  it("is deterministic for a seed", () => {
    const a = trainClassifier(history, { seed: 7 }).toJSON();
    const b = trainClassifier(history, { seed: 7 }).toJSON();
    expect(a).toEqual(b);
  });

  it("answers unknown under its threshold", () => {
    const r = trainClassifier(history, { threshold: 0.999 }).classify("hello there");
    expect(r.label).toBe("unknown");
  });

  it("rejects bad input with TouchpointError", () => {
    expect(() => trainClassifier([])).toThrow(TouchpointError);
    expect(() => trainClassifier([{ text: 3 as unknown as string, label: "a" }])).toThrow(/at index 0/);
    expect(() => loadClassifier(null)).toThrow(TouchpointError);
    expect(() => loadClassifier({ ...trainClassifier(history).toJSON(), version: 2 })).toThrow(/version 2/);
    const json = trainClassifier(history).toJSON();
    expect(() => loadClassifier({ ...json, weights: json.weights.slice(1) })).toThrow(TouchpointError);
  });
});
