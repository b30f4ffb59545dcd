import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  classifyConversation,
  classifyScenario,
  type ConversationMessageLike,
  detectSignals,
} from "touchpoint/classify";
import { TouchpointError } from "touchpoint";

// Issue 11, part 4: a conversation is read from all of the customer's turns. The dialogues below were
// written for these tests.

const c = (text: string): ConversationMessageLike => ({ author: "customer", text });
const a = (text: string): ConversationMessageLike => ({ author: "agent", text });

describe("classifyConversation", () => {
  it("does not let a bare greeting stand for the conversation", () => {
    const r = classifyConversation([
      c("hi, quick question"),
      a("Hello! What can I do for you?"),
      c("I'm torn between you and Shopify. What can you do that they can't?"),
    ]);
    expect(r.scenario).toBe("evaluation");
    expect(r.type).toBe("question");
    expect(r.turns.map((t) => t.index)).toEqual([0, 2]);
    expect(r.turns[0]?.fallback).toBe(true);
    expect(r.turns[1]?.fallback).toBe(false);
  });

  it("reads frustration rising over the turns, and the conversation as frustration", () => {
    const r = classifyConversation({
      messages: [
        c("Where is my order? It was due on Tuesday."),
        a("Let me check for you."),
        c("Any news?"),
        a("Still checking with the warehouse."),
        c("This is the third time I ask and nobody tells me anything. I'm fed up!"),
      ],
    });
    expect(r.scenario).toBe("frustration");
    expect(r.type).toBe("complaint");
    const frustration = r.signals.find((s) => s.signal === "frustration");
    expect(frustration?.trend).toBe("rising");
    expect(frustration?.strengths).toHaveLength(3);
    expect(frustration?.early).toBeLessThan(0.5);
    expect(frustration?.late).toBeGreaterThanOrEqual(0.5);
    expect(r.reasons.some((x) => x.startsWith("frustration rising"))).toBe(true);
  });

  it("reads urgency falling once the deadline is met", () => {
    const r = classifyConversation([
      c("My flight leaves in 3 hours and the booking isn't in the app!"),
      a("Found it, it's back in your account now."),
      c("Brilliant, thank you so much."),
    ]);
    expect(r.scenario).toBe("quick-resolution");
    expect(r.signals.find((s) => s.signal === "urgency")?.trend).toBe("falling");
    expect(r.types.complaint).toBe(1);
    expect(r.types.praise).toBe(1);
  });

  it("counts the mix of types and scenarios over the customer's turns only", () => {
    const r = classifyConversation([
      a("Welcome to the shop! How can I help?"),
      c("Do you have the blue kettle in stock?"),
      a("Yes, we do."),
      c("Great, and do you deliver on Saturdays?"),
      { author: "agent", text: "note: VIP, be quick", visibility: "private" },
      { author: "customer", text: "internal copy", visibility: "private" },
    ]);
    expect(r.turns).toHaveLength(2);
    expect(r.types.question).toBe(2);
    expect(r.scenarios["information-seeking"]).toBe(2);
    expect(r.scenario).toBe("information-seeking");
  });

  it("takes the first turn that asks when no turn says more than its type", () => {
    const r = classifyConversation([c("hello"), c("is anyone there?"), c("thanks")]);
    expect(r.turns.every((t) => t.fallback)).toBe(true);
    expect(r.scenario).toBe("information-seeking");
  });

  it("applies customer facts to every turn", () => {
    const r = classifyConversation([c("Is there a yearly invoice?")], {
      customer: { tenureDays: 1500, purchases: 20 },
    });
    expect(r.scenario).toBe("loyalty");
  });

  it("is total on a conversation without customer text", () => {
    const r = classifyConversation({ messages: [] });
    expect(r.turns).toEqual([]);
    expect(r.type).toBe("unknown");
    expect(r.signals).toEqual([]);
    expect(r.scenario).toBe("information-seeking");
    expect(classifyConversation([{ author: "customer" }]).turns).toHaveLength(1);
  });

  it("names the field, the value and what was expected on bad input", () => {
    expect(() => classifyConversation(null as never)).toThrow(TouchpointError);
    expect(() => classifyConversation({} as never)).toThrow(
      /expected a conversation with a `messages` array/,
    );
    try {
      classifyConversation([c("hi"), { text: "no author" } as never]);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TouchpointError);
      expect((e as TouchpointError).code).toBe("invalid_message");
      expect((e as TouchpointError).index).toBe(1);
      expect((e as TouchpointError).message).toMatch(/^classifyConversation: .*messages\[1\]/);
    }
    expect(() => classifyConversation([{ author: "customer", text: 42 } as never])).toThrow(
      /string `text` at messages\[0\], got 42/,
    );
  });
});

describe("classifyConversation's turns", () => {
  // Each turn is read from one analysis of its text; it must be what the public classifiers say of
  // that text alone: classifyScenario with the conversation's facts, detectSignals at threshold 1.
  const sample = JSON.parse(
    readFileSync(new URL("../../examples/data/conversations.json", import.meta.url), "utf8"),
  ) as { messages?: { author?: unknown; text?: unknown }[] }[];
  const conversations = sample
    .map((x) => x.messages)
    .filter(
      (m): m is { author: string; text: string }[] =>
        Array.isArray(m) && m.every((y) => typeof y?.author === "string" && typeof y?.text === "string"),
    );

  it("agree with classifyScenario and detectSignals on every conversation of the sample export", () => {
    expect(conversations.length).toBeGreaterThan(100);
    const facts = { reopened: true, waitingMinutes: 90 };
    for (const messages of conversations) {
      const r = classifyConversation(messages, { conversation: facts });
      for (const [n, turn] of r.turns.entries()) {
        const text = messages[turn.index]?.text ?? "";
        const scenario = classifyScenario({ text, conversation: facts });
        const signals = detectSignals(text, { threshold: 1 });
        expect(turn, text).toEqual({
          index: turn.index,
          type: scenario.type,
          scenario: scenario.scenario,
          fallback: scenario.fallback,
          sentiment: signals.sentiment,
        });
        for (const course of r.signals)
          expect(course.strengths[n], text).toBe(signals.strengths[course.signal]);
      }
    }
  });
});
