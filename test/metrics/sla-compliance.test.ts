import { describe, expect, it } from "vitest";
import {
  businessSchedule,
  type MetricConversation,
  type SlaPolicy,
  slaCompliance,
  TouchpointError,
} from "touchpoint/metrics";

const M = 60_000;
const H = 60 * M;
const at = (time: string, day = "02") => Date.parse(`2026-03-${day}T${time}:00Z`);
const customer = (time: string, day?: string) => ({ author: "customer" as const, at: at(time, day) });
const agent = (time: string, day?: string) => ({ author: "agent" as const, at: at(time, day) });
const to = (status: "open" | "pending" | "resolved" | "closed" | "on-hold", time: string, day?: string) => ({
  at: at(time, day),
  to: status,
});
const nineToFive = [{ start: "09:00", end: "17:00" }];
const schedule = businessSchedule({
  timeZone: "UTC",
  hours: {
    monday: nineToFive,
    tuesday: nineToFive,
    wednesday: nineToFive,
    thursday: nineToFive,
    friday: nineToFive,
  },
});

function errorOf(f: () => unknown): TouchpointError | undefined {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(TouchpointError);
    return e as TouchpointError;
  }
  return undefined;
}

describe("slaCompliance: first response", () => {
  const policy: SlaPolicy = { targets: { normal: { firstResponse: { within: 1 * H, hours: "calendar" } } } };
  it.each<[string, MetricConversation, string, number, number]>([
    ["hit", { createdAt: at("09:00"), messages: [customer("09:00"), agent("09:45")] }, "hit", 45 * M, 0],
    [
      "a reply exactly on the due time is a hit",
      { createdAt: at("09:00"), messages: [customer("09:00"), agent("10:00")] },
      "hit",
      60 * M,
      0,
    ],
    [
      "missed",
      { createdAt: at("09:00"), messages: [customer("09:00"), agent("10:30")] },
      "missed",
      90 * M,
      30 * M,
    ],
    [
      "no reply yet, not due",
      { createdAt: at("09:00"), messages: [customer("09:00"), customer("09:30")] },
      "active",
      30 * M,
      0,
    ],
    [
      "no reply, a later event proves the miss",
      { createdAt: at("09:00"), messages: [customer("09:00"), customer("10:30")] },
      "missed",
      90 * M,
      30 * M,
    ],
    // Intercom's "cancelled": resolved before the awaited reply, within the target.
    [
      "resolved without a reply in time",
      { createdAt: at("09:00"), messages: [customer("09:00")], statusChanges: [to("resolved", "09:20")] },
      "cancelled",
      20 * M,
      0,
    ],
    [
      "resolved without a reply, too late",
      { createdAt: at("09:00"), messages: [customer("09:00")], statusChanges: [to("resolved", "11:00")] },
      "missed",
      120 * M,
      60 * M,
    ],
  ])("%s", (_, c, status, elapsed, breach) => {
    const outcome = slaCompliance([c], policy).conversations[0]?.firstResponse;
    expect(outcome).toMatchObject({ status, elapsed, breach, start: at("09:00"), dueAt: at("10:00") });
  });

  it("uses asOf as the latest known instant", () => {
    const c = { createdAt: at("09:00"), messages: [customer("09:00")] };
    expect(slaCompliance([c], { ...policy, asOf: at("09:59") }).conversations[0]?.firstResponse?.status).toBe(
      "active",
    );
    expect(
      slaCompliance([c], { ...policy, asOf: at("10:01") }).conversations[0]?.firstResponse,
    ).toMatchObject({ status: "missed", breach: 1 * M });
  });

  it("counts business hours across a weekend (Friday 16:30 → Monday 09:40)", () => {
    const p: SlaPolicy = { schedule, targets: { urgent: { firstResponse: { within: 1 * H } } } };
    const c = { priority: "urgent" as const, createdAt: at("16:30", "06"), messages: [agent("09:40", "09")] };
    expect(slaCompliance([c], p).conversations[0]?.firstResponse).toEqual({
      status: "missed",
      start: at("16:30", "06"),
      dueAt: at("09:30", "09"),
      elapsed: 70 * M,
      breach: 10 * M,
    });
    // After the due time but before business hours resume: no business time used, a hit.
    const evening = {
      priority: "urgent" as const,
      createdAt: at("16:00", "06"),
      messages: [agent("18:00", "06")],
    };
    expect(slaCompliance([evening], p).conversations[0]?.firstResponse).toMatchObject({
      status: "hit",
      elapsed: 60 * M,
      dueAt: at("17:00", "06"),
    });
  });
});

describe("slaCompliance: next response", () => {
  it("judges each wait (Zendesk next reply time, Freshdesk every response)", () => {
    const policy: SlaPolicy = {
      targets: { normal: { nextResponse: { within: 30 * M, hours: "calendar" } } },
    };
    const c: MetricConversation = {
      createdAt: at("09:00"),
      messages: [
        customer("09:00"),
        agent("09:10"),
        customer("09:20"),
        agent("09:40"),
        customer("10:00"),
        agent("11:00"),
        customer("11:10"),
      ],
    };
    const result = slaCompliance([c], policy);
    expect(result.conversations[0]?.nextResponse.map((o) => [o.status, o.elapsed, o.breach])).toEqual([
      ["hit", 20 * M, 0],
      ["missed", 60 * M, 30 * M],
      ["active", 0, 0],
    ]);
    expect(result.nextResponse).toEqual({ hit: 1, missed: 1, active: 1, cancelled: 0, compliance: 50 });
  });

  it("cancels a wait ended by a resolution in time", () => {
    const policy: SlaPolicy = { targets: { normal: { nextResponse: { within: 30 * M } } } };
    const c: MetricConversation = {
      createdAt: at("09:00"),
      messages: [customer("09:00"), agent("09:10"), customer("09:20")],
      statusChanges: [to("resolved", "09:25")],
    };
    expect(slaCompliance([c], policy).nextResponse.cancelled).toBe(1);
  });
});

describe("slaCompliance: resolution", () => {
  const c: MetricConversation = {
    createdAt: at("09:00"),
    statusChanges: [
      to("open", "09:00"),
      to("pending", "10:00"),
      to("open", "12:00"),
      to("on-hold", "13:00"),
      to("open", "14:00"),
      to("resolved", "15:00"),
    ],
  };
  it.each<[string, SlaPolicy["pauseStatuses"], number]>([
    // Freshdesk: "By default, SLA timers are turned off" in Pending (anchors §1).
    ["pauses in pending by default (Freshdesk)", undefined, 4 * H],
    [
      "pauses in pending and on-hold (Zendesk agent work time, Zammad frozen states)",
      ["pending", "on-hold"],
      3 * H,
    ],
    ["never pauses (Chatwoot)", [], 6 * H],
  ])("%s", (_, pauseStatuses, elapsed) => {
    const policy: SlaPolicy = {
      targets: { normal: { resolution: { within: 5 * H } } },
      ...(pauseStatuses ? { pauseStatuses } : {}),
    };
    const outcome = slaCompliance([c], policy).conversations[0]?.resolution;
    expect(outcome?.elapsed).toBe(elapsed);
    expect(outcome?.status).toBe(elapsed > 5 * H ? "missed" : "hit");
    expect(outcome?.breach).toBe(Math.max(0, elapsed - 5 * H));
  });

  it("gives the due time where the clock ran out, pauses included", () => {
    // 1 h open, 2 h paused, then the remaining 1 h of a 2 h target runs out at 13:00.
    const policy: SlaPolicy = { targets: { normal: { resolution: { within: 2 * H } } } };
    expect(slaCompliance([c], policy).conversations[0]?.resolution).toEqual({
      status: "missed",
      start: at("09:00"),
      dueAt: at("13:00"),
      elapsed: 4 * H,
      breach: 2 * H,
    });
  });

  it("is active with a projected due time while open, and has none while paused", () => {
    const policy: SlaPolicy = { targets: { normal: { resolution: { within: 4 * H } } }, asOf: at("11:00") };
    const running = { createdAt: at("09:00"), statusChanges: [to("open", "09:00")] };
    expect(slaCompliance([running], policy).conversations[0]?.resolution).toEqual({
      status: "active",
      start: at("09:00"),
      dueAt: at("13:00"),
      elapsed: 2 * H,
      breach: 0,
    });
    const paused = { createdAt: at("09:00"), statusChanges: [to("pending", "10:00")] };
    expect(slaCompliance([paused], policy).conversations[0]?.resolution).toEqual({
      status: "active",
      start: at("09:00"),
      dueAt: null,
      elapsed: 1 * H,
      breach: 0,
    });
    const over = { createdAt: at("09:00"), statusChanges: [to("open", "09:00")] };
    expect(
      slaCompliance([over], { ...policy, asOf: at("14:00") }).conversations[0]?.resolution,
    ).toMatchObject({ status: "missed", dueAt: at("13:00"), breach: 1 * H });
  });

  it("runs in business hours when the policy has a schedule", () => {
    const policy: SlaPolicy = { schedule, targets: { high: { resolution: { within: 8 * H } } } };
    // Monday 2 March 15:00 → Tuesday 15:00: 2 h + 6 h = 8 h of business time: a hit.
    const c2 = {
      priority: "high" as const,
      createdAt: at("15:00"),
      statusChanges: [to("resolved", "15:00", "03")],
    };
    expect(slaCompliance([c2], policy).conversations[0]?.resolution).toMatchObject({
      status: "hit",
      elapsed: 8 * H,
      dueAt: null,
    });
  });
});

describe("slaCompliance: policy and totals", () => {
  it("leaves priorities without targets out, and adds up every target", () => {
    const policy: SlaPolicy = {
      targets: { urgent: { firstResponse: { within: 1 * H } }, low: {} },
    };
    const result = slaCompliance(
      [
        { priority: "urgent", createdAt: at("09:00"), messages: [agent("09:30")] },
        { priority: "low", createdAt: at("09:00"), messages: [agent("12:00")] },
        { createdAt: at("09:00") }, // normal: no targets
      ],
      policy,
    );
    expect(
      result.conversations.map((c) => [c.priority, c.firstResponse?.status ?? null, c.resolution]),
    ).toEqual([
      ["urgent", "hit", null],
      ["low", null, null],
      ["normal", null, null],
    ]);
    expect(result.overall).toEqual({ hit: 1, missed: 0, active: 0, cancelled: 0, compliance: 100 });
    expect(result.resolution.compliance).toBeNull();
  });

  it("returns null compliance for no conversations", () => {
    const result = slaCompliance([], { targets: { normal: { firstResponse: { within: H } } } });
    expect(result.firstResponse).toEqual({ hit: 0, missed: 0, active: 0, cancelled: 0, compliance: null });
    expect(result.conversations).toEqual([]);
  });

  it.each<[string, unknown, unknown[], string, number | undefined]>([
    [
      "an unknown priority in the policy",
      { targets: { critical: { firstResponse: { within: H } } } },
      [],
      "unknown_priority",
      undefined,
    ],
    [
      "an unknown priority on a conversation",
      { targets: { normal: {} } },
      [{ createdAt: 0 }, { createdAt: 0, priority: "p1" }],
      "unknown_priority",
      1,
    ],
    [
      "a negative target",
      { targets: { normal: { firstResponse: { within: -1 } } } },
      [],
      "invalid_duration",
      undefined,
    ],
    [
      "a NaN target",
      { targets: { normal: { resolution: { within: Number.NaN } } } },
      [],
      "invalid_duration",
      undefined,
    ],
    [
      "business hours without a schedule",
      { targets: { normal: { firstResponse: { within: H, hours: "business" } } } },
      [],
      "missing_schedule",
      undefined,
    ],
    [
      "unknown hours",
      { targets: { normal: { firstResponse: { within: H, hours: "office" } } } },
      [],
      "invalid_option",
      undefined,
    ],
    ["no targets", {}, [], "invalid_option", undefined],
    ["an unknown pause status", { targets: {}, pauseStatuses: ["waiting"] }, [], "invalid_option", undefined],
    ["a NaN asOf", { targets: {}, asOf: Number.NaN }, [], "invalid_timestamp", undefined],
    ["a NaN createdAt", { targets: {} }, [{ createdAt: Number.NaN }], "invalid_timestamp", 0],
  ])("rejects %s", (_, policy, conversations, code, index) => {
    const error = errorOf(() => slaCompliance(conversations as never, policy as never));
    expect(error?.code).toBe(code);
    expect(error?.index).toBe(index);
    expect(error?.message.startsWith("slaCompliance: ")).toBe(true);
  });

  it("names the bad priority and where it is", () => {
    expect(() => slaCompliance([{ createdAt: 0, priority: "p1" as never }], { targets: {} })).toThrow(
      'slaCompliance: expected a priority low, normal, high or urgent, got "p1" at index 0 (priority)',
    );
  });
});
