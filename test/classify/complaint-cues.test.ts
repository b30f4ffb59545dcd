import { describe, expect, it } from "vitest";
import { classifyInteraction, detectSignals } from "touchpoint/classify";

// Sentences written for these tests (not taken from any dataset), one table per kind of general
// complaint cue the rules know. The label is the one a support agent would give.
describe("complaint cues", () => {
  it.each([
    ["The app won't open since the update.", "won't open"],
    ["The printer doesn't print in colour.", "doesn't print"],
    ["The replacement charger is not compatible with my phone.", "not compatible"],
    ["My invoice is not shown in the portal.", "not shown"],
    ["The kettle in our room wasn't working.", "wasn't working"],
    ["The courier never delivered the second box.", "never delivered"],
    ["The lift has not been repaired yet.", "not been repaired"],
    ["There was no towel in the bathroom.", "no towel"],
  ])("a negated predicate of functioning or arriving: %s", (text, cue) => {
    const r = classifyInteraction(text);
    expect(r.label).toBe("complaint");
    expect(r.evidence.some((e) => e.cue === cue)).toBe(true);
  });

  it.each([
    ["I can't wait for the new version!"],
    ["I don't mind the wait."],
    ["I didn't send the form yet."],
    ["I've never heard of this feature before."],
    ["We never had a problem with the service."],
    ["The staff couldn't have been kinder."],
    ["It could not be easier to use."],
  ])("a negation that reports no failure: %s", (text) => {
    expect(classifyInteraction(text).label).not.toBe("complaint");
  });

  it.each([
    ["Your website is down.", "website is down"],
    ["The servers are down since noon.", "are down"],
    ["The booking site is down again and we are losing sales!", "site is down"],
    ["I asked for the large size but received a small one.", "but received"],
    ["You sent me the wrong charger.", "sent me the wrong"],
  ])("a service that is down, or the wrong thing delivered: %s", (text, cue) => {
    const r = classifyInteraction(text);
    expect(r.label).toBe("complaint");
    expect(r.evidence.some((e) => e.cue === cue)).toBe(true);
  });

  it.each([
    "What does your priority support plan include?",
    "I quickly checked the settings before writing.",
    "The parcel arrived today, thanks.",
  ])("a word of time or speed alone is not urgency: %s", (text) => {
    expect(detectSignals(text).signals.some((x) => x.signal === "urgency")).toBe(false);
  });

  it("reads wants, prices, not understanding and deadlines as a support agent would", () => {
    expect(classifyInteraction("We'd like a demo for our support team.").label).not.toBe("praise");
    expect(detectSignals("We'd like a demo for our support team.").signals[0]?.signal).toBe(
      "purchase-intent",
    );
    expect(classifyInteraction("Please cancel my subscription, it costs too much.").label).toBe("complaint");
    expect(classifyInteraction("I don't understand what the sync scope setting does.").label).toBe(
      "question",
    );
    expect(detectSignals("I need it by Friday.").signals.map((x) => x.signal)).toContain("urgency");
  });

  it("reads a denied comparative as the strongest praise or blame (litotes)", () => {
    expect(classifyInteraction("They could not be more helpful.").label).toBe("praise");
    expect(classifyInteraction("The app couldn't be slower.").label).toBe("complaint");
  });

  it.each([
    ["The screen went black and the laptop died."],
    ["My parcel went missing somewhere between the depot and my door."],
    ["The checkout button does nothing."],
    ["The oven keeps restarting in the middle of a bake."],
  ])("a failure told as an event: %s", (text) => {
    expect(classifyInteraction(text).label).toBe("complaint");
  });

  it.each([
    ["I have already called three times about this."],
    ["This is the third time I am writing to you."],
    ["I have been on hold for forty minutes."],
    ["It has been two weeks and still nothing."],
    ["I waited for two hours at the desk."],
  ])("repeated contact and waiting: %s", (text) => {
    expect(classifyInteraction(text).label).toBe("complaint");
  });

  it.each([
    ["What is taking so long with my refund?"],
    ["How hard is it to send a parcel on time?"],
    ["My card keeps getting declined at checkout, why?"],
    ["The checkout button does nothing. What should I do?"],
    ["The laptop won't turn on after the update. Any idea?"],
  ])("a question about a problem, or beside one, is a complaint: %s", (text) => {
    const r = classifyInteraction(text);
    expect(r.label).toBe("complaint");
    expect(r.scores.question).toBeGreaterThan(0);
  });

  it.each([
    ["Do you ship to Norway?"],
    ["Is the blue jacket available in medium?"],
    ["Can I change my delivery address?"],
    ["Hello! Do you open on Sundays?"],
  ])("a question with no problem stays a question: %s", (text) => {
    expect(classifyInteraction(text).label).toBe("question");
  });

  it.each([
    ["You lost my booking and nobody called me back."],
    ["You guys overcharged me again."],
    ["This is the last time I order from you."],
    ["One more mistake and you will lose my business."],
  ])("blame addressed to the company, and threats to leave: %s", (text) => {
    expect(classifyInteraction(text).label).toBe("complaint");
  });

  it.each([["Oh great, the update deleted my playlists."], ["Thanks for nothing."]])(
    "sarcasm markers: %s",
    (text) => {
      expect(classifyInteraction(text).label).toBe("complaint");
    },
  );

  it("counts negativity aimed at an @-mentioned account as addressed to it", () => {
    const plain = classifyInteraction("the new checkout is a bit slow");
    const addressed = classifyInteraction("@acme the new checkout is a bit slow");
    expect(addressed.scores.complaint).toBeGreaterThan(plain.scores.complaint);
    expect(addressed.label).toBe("complaint");
  });

  it("reads 'like' as liking only after a subject or an auxiliary", () => {
    expect(classifyInteraction("I really like the new layout.").label).toBe("praise");
    expect(classifyInteraction("We don't like the new layout.").label).toBe("complaint");
    for (const text of [
      "It feels like a downgrade.",
      "The room smelled like smoke.",
      "It took like three days.",
    ])
      expect(classifyInteraction(text).scores.praise).toBe(0);
  });

  it("keeps an endorsement under a modal as praise", () => {
    expect(classifyInteraction("I would definitely recommend this hotel.").label).toBe("praise");
    expect(classifyInteraction("It would be great to have a dark mode.").label).toBe("suggestion");
  });

  it("matches a number written as a word where a phrase has a number", () => {
    const digits = classifyInteraction("Still waiting after 3 weeks.");
    const words = classifyInteraction("Still waiting after three weeks.");
    expect(words.label).toBe("complaint");
    expect(words.scores.complaint).toBeCloseTo(digits.scores.complaint, 10);
  });

  it("reads capitals, curly apostrophes and hashtags like their plain forms", () => {
    const plain = classifyInteraction("the app doesn't work");
    expect(classifyInteraction("THE APP DOESN’T WORK").scores.complaint).toBeGreaterThanOrEqual(
      plain.scores.complaint,
    );
    expect(classifyInteraction("the app doesn’t work").scores).toEqual(plain.scores);
    expect(detectSignals("#frustrated with the app").strengths.frustration).toBeGreaterThan(0.5);
  });
});
