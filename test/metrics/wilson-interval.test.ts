import { describe, expect, it } from "vitest";
import { wilsonInterval } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("wilsonInterval", () => {
  // Newcombe, R. G. (1998). Two-sided confidence intervals for the single proportion: comparison of
  // seven methods. Statistics in Medicine 17, 857–872. Table I, method 3 (Wilson score, no
  // continuity correction), 95 %.
  it.each([
    { successes: 81, trials: 263, lower: 0.2553, upper: 0.3662 },
    { successes: 15, trials: 148, lower: 0.0624, upper: 0.1605 },
    { successes: 0, trials: 20, lower: 0, upper: 0.1611 },
    { successes: 1, trials: 29, lower: 0.0061, upper: 0.1718 },
  ])("Newcombe 1998: $successes/$trials → $lower–$upper", ({ successes, trials, lower, upper }) => {
    const interval = wilsonInterval(successes, trials)!;
    expect(interval.lower).toBeCloseTo(lower, 4);
    expect(interval.upper).toBeCloseTo(upper, 4);
  });

  it("pins the bounds at 0 and 1 for 0 and n successes", () => {
    expect(wilsonInterval(0, 5)!.lower).toBe(0);
    expect(wilsonInterval(5, 5)!.upper).toBe(1);
    // Symmetry: the interval of n − x successes mirrors that of x.
    const a = wilsonInterval(3, 10)!;
    const b = wilsonInterval(7, 10)!;
    expect(a.lower).toBeCloseTo(1 - b.upper, 12);
  });

  it("is null for no trials", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
  });

  it.each([
    { args: [-1, 10], code: "negative_value" },
    { args: [1.5, 10], code: "not_an_integer" },
    { args: [1, Number.NaN], code: "not_finite" },
    { args: [11, 10], code: "inconsistent_counts" },
    { args: [1, 10, 0], code: "out_of_range" },
  ] as const)("rejects $args with $code", ({ args, code }) => {
    expect(errorOf(() => wilsonInterval(...(args as unknown as [number, number, number?]))).code).toBe(code);
  });
});
