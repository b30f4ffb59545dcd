import { describe, expect, it } from "vitest";
import { createAccumulator, meanAggregate } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("meanAggregate", () => {
  it("is the arithmetic mean", () => {
    expect(createAccumulator(meanAggregate()).addAll([1, 2, 3, 6]).result()).toBe(3);
    expect(createAccumulator(meanAggregate()).add(2).add(null).add(4).result()).toBe(3);
    expect(createAccumulator(meanAggregate()).addAll([]).result()).toBeNull();
  });

  it("skips null and undefined in a list (regression: null − null is 0 and passed the finiteness test)", () => {
    expect(createAccumulator(meanAggregate()).addAll([null, 4, undefined]).result()).toBe(4);
    expect(createAccumulator(meanAggregate()).addAll([null]).result()).toBeNull();
  });

  it("rejects NaN and infinities, naming the index", () => {
    expect(errorOf(() => createAccumulator(meanAggregate()).addAll([1, Number.NaN])).message).toBe(
      "meanAggregate: expected a finite number, got NaN at index 1",
    );
    expect(errorOf(() => createAccumulator(meanAggregate()).add(1).add(Number.POSITIVE_INFINITY)).index).toBe(
      1,
    );
  });

  it("rejects bad states", () => {
    expect(errorOf(() => createAccumulator(meanAggregate()).merge({ count: 1, sum: Number.NaN })).code).toBe(
      "not_finite",
    );
    expect(errorOf(() => createAccumulator(meanAggregate()).merge({ count: -1, sum: 0 })).code).toBe(
      "invalid_state",
    );
  });
});

describe("meanAggregate overflow", () => {
  it("reports a sum that overflows instead of returning Infinity", () => {
    expect(
      errorOf(() => createAccumulator(meanAggregate()).addAll([Number.MAX_VALUE, Number.MAX_VALUE])).code,
    ).toBe("overflow");
    expect(
      errorOf(() => createAccumulator(meanAggregate()).addAll([1, undefined, -Number.POSITIVE_INFINITY]))
        .index,
    ).toBe(2);
  });
});
