// Selection must give exactly what a full sort gives (type-7 interpolation), whatever the input:
// ties, sorted and reversed runs, ranges above the sampling threshold (600 values), any quantiles.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { quantiles } from "../../src/internal/quantile.js";

function bySort(values: readonly number[], ps: readonly number[]): number[] {
  const a = Float64Array.from(values).sort();
  return ps.map((p) => {
    const h = (a.length - 1) * p;
    const k = Math.floor(h);
    const low = a[k]!;
    return k + 1 >= a.length ? low : low + (h - k) * (a[k + 1]! - low);
  });
}

const ps = fc
  .uniqueArray(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 5 })
  .map((p) => [...p].sort((x, y) => x - y));

describe("quantiles (selection)", () => {
  it("equals the sorted type-7 value on small samples with many ties", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 50 }),
        ps,
        (values, p) => {
          expect(quantiles(values, p)).toEqual(bySort(values, p));
        },
      ),
    );
  });

  it("equals the sorted value on samples large enough to take the sampling step", () => {
    const shapes = fc.oneof(
      fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 601, maxLength: 5000 }),
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 601, maxLength: 5000 }),
      fc.integer({ min: 601, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => i)),
      fc.integer({ min: 601, max: 5000 }).map((n) => Array.from({ length: n }, (_, i) => n - i)),
    );
    fc.assert(
      fc.property(shapes, ps, (values, p) => {
        expect(quantiles(values, p)).toEqual(bySort(values, p));
      }),
      { numRuns: 60 },
    );
  });

  it("handles the edges: one value, p = 0 and p = 1, all values equal", () => {
    expect(quantiles([7], [0, 0.5, 1])).toEqual([7, 7, 7]);
    expect(quantiles([3, 1, 2], [0, 1])).toEqual([1, 3]);
    expect(quantiles(new Array(1000).fill(4), [0.5, 0.9])).toEqual([4, 4]);
    expect(quantiles([], [0.5])).toEqual([]);
  });
});
