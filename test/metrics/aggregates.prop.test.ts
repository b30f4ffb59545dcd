/**
 * The property the issue asks for: splitting the data in any way and merging the parts' states
 * gives the result of one pass. Counts, proportions and integer means are compared exactly; the
 * sketch too, since its buckets are fixed by the values alone.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type Aggregate,
  cesAggregate,
  churnRateAggregate,
  createAccumulator,
  csatAggregate,
  csatBreakdownAggregate,
  durationsAggregate,
  meanAggregate,
  npsBreakdownAggregate,
  QuantileSketch,
  quantilesAggregate,
  retentionRateAggregate,
} from "touchpoint/metrics";

/** An array with cut points and a merge order, so the parts can be merged in any order. */
function splits<T>(values: fc.Arbitrary<T[]>) {
  return values.chain((xs) =>
    fc.tuple(
      fc.constant(xs),
      fc
        .uniqueArray(fc.integer({ min: 0, max: xs.length }), { maxLength: 6 })
        .map((cuts) => [...cuts].sort((a, b) => a - b)),
      fc.array(fc.nat(), { minLength: 8, maxLength: 8 }),
    ),
  );
}

function mergedParts<V, R, S>(make: () => Aggregate<V, R, S>, xs: V[], cuts: number[], order: number[]): R {
  const bounds = [0, ...cuts, xs.length];
  const parts = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const chunk = xs.slice(bounds[i], bounds[i + 1]);
    // Alternate the two ways in: one value at a time and the whole list.
    const acc = createAccumulator(make());
    if (i % 2 === 0) acc.addAll(chunk);
    else for (const x of chunk) acc.add(x);
    parts.push({ key: order[i] ?? i, state: JSON.parse(JSON.stringify(acc)) as S });
  }
  parts.sort((a, b) => a.key - b.key);
  const total = createAccumulator(make());
  for (const p of parts) total.merge(p.state);
  return total.result();
}

function onePass<V, R, S>(make: () => Aggregate<V, R, S>, xs: V[]): R {
  return createAccumulator(make()).addAll(xs).result();
}

const ints = (min: number, max: number) => fc.array(fc.integer({ min, max }), { maxLength: 200 });

describe("merge equals one pass", () => {
  it.each([
    { name: "nps breakdown", make: () => npsBreakdownAggregate(), values: ints(0, 10) },
    { name: "csat", make: () => csatAggregate(), values: ints(1, 5) },
    {
      name: "csat breakdown 1–10",
      make: () => csatBreakdownAggregate({ scale: { min: 1, max: 10 } }),
      values: ints(1, 10),
    },
    { name: "ces", make: () => cesAggregate(), values: ints(1, 7) },
    { name: "integer mean", make: () => meanAggregate(), values: ints(-1_000_000, 1_000_000) },
    { name: "integer durations", make: () => durationsAggregate(), values: ints(0, 10_000_000) },
    {
      name: "quantiles of signed values",
      make: () => quantilesAggregate({ probabilities: [0, 0.3, 0.5, 0.99, 1] }),
      values: ints(-1e6, 1e6),
    },
  ] as { name: string; make: () => Aggregate<number, unknown, unknown>; values: fc.Arbitrary<number[]> }[])(
    "$name",
    ({ make, values }) => {
      fc.assert(
        fc.property(splits(values), ([xs, cuts, order]) => {
          expect(mergedParts(make, xs, cuts, order)).toEqual(onePass(make, xs));
        }),
      );
    },
  );

  it("fractional durations: sketch quantiles, count, min and max identical, mean to rounding", () => {
    const values = fc.array(fc.double({ min: 0, max: 1e7, noNaN: true }), { maxLength: 200 });
    fc.assert(
      fc.property(splits(values), ([xs, cuts, order]) => {
        const merged = mergedParts(() => durationsAggregate(), xs, cuts, order);
        const single = onePass(() => durationsAggregate(), xs);
        if (single === null) {
          expect(merged).toBeNull();
          return;
        }
        const { mean, ...exact } = single;
        expect(merged).toMatchObject(exact);
        expect(merged!.mean).toBeCloseTo(mean, 6);
      }),
    );
  });

  it("count records", () => {
    const churn = fc
      .tuple(fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 1000 }))
      .map(([a, b]) => ({ start: Math.max(a, b), lost: Math.min(a, b) }));
    fc.assert(
      fc.property(splits(fc.array(churn, { maxLength: 50 })), ([xs, cuts, order]) => {
        expect(mergedParts(() => churnRateAggregate(), xs, cuts, order)).toEqual(
          onePass(() => churnRateAggregate(), xs),
        );
      }),
    );
    const retention = fc
      .tuple(
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
        fc.integer({ min: 0, max: 1000 }),
      )
      .map(([s, stayed, acquired]) => ({ start: s + stayed, end: stayed + acquired, acquired }));
    fc.assert(
      fc.property(splits(fc.array(retention, { maxLength: 50 })), ([xs, cuts, order]) => {
        expect(mergedParts(() => retentionRateAggregate(), xs, cuts, order)).toEqual(
          onePass(() => retentionRateAggregate(), xs),
        );
      }),
    );
  });
});

describe("null and undefined are skipped, as SQL skips NULL", () => {
  it.each([
    { name: "nps", make: () => npsBreakdownAggregate(), min: 0, max: 10 },
    {
      name: "csat on a scale containing 0",
      make: () => csatBreakdownAggregate({ scale: { min: 0, max: 4 } }),
      min: 0,
      max: 4,
    },
    {
      name: "csat on a scale around 0",
      make: () => csatAggregate({ scale: { min: -2, max: 2 } }),
      min: -2,
      max: 2,
    },
    { name: "ces", make: () => cesAggregate(), min: 1, max: 7 },
    { name: "mean", make: () => meanAggregate(), min: -5, max: 5 },
    { name: "durations", make: () => durationsAggregate(), min: 0, max: 1000 },
    { name: "quantiles", make: () => quantilesAggregate(), min: -1000, max: 1000 },
  ] as { name: string; make: () => Aggregate<number, unknown, unknown>; min: number; max: number }[])(
    "$name",
    ({ make, min, max }) => {
      const cell = fc.oneof(fc.integer({ min, max }), fc.constant(null), fc.constant(undefined));
      fc.assert(
        fc.property(fc.array(cell, { maxLength: 60 }), (xs) => {
          const present = xs.filter((x): x is number => x != null);
          const expected = createAccumulator(make()).addAll(present).result();
          expect(createAccumulator(make()).addAll(xs).result()).toEqual(expected);
          const one = createAccumulator(make());
          for (const x of xs) one.add(x);
          expect(one.result()).toEqual(expected);
        }),
      );
    },
  );
});

describe("quantile sketch properties", () => {
  it("keeps every quantile within α of the value of rank ⌊q(n − 1)⌋", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.constantFrom(0.005, 0.01, 0.05),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, alpha, q) => {
          const sketch = new QuantileSketch({ relativeAccuracy: alpha }).addAll(xs);
          // Subnormal magnitudes count as zero (the sketch's minimum indexable value, 2^−1022); the
          // extreme ranks are the exact min and max.
          const rank = Math.floor(q * (xs.length - 1));
          const exact = [...xs].sort((a, b) => a - b)[rank]!;
          const truth = xs.map((x) => (Math.abs(x) < 2 ** -1022 ? 0 : x)).sort((a, b) => a - b)[rank]!;
          const estimate = sketch.quantile(q)!;
          expect(
            estimate === exact || Math.abs(estimate - truth) <= alpha * Math.abs(truth) * (1 + 1e-9),
            `estimate ${estimate}, value of rank ${rank} ${exact}`,
          ).toBe(true);
        },
      ),
    );
  });

  it("counts subnormal magnitudes as zero (regression: -3.5e-323 was estimated 14 % off)", () => {
    const sketch = new QuantileSketch({ relativeAccuracy: 0.05 }).addAll([0, -3.5e-323, -4e-323]);
    expect(sketch.quantile(0.5)).toBe(0);
    expect(sketch.min).toBe(-4e-323);
  });

  it("merged sketches have the one-pass state", () => {
    fc.assert(
      fc.property(
        splits(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 100 })),
        ([xs, cuts]) => {
          const bounds = [0, ...cuts, xs.length];
          const merged = new QuantileSketch();
          for (let i = 0; i + 1 < bounds.length; i++)
            merged.merge(new QuantileSketch().addAll(xs.slice(bounds[i], bounds[i + 1])));
          const single = new QuantileSketch().addAll(xs).toJSON();
          expect(merged.toJSON()).toEqual(single);
        },
      ),
    );
  });
});
