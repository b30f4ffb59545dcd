import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nps, npsBreakdown } from "touchpoint/metrics";

const answers = fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 300 });

describe("nps properties", () => {
  it("lies within -100…100", () => {
    fc.assert(
      fc.property(answers, (scores) => {
        const score = nps(scores)!;
        expect(score).toBeGreaterThanOrEqual(-100);
        expect(score).toBeLessThanOrEqual(100);
      }),
    );
  });

  it("does not change under permutation", () => {
    fc.assert(
      fc.property(
        answers.chain((scores) =>
          fc.tuple(
            fc.constant(scores),
            fc.array(fc.nat(), { minLength: scores.length, maxLength: scores.length }),
          ),
        ),
        ([scores, keys]) => {
          const permuted = scores
            .map((s, i) => [keys[i]!, s] as const)
            .sort((a, b) => a[0] - b[0])
            .map(([, s]) => s);
          expect(nps(permuted)).toBe(nps(scores));
          expect(npsBreakdown(permuted)).toEqual(npsBreakdown(scores));
        },
      ),
    );
  });

  it("agrees with the textbook definition and keeps the interval around the score", () => {
    fc.assert(
      fc.property(answers, (scores) => {
        const promoters = scores.filter((s) => s >= 9).length;
        const detractors = scores.filter((s) => s <= 6).length;
        const b = npsBreakdown(scores)!;
        expect(b.nps).toBeCloseTo((promoters / scores.length) * 100 - (detractors / scores.length) * 100, 9);
        expect(b.promoters.count + b.passives.count + b.detractors.count).toBe(scores.length);
        expect(b.marginOfError).toBeGreaterThanOrEqual(0);
        expect(b.interval.lower).toBeLessThanOrEqual(b.nps);
        expect(b.interval.upper).toBeGreaterThanOrEqual(b.nps);
      }),
    );
  });
});
