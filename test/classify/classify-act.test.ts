import { describe, expect, it } from "vitest";
import { actNames, actStages, classifyAct, type Speaker } from "touchpoint/classify";
import { conversationStages } from "touchpoint/schemas";

// Utterances written for these tests, one per step of seed 003's conversation lifecycle
// (hello, understanding with a restatement, proposing, delivering, goodbye).
describe("classifyAct", () => {
  it.each<[string, Speaker, string, string | null]>([
    ["Hello! Thanks for contacting us. How can I help?", "agent", "greet", "greeting"],
    ["Hi", "customer", "greet", "greeting"],
    ["Where is my parcel?", "customer", "ask", "understanding"],
    ["Can you tell me more about what happened?", "agent", "ask", "understanding"],
    ["From what I understand, your package arrived damaged.", "agent", "restate", "understanding"],
    ["My order number is 12345 and it was placed on Monday.", "customer", "inform", "understanding"],
    ["I'm sorry for the inconvenience.", "agent", "apologize", "understanding"],
    ["I can send you a replacement today. Would that work for you?", "agent", "propose", "proposing"],
    ["No, I don't want a replacement.", "customer", "reject", "proposing"],
    ["Yes, that works for me.", "customer", "accept", "delivering"],
    ["I have your address on file. Is that correct?", "agent", "confirm", "delivering"],
    ["You can expect to receive the parcel within five business days.", "agent", "confirm", "delivering"],
    ["Thank you so much!", "customer", "thank", "closing"],
    ["Bye, have a nice day!", "customer", "goodbye", "closing"],
  ])("%s (%s) → %s, %s", (text, speaker, act, stage) => {
    const r = classifyAct(text, { speaker });
    expect(r.act).toBe(act);
    expect(r.stage).toBe(stage);
  });

  it("answers other for an utterance with no words", () => {
    for (const text of ["", "...", "   "]) {
      const r = classifyAct(text);
      expect(r.act).toBe("other");
      expect(r.stage).toBeNull();
      expect(r.confidence).toBe(0);
    }
  });

  it("maps every act to a conversation stage or null", () => {
    for (const act of actNames) {
      const stage = actStages[act];
      expect(stage === null || conversationStages.includes(stage)).toBe(true);
    }
  });

  it("scores every act in [0, 1]", () => {
    const r = classifyAct("Sure, please go ahead and send it.");
    expect(Object.keys(r.scores).sort()).toEqual([...actNames].sort());
    for (const v of Object.values(r.scores)) expect(v >= 0 && v <= 1).toBe(true);
  });
});
