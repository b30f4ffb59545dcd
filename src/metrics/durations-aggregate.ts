/**
 * The mergeable summary of durations: count, mean, min and max exact, percentiles from a DDSketch.
 * It is the accumulator form of the response- and resolution-time summaries, for data that does not
 * fit in one array or arrives in shards.
 */
import { checkOptions } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";
import type { Aggregate } from "./aggregate.js";
import {
  emptySketch,
  type QuantileSketchOptions,
  type QuantileSketchState,
  sketchAdd,
  sketchAddAll,
  sketchInternals,
  sketchMerge,
  sketchQuantile,
} from "./quantile-sketch.js";
import { badState } from "./survey-checks.js";

/**
 * The state of {@link durationsAggregate}.
 *
 * @category Quantiles
 */
export interface DurationsState {
  /** The sum of the durations. */
  sum: number;
  /** The sketch of the durations (it holds the count, min and max). */
  sketch: QuantileSketchState;
}

/**
 * Count, mean, min and max (exact) and median, p90 and p95 (within the sketch's relative accuracy)
 * of durations.
 *
 * @category Quantiles
 */
export interface DurationsSummary {
  /** How many durations. */
  readonly count: number;
  /** Their mean: exact for integer durations (milliseconds, seconds). */
  readonly mean: number;
  /** The estimated median. */
  readonly median: number;
  /** The estimated 90th percentile. */
  readonly p90: number;
  /** The estimated 95th percentile. */
  readonly p95: number;
  /** The shortest duration, exact. */
  readonly min: number;
  /** The longest duration, exact. */
  readonly max: number;
  /** α: each percentile is within α × its true value. */
  readonly relativeAccuracy: number;
}

function checkDuration(fn: string, value: number, index: number): void {
  if (value < 0) {
    throw new TouchpointError(
      "negative_duration",
      `${fn}: expected a duration ≥ 0, got ${quote(value)} at index ${index}`,
      {
        index,
        value,
      },
    );
  }
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) summarising durations: count, mean, min and
 * max exactly, median, p90 and p95 within a stated relative error.
 *
 * @remarks
 * Percentiles come from a DDSketch (see {@link QuantileSketch}): each is within α (default 1 %) of
 * the duration of rank ⌊p·(n − 1)⌋, so a p95 of 4 h is right to ±2.4 min, whatever the split of the
 * data into shards. The exact type-7 percentiles of one array can differ from it by that error plus
 * the gap to the next duration. Count, min and max are exact; the mean is the sum over the count,
 * exact for integer durations. Durations must be finite and ≥ 0, in any one unit.
 *
 * @param options - `relativeAccuracy` α in (0, 1); 0.01 unless given
 * @returns the aggregate; its `finalize` gives the summary or `null` when empty
 * @throws {@link TouchpointError} `invalid_option` for a bad accuracy; the aggregate throws
 *   `negative_duration` or `not_finite` for a bad duration
 *
 * @example
 * ```ts
 * import { createAccumulator, durationsAggregate } from "touchpoint/metrics";
 *
 * const morning = createAccumulator(durationsAggregate()).addAll([60, 120, 180]);
 * const evening = createAccumulator(durationsAggregate()).addAll([240, 3600]);
 * const day = morning.merge(evening).result()!;
 * day.count; // => 5
 * day.mean; // => 840
 * day.min; // => 60
 * day.max; // => 3600
 * // The median is the duration of rank 2, 180, within 1 %.
 * Math.abs(day.median - 180) <= 1.8; // => true
 * ```
 *
 * @category Quantiles
 */
export function durationsAggregate(
  options: QuantileSketchOptions = {},
): Aggregate<number, DurationsSummary | null, DurationsState> {
  options = checkOptions("durationsAggregate", options);
  const fn = "durationsAggregate";
  const m = sketchInternals.mappingOf(sketchInternals.accuracyOf(fn, options));
  return {
    initialState: () => ({ sum: 0, sketch: emptySketch(m.alpha) }),
    aggregate: (state, value) => {
      if (value == null) return state;
      checkDuration(fn, value, state.sketch.count);
      sketchAdd(state.sketch, m, value, fn, state.sketch.count);
      state.sum += value;
      return state;
    },
    aggregateAll: (state, values) => {
      let sum = 0;
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (v == null) continue;
        if (!(v >= 0)) {
          if (v < 0) checkDuration(fn, v, i);
          sketchAdd(state.sketch, m, v, fn, i); // NaN: throws not_finite
        }
        sum += v;
      }
      // Validated above; ±Infinity is left for the sketch to reject.
      sketchAddAll(state.sketch, m, values, fn, true);
      state.sum += sum;
      return state;
    },
    merge: (state, partial) => {
      if (typeof partial !== "object" || partial === null || typeof partial.sum !== "number")
        badState(fn, partial);
      sketchMerge(state.sketch, partial.sketch, fn);
      state.sum += partial.sum;
      return state;
    },
    finalize: (state) => {
      const s = state.sketch;
      if (s.count === 0) return null;
      return {
        count: s.count,
        mean: state.sum / s.count,
        median: sketchQuantile(s, m, 0.5),
        p90: sketchQuantile(s, m, 0.9),
        p95: sketchQuantile(s, m, 0.95),
        min: s.min as number,
        max: s.max as number,
        relativeAccuracy: m.alpha,
      };
    },
  };
}
