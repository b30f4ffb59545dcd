import { describe, expect, it } from "vitest";
import {
  createAccumulator,
  nps,
  npsAggregate,
  npsBreakdown,
  npsBreakdownAggregate,
  TouchpointError,
} from "touchpoint/metrics";

function errorOf(fn: () => unknown): TouchpointError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TouchpointError) return error;
    throw error;
  }
  throw new Error("expected a TouchpointError");
}

describe("nps", () => {
  it.each([
    // Sightmill, "How to calculate NPS" worked example: 3 promoters, 3 passives, 4 detractors.
    // https://help.sightmill.com/portal/en/kb/articles/could-you-give-me-a-quick-and-clear-summary-of-how-to-calculate-nps
    { name: "Sightmill worked example", scores: [3, 4, 5, 6, 8, 8, 8, 9, 10, 10], expected: -10 },
    // DELA annual report 2018 glossary: "30% promoters and 20% detractors → NPS +10".
    // https://annualreport2018.dela.nl/begrippenlijst/net-promotor-score
    { name: "DELA glossary 30 % − 20 %", scores: [9, 10, 10, 7, 7, 8, 8, 8, 0, 6], expected: 10 },
    // Nicereply: "NPS scores range from -100 (very bad) to +100 (very good)".
    { name: "all promoters", scores: [9, 10, 10], expected: 100 },
    { name: "all detractors", scores: [0, 1, 6], expected: -100 },
    { name: "all passives", scores: [7, 8], expected: 0 },
  ])("$name → $expected", ({ scores, expected }) => {
    expect(nps(scores)).toBe(expected);
  });

  it("is null for no answers", () => {
    expect(nps([])).toBeNull();
    expect(npsBreakdown([])).toBeNull();
    expect(createAccumulator(npsAggregate()).result()).toBeNull();
  });

  it("reads typed arrays", () => {
    expect(nps(new Uint8Array([10, 9, 0, 7]))).toBe(25);
    expect(nps(Float64Array.from([3, 4, 5, 6, 8, 8, 8, 9, 10, 10]))).toBe(-10);
  });

  it("counts -0 as a detractor", () => {
    expect(nps([-0])).toBe(-100);
  });

  it.each([
    {
      scores: [9, 9, 9, 11],
      code: "score_out_of_range",
      message: "nps: expected an integer 0–10, got 11 at index 3",
    },
    {
      scores: [9, -1],
      code: "score_out_of_range",
      message: "nps: expected an integer 0–10, got -1 at index 1",
    },
    { scores: [9.5], code: "not_an_integer", message: "nps: expected an integer 0–10, got 9.5 at index 0" },
    { scores: [7.5], code: "not_an_integer", message: "nps: expected an integer 0–10, got 7.5 at index 0" },
    { scores: [2.5], code: "not_an_integer", message: "nps: expected an integer 0–10, got 2.5 at index 0" },
    {
      scores: [10, Number.NaN],
      code: "not_finite",
      message: "nps: expected an integer 0–10, got NaN at index 1",
    },
    {
      scores: [Number.POSITIVE_INFINITY],
      code: "not_finite",
      message: "nps: expected an integer 0–10, got Infinity at index 0",
    },
  ])("rejects $scores with $code", ({ scores, code, message }) => {
    const error = errorOf(() => nps(scores));
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
    expect(error.index).toBe(scores.length - 1);
    expect(error.value).toBe(scores[scores.length - 1]);
  });

  it("rejects null in a calculator's input but skips it in an aggregate, as SQL skips NULL", () => {
    const withNull = [10, null] as unknown as number[];
    expect(errorOf(() => nps(withNull)).code).toBe("not_finite");
    expect(createAccumulator(npsAggregate()).addAll([10, null, undefined, 0]).result()).toBe(0);
    expect(createAccumulator(npsAggregate()).add(null).add(undefined).result()).toBeNull();
  });

  it("names the breakdown in its errors", () => {
    expect(errorOf(() => npsBreakdown([12])).message).toBe(
      "npsBreakdown: expected an integer 0–10, got 12 at index 0",
    );
  });
});

describe("npsBreakdown", () => {
  it("gives the groups, counts and percents", () => {
    // Sightmill worked example: four detractors (40 %), three passives (30 %), three promoters (30 %).
    const b = npsBreakdown([3, 4, 5, 6, 8, 8, 8, 9, 10, 10]);
    expect(b).toMatchObject({
      total: 10,
      promoters: { count: 3, percent: 30 },
      passives: { count: 3, percent: 30 },
      detractors: { count: 4, percent: 40 },
      nps: -10,
    });
  });

  it("uses the trinomial variance for the margin of error", () => {
    // Cross Validated, "How can I calculate margin of error in a NPS result?" (whuber's answer):
    // with shares 1/2 promoters, 1/3 passives, 1/6 detractors the per-answer variance is 5/9.
    // Six answers in those shares: margin = 1.96 · √(5/9 / 6) · 100.
    const b = npsBreakdown([10, 9, 9, 8, 7, 2])!;
    expect(b.nps).toBeCloseTo(100 / 3, 10);
    expect(b.marginOfError).toBeCloseTo(1.96 * Math.sqrt(5 / 9 / 6) * 100, 10);
    expect(b.marginOfError).toBeCloseTo(59.64, 2);
    expect(b.interval.lower).toBeCloseTo(100 / 3 - b.marginOfError, 10);
    expect(b.interval.upper).toBe(Math.min(100, 100 / 3 + b.marginOfError));
  });

  it("clips the interval to -100…100", () => {
    const b = npsBreakdown([10, 10, 10, 0])!;
    expect(b.interval.upper).toBe(100);
    expect(npsBreakdown([0, 0, 0, 10])!.interval.lower).toBe(-100);
  });

  it("takes another confidence level through z", () => {
    const at95 = npsBreakdown([10, 9, 9, 8, 7, 2])!;
    const at99 = npsBreakdown([10, 9, 9, 8, 7, 2], { z: 2.576 })!;
    expect(at99.marginOfError / at95.marginOfError).toBeCloseTo(2.576 / 1.96, 10);
    const viaAggregate = createAccumulator(npsBreakdownAggregate({ z: 2.576 }))
      .addAll([10, 9, 9, 8, 7, 2])
      .result();
    expect(viaAggregate).toEqual(at99);
  });
});

describe("npsAggregate", () => {
  it("counts one value at a time like the calculator, and reports the index within the accumulator", () => {
    const acc = createAccumulator(npsAggregate());
    for (const s of [3, 4, 5, 6, 8, 8, 8, 9, 10, 10]) acc.add(s);
    expect(acc.result()).toBe(-10);
    const error = errorOf(() => acc.add(11));
    expect(error.message).toBe("nps: expected an integer 0–10, got 11 at index 10");
    expect(errorOf(() => acc.add(8.5)).code).toBe("not_an_integer");
    expect(errorOf(() => acc.add(9.5)).code).toBe("not_an_integer");
    expect(acc.result()).toBe(-10);
  });

  it("rejects a state that is not an NPS state", () => {
    const acc = createAccumulator(npsAggregate());
    expect(errorOf(() => acc.merge({ promoters: -1, passives: 0, detractors: 0 })).code).toBe(
      "invalid_state",
    );
    expect(errorOf(() => acc.merge(null as never)).code).toBe("invalid_state");
    expect(errorOf(() => createAccumulator(npsAggregate(), { promoters: 1 } as never)).code).toBe(
      "invalid_state",
    );
  });

  it("merges an accumulator into itself without aliasing", () => {
    const acc = createAccumulator(npsAggregate()).addAll([10, 0, 0]);
    acc.merge(acc);
    expect(acc.toJSON()).toEqual({ promoters: 2, passives: 0, detractors: 4 });
  });

  it("saves a copy: changing the accumulator later does not change a saved state", () => {
    const acc = createAccumulator(npsAggregate()).add(10);
    const saved = acc.toJSON();
    acc.add(0);
    expect(saved).toEqual({ promoters: 1, passives: 0, detractors: 0 });
    expect(JSON.parse(JSON.stringify(acc))).toEqual({ promoters: 1, passives: 0, detractors: 1 });
  });
});
