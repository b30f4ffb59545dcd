import { describe, expectTypeOf, it } from "vitest";
import {
  type Accumulator,
  type Aggregate,
  type CesResult,
  type CsatBreakdown,
  ces,
  createAccumulator,
  csatBreakdown,
  customerLifetimeValue,
  durationsAggregate,
  type DurationsSummary,
  type HistogramState,
  nps,
  npsAggregate,
  type NpsState,
  segmentBy,
} from "touchpoint/metrics";

describe("metric types", () => {
  it("declares null for no data", () => {
    expectTypeOf(nps([1])).toEqualTypeOf<number | null>();
    expectTypeOf(csatBreakdown([1])).toEqualTypeOf<CsatBreakdown | null>();
    expectTypeOf(ces([1])).toEqualTypeOf<CesResult | null>();
  });

  it("infers accumulator types from the aggregate", () => {
    expectTypeOf(npsAggregate()).toEqualTypeOf<Aggregate<number, number | null, NpsState>>();
    const acc = createAccumulator(npsAggregate());
    expectTypeOf(acc).toEqualTypeOf<Accumulator<number, number | null, NpsState>>();
    expectTypeOf(acc.toJSON()).toEqualTypeOf<NpsState>();
    expectTypeOf(createAccumulator(durationsAggregate()).result()).toEqualTypeOf<DurationsSummary | null>();
    // @ts-expect-error a string is not a score
    acc.add("9");
  });

  it("keys segments by the key function's type", () => {
    const bySize = segmentBy(
      [{ n: 1 }],
      (r) => (r.n > 0 ? ("big" as const) : ("small" as const)),
      npsAggregate(),
      (r) => r.n,
    );
    expectTypeOf(bySize).toEqualTypeOf<Map<"big" | "small", number | null>>();
  });

  it("requires each lifetime-value method's own fields", () => {
    expectTypeOf(customerLifetimeValue({ method: "margin", arpu: 10, churnRate: 5 })).toEqualTypeOf<number>();
    // @ts-expect-error the margin formula needs a churn rate
    customerLifetimeValue({ method: "margin", arpu: 10 });
    customerLifetimeValue({
      method: "purchase",
      averageOrderValue: 1,
      purchaseFrequency: 1,
      lifespan: 1,
      // @ts-expect-error the purchase formula has no churn rate
      churnRate: 1,
    });
  });

  it("exposes the histogram state of rating aggregates", () => {
    expectTypeOf<HistogramState>().toEqualTypeOf<{ min: number; counts: number[] }>();
  });
});
