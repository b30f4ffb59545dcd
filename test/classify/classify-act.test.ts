import { describe, expect, it } from "vitest";
import { type ActName, actNames, actStages, classifyAct, type Speaker } from "touchpoint/classify";
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
    ["Thanks, but I'd rather speak to someone. Can you put me through?", "customer", "escalate", null],
    ["This bot is useless, get me a manager.", "customer", "escalate", null],
  ])("%s (%s) → %s, %s", (text, speaker, act, stage) => {
    const r = classifyAct(text, { speaker });
    expect(r.act).toBe(act);
    expect(r.stage).toBe(stage);
  });

  it("does not read a mention of people, or an agent's offer, as asking for a person", () => {
    expect(classifyAct("Our agent delivered the parcel to the wrong person.").act).not.toBe("escalate");
    expect(classifyAct("I don't want to talk to a human, the bot is fine.").act).not.toBe("escalate");
    expect(
      classifyAct("I can connect you with a manager, or refund you right away.", { speaker: "agent" }).act,
    ).toBe("propose");
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

// Regression: agents' restatements put as questions were read as questions, their recommendations as
// information and "you're welcome, have a nice day" as a greeting, so a replay never reached seed 003's
// restated, proposing or closing steps. Utterances written for these tests.
describe("classifyAct on seed 003's steps", () => {
  it.each([
    "From what I understand, the charge appeared twice on your statement?",
    "If I understand correctly, you'd prefer a refund to a voucher?",
    "So you're saying the invite email never arrived?",
    "Just to check I've got this right: the app crashes only on your tablet?",
    "Let me make sure I understood: the discount code was rejected at checkout?",
    "If I've understood, you want the order sent to your office?",
    "So to recap, the parcel went to your old address?",
  ])("a restatement put as a question is a restatement: %s", (text) => {
    const r = classifyAct(text, { speaker: "agent" });
    expect(r.act).toBe("restate");
    expect(r.stage).toBe("understanding");
    expect(r.scores.restate).toBeGreaterThan(r.scores.ask);
  });

  it.each([
    "I'd recommend switching to the annual plan; it works out cheaper.",
    "I'd suggest clearing the app cache and signing in again.",
    "I would recommend the Starter plan for a team of three.",
    "We could instead send the parts separately. Would you prefer that?",
    "Shall I book a call with our setup team?",
    "Would you like me to resend the activation link?",
  ])("a recommendation or an offer is a proposal: %s", (text) => {
    const r = classifyAct(text, { speaker: "agent" });
    expect(r.act).toBe("propose");
    expect(r.stage).toBe("proposing");
  });

  it.each([
    "You're welcome, have a lovely weekend!",
    "My pleasure. Take care!",
    "You're welcome! Bye for now.",
    "Thanks for your patience today, have a good one.",
  ])("a farewell is a goodbye: %s", (text) => {
    const r = classifyAct(text, { speaker: "agent" });
    expect(["goodbye", "thank"]).toContain(r.act);
    expect(r.stage).toBe("closing");
  });

  it.each([
    "Is there anything else you'd like to know before you try it?",
    "Could you tell me the order number, please?",
  ])("a question that does not open as an offer stays a question: %s", (text) => {
    expect(classifyAct(text, { speaker: "agent" }).act).toBe("ask");
  });
});

describe("classifyAct: the act of each sentence", () => {
  it.each<[string, Speaker, ActName[], ActName]>([
    [
      "Thank you for writing in. If I understand correctly, the parcel went to your old address?",
      "agent",
      ["greet", "restate"],
      "restate",
    ],
    [
      "Sorry about the wait. I can refund the delivery fee right away.",
      "agent",
      ["apologize", "propose"],
      "propose",
    ],
    ["I've issued the refund. Have a great evening!", "agent", ["confirm", "goodbye"], "goodbye"],
    ["Hello! How can I help you today?", "agent", ["greet", "greet"], "greet"],
    ["Hi, I'm Sam from support. What can I do for you?", "agent", ["greet", "greet"], "greet"],
    ["Okay. What time does the store close?", "agent", ["accept", "ask"], "ask"],
    // a check question right after a restatement belongs to it
    [
      "From what I understand, you need a new invoice. Is that right?",
      "agent",
      ["restate", "ask"],
      "restate",
    ],
    ["I have your address on file. Is that correct?", "agent", ["confirm", "ask"], "confirm"],
    // issue 11: "can you send ..." asks for an action, a request rather than a question
    ["Yes, that works. Can you send it today?", "customer", ["accept", "request"], "accept"],
    // issue 11: a greeting opening the sentence is an act of its own; the request moves the talk
    ["Hello, I'd like to change my delivery address.", "customer", ["greet", "request"], "request"],
    ["Hey there, can you cancel my last order?", "customer", ["greet", "request"], "request"],
    // thanks and information only frame a turn: the whole message decides
    [
      "Thanks for the quick reply. The app still crashes when I open it.",
      "customer",
      ["thank", "inform"],
      "thank",
    ],
  ])("%s (%s) → %j, primary %s", (text, speaker, sentenceActs, act) => {
    const r = classifyAct(text, { speaker });
    expect(r.acts.map((s) => s.act)).toEqual(sentenceActs);
    expect(r.act).toBe(act);
    expect(r.stage).toBe(actStages[act]);
    expect(r.confidence).toBe(r.scores[act]);
  });

  it("gives each sentence its span in the input", () => {
    const text = "Hi Jo, thanks for getting in touch.  From what I understand, the export stops halfway?";
    const r = classifyAct(text, { speaker: "agent" });
    expect(r.acts.map((s) => text.slice(s.span[0], s.span[1]))).toEqual([
      "Hi Jo, thanks for getting in touch.",
      "From what I understand, the export stops halfway?",
    ]);
    expect(r.act).toBe("restate");
  });

  it("lists no sentence act for an utterance with no words", () => {
    expect(classifyAct("").acts).toEqual([]);
    expect(classifyAct("   ").acts).toEqual([]);
  });
});

// Issue 11: the acts of task talk, in sentences written for these tests (no corpus sentence).
describe("classifyAct: requests, detail questions, offers, completion reports, farewells (issue 11)", () => {
  it.each([
    // a customer asking for something for themselves is a request, not a suggestion
    ["I'd like to return the blue jacket.", "customer", "request"],
    ["I want two seats for the Friday show", "customer", "request"],
    ["We need a bigger room for the workshop.", "customer", "request"],
    ["Could you please reschedule my installation?", "customer", "request"],
    ["i'm looking for a cheap hotel near the station", "customer", "request"],
    ["Please cancel the subscription.", "customer", "request"],
    // wanting to know is asking
    ["I'd like to know when the store opens.", "customer", "ask"],
    // an agent's question that gathers a detail is ask, whatever offer words it carries
    ["Which colour would you like?", "agent", "ask"],
    ["What date works best for you?", "agent", "ask"],
    ["How many guests should I put down?", "agent", "ask"],
    // an offer of an action or of an option, asked yes or no, is a proposal
    ["Do you want me to send a courier?", "agent", "propose"],
    ["Would you like to upgrade to the premium plan?", "agent", "propose"],
    ["How about the 6 pm slot instead?", "agent", "propose"],
    // a found result is a proposal
    ["I found two flights that leave before noon.", "agent", "propose"],
    ["There is a sunny apartment on Oak Street for $1,200 a month.", "agent", "propose"],
    // asking the customer to approve the details before acting is a proposal
    ["Please confirm: one large pizza delivered to 5 Elm Road at 7 pm.", "agent", "propose"],
    ["Just to be clear, you want the refund on your original card, right?", "agent", "propose"],
    // a completion report confirms what was done
    ["Your appointment is booked for Tuesday.", "agent", "confirm"],
    ["I've submitted the claim to our warehouse.", "agent", "confirm"],
    ["The replacement has been shipped successfully.", "agent", "confirm"],
    // farewell wishes are goodbyes, never questions
    ["Have a great night!", "agent", "goodbye"],
    ["Enjoy your stay in Lisbon.", "agent", "goodbye"],
    ["I'm all set, thanks.", "customer", "goodbye"],
  ] as const)("%s (%s) → %s", (text, speaker, act) => {
    expect(classifyAct(text, { speaker }).act).toBe(act);
  });

  it("does not take a question about a day for a farewell", () => {
    expect(classifyAct("Do you have a day in mind?", { speaker: "agent" }).act).not.toBe("goodbye");
  });

  it("maps the request act to understanding", () => {
    expect(actStages.request).toBe("understanding");
  });
});
