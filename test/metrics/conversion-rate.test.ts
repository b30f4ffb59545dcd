import { describe, expect, it } from "vitest";
import { conversionRate, conversionRateAggregate, createAccumulator } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("conversionRate", () => {
  it("is conversions ÷ opportunities × 100", () => {
    expect(conversionRate({ opportunities: 1250, conversions: 50 })).toBe(4);
    expect(conversionRate({ opportunities: 0, conversions: 0 })).toBeNull();
  });

  it("rejects more conversions than opportunities", () => {
    const error = errorOf(() => conversionRate({ opportunities: 2, conversions: 3 }));
    expect(error.code).toBe("inconsistent_counts");
    expect(error.message).toBe("conversionRate: expected conversions at most opportunities (2), got 3");
  });

  it("counts visitors one by one in the aggregate", () => {
    const acc = createAccumulator(conversionRateAggregate());
    for (const converted of [true, false, false, false])
      acc.add({ opportunities: 1, conversions: converted ? 1 : 0 });
    expect(acc.result()).toBe(25);
  });
});
