import { describe, expect, it } from "vitest";
import {
  createAccumulator,
  csat,
  csatAggregate,
  csatBreakdown,
  csatBreakdownAggregate,
} from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("csat", () => {
  it.each([
    // Chatwoot report tooltip: "Satisfaction score = (count of 4 + count of 5) ÷ total responses × 100".
    {
      name: "Chatwoot 1–5, 4 and 5 satisfied",
      ratings: [5, 4, 3, 2, 1, 5, 4, 4],
      options: {},
      expected: 62.5,
    },
    // Zendesk legacy CSAT: good ÷ (good + bad); bad = 1, good = 2 on a 2-point scale.
    {
      name: "Zendesk legacy good/bad",
      ratings: [2, 2, 2, 1],
      options: { scale: { min: 1, max: 2 } },
      expected: 75,
    },
    // Zendesk's newer scales as summarised by eesel.ai: 3-point counts {3} as good.
    {
      name: "Zendesk 3-point, only 3 good",
      ratings: [3, 2, 1, 3],
      options: { scale: { min: 1, max: 3 } },
      expected: 50,
    },
    {
      name: "1–10 top-two box",
      ratings: [10, 9, 8, 1],
      options: { scale: { min: 1, max: 10 } },
      expected: 50,
    },
    {
      name: "custom threshold",
      ratings: [10, 9, 8, 1],
      options: { scale: { min: 1, max: 10 }, satisfied: 8 },
      expected: 75,
    },
    {
      name: "0-based scale",
      ratings: [0, 4, 3],
      options: { scale: { min: 0, max: 4 } },
      expected: (2 * 100) / 3,
    },
  ])("$name", ({ ratings, options, expected }) => {
    expect(csat(ratings, options)).toBe(expected);
    expect(createAccumulator(csatAggregate(options)).addAll(ratings).result()).toBe(expected);
  });

  it("is null for no ratings", () => {
    expect(csat([])).toBeNull();
    expect(csatBreakdown([])).toBeNull();
  });

  it.each([
    {
      ratings: [5, 6],
      code: "score_out_of_range",
      message: "csat: expected an integer 1–5, got 6 at index 1",
    },
    { ratings: [0], code: "score_out_of_range", message: "csat: expected an integer 1–5, got 0 at index 0" },
    { ratings: [4.5], code: "not_an_integer", message: "csat: expected an integer 1–5, got 4.5 at index 0" },
    {
      ratings: [Number.NaN],
      code: "not_finite",
      message: "csat: expected an integer 1–5, got NaN at index 0",
    },
  ])("rejects $ratings with $code", ({ ratings, code, message }) => {
    const error = errorOf(() => csat(ratings));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it.each([
    { options: { scale: { min: 5, max: 1 } }, path: "scale" },
    { options: { scale: { min: 1, max: 1.5 } }, path: "scale" },
    { options: { satisfied: 6 }, path: "satisfied" },
    { options: { satisfied: 3.5 }, path: "satisfied" },
  ])("rejects options $options", ({ options, path }) => {
    const error = errorOf(() => csat([5], options));
    expect(error.code).toBe("invalid_option");
    expect(error.path).toBe(path);
    expect(errorOf(() => csatAggregate(options)).code).toBe("invalid_option");
  });

  it("rejects z ≤ 0 for the breakdown", () => {
    expect(errorOf(() => csatBreakdown([5], { z: 0 })).code).toBe("out_of_range");
  });
});

describe("csatBreakdown", () => {
  it("gives the Wilson interval of Newcombe's 81/263 example in percent", () => {
    // Newcombe (1998), Table I, method 3: 81/263 → 0.2553–0.3662.
    const ratings = [...new Array(81).fill(5), ...new Array(182).fill(2)];
    const b = csatBreakdown(ratings)!;
    expect(b.total).toBe(263);
    expect(b.satisfied).toBe(81);
    expect(b.csat).toBeCloseTo((81 / 263) * 100, 12);
    expect(b.interval.lower).toBeCloseTo(25.53, 2);
    expect(b.interval.upper).toBeCloseTo(36.62, 2);
    expect(b.counts).toEqual({ 1: 0, 2: 182, 3: 0, 4: 0, 5: 81 });
    expect(b.threshold).toBe(4);
  });

  it("merges partial histograms to the one-pass breakdown", () => {
    const a = createAccumulator(csatBreakdownAggregate()).addAll([5, 5, 1]);
    const b = createAccumulator(csatBreakdownAggregate()).addAll([4, 3]);
    expect(a.merge(b).result()).toEqual(csatBreakdown([5, 5, 1, 4, 3]));
  });
});

describe("csatAggregate", () => {
  it("refuses to merge states of another scale", () => {
    const fivePoint = createAccumulator(csatAggregate()).add(5);
    const tenPoint = createAccumulator(csatAggregate({ scale: { min: 1, max: 10 } })).add(10);
    expect(errorOf(() => fivePoint.merge(tenPoint.toJSON() as never)).code).toBe("incompatible_state");
    const zeroBased = createAccumulator(csatAggregate({ scale: { min: 0, max: 4 } })).add(4);
    expect(errorOf(() => fivePoint.merge(zeroBased.toJSON())).code).toBe("incompatible_state");
  });

  it("rejects malformed states", () => {
    const acc = createAccumulator(csatAggregate());
    expect(errorOf(() => acc.merge(null as never)).code).toBe("invalid_state");
    expect(errorOf(() => acc.merge({ min: 1, counts: "x" } as never)).code).toBe("invalid_state");
    expect(errorOf(() => acc.merge({ min: 1, counts: [1, 2, 3, 4, -5] })).code).toBe("invalid_state");
  });

  it("does not count null as 0 on a scale that contains 0 (regression: null − min was a valid index)", () => {
    const zeroBased = { scale: { min: 0, max: 4 } };
    expect(createAccumulator(csatAggregate(zeroBased)).addAll([null, 4, null]).toJSON()).toEqual({
      min: 0,
      counts: [0, 0, 0, 0, 1],
    });
    expect(createAccumulator(csatAggregate(zeroBased)).addAll([4, null, 0]).result()).toBe(50);
    const error = errorOf(() => csat([4, null] as unknown as number[], zeroBased));
    expect(error.code).toBe("not_finite");
    expect(error.index).toBe(1);
    expect(errorOf(() => csat([null] as unknown as number[], zeroBased)).index).toBe(0);
    expect(errorOf(() => csat([4, 4, null] as unknown as number[], zeroBased)).index).toBe(2);
  });

  it("reports the index within the accumulator for a bad single value", () => {
    const acc = createAccumulator(csatAggregate()).addAll([5, 4]);
    expect(errorOf(() => acc.add(9)).message).toBe("csat: expected an integer 1–5, got 9 at index 2");
    expect(acc.add(null).result()).toBe(100);
  });
});
