import {
  type ActClassifier,
  conversationMachine,
  defaultSlaTargets,
  replayConversation,
} from "touchpoint/conversation";
import {
  firstContactResolution,
  firstResponseTimes,
  resolutionTimes,
  slaCompliance,
} from "touchpoint/metrics";
import { type Conversation, type ConversationStatus, conversationSchema } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";
import { MIN } from "./helpers.js";
import { runLive } from "./runners.js";

const T0 = Date.UTC(2026, 2, 2, 9, 0);
const at = (minute: number) => T0 + minute * MIN;

type Line =
  | [author: "customer" | "agent" | "bot", minute: number, text: string]
  | ["status", number, ConversationStatus, "bot"?];

/**
 * A conversation whose status history mirrors the turns, as a helpdesk records it: `pending` after
 * each public agent reply (awaiting the customer), `open` after each customer message, plus the
 * explicit status lines.
 */
function conversation(id: string, priority: Conversation["priority"], lines: Line[]): Conversation {
  const messages: unknown[] = [];
  const statusChanges: { at: number; to: ConversationStatus; by?: string }[] = [];
  let status: ConversationStatus = "open";
  for (const line of lines) {
    if (line[0] === "status") {
      status = line[2];
      statusChanges.push({ at: at(line[1]), to: line[2], ...(line[3] === undefined ? {} : { by: line[3] }) });
      continue;
    }
    const [author, minute, text] = line;
    messages.push({ author, at: at(minute), text });
    if (author === "agent" && status !== "pending") {
      status = "pending";
      statusChanges.push({ at: at(minute), to: "pending" });
    } else if (author === "customer" && status === "pending") {
      status = "open";
      statusChanges.push({ at: at(minute), to: "open" });
    }
  }
  return conversationSchema.parse({ id, channel: "chat", priority, createdAt: T0, messages, statusChanges });
}

/** Texts in these tests name their act: "propose: a refund" is a proposal. */
const literal: ActClassifier = (text) => ({ act: text.split(":")[0] ?? "other" });

const quick = conversation("quick", "normal", [
  ["customer", 0, "inform: my invoice is wrong"],
  ["agent", 20, "inform: fixed, sorry"],
  ["status", 21, "resolved"],
]);

// urgent: 1 h first and next response, 4 h resolution (defaultSlaTargets).
const slow = conversation("slow", "urgent", [
  ["customer", 0, "inform: the app crashes"],
  ["agent", 90, "greet: hello"], // first response after 90 min: missed
  ["customer", 100, "inform: on login"],
  ["agent", 130, "restate: so it crashes on login?"], // 30 min: hit
  ["customer", 140, "confirm: yes"],
  ["agent", 250, "propose: reinstall"], // 110 min: missed
  ["status", 260, "resolved"],
  ["customer", 300, "reject: still broken"], // reopens
  ["agent", 310, "inform: fixed on our side"], // 10 min: hit
  ["status", 320, "resolved"],
]);

const waiting = conversation("waiting", "high", [
  ["customer", 0, "ask: where is my parcel?"],
  ["agent", 30, "ask: what is the order number?"],
  ["customer", 40, "inform: 1234"],
]);

const withBot = conversation("bot", "normal", [
  ["customer", 0, "ask: refund?"],
  ["bot", 1, "greet: hi, I am a bot"],
  ["customer", 2, "inform: I want a person"],
  ["status", 3, "open", "bot"],
  ["agent", 15, "greet: hi, Sam here"],
  ["status", 30, "resolved"],
]);

describe("replayConversation", () => {
  it("runs a transcript through the lifecycle with touchpoint/classify's classifyAct", () => {
    const chat = conversationSchema.parse({
      id: "c-1",
      channel: "chat",
      createdAt: T0,
      messages: [
        { author: "customer", at: at(0), text: "My order arrived broken." },
        { author: "agent", at: at(2), text: "Hi! Thanks for reaching out." },
        { author: "agent", at: at(3), text: "From what I understand, the vase was broken when it arrived?" },
        { author: "customer", at: at(4), text: "Yes, exactly." },
        { author: "agent", at: at(5), text: "We can send you a replacement at no cost." },
        { author: "customer", at: at(6), text: "Yes, that works for me." },
        { author: "agent", at: at(8), text: "Done: the replacement ships today and arrives within 3 days." },
        { author: "agent", at: at(9), text: "Is there anything else I can help you with?" },
        { author: "customer", at: at(10), text: "No, thank you so much!" },
      ],
    });
    const result = replayConversation(chat);
    expect(result.steps.map((s) => s.event.type)).toEqual([
      "customer.message",
      "agent.greet",
      "agent.restate",
      "customer.confirm",
      "agent.propose",
      "customer.accept",
      "agent.deliver",
      "agent.close",
      "customer.done",
    ]);
    expect(result.snapshot.value).toBe("resolved");
    expect(result.record.stages.map((v) => v.stage)).toEqual([
      "greeting",
      "understanding",
      "proposing",
      "delivering",
      "closing",
    ]);
    expect(result.emitted.map((e) => e.type)).toEqual(["conversation.resolved", "survey.requested"]);
  });

  it("uses the act classifier it is given", () => {
    const result = replayConversation(slow, { actClassifier: literal });
    expect(result.steps.filter((s) => s.message >= 0).map((s) => s.act)).toEqual([
      "inform",
      "greet",
      "inform",
      "restate",
      "confirm",
      "propose",
      "reject",
      "inform",
    ]);
  });

  it("is deterministic and emits what a live actor emits for the same events", () => {
    const a = replayConversation(slow, { actClassifier: literal, until: at(400) });
    const b = replayConversation(slow, { actClassifier: literal, until: at(400) });
    expect(b).toEqual(a);
    const sent = a.steps.filter((s) => s.event.type !== "clock.tick").map((s) => s.event);
    const live = runLive(
      sent,
      { conversationId: "slow", startedAt: T0, priority: "urgent", channel: "chat" },
      at(400),
    );
    expect(live.emitted).toEqual(a.emitted);
    expect(
      a.emitted.filter((e) => e.type === "sla.breached").map((e) => e.type === "sla.breached" && e.kind),
    ).toEqual(["firstResponse", "nextResponse"]);
  });

  it("runs the actions a host provided with machine.provide(), as a live actor would", () => {
    const restatements: number[] = [];
    const machine = conversationMachine.provide({
      actions: { recordRestatement: ({ event }) => restatements.push((event as { at: number }).at) },
    });
    const result = replayConversation(quick, { machine, actClassifier: () => ({ act: "restate" }) });
    expect(restatements).toEqual([at(20)]);
    expect(result.snapshot.context.restatedAt).toBeNull();
  });

  it("refuses invalid extra input with a TouchpointError naming the field", () => {
    expect(() => replayConversation(quick, { input: { abandonAfterMs: -1 } })).toThrow(
      /^conversationMachine: invalid input at abandonAfterMs/,
    );
  });

  it("hands off when the customer asks for a person (classifyAct's escalate)", () => {
    const c = conversation("h", "normal", [
      ["customer", 0, "My invoice shows the wrong amount."],
      ["bot", 1, "Hello! I can help with invoices."],
      ["customer", 2, "I'd rather talk to a human, please."],
    ]);
    const result = replayConversation(c);
    expect(result.steps.map((s) => s.event.type)).toContain("customer.escalate");
    expect(result.snapshot.context.handler).toBe("human");
    expect(result.emitted.filter((e) => e.type === "conversation.handoff")).toMatchObject([
      { from: "bot", to: "human", reason: "customer_request" },
    ]);
  });

  it("turns status changes into resolutions and bot hand-offs", () => {
    const result = replayConversation(withBot, { actClassifier: literal });
    expect(result.steps.filter((s) => s.message < 0).map((s) => s.event.type)).toEqual([
      "handoff",
      "agent.resolve",
    ]);
    expect(result.record.handoffs).toEqual([{ at: at(3), from: "bot", to: "human", reason: "bot_handoff" }]);
  });
});

describe("conversationRecord agrees with touchpoint/metrics on the same transcript", () => {
  const all = [quick, slow, waiting, withBot];
  const asOf = at(400);
  const records = all.map((c) => replayConversation(c, { actClassifier: literal, until: asOf }).record);

  it("first response time (clock from the bot hand-off, as Chatwoot)", () => {
    const metrics = firstResponseTimes(all, { clockStart: "handoff" });
    expect(records.map((r) => r.firstResponseMs)).toEqual(metrics.conversations.map((c) => c.calendar));
    expect(records.map((r) => r.firstResponseMs)).toEqual([20 * MIN, 90 * MIN, 30 * MIN, 12 * MIN]);
  });

  it("first and full resolution times", () => {
    const metrics = resolutionTimes(all);
    expect(records.map((r) => r.firstResolutionMs)).toEqual(
      metrics.first.conversations.map((c) => c.calendar),
    );
    expect(records.map((r) => r.fullResolutionMs)).toEqual(metrics.full.conversations.map((c) => c.calendar));
    expect(records.map((r) => r.fullResolutionMs)).toEqual([21 * MIN, 320 * MIN, null, 30 * MIN]);
  });

  it("one-touch and single-reply resolution", () => {
    const fcr = (definition: "one-touch" | "single-reply") =>
      firstContactResolution(all, { definition }).outcomes.map((o) =>
        o === "unresolved" ? null : o === "fcr",
      );
    expect(records.map((r) => r.oneTouch)).toEqual(fcr("one-touch"));
    expect(records.map((r) => r.singleReply)).toEqual(fcr("single-reply"));
    expect(records.map((r) => r.oneTouch)).toEqual([true, false, null, true]);
  });

  it("SLA outcomes per target (resolution paused while pending)", () => {
    const hours = (ms: number | null) => (ms === null ? undefined : { within: ms });
    const targets = Object.fromEntries(
      Object.entries(defaultSlaTargets).map(([p, t]) => [
        p,
        {
          firstResponse: hours(t.firstResponseMs),
          nextResponse: hours(t.nextResponseMs),
          resolution: hours(t.resolutionMs),
        },
      ]),
    );
    // Bots are not held to the first-response target here; metrics starts it at creation, so compare humans only.
    const humans = [quick, slow, waiting];
    const sla = slaCompliance(humans, { targets, pauseStatuses: ["pending"], asOf });
    sla.conversations.forEach((c, i) => {
      const r = records[i];
      expect(r?.sla.firstResponse).toBe(c.firstResponse?.status ?? null);
      expect(r?.sla.resolution).toBe(c.resolution?.status ?? null);
      const counts = { hit: 0, missed: 0, active: 0, cancelled: 0 };
      for (const wait of c.nextResponse) counts[wait.status]++;
      expect(r?.sla.nextResponse).toEqual(counts);
    });
    // By hand: slow missed its first response (90 > 60 min) and one of three next responses (110 > 60),
    // and used exactly its 4 h of resolution time (90 + 30 + 110 + 10 min): a hit.
    expect(records[1]?.sla).toEqual({
      firstResponse: "missed",
      nextResponse: { hit: 2, missed: 1, active: 0, cancelled: 0 },
      resolution: "hit",
      breached: true,
    });
    // waiting (high: 4 h response) was last answered at 30 min; at 400 min the customer's 40-min message is 6 h old.
    expect(records[2]?.sla.nextResponse).toEqual({ hit: 0, missed: 1, active: 0, cancelled: 0 });
  });
});

// Issue 11: transcripts written for these tests, in the plain style of task talk (no corpus text).
describe("replayConversation reads real talk (issue 11)", () => {
  const chat = (id: string, lines: [author: "customer" | "agent", text: string][]) =>
    conversationSchema.parse({
      id,
      channel: "chat",
      createdAt: T0,
      messages: lines.map(([author, text], i) => ({ author, at: at(i), text })),
    });

  it("follows a booking from request to resolution without a restatement", () => {
    const result = replayConversation(
      chat("booking", [
        ["customer", "Hi, I'd like to book a table for four on Saturday."],
        ["agent", "What time would you like?"],
        ["customer", "Around 8 pm."],
        ["agent", "I found a table by the window at 8:15 pm. Would that work?"],
        ["customer", "Yes please."],
        ["agent", "Your table is booked for Saturday at 8:15 pm."],
        ["customer", "Thanks!"],
        ["agent", "Is there anything else I can do for you?"],
        ["customer", "No, that's all."],
        ["agent", "Have a great night!"],
      ]),
    );
    expect(result.steps.map((s) => s.event.type)).toEqual([
      "customer.message",
      "agent.ask",
      "customer.message",
      "agent.propose",
      "customer.accept",
      "agent.deliver",
      "customer.done",
      "agent.close",
      "customer.done",
      "agent.goodbye",
    ]);
    expect(result.snapshot.value).toBe("resolved");
    expect(result.snapshot.context.stage).toBe("closing");
    expect(result.snapshot.context.rejections).toBe(0);
  });

  it('reads a "no" to "anything else?" asked while proposing as done, never a rejection', () => {
    const result = replayConversation(
      chat("no-thanks", [
        ["customer", "Can you check the price of the annual plan?"],
        ["agent", "The annual plan is $120. Would you like to switch to it?"],
        ["customer", "Maybe later."],
        ["agent", "No problem. Anything else I can help with?"],
        ["customer", "No."],
      ]),
    );
    const types = result.steps.map((s) => s.event.type);
    expect(types.slice(-2)).toEqual(["agent.close", "customer.done"]);
    expect(types).not.toContain("customer.reject");
    expect(result.snapshot.value).toBe("resolved");
    expect(result.snapshot.context.handoffs).toEqual([]);
  });

  it('does not read "or anything else" ending a list of options as "anything else?"', () => {
    const result = replayConversation(
      chat("options", [
        ["customer", "I need a new phone case."],
        ["agent", "Which colour do you want: black, red or something else?"],
      ]),
    );
    expect(result.steps.map((s) => s.event.type)).toEqual(["customer.message", "agent.ask"]);
    expect(result.snapshot.context.stage).toBe("understanding");
  });

  it("keeps seed 003's gate when asked to (requireConfirmation: true)", () => {
    const transcript = chat("strict", [
      ["customer", "My parcel never arrived."],
      ["agent", "We can send you a replacement at no cost."],
    ]);
    expect(replayConversation(transcript).snapshot.context.stage).toBe("proposing");
    const strict = replayConversation(transcript, { input: { requireConfirmation: true } });
    expect(strict.snapshot.context.stage).toBe("understanding");
  });
});
