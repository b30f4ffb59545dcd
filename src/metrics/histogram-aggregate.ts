/**
 * The aggregate behind every rating-scale metric (CSAT, CES): a histogram of an integer scale.
 * Internal to the area; each metric gives it its own finalize.
 */
import { quote } from "../internal/errors.js";
import type { Aggregate } from "./aggregate.js";
import { badScore, badState, countRatings, incompatibleState, stateCounts } from "./survey-checks.js";

/**
 * The state of a rating-scale aggregate (CSAT, CES): a histogram of the ratings.
 *
 * @category Survey scores
 */
export interface HistogramState {
  /** The scale's lowest rating; `counts[i]` counts the rating `min + i`. */
  min: number;
  /** How many ratings of each point of the scale, lowest first. */
  counts: number[];
}

/** A histogram aggregate over the integer scale min–max, finalised by `finalize`. */
export function histogramAggregate<R>(
  fn: string,
  scale: { readonly min: number; readonly max: number },
  finalize: (state: HistogramState) => R,
): Aggregate<number, R, HistogramState> {
  const { min, max } = scale;
  const points = max - min + 1;
  return {
    initialState: () => ({ min, counts: new Array<number>(points).fill(0) }),
    aggregate: (state, value) => {
      if (value == null) return state;
      const k = value - min;
      if (Number.isInteger(k) && k >= 0 && k < points) state.counts[k]!++;
      else {
        let seen = 0;
        for (const c of state.counts) seen += c;
        badScore(fn, value, min, max, seen);
      }
      return state;
    },
    aggregateAll: (state, values) => {
      countRatings(state.counts, min, max, values, fn, true);
      return state;
    },
    merge: (state, partial) => {
      if (typeof partial !== "object" || partial === null) badState(fn, partial);
      if (partial.min !== min) {
        incompatibleState(
          fn,
          `of a scale starting at ${quote(partial.min)} into one starting at ${min}`,
          partial,
        );
      }
      const counts = stateCounts(fn, partial, "counts", points);
      for (let k = 0; k < points; k++) state.counts[k]! += counts[k]!;
      return state;
    },
    finalize,
  };
}
