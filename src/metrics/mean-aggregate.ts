import { quote, TouchpointError } from "../internal/errors.js";
import type { Aggregate } from "./aggregate.js";
import { stateCount } from "./survey-checks.js";

/**
 * The state of {@link meanAggregate}.
 *
 * @category Accumulators
 */
export interface MeanState {
  /** How many values. */
  count: number;
  /** Their sum. */
  sum: number;
}

function notFinite(fn: string, value: unknown, index: number): never {
  throw new TouchpointError(
    "not_finite",
    `${fn}: expected a finite number, got ${quote(value)} at index ${index}`,
    {
      index,
      value,
    },
  );
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) whose result is the arithmetic mean.
 *
 * @remarks
 * The state is `{ count, sum }`; merging adds both. For integer values (scores, whole seconds or
 * milliseconds) with sums below 2^53 every split merges to exactly the one-pass mean; for
 * fractional values the sums can differ in the last bits, as floating-point addition is not
 * associative.
 *
 * @returns the aggregate; its `finalize` gives the mean or `null` when empty
 * @throws the aggregate throws {@link TouchpointError} `not_finite` for NaN or ±Infinity, `overflow`
 *   when finite values sum beyond the largest double
 *
 * @example
 * ```ts
 * import { createAccumulator, meanAggregate } from "touchpoint/metrics";
 *
 * createAccumulator(meanAggregate()).addAll([1, 2, 3, 6]).result(); // => 3
 * createAccumulator(meanAggregate()).result(); // => null
 * ```
 *
 * @category Accumulators
 */
export function meanAggregate(): Aggregate<number, number | null, MeanState> {
  const fn = "meanAggregate";
  return {
    initialState: () => ({ count: 0, sum: 0 }),
    aggregate: (state, value) => {
      if (value == null) return state;
      if (!Number.isFinite(value)) notFinite(fn, value, state.count);
      state.count++;
      state.sum += value;
      return state;
    },
    aggregateAll: (state, values) => {
      const n = values.length;
      // Fast pass, as tight as a hand-written sum: NaN, ±Infinity and undefined all leave a
      // non-finite sum behind (NaN and infinities cannot be cancelled by finite values), so one
      // test after the loop replaces a test per value.
      let sum = 0;
      let nulls = 0;
      for (let i = 0; i < n; i++) {
        const v = values[i] as number;
        if (v === null) nulls++;
        else sum += v;
      }
      if (sum - sum !== 0) {
        // Slow pass: skip undefined, find the first bad value, or report an overflow.
        sum = 0;
        nulls = 0;
        for (let i = 0; i < n; i++) {
          const v = values[i];
          if (v == null) nulls++;
          else if (v - v === 0) sum += v;
          else notFinite(fn, v, i);
        }
        if (sum - sum !== 0) {
          throw new TouchpointError("overflow", `${fn}: the sum of the values overflowed to ${quote(sum)}`, {
            value: sum,
          });
        }
      }
      state.sum += sum;
      state.count += n - nulls;
      return state;
    },
    merge: (state, partial) => {
      const count = stateCount(fn, partial, "count");
      const sum = (partial as Partial<MeanState>).sum;
      if (typeof sum !== "number" || !Number.isFinite(sum)) notFinite(fn, sum, 0);
      state.count += count;
      state.sum += sum;
      return state;
    },
    finalize: (state) => (state.count === 0 ? null : state.sum / state.count),
  };
}
