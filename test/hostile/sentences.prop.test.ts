// Issue 13: per-sentence classification reads the evidence log through an index by sentence
// (evidence-log.ts) instead of scanning the whole log once per sentence. Each sentence's evidence
// must be exactly its own: inside its span, and together the same cues as a whole-text scan finds.
import fc from "fast-check";
import { classifyInteraction } from "touchpoint/classify";
import { describe, expect, it } from "vitest";

const sentence = fc.constantFrom(
  "My order still hasn't arrived and I am really angry.",
  "Where is my refund?",
  "Thanks so much, you were great!",
  "Could you add a dark mode?",
  "I don't understand how to reset my password.",
  "ok",
);

describe("per-sentence evidence", () => {
  it("lies inside its sentence, for texts of any number of sentences", () => {
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 1, maxLength: 60 }), (parts) => {
        const text = parts.join(" ");
        const result = classifyInteraction(text, { sentences: true });
        for (const s of result.sentences) {
          for (const e of s.evidence) {
            expect(e.span[0]).toBeGreaterThanOrEqual(s.span[0]);
            expect(e.span[1]).toBeLessThanOrEqual(s.span[1]);
            expect(text.slice(e.span[0], e.span[1])).toBe(e.cue);
          }
        }
      }),
      { seed: 13, numRuns: 60 },
    );
  });
});
