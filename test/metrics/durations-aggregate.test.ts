import { describe, expect, it } from "vitest";
import { createAccumulator, durationsAggregate } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("durationsAggregate", () => {
  it("gives count, mean, min and max exactly and percentiles within 1 %", () => {
    // 1..1000 seconds: mean 500.5; ranks ⌊0.5·999⌋ = 499 → 500, ⌊0.9·999⌋ = 899 → 900, ⌊0.95·999⌋ = 949 → 950.
    const values = Array.from({ length: 1000 }, (_, i) => i + 1);
    const summary = createAccumulator(durationsAggregate()).addAll(values).result()!;
    expect(summary).toMatchObject({ count: 1000, mean: 500.5, min: 1, max: 1000, relativeAccuracy: 0.01 });
    expect(Math.abs(summary.median - 500)).toBeLessThanOrEqual(5);
    expect(Math.abs(summary.p90 - 900)).toBeLessThanOrEqual(9);
    expect(Math.abs(summary.p95 - 950)).toBeLessThanOrEqual(9.5);
  });

  it("takes another accuracy", () => {
    const summary = createAccumulator(durationsAggregate({ relativeAccuracy: 0.001 }))
      .addAll([100, 200, 300])
      .result()!;
    expect(Math.abs(summary.median - 200)).toBeLessThanOrEqual(0.2);
    expect(summary.relativeAccuracy).toBe(0.001);
  });

  it("counts zero durations", () => {
    expect(createAccumulator(durationsAggregate()).addAll([0, 0, 5]).result()).toMatchObject({
      median: 0,
      min: 0,
      mean: 5 / 3,
    });
  });

  it("is null when empty and skips nulls", () => {
    expect(createAccumulator(durationsAggregate()).result()).toBeNull();
    expect(createAccumulator(durationsAggregate()).addAll([null, 4]).add(null).add(6).result()).toMatchObject(
      { count: 2, mean: 5 },
    );
  });

  it("rejects negative and non-finite durations without changing the state", () => {
    const acc = createAccumulator(durationsAggregate()).add(10);
    expect(errorOf(() => acc.add(-1)).message).toBe(
      "durationsAggregate: expected a duration ≥ 0, got -1 at index 1",
    );
    expect(errorOf(() => acc.addAll([1, -5])).index).toBe(1);
    expect(errorOf(() => acc.addAll([Number.NaN])).code).toBe("not_finite");
    expect(errorOf(() => acc.addAll([Number.POSITIVE_INFINITY])).code).toBe("not_finite");
    expect(errorOf(() => acc.addAll([Number.NEGATIVE_INFINITY])).code).toBe("negative_duration");
    expect(errorOf(() => acc.add(Number.NaN)).code).toBe("not_finite");
    expect(acc.result()).toMatchObject({ count: 1, mean: 10 });
  });

  it("rejects bad states", () => {
    const acc = createAccumulator(durationsAggregate());
    expect(errorOf(() => acc.merge({ sum: "1" } as never)).code).toBe("invalid_state");
    const other = createAccumulator(durationsAggregate({ relativeAccuracy: 0.05 })).add(1);
    expect(errorOf(() => acc.merge(other.toJSON())).code).toBe("incompatible_state");
  });
});
