import { describe, expect, it } from "vitest";
import { businessSchedule, type MetricConversation, nextResponseTimes } from "touchpoint/metrics";

const M = 60_000;
const at = (time: string, day = "02") => Date.parse(`2026-03-${day}T${time}:00Z`);
const customer = (time: string, day?: string) => ({ author: "customer" as const, at: at(time, day) });
const agent = (time: string, day?: string) => ({ author: "agent" as const, at: at(time, day) });
const bot = (time: string) => ({ author: "bot" as const, at: at(time) });
const note = (time: string) => ({ author: "agent" as const, visibility: "private" as const, at: at(time) });

describe("nextResponseTimes", () => {
  it.each<[string, MetricConversation, (number | null)[]]>([
    // Zendesk next reply time "begins with the oldest unanswered customer comment" (anchors §2.2).
    [
      "from the oldest unanswered customer message",
      {
        createdAt: at("09:00"),
        messages: [customer("09:00"), agent("09:10"), customer("09:20"), customer("09:25"), agent("09:50")],
      },
      [30 * M],
    ],
    [
      "one wait per exchange",
      {
        createdAt: at("09:00"),
        messages: [
          customer("09:00"),
          agent("09:10"),
          customer("09:20"),
          agent("09:30"),
          customer("10:00"),
          agent("10:05"),
        ],
      },
      [10 * M, 5 * M],
    ],
    [
      "the wait before the first reply is not a next response",
      { createdAt: at("09:00"), messages: [customer("09:00"), customer("09:05"), agent("09:30")] },
      [],
    ],
    [
      "bots and notes do not end a wait (Chatwoot: a bot reply records nothing)",
      {
        createdAt: at("09:00"),
        messages: [
          customer("09:00"),
          agent("09:10"),
          customer("09:20"),
          bot("09:21"),
          note("09:22"),
          agent("09:40"),
        ],
      },
      [20 * M],
    ],
    [
      "an agent message without a customer message waiting is not a response",
      {
        createdAt: at("09:00"),
        messages: [customer("09:00"), agent("09:10"), agent("09:20"), customer("09:30"), agent("09:35")],
      },
      [5 * M],
    ],
    [
      "a wait still open",
      { createdAt: at("09:00"), messages: [customer("09:00"), agent("09:10"), customer("09:20")] },
      [null],
    ],
    ["no reply at all", { createdAt: at("09:00"), messages: [customer("09:00"), customer("09:20")] }, []],
  ])("%s", (_, conversation, expected) => {
    expect(nextResponseTimes([conversation]).conversations[0]?.waits.map((w) => w.calendar)).toEqual(
      expected,
    );
  });

  it("ends a wait at a resolution without a reply, unless told not to", () => {
    // Chatwoot: resolving clears waiting_since (anchors §2.8). A customer "thanks" then a solve.
    const c: MetricConversation = {
      createdAt: at("09:00"),
      messages: [customer("09:00"), agent("09:10"), customer("09:20"), customer("11:00"), agent("11:30")],
      statusChanges: [
        { at: at("09:30"), to: "resolved" },
        { at: at("11:00"), to: "open" },
      ],
    };
    const ended = nextResponseTimes([c]);
    expect(ended.conversations[0]?.waits.map((w) => [w.outcome, w.calendar])).toEqual([
      ["resolved", null],
      ["answered", 30 * M],
    ]);
    expect(ended.resolvedWithoutReply).toBe(1);
    expect(ended.answered).toBe(1);
    const running = nextResponseTimes([c], { resolveEndsWait: false });
    expect(running.conversations[0]?.waits.map((w) => w.calendar)).toEqual([130 * M]);
  });

  it("pools waits across conversations and counts open ones", () => {
    const result = nextResponseTimes([
      {
        createdAt: at("09:00"),
        messages: [customer("09:00"), agent("09:10"), customer("09:20"), agent("09:30")],
      },
      {
        createdAt: at("09:00"),
        messages: [customer("09:00"), agent("09:10"), customer("09:20"), agent("09:50"), customer("10:00")],
      },
    ]);
    // 10 and 30 minutes: p90 = 10 + 0.9·20 = 28, p95 = 29 (type 7).
    expect(result.calendar).toEqual({
      count: 2,
      mean: 20 * M,
      median: 20 * M,
      p90: 28 * M,
      p95: 29 * M,
      min: 10 * M,
      max: 30 * M,
    });
    expect(result.unanswered).toBe(1);
  });

  it("adds business time with a schedule", () => {
    const schedule = businessSchedule({
      timeZone: "UTC",
      hours: { monday: [{ start: "09:00", end: "17:00" }], tuesday: [{ start: "09:00", end: "17:00" }] },
    });
    const result = nextResponseTimes(
      [
        {
          createdAt: at("15:00"),
          messages: [customer("15:00"), agent("15:10"), customer("16:50"), agent("09:20", "03")],
        },
      ],
      { schedule },
    );
    expect(result.conversations[0]?.waits[0]?.business).toBe(30 * M);
    expect(result.business?.max).toBe(30 * M);
  });

  it("returns null summaries for no conversations", () => {
    expect(nextResponseTimes([])).toEqual({
      calendar: null,
      business: null,
      answered: 0,
      unanswered: 0,
      resolvedWithoutReply: 0,
      conversations: [],
    });
  });

  it("validates like the other calculators", () => {
    expect(() => nextResponseTimes([{ createdAt: Number.NaN }])).toThrow(
      /^nextResponseTimes: .* at index 0 \(createdAt\)$/,
    );
  });
});
