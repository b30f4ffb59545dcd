import { describe, expect, it } from "vitest";
import { createAccumulator, retentionRate, retentionRateAggregate } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("retentionRate", () => {
  it("is ((E − N) ÷ S) × 100 (Zendesk's formula)", () => {
    // Zendesk blog, "How to calculate customer retention rate": S customers at the start, E at the
    // end, N acquired. Hand-computed: (180 − 40) / 200 = 70 %.
    expect(retentionRate({ start: 200, end: 180, acquired: 40 })).toBe(70);
    expect(retentionRate({ start: 50, end: 50, acquired: 0 })).toBe(100);
    expect(retentionRate({ start: 0, end: 10, acquired: 10 })).toBeNull();
  });

  it.each([
    {
      input: { start: 10, end: 30, acquired: 5 },
      message: "retentionRate: expected end − acquired at most start (10), got 25",
    },
    {
      input: { start: 10, end: 3, acquired: 5 },
      message: "retentionRate: expected acquired at most end (3), got 5",
    },
  ])("rejects impossible counts: $message", ({ input, message }) => {
    const error = errorOf(() => retentionRate(input));
    expect(error.code).toBe("inconsistent_counts");
    expect(error.message).toBe(message);
  });

  it("rejects a non-integer count", () => {
    expect(errorOf(() => retentionRate({ start: 10, end: 5.5, acquired: 0 })).path).toBe("end");
  });

  it("pools segments in the aggregate", () => {
    const acc = createAccumulator(retentionRateAggregate())
      .add({ start: 100, end: 95, acquired: 5 })
      .add({ start: 100, end: 80, acquired: 10 });
    expect(acc.result()).toBe(80);
    expect(acc.toJSON()).toEqual({ start: 200, end: 175, acquired: 15 });
  });
});
