import { describe, expect, it } from "vitest";
import { random } from "../../bench/lib/random.js";
import { createAccumulator, QuantileSketch, quantilesAggregate } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

/** The value of 0-based rank ⌊q(n − 1)⌋: what the DDSketch guarantee is stated against. */
function lowerQuantile(sorted: readonly number[], q: number): number {
  return sorted[Math.floor(q * (sorted.length - 1))]!;
}

const PROBABILITIES = [0, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 1];

describe("QuantileSketch", () => {
  it.each([0.01, 0.02, 0.05])(
    "keeps every quantile within α = %s of the true value (log-normal durations)",
    (alpha) => {
      const next = random(42);
      // Log-normal response times in seconds spanning ~5 orders of magnitude.
      const values = Array.from({ length: 20000 }, () => {
        const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
        return Math.round(Math.exp(6 + 2 * z));
      });
      const sketch = new QuantileSketch({ relativeAccuracy: alpha }).addAll(values);
      const sorted = [...values].sort((a, b) => a - b);
      for (const q of PROBABILITIES) {
        const truth = lowerQuantile(sorted, q);
        const estimate = sketch.quantile(q)!;
        expect(Math.abs(estimate - truth)).toBeLessThanOrEqual(alpha * Math.abs(truth) * (1 + 1e-12));
      }
    },
  );

  it("handles zeros and negative values", () => {
    const values = [-1000, -10, -1, 0, 0, 0, 1, 10, 1000];
    const sketch = new QuantileSketch().addAll(values);
    const sorted = [...values].sort((a, b) => a - b);
    for (const q of PROBABILITIES) {
      const truth = lowerQuantile(sorted, q);
      expect(Math.abs(sketch.quantile(q)! - truth)).toBeLessThanOrEqual(0.01 * Math.abs(truth) * (1 + 1e-12));
    }
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.min).toBe(-1000);
    expect(sketch.max).toBe(1000);
  });

  it("returns the exact min and max at ranks 0 and n − 1", () => {
    const sketch = new QuantileSketch({ relativeAccuracy: 0.2 }).addAll([3.3, 7.7, 1234.5]);
    expect(sketch.quantile(0)).toBe(3.3);
    expect(sketch.quantile(1)).toBe(1234.5);
  });

  it("adds one at a time exactly as addAll does", () => {
    const values = [5, 0.001, 3e9, -7, 0, 42, 42, 1e-6];
    const one = new QuantileSketch();
    for (const v of values) one.add(v);
    expect(one.toJSON()).toEqual(new QuantileSketch().addAll(values).toJSON());
  });

  it("is null when empty and rejects bad input", () => {
    const sketch = new QuantileSketch();
    expect(sketch.quantile(0.5)).toBeNull();
    expect(sketch.min).toBeNull();
    expect(sketch.count).toBe(0);
    expect(sketch.relativeAccuracy).toBe(0.01);
    expect(errorOf(() => sketch.add(Number.NaN)).code).toBe("not_finite");
    expect(errorOf(() => sketch.addAll([1, Number.POSITIVE_INFINITY])).message).toBe(
      "QuantileSketch.addAll: expected a finite number, got Infinity at index 1",
    );
    expect(errorOf(() => sketch.addAll([1, 2, Number.NEGATIVE_INFINITY])).index).toBe(2);
    expect(sketch.count).toBe(0);
    expect(errorOf(() => sketch.quantile(1.5)).code).toBe("invalid_probability");
    expect(errorOf(() => new QuantileSketch({ relativeAccuracy: 0 })).code).toBe("invalid_option");
    expect(errorOf(() => new QuantileSketch({ relativeAccuracy: 1 })).code).toBe("invalid_option");
  });

  it("round-trips through JSON and merges only with the same accuracy", () => {
    const a = new QuantileSketch().addAll([1, 2, 3]);
    const restored = QuantileSketch.fromJSON(JSON.parse(JSON.stringify(a)));
    expect(restored.toJSON()).toEqual(a.toJSON());
    expect(restored.quantile(0.5)).toBe(a.quantile(0.5));
    const coarse = new QuantileSketch({ relativeAccuracy: 0.05 }).add(1);
    expect(errorOf(() => a.merge(coarse)).code).toBe("incompatible_state");
  });

  it("merges stores that extend each other on both sides", () => {
    const low = new QuantileSketch().addAll([0.5, 1]);
    const high = new QuantileSketch().addAll([1e6, 2e6]);
    const wide = new QuantileSketch().addAll([1e-3, 1e9]);
    const merged = new QuantileSketch().merge(high).merge(low).merge(wide);
    expect(merged.toJSON()).toEqual(new QuantileSketch().addAll([0.5, 1, 1e6, 2e6, 1e-3, 1e9]).toJSON());
    expect(merged.merge(merged).count).toBe(12);
  });

  it.each([
    { name: "counts that do not add up", patch: { count: 99 } },
    { name: "a negative bucket count", patch: { positive: { offset: 0, counts: [-1] } } },
    { name: "a non-integer offset", patch: { negative: { offset: 0.5, counts: [] } } },
    { name: "min above max", patch: { min: 5, max: 1 } },
    { name: "no store", patch: { positive: null } },
  ])("rejects a state with $name", ({ patch }) => {
    const state = { ...new QuantileSketch().addAll([1, 2, 3]).toJSON(), ...patch };
    expect(errorOf(() => QuantileSketch.fromJSON(state as never)).code).toBe("invalid_state");
  });

  it("rejects a state that is not an object", () => {
    expect(errorOf(() => new QuantileSketch().merge(null as never)).code).toBe("invalid_state");
    expect(errorOf(() => QuantileSketch.fromJSON(null as never)).code).toBe("invalid_state");
  });
});

describe("quantilesAggregate", () => {
  it("reports the requested probabilities, skipping nulls", () => {
    const acc = createAccumulator(quantilesAggregate({ probabilities: [0, 0.5, 1] }));
    acc.addAll([10, null, 20, 30]).add(null).add(40).add(50);
    const [min, median, max] = acc.result()!;
    expect(min).toBe(10);
    expect(max).toBe(50);
    expect(Math.abs(median! - 30)).toBeLessThanOrEqual(0.3);
  });

  it("defaults to the median, p90 and p95 and is null when empty", () => {
    expect(createAccumulator(quantilesAggregate()).result()).toBeNull();
    expect(createAccumulator(quantilesAggregate()).addAll([1, 1, 1]).result()).toEqual([1, 1, 1]);
  });

  it("rejects bad options and values", () => {
    expect(errorOf(() => quantilesAggregate({ probabilities: [0.5, 2] })).code).toBe("invalid_probability");
    expect(errorOf(() => quantilesAggregate({ relativeAccuracy: -1 })).code).toBe("invalid_option");
    expect(errorOf(() => createAccumulator(quantilesAggregate()).add(Number.NaN)).code).toBe("not_finite");
  });
});
