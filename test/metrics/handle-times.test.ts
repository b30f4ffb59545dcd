import { describe, expect, it } from "vitest";
import { businessSchedule, handleTimes, type MetricConversation } from "touchpoint/metrics";

const M = 60_000;
const at = (time: string, day = "02") => Date.parse(`2026-03-${day}T${time}:00Z`);
const to = (status: "open" | "pending" | "resolved" | "closed" | "on-hold", time: string, day?: string) => ({
  at: at(time, day),
  to: status,
});

describe("handleTimes", () => {
  // Zendesk agent work time = time in New + Open, paused in Pending and On-hold (anchors §2.1).
  it.each<[string, MetricConversation, number | null]>([
    [
      "new and open time only",
      {
        createdAt: at("09:00"),
        statusChanges: [
          to("open", "09:10"),
          to("pending", "09:40"),
          to("open", "10:40"),
          to("resolved", "11:00"),
        ],
      },
      60 * M,
    ],
    [
      "on-hold does not count",
      {
        createdAt: at("09:00"),
        statusChanges: [to("on-hold", "09:15"), to("open", "10:15"), to("resolved", "10:30")],
      },
      30 * M,
    ],
    [
      "time resolved before a reopen does not count",
      {
        createdAt: at("09:00"),
        statusChanges: [to("resolved", "09:10"), to("open", "12:00"), to("resolved", "12:05")],
      },
      15 * M,
    ],
    [
      "the first change's from sets the starting status",
      {
        createdAt: at("09:00"),
        statusChanges: [{ at: at("09:30"), from: "pending", to: "open" }, to("resolved", "09:40")],
      },
      10 * M,
    ],
    // Intercom counts handling time once the conversation is closed (anchors §2.4).
    ["not resolved: no value", { createdAt: at("09:00"), statusChanges: [to("open", "09:10")] }, null],
    ["resolvedAt only", { createdAt: at("09:00"), resolvedAt: at("09:25") }, 25 * M],
  ])("%s", (_, c, expected) => {
    expect(handleTimes([c]).conversations[0]?.calendar).toBe(expected);
  });

  it("takes other working statuses on request", () => {
    const c = {
      createdAt: at("09:00"),
      statusChanges: [to("on-hold", "09:15"), to("open", "10:15"), to("resolved", "10:30")],
    };
    expect(handleTimes([c], { statuses: ["new", "open", "on-hold"] }).conversations[0]?.calendar).toBe(
      90 * M,
    );
  });

  it("can leave out time before the bot hand-off", () => {
    const c: MetricConversation = {
      createdAt: at("09:00"),
      messages: [
        { author: "customer", at: at("09:00") },
        { author: "bot", at: at("09:20") },
        { author: "agent", at: at("09:25") },
      ],
      statusChanges: [to("open", "09:00"), to("resolved", "09:50")],
    };
    expect(handleTimes([c]).conversations[0]?.calendar).toBe(50 * M);
    expect(handleTimes([c], { clockStart: "handoff" }).conversations[0]?.calendar).toBe(30 * M);
  });

  it("adds business time and counts the unresolved", () => {
    const schedule = businessSchedule({
      timeZone: "UTC",
      hours: { monday: [{ start: "09:00", end: "17:00" }], tuesday: [{ start: "09:00", end: "17:00" }] },
    });
    const result = handleTimes(
      [
        {
          createdAt: at("16:00"),
          statusChanges: [to("pending", "16:30"), to("open", "08:00", "03"), to("resolved", "09:30", "03")],
        },
        { createdAt: at("09:00") },
      ],
      { schedule },
    );
    // Open 16:00–16:30 Monday (30 business min) and 08:00–09:30 Tuesday (30 business min, 90 calendar).
    expect(result.conversations[0]).toEqual({ index: 0, id: undefined, calendar: 120 * M, business: 60 * M });
    expect(result.unresolved).toBe(1);
    expect(result.business?.count).toBe(1);
  });

  it("rejects unknown options", () => {
    expect(() => handleTimes([], { statuses: ["working" as never] })).toThrow(
      'handleTimes: expected "new", "open", "pending", "on-hold", "resolved", "closed", got "working" at options.statuses[0]',
    );
    expect(() => handleTimes([], { statuses: "open" as never })).toThrow(/at options\.statuses$/);
    expect(() => handleTimes([], { clockStart: "reopen" as never })).toThrow(
      /got "reopen" at options\.clockStart$/,
    );
  });

  it("returns null summaries for no conversations", () => {
    expect(handleTimes([])).toEqual({ calendar: null, business: null, unresolved: 0, conversations: [] });
  });
});
