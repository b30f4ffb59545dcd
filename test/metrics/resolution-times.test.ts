import { describe, expect, it } from "vitest";
import { businessSchedule, type MetricConversation, resolutionTimes } from "touchpoint/metrics";

const M = 60_000;
const H = 60 * M;
const at = (time: string, day = "02") => Date.parse(`2026-03-${day}T${time}:00Z`);
const to = (status: "open" | "pending" | "resolved" | "closed" | "on-hold", time: string, day?: string) => ({
  at: at(time, day),
  to: status,
});

describe("resolutionTimes", () => {
  // Zendesk: first resolution = creation → first Solved (or Closed); full = creation → last Solved (anchors §2.1).
  it.each<[string, MetricConversation, number | null, number | null]>([
    [
      "resolved once",
      { createdAt: at("09:00"), statusChanges: [to("open", "09:10"), to("resolved", "10:00")] },
      1 * H,
      1 * H,
    ],
    [
      "resolved, reopened, resolved again",
      {
        createdAt: at("09:00"),
        statusChanges: [to("resolved", "10:00"), to("open", "11:00"), to("resolved", "13:00")],
      },
      1 * H,
      4 * H,
    ],
    [
      "reopened and still open: no full resolution",
      { createdAt: at("09:00"), statusChanges: [to("resolved", "10:00"), to("open", "11:00")] },
      1 * H,
      null,
    ],
    [
      "closed by a rule counts as resolved",
      { createdAt: at("09:00"), statusChanges: [to("closed", "09:30")] },
      30 * M,
      30 * M,
    ],
    [
      "resolved then closed is one resolution",
      { createdAt: at("09:00"), statusChanges: [to("resolved", "10:00"), to("closed", "12:00")] },
      1 * H,
      1 * H,
    ],
    ["resolvedAt without a history", { createdAt: at("09:00"), resolvedAt: at("09:45") }, 45 * M, 45 * M],
    [
      "resolvedAt with status closed",
      { createdAt: at("09:00"), resolvedAt: at("09:45"), status: "closed" },
      45 * M,
      45 * M,
    ],
    [
      "never resolved",
      { createdAt: at("09:00"), statusChanges: [to("open", "09:10"), to("pending", "09:20")] },
      null,
      null,
    ],
    ["no history, no resolvedAt", { createdAt: at("09:00"), status: "open" }, null, null],
  ])("%s", (_, c, first, full) => {
    const result = resolutionTimes([c]);
    expect(result.first.conversations[0]?.calendar).toBe(first);
    expect(result.full.conversations[0]?.calendar).toBe(full);
  });

  it("counts resolved, unresolved and reopened conversations", () => {
    const result = resolutionTimes([
      { createdAt: at("09:00"), statusChanges: [to("resolved", "10:00"), to("open", "11:00")] },
      { createdAt: at("09:00"), statusChanges: [to("resolved", "10:00")] },
      { createdAt: at("09:00"), status: "resolved" }, // resolved at an unknown time: counted, no value
    ]);
    expect([result.resolved, result.unresolved, result.reopened]).toEqual([2, 1, 1]);
    expect(result.first.calendar?.count).toBe(2);
    expect(result.full.calendar?.count).toBe(1);
  });

  it("can leave out the bot's time (Chatwoot #7679)", () => {
    const c: MetricConversation = {
      createdAt: at("09:00"),
      statusChanges: [
        { at: at("09:00"), from: "pending", to: "pending" },
        { at: at("09:30"), to: "open", by: "bot" },
        to("resolved", "10:00"),
      ],
    };
    expect(resolutionTimes([c]).first.conversations[0]?.calendar).toBe(1 * H);
    expect(resolutionTimes([c], { clockStart: "handoff" }).first.conversations[0]?.calendar).toBe(30 * M);
  });

  it("adds business time with a schedule", () => {
    const schedule = businessSchedule({
      timeZone: "UTC",
      hours: { monday: [{ start: "09:00", end: "17:00" }], tuesday: [{ start: "09:00", end: "17:00" }] },
    });
    const result = resolutionTimes(
      [{ createdAt: at("16:00"), statusChanges: [to("resolved", "10:00", "03")] }],
      { schedule },
    );
    expect(result.first.conversations[0]?.business).toBe(2 * H);
    expect(result.full.business?.mean).toBe(2 * H);
  });

  it("rejects an unknown clock start", () => {
    expect(() => resolutionTimes([], { clockStart: "reopen" as never })).toThrow(
      /^resolutionTimes: .* got "reopen" at options\.clockStart$/,
    );
  });

  it("returns null summaries for no conversations", () => {
    const result = resolutionTimes([]);
    expect(result.first.calendar).toBeNull();
    expect(result.full.business).toBeNull();
    expect(result.resolved).toBe(0);
  });
});
