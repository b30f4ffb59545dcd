import { describe, expect, it } from "vitest";
import { classifyInteraction, classifyScenario, detectSignals } from "touchpoint/classify";

// Regression: on plain support messages with no customer facts, the built-in classifiers gave labels a
// support lead would not accept (how-to questions read as confusion, a newcomer's uncertainty as
// confusion, "please fix" after a problem report as a suggestion, a cancellation with a grievance as
// unknown, repeated contact without frustration, "instead of cancelling" as comparison and intent to
// cancel). Every sentence here was written for these tests.

describe("a how-to question is not confusion", () => {
  it.each([
    "How can I update the billing address on my invoice?",
    "Where do I find the export button?",
    "How do I turn on two-factor login?",
    "Hello, where can I find my receipts?",
    "How does the referral bonus work?",
  ])("%s", (text) => {
    expect(detectSignals(text).strengths.confusion).toBeLessThan(0.3);
    const r = classifyScenario({ text });
    expect(r.type).toBe("question");
    expect(["information-seeking", "experience"]).toContain(r.scenario);
  });
});

describe("confusion needs evidence of not understanding", () => {
  it.each([
    "I can't figure out how to merge the two accounts.",
    "What does 'pending review' mean on my order?",
    "The new billing page makes no sense to me.",
    "I'm completely lost in the settings menu.",
    "I'm not sure which form applies to me.",
  ])("%s", (text) => {
    const confusion = detectSignals(text).signals.find((s) => s.signal === "confusion");
    expect(confusion?.strength).toBeGreaterThanOrEqual(0.5);
    for (const e of confusion?.evidence ?? []) expect(text.slice(e.span[0], e.span[1])).toBe(e.cue);
    expect(classifyScenario({ text }).scenario).toBe("confusion");
  });

  it("reads a word the customer asks the meaning of as the cue", () => {
    const text = "What does 'awaiting settlement' mean?";
    const cue = detectSignals(text).signals.find((s) => s.signal === "confusion")?.evidence[0]?.cue;
    expect(cue).toBe("What does 'awaiting settlement' mean");
  });
});

describe("a newcomer who is unsure is onboarding, and asks a question", () => {
  it.each([
    "We only signed up this week and I'm unsure how to connect the calendar.",
    "I'm new to the app and I don't know where to begin with importing contacts.",
    "First day using it and I have no idea where the templates are.",
    "Just joined, how do I add my first project?",
    "New to this: where do I start with the reports?",
  ])("%s → onboarding", (text) => {
    const r = classifyScenario({ text });
    expect(r.scenario).toBe("onboarding");
    expect(r.type).toBe("question");
  });

  it.each([
    "I'm not sure where to start with the import.",
    "I don't know how to set up the team calendar.",
    "No idea what to do first after installing it.",
    "We're not sure how to invite the rest of the team.",
  ])("%s → a question (a request for guidance)", (text) => {
    expect(classifyInteraction(text).label).toBe("question");
  });
});

describe("a request to fix a reported problem is a complaint", () => {
  it.each([
    "The search bar crashes on every query. Please fix the search.",
    "I got charged for a cancelled order, please fix that.",
    "My discount code was rejected at checkout. Please fix it before the sale ends.",
    "The app logs me out all the time. Fix it please.",
  ])("%s", (text) => {
    const r = classifyInteraction(text);
    expect(r.label).toBe("complaint");
    expect(r.scores.suggestion).toBeLessThan(0.5);
  });

  it.each([
    "Please add an option to export to PDF.",
    "Could you make the font size adjustable?",
    "Please fix the colours in dark mode so they match the light theme.",
  ])("%s stays a suggestion (a proposed change)", (text) => {
    expect(classifyInteraction(text).label).toBe("suggestion");
  });

  it("moves the request's evidence to the complaint", () => {
    const text = "Checkout rejects my card every time. Please fix this.";
    const r = classifyInteraction(text);
    expect(r.label).toBe("complaint");
    expect(r.evidence.map((e) => e.cue)).toContain("Please fix");
  });
});

describe("an intent to cancel with a grievance is a complaint", () => {
  it.each([
    "I'm cancelling my plan, you raised the price again.",
    "I want to close my account, the fees went up twice this year.",
    "Please cancel my subscription, nobody ever fixes the bugs I report.",
    "I'm thinking of leaving: the service is slower every month and I'm cancelling.",
  ])("%s", (text) => {
    expect(classifyInteraction(text).label).toBe("complaint");
  });

  it.each([
    "How do I cancel my subscription?",
    "Can you help me cancel my order?",
    "I'd like to cancel my membership.",
  ])("%s is not a complaint (no grievance)", (text) => {
    expect(classifyInteraction(text).label).not.toBe("complaint");
  });
});

describe("repeated contact, repeated failure and being ignored are frustration", () => {
  it.each([
    "This is the third time I'm writing about the missing refund.",
    "I already reported this bug last week and nobody replied.",
    "The charger broke again, same problem as before.",
    "I've emailed twice and still haven't heard back about my order.",
    "My ticket has been open for ten days and nobody has answered.",
  ])("%s", (text) => {
    const r = detectSignals(text);
    expect(r.strengths.frustration).toBeGreaterThanOrEqual(0.5);
    // evidence the customer did not name: present, but not the anger of "I am furious"
    expect(r.strengths.frustration).toBeLessThan(0.8);
    expect(classifyScenario({ text }).scenario).toBe("frustration");
    expect(classifyInteraction(text).label).toBe("complaint");
  });

  it.each([
    "Could you send the invoice again?",
    "Thanks again for the quick help!",
    "Can I order the same lamp again?",
  ])("%s: repetition without a complaint is not frustration", (text) => {
    expect(detectSignals(text).strengths.frustration).toBeLessThan(0.3);
  });

  it("adds nothing where the customer names the feeling", () => {
    expect(detectSignals("I am fed up, this is the third time I write.").strengths.frustration).toBeCloseTo(
      detectSignals("I am fed up.").strengths.frustration,
      10,
    );
  });
});

describe("'instead of' sets an option aside; comparison needs alternatives to us", () => {
  it.each([
    "Can you let me downgrade instead of cancelling my account?",
    "Rather than cancelling, could I skip a month?",
    "Would you add a pause button instead of making us leave?",
  ])("%s", (text) => {
    const r = detectSignals(text);
    expect(r.strengths["cancel-intent"]).toBeLessThan(0.5);
    expect(r.strengths.comparison).toBeLessThan(0.5);
    expect(classifyScenario({ text }).scenario).not.toBe("evaluation");
  });

  it.each([
    "How do you compare with other tools for small teams?",
    "Your competitor offers this for half the price.",
    "Is the Pro plan cheaper than the one from Acme?",
  ])("%s → evaluation", (text) => {
    expect(detectSignals(text).strengths.comparison).toBeGreaterThanOrEqual(0.5);
    expect(classifyScenario({ text }).scenario).toBe("evaluation");
  });
});
