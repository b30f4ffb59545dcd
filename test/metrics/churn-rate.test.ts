import { describe, expect, it } from "vitest";
import { churnRate, churnRateAggregate, createAccumulator, retentionRate } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("churnRate", () => {
  it("is lost ÷ start × 100, new customers excluded (B360 glossary)", () => {
    expect(churnRate({ start: 400, lost: 18 })).toBe(4.5);
    expect(churnRate({ start: 10, lost: 0 })).toBe(0);
    expect(churnRate({ start: 0, lost: 0 })).toBeNull();
  });

  it("is 100 − retention when no new customer churned", () => {
    // 200 at the start, 30 lost, 40 new: end = 210.
    expect(churnRate({ start: 200, lost: 30 })).toBe(15);
    expect(retentionRate({ start: 200, end: 210, acquired: 40 })).toBe(85);
  });

  it.each([
    { input: { start: 5, lost: 6 }, code: "inconsistent_counts" },
    { input: { start: -5, lost: 0 }, code: "negative_value" },
    { input: { start: 5, lost: Number.POSITIVE_INFINITY }, code: "not_finite" },
  ])("rejects $input with $code", ({ input, code }) => {
    expect(errorOf(() => churnRate(input)).code).toBe(code);
  });

  it("pools segments in the aggregate", () => {
    const acc = createAccumulator(churnRateAggregate())
      .add({ start: 100, lost: 5 })
      .add({ start: 300, lost: 3 });
    expect(acc.result()).toBe(2);
    expect(errorOf(() => acc.add({ start: 1, lost: 2 })).message).toBe(
      "churnRate: expected lost at most start (1), got 2",
    );
  });
});
