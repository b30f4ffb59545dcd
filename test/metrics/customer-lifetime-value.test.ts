import { describe, expect, it } from "vitest";
import { type CustomerLifetimeValueInput, customerLifetimeValue } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("customerLifetimeValue", () => {
  it.each([
    // glmbs.de, "How Customer Lifetime Value Is Calculated": $300 × 5 a year × 2 years = $3,000.
    {
      input: { method: "purchase", averageOrderValue: 300, purchaseFrequency: 5, lifespan: 2 },
      expected: 3000,
    },
    // Same, with a gross margin (glossary.digital: "...then finally multiply by your average gross margin").
    {
      input: {
        method: "purchase",
        averageOrderValue: 300,
        purchaseFrequency: 5,
        lifespan: 2,
        grossMargin: 40,
      },
      expected: 1200,
    },
    // abracalc.com LTV calculator: $1,000 ARPA, 75 % margin, 1 % churn → $75,000.
    { input: { method: "margin", arpu: 1000, grossMargin: 75, churnRate: 1 }, expected: 75000 },
    // abracalc.com: $50 ARPA, 90 % margin, 10 % churn → $450.
    { input: { method: "margin", arpu: 50, grossMargin: 90, churnRate: 10 }, expected: 450 },
    // a1calculator.com SaaS LTV example: ARPA $250, margin 65 %, churn 4 % → $4,062.50.
    { input: { method: "margin", arpu: 250, grossMargin: 65, churnRate: 4 }, expected: 4062.5 },
    // Gupta & Lehmann (2003): margin multiple r / (1 + d − r) = 0.8 / 0.32 = 2.5 for r = 80 %, d = 12 %.
    { input: { method: "retention", margin: 100, retentionRate: 80, discountRate: 12 }, expected: 250 },
  ] as { input: CustomerLifetimeValueInput; expected: number }[])(
    "$input.method → $expected",
    ({ input, expected }) => {
      expect(customerLifetimeValue(input)).toBeCloseTo(expected, 9);
    },
  );

  it("gives $5,666.67 for $200 ARPA, 85 % margin, 3 % churn (abracalc.com)", () => {
    expect(customerLifetimeValue({ method: "margin", arpu: 200, grossMargin: 85, churnRate: 3 })).toBeCloseTo(
      5666.67,
      2,
    );
  });

  it.each([
    { input: { method: "margin", arpu: 50, churnRate: 0 }, code: "out_of_range", path: "churnRate" },
    { input: { method: "margin", arpu: 50, churnRate: 101 }, code: "out_of_range", path: "churnRate" },
    { input: { method: "margin", arpu: -1, churnRate: 5 }, code: "negative_value", path: "arpu" },
    {
      input: { method: "margin", arpu: 50, churnRate: 5, grossMargin: 120 },
      code: "out_of_range",
      path: "grossMargin",
    },
    {
      input: { method: "purchase", averageOrderValue: Number.NaN, purchaseFrequency: 1, lifespan: 1 },
      code: "not_finite",
      path: "averageOrderValue",
    },
    {
      input: { method: "purchase", averageOrderValue: 1, purchaseFrequency: 1, lifespan: -2 },
      code: "negative_value",
      path: "lifespan",
    },
    {
      input: { method: "retention", margin: 1, retentionRate: 100, discountRate: 0 },
      code: "out_of_range",
      path: "retentionRate",
    },
    {
      input: { method: "retention", margin: 1, retentionRate: 50, discountRate: -1 },
      code: "negative_value",
      path: "discountRate",
    },
    { input: { method: "magic" }, code: "invalid_option", path: "method" },
  ])("rejects $input with $code", ({ input, code, path }) => {
    const error = errorOf(() => customerLifetimeValue(input as CustomerLifetimeValueInput));
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
  });
});
