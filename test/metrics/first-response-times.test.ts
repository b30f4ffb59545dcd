import { describe, expect, it } from "vitest";
import {
  businessSchedule,
  firstResponseTimes,
  type MetricConversation,
  TouchpointError,
} from "touchpoint/metrics";

const M = 60_000;
const at = (time: string, day = "02") => Date.parse(`2026-03-${day}T${time}:00Z`);
const customer = (time: string, day?: string) => ({ author: "customer" as const, at: at(time, day) });
const agent = (time: string, day?: string) => ({ author: "agent" as const, at: at(time, day) });
const note = (time: string) => ({ author: "agent" as const, visibility: "private" as const, at: at(time) });
const bot = (time: string) => ({ author: "bot" as const, at: at(time) });

function codeOf(f: () => unknown): TouchpointError | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TouchpointError);
    return e as TouchpointError;
  }
  return undefined;
}

describe("firstResponseTimes", () => {
  it.each<[string, MetricConversation, number | null]>([
    // Zendesk: "from ticket creation to the first public agent comment" (anchors §2.1).
    [
      "creation to the first public agent reply",
      { createdAt: at("09:00"), messages: [customer("09:00"), agent("09:20"), agent("09:30")] },
      20 * M,
    ],
    // Freshdesk: private notes do not count as the first response (anchors §2.3).
    [
      "skips private notes",
      { createdAt: at("09:00"), messages: [customer("09:00"), note("09:05"), agent("09:45")] },
      45 * M,
    ],
    // Zendesk messaging: "automated or bot-related actions… aren't considered"; Chatwoot never counts bots.
    [
      "skips bot replies",
      { createdAt: at("09:00"), messages: [customer("09:00"), bot("09:00"), bot("09:02"), agent("09:30")] },
      30 * M,
    ],
    // Zendesk: when an agent created the ticket with a public comment, the clock stops at the second.
    [
      "waits for the second agent comment on an agent-created ticket",
      { createdAt: at("09:00"), messages: [agent("09:00"), customer("09:30"), agent("10:00")] },
      60 * M,
    ],
    [
      "counts from creation even before the customer writes",
      { createdAt: at("08:50"), messages: [customer("09:00"), agent("09:10")] },
      20 * M,
    ],
    [
      "no reply",
      { createdAt: at("09:00"), messages: [customer("09:00"), note("09:05"), bot("09:06")] },
      null,
    ],
    ["no messages", { createdAt: at("09:00") }, null],
  ])("%s", (_, conversation, expected) => {
    const result = firstResponseTimes([conversation]);
    expect(result.conversations[0]?.calendar).toBe(expected);
    expect(result.answered + result.unanswered).toBe(1);
  });

  it("includes bots and private notes on request", () => {
    const c = {
      createdAt: at("09:00"),
      messages: [customer("09:00"), bot("09:01"), note("09:05"), agent("09:30")],
    };
    expect(firstResponseTimes([c], { includeBots: true }).conversations[0]?.calendar).toBe(1 * M);
    expect(firstResponseTimes([c], { includePrivate: true }).conversations[0]?.calendar).toBe(5 * M);
  });

  // Regression: the Zendesk agent-created rule skipped any first message written by an agent, so a
  // transcript whose first recorded message was the agent's reply (the customer's request stored
  // as the ticket description, not as a message) lost its first response.
  it("regression: an agent's first recorded message after creation is a reply, not an agent opening", () => {
    const c = { createdAt: at("09:00"), messages: [agent("09:40"), customer("09:50"), agent("10:00")] };
    expect(firstResponseTimes([c]).conversations[0]?.calendar).toBe(40 * M);
  });

  it("can count an agent's opening message as the first reply", () => {
    const c = { createdAt: at("09:00"), messages: [agent("09:00"), customer("09:30"), agent("10:00")] };
    expect(firstResponseTimes([c], { skipAgentOpening: false }).conversations[0]?.calendar).toBe(0);
  });

  describe("clock start", () => {
    // Chatwoot (anchors §2.8): the start is the latest conversation_bot_handoff or
    // conversation_opened before the first human reply; the bot's time is excluded (#8477, PR #12058).
    const handedOff: MetricConversation = {
      createdAt: at("09:00"),
      messages: [customer("09:00"), bot("09:00"), customer("09:05"), bot("09:06"), agent("09:40")],
      statusChanges: [
        { at: at("09:00"), from: "pending", to: "pending" },
        { at: at("09:10"), to: "open", by: "bot" }, // bot_handoff!: pending → open
      ],
    };
    const reopened: MetricConversation = {
      createdAt: at("09:00"),
      messages: [customer("09:00"), bot("09:01"), customer("11:00"), agent("11:30")],
      statusChanges: [
        { at: at("09:02"), to: "resolved", by: "bot" }, // the bot resolved it
        { at: at("11:00"), to: "open" }, // the customer came back: a reopen
      ],
    };
    it.each<[string, MetricConversation, "created" | "handoff" | "reopen" | "handoff-or-reopen", number]>([
      ["created (Zendesk)", handedOff, "created", 40 * M],
      ["at the hand-off status change", handedOff, "handoff", 30 * M],
      ["at the reopen", reopened, "reopen", 30 * M],
      ["created, ignoring the reopen", reopened, "created", 150 * M],
      ["handoff-or-reopen takes the reopen when later", reopened, "handoff-or-reopen", 30 * M],
      ["handoff-or-reopen takes the hand-off when later", handedOff, "handoff-or-reopen", 30 * M],
    ])("%s", (_, c, clockStart, expected) => {
      expect(firstResponseTimes([c], { clockStart }).conversations[0]?.calendar).toBe(expected);
    });

    it("infers the hand-off at the last bot message before the first agent message", () => {
      const c = {
        createdAt: at("09:00"),
        messages: [customer("09:00"), bot("09:01"), customer("09:02"), bot("09:03"), agent("09:33")],
      };
      expect(firstResponseTimes([c], { clockStart: "handoff" }).conversations[0]?.start).toBe(at("09:03"));
      expect(firstResponseTimes([c], { clockStart: "handoff" }).conversations[0]?.calendar).toBe(30 * M);
    });

    it("starts at creation when there is no hand-off", () => {
      const c = { createdAt: at("09:00"), messages: [customer("09:00"), agent("09:20"), bot("09:30")] };
      expect(firstResponseTimes([c], { clockStart: "handoff" }).conversations[0]?.calendar).toBe(20 * M);
    });
  });

  it("summarises answered conversations with type-7 percentiles and counts the unanswered", () => {
    // 10, 20, 30, 40 minutes: mean 25; median = 20 + 0.5·10 = 25; p90: h = 3·0.9 = 2.7 → 30 + 0.7·10 = 37;
    // p95: h = 2.85 → 38.5 (Hyndman & Fan type 7).
    const convs = [10, 40, 20, 30].map((m) => ({
      createdAt: at("09:00"),
      messages: [customer("09:00"), { author: "agent" as const, at: at("09:00") + m * M }],
    }));
    convs.push({ createdAt: at("09:00"), messages: [customer("09:00")] });
    const result = firstResponseTimes(convs);
    expect(result.calendar).toEqual({
      count: 4,
      mean: 25 * M,
      median: 25 * M,
      p90: 37 * M,
      p95: 38.5 * M,
      min: 10 * M,
      max: 40 * M,
    });
    expect(result.business).toBeNull();
    expect(result.unanswered).toBe(1);
    expect(result.conversations.map((c) => c.index)).toEqual([0, 1, 2, 3, 4]);
  });

  it("adds business time with a schedule", () => {
    const schedule = businessSchedule({
      timeZone: "UTC",
      hours: { monday: [{ start: "09:00", end: "17:00" }], tuesday: [{ start: "09:00", end: "17:00" }] },
    });
    // Monday 2 March 16:30 → Tuesday 09:15: 30 + 15 business minutes, 16 h 45 min of calendar.
    const c = { id: "t-1", createdAt: at("16:30"), messages: [customer("16:30"), agent("09:15", "03")] };
    const result = firstResponseTimes([c], { schedule });
    expect(result.conversations[0]).toEqual({
      index: 0,
      id: "t-1",
      start: at("16:30"),
      end: at("09:15", "03"),
      calendar: 1005 * M,
      business: 45 * M,
    });
    expect(result.business?.mean).toBe(45 * M);
  });

  it("returns null summaries for no conversations", () => {
    expect(firstResponseTimes([])).toEqual({
      calendar: null,
      business: null,
      answered: 0,
      unanswered: 0,
      conversations: [],
    });
  });

  it.each<[string, unknown, string, number | undefined, string | undefined]>([
    ["a NaN createdAt", [{ createdAt: 0 }, { createdAt: Number.NaN }], "invalid_timestamp", 1, "createdAt"],
    [
      "a NaN message time",
      [{ createdAt: 0, messages: [{ author: "agent", at: Number.NaN }] }],
      "invalid_timestamp",
      0,
      "messages[0].at",
    ],
    [
      "a message before creation",
      [{ createdAt: 1000, messages: [{ author: "agent", at: 0 }] }],
      "out_of_order",
      0,
      "messages[0].at",
    ],
    [
      "messages out of order",
      [
        {
          createdAt: 0,
          messages: [
            { author: "customer", at: 10 },
            { author: "agent", at: 5 },
          ],
        },
      ],
      "out_of_order",
      0,
      "messages[1].at",
    ],
    [
      "status changes out of order",
      [
        {
          createdAt: 0,
          statusChanges: [
            { at: 10, to: "open" },
            { at: 5, to: "resolved" },
          ],
        },
      ],
      "out_of_order",
      0,
      "statusChanges[1].at",
    ],
    [
      "a NaN status change",
      [{ createdAt: 0, statusChanges: [{ at: Number.NaN, to: "open" }] }],
      "invalid_timestamp",
      0,
      "statusChanges[0].at",
    ],
    ["resolvedAt before createdAt", [{ createdAt: 10, resolvedAt: 5 }], "end_before_start", 0, "resolvedAt"],
    [
      "an unknown author",
      [{ createdAt: 0, messages: [{ author: "robot", at: 0 }] }],
      "invalid_author",
      0,
      "messages[0].author",
    ],
    [
      "an unknown visibility",
      [{ createdAt: 0, messages: [{ author: "agent", visibility: "internal", at: 0 }] }],
      "invalid_visibility",
      0,
      "messages[0].visibility",
    ],
    [
      "an unknown status",
      [{ createdAt: 0, statusChanges: [{ at: 0, to: "solved" }] }],
      "invalid_status",
      0,
      "statusChanges[0].to",
    ],
    [
      "an unknown from status",
      [{ createdAt: 0, statusChanges: [{ at: 0, from: "solved", to: "open" }] }],
      "invalid_status",
      0,
      "statusChanges[0].from",
    ],
    [
      "an unknown changer",
      [{ createdAt: 0, statusChanges: [{ at: 0, to: "open", by: "robot" }] }],
      "invalid_author",
      0,
      "statusChanges[0].by",
    ],
    ["an unknown current status", [{ createdAt: 0, status: "solved" }], "invalid_status", 0, "status"],
    ["a conversation that is not an object", [null], "invalid_conversation", 0, ""],
    ["not an array", "conversations", "invalid_input", undefined, undefined],
  ])("rejects %s", (_, input, code, index, path) => {
    const error = codeOf(() => firstResponseTimes(input as never));
    expect(error?.code).toBe(code);
    expect(error?.index).toBe(index);
    if (path !== undefined && path !== "") expect(error?.path).toBe(path);
    expect(error?.message.startsWith("firstResponseTimes: ")).toBe(true);
  });

  it("rejects an unknown clock start instead of measuring from creation silently", () => {
    const error = codeOf(() => firstResponseTimes([], { clockStart: "creation" as never }));
    expect(error?.code).toBe("invalid_option");
    expect(error?.message).toBe(
      'firstResponseTimes: expected "created", "handoff", "reopen", "handoff-or-reopen", got "creation" at options.clockStart',
    );
  });

  it("quotes the value and its index", () => {
    expect(() => firstResponseTimes([{ createdAt: 0 }, { createdAt: Number.NaN }])).toThrow(
      "firstResponseTimes: expected a finite timestamp in epoch milliseconds, got NaN at index 1 (createdAt)",
    );
  });
});
