import { describe, expect, it } from "vitest";
import { classifyInteraction, createLexicon } from "touchpoint/classify";

// Sentences written for these tests (not taken from any dataset). Each label is the one a support
// agent would give; seed 003 defines the four kinds (question, complaint, suggestion, praise).
describe("classifyInteraction", () => {
  it.each([
    ["Do you deliver on Sundays?", "question"],
    ["What time does the store open tomorrow?", "question"],
    ["Can I change the email address on my account?", "question"],
    ["Is there a student discount?", "question"],
    ["The app crashes every time I open the camera.", "complaint"],
    ["I was charged twice for the same order and nobody has replied.", "complaint"],
    ["This is the worst support I have ever had.", "complaint"],
    ["My order still hasn't arrived after three weeks.", "complaint"],
    ["The checkout page is broken again.", "complaint"],
    ["The hotel was not clean at all.", "complaint"],
    ["It would be nice if the app had a dark mode.", "suggestion"],
    ["Please add an option to export reports as CSV.", "suggestion"],
    ["You should let us pay with bank transfer.", "suggestion"],
    ["I wish the search remembered my last filters.", "suggestion"],
    ["Why not offer a yearly plan?", "suggestion"],
    ["Can you please add a way to share playlists?", "suggestion"],
    ["The new update is fantastic, great job!", "praise"],
    ["Thank you so much for the quick help, you are amazing.", "praise"],
    ["I love how easy the booking is.", "praise"],
    ["Your driver was very friendly and helpful.", "praise"],
    ["Not bad at all, I am happy with it.", "praise"],
    ["Thanks in advance, where can I find my invoice?", "question"],
  ])("%s → %s", (text, label) => {
    expect(classifyInteraction(text).label).toBe(label);
  });

  it("returns unknown when nothing is confident", () => {
    for (const text of ["", "   ", "asdf qwerty", "<p>Hello</p>", "12345"]) {
      const r = classifyInteraction(text);
      expect(r.label).toBe("unknown");
      expect(r.confidence).toBe(0);
      expect(r.ranked).toEqual([]);
    }
  });

  it("ranks every kind a mixed message carries, the part after 'but' first", () => {
    const r = classifyInteraction("I love the app, but it crashes on login");
    expect(r.label).toBe("complaint");
    expect(r.ranked.map((x) => x.label)).toEqual(["complaint", "praise"]);
    expect(r.ranked[0]?.score).toBeGreaterThan(r.ranked[1]?.score ?? 1);
  });

  it("gives a score in [0, 1] for every kind and confidence equal to the primary score", () => {
    const r = classifyInteraction("Great service, but please add a chat option.");
    expect(Object.keys(r.scores).sort()).toEqual(["complaint", "praise", "question", "suggestion"]);
    for (const v of Object.values(r.scores)) expect(v >= 0 && v <= 1).toBe(true);
    expect(r.confidence).toBe(r.scores[r.label as "suggestion"]);
  });

  it("returns evidence whose spans point at the cue in the input", () => {
    const text = "Honestly, the new invoice page is broken.";
    const r = classifyInteraction(text);
    expect(r.label).toBe("complaint");
    expect(r.evidence.length).toBeGreaterThan(0);
    for (const e of r.evidence) expect(text.slice(e.span[0], e.span[1])).toBe(e.cue);
    expect(r.evidence.some((e) => e.cue === "broken")).toBe(true);
  });

  // Regression: the evidence of a "?!" ending quoted "?" with the span of both marks (found by fast-check).
  it("quotes a run of question and exclamation marks as written", () => {
    const text = "Do you open on Sundays?!";
    const r = classifyInteraction(text);
    for (const e of r.evidence) expect(text.slice(e.span[0], e.span[1])).toBe(e.cue);
    expect(r.evidence.find((e) => e.kind === "question-mark")?.cue).toBe("?!");
  });

  it("classifies each sentence on request", () => {
    const text = "Your staff were lovely. The room was dirty. Could you add late checkout?";
    const r = classifyInteraction(text, { sentences: true });
    expect(r.sentences.map((s) => s.label)).toEqual(["praise", "complaint", "suggestion"]);
    for (const s of r.sentences) expect(s.span[0]).toBeLessThan(s.span[1]);
    expect(text.slice(r.sentences[1]?.span[0], r.sentences[1]?.span[1])).toBe("The room was dirty.");
    expect(classifyInteraction(text).sentences).toEqual([]);
  });

  it("reads a positive word under a modal as a wish, not praise", () => {
    expect(classifyInteraction("It would be really great to have offline maps.").label).toBe("suggestion");
    expect(classifyInteraction("It is really great to have offline maps.").label).toBe("praise");
  });

  it("reverses a negated positive word", () => {
    const r = classifyInteraction("The staff wasn't friendly.");
    expect(r.label).toBe("complaint");
    expect(r.sentiment).toBeLessThan(0);
    expect(r.evidence.find((e) => e.cue === "friendly")?.negated).toBe(true);
  });

  it("counts a negated predicate as a sign of a problem, not a complaint on its own", () => {
    const r = classifyInteraction("I can't see my invoices anymore.");
    expect(r.label).toBe("complaint");
    expect(r.evidence.some((e) => e.kind === "negator" && e.cue === "can't see")).toBe(true);
    expect(classifyInteraction("I don't know.").label).toBe("unknown");
  });

  it("takes a custom lexicon", () => {
    const text = "The widget is kaput.";
    expect(classifyInteraction(text).label).toBe("unknown");
    const lexicon = createLexicon({ problem: { kaput: 1.5 } });
    expect(classifyInteraction(text, { lexicon }).label).toBe("complaint");
    const empty = createLexicon({}, { mode: "replace" });
    expect(classifyInteraction("This is terrible and broken", { lexicon: empty }).label).toBe("unknown");
  });

  it("raises the threshold to answer unknown more often", () => {
    expect(classifyInteraction("Nice.", { threshold: 0.99 }).label).toBe("unknown");
  });
});
