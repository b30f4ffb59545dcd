import { describe, expect, it } from "vitest";
import { createLexicon, detectSignals, signalNames } from "touchpoint/classify";

// Sentences written for these tests; the signals are those seed 000's scenarios turn on.
describe("detectSignals", () => {
  it.each([
    ["I need this fixed today, it is urgent!", "urgency"],
    ["I'm so frustrated, this is the third time I call about this!", "frustration"],
    ["I'm confused, I don't understand how to reset my password.", "confusion"],
    ["Thanks a lot for your help!", "gratitude"],
    ["I want to buy the pro plan for my team.", "purchase-intent"],
    ["How does your product compare to the alternatives?", "comparison"],
    ["I just signed up and I'm getting started with the setup.", "onboarding"],
    ["I've been a loyal customer for years.", "loyalty"],
    ["I want to cancel my subscription.", "cancel-intent"],
  ] as const)("%s → %s", (text, signal) => {
    const r = detectSignals(text);
    expect(r.signals[0]?.signal).toBe(signal);
    const s = r.signals[0];
    expect(s && s.strength > 0 && s.strength < 1).toBe(true);
    for (const e of s?.evidence ?? []) expect(text.slice(e.span[0], e.span[1])).toBe(e.cue);
  });

  it("does not read what the customer already has as an intent to buy", () => {
    expect(detectSignals("Where is my order?").strengths["purchase-intent"]).toBe(0);
    expect(detectSignals("I want to order two more of these").strengths["purchase-intent"]).toBeGreaterThan(
      0.5,
    );
  });

  it("reads a day as urgent only when something is needed by then", () => {
    const has = (text: string, signal: string) =>
      detectSignals(text).signals.some((x) => x.signal === signal);
    expect(has("Thanks, the parcel arrived today.", "urgency")).toBe(false);
    expect(has("I'll send you the photos tonight.", "urgency")).toBe(false);
    expect(has("Could you get this sorted today, please?", "urgency")).toBe(true);
    expect(has("We need it by end of day.", "urgency")).toBe(true);
  });

  it("reads switching as leaving only when a rival is named", () => {
    const has = (text: string, signal: string) =>
      detectSignals(text).signals.some((x) => x.signal === signal);
    for (const text of ["How do I switch to dark mode?", "Can I switch to annual billing?"]) {
      expect(has(text, "comparison")).toBe(false);
      expect(has(text, "cancel-intent")).toBe(false);
    }
    expect(has("If this goes on we'll switch to another provider.", "cancel-intent")).toBe(true);
    expect(has("If this goes on we'll switch to another provider.", "comparison")).toBe(true);
    expect(has("We're thinking of switching from our old tool to yours.", "comparison")).toBe(true);
  });

  it("hears disappointment as frustration", () => {
    const frustrated = (text: string) => detectSignals(text).signals.some((x) => x.signal === "frustration");
    expect(frustrated("What a shame, I was counting on it.")).toBe(true);
    expect(frustrated("Honestly I'm disappointed with the last update.")).toBe(true);
    expect(frustrated("The update arrived on time.")).toBe(false);
  });

  it("drops a negated signal", () => {
    expect(detectSignals("I am not confused at all.").strengths.confusion).toBe(0);
  });

  it("gives every signal a strength", () => {
    expect(Object.keys(detectSignals("hello").strengths).sort()).toEqual([...signalNames].sort());
  });

  it("scores sentiment in [-1, 1] with the sign a reader would give", () => {
    expect(detectSignals("I love it, the team is wonderful").sentiment).toBeGreaterThan(0.5);
    expect(detectSignals("This is awful, I hate it").sentiment).toBeLessThan(-0.5);
    expect(detectSignals("The parcel is on the table").sentiment).toBe(0);
    expect(detectSignals("not bad").sentiment).toBeGreaterThan(0);
    expect(detectSignals("not good").sentiment).toBeLessThan(0);
  });

  it("weighs intensified and shouted words more", () => {
    const plain = detectSignals("The service was bad").sentiment;
    expect(detectSignals("The service was very bad").sentiment).toBeLessThan(plain);
    expect(detectSignals("The service was BAD").sentiment).toBeLessThan(plain);
  });

  it("follows VADER's normalisation s / sqrt(s^2 + 15)", () => {
    // one cue of valence 2.8 ("great"): 2.8 / sqrt(2.8² + 15) = 0.5859 (Hutto & Gilbert 2014, alpha = 15)
    expect(detectSignals("great").sentiment).toBeCloseTo(2.8 / Math.sqrt(2.8 * 2.8 + 15), 10);
  });

  it("adds and replaces cues", () => {
    const lexicon = createLexicon({ urgency: { "before the launch": 1.5 } });
    expect(detectSignals("We need it before the launch", { lexicon }).signals[0]?.signal).toBe("urgency");
    const replaced = createLexicon({ urgency: { "code red": 2 } }, { mode: "replace-kinds" });
    expect(detectSignals("this is urgent", { lexicon: replaced }).strengths.urgency).toBe(0);
    expect(detectSignals("code red on checkout", { lexicon: replaced }).strengths.urgency).toBeGreaterThan(
      0.8,
    );
    const removed = createLexicon({ urgency: { urgent: 0 } });
    expect(detectSignals("this is urgent", { lexicon: removed }).strengths.urgency).toBe(0);
  });

  it("lists only signals at or above the threshold", () => {
    const r = detectSignals("Thanks!", { threshold: 0.99 });
    expect(r.signals).toEqual([]);
    expect(r.strengths.gratitude).toBeGreaterThan(0);
  });
});
