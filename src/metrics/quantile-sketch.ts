/**
 * A mergeable quantile sketch with a relative-error guarantee: DDSketch (Masson, Rim & Lee,
 * "DDSketch: A Fast and Fully-Mergeable Quantile Sketch with Relative-Error Guarantees", PVLDB 12(12),
 * 2019).
 *
 * Why DDSketch: response and resolution times span seconds to weeks, so an error bound relative to
 * the value ("p95 within 1 %") is what a support dashboard needs, where rank-error sketches (t-digest,
 * KLL) can be off by hours in the tail. Its buckets are fixed by the value alone, so merging adds
 * bucket counts: any split of the data merges to exactly the sketch of one pass, which makes the
 * property "merge equals one pass" hold bit for bit rather than approximately.
 *
 * Encoding: for relative accuracy α, γ = (1 + α)/(1 − α); a positive x goes to bucket
 * i = ⌈log_γ x⌉, which covers (γ^(i−1), γ^i] and is read back as 2γ^i/(γ + 1), within α of every
 * value in it. Negative values use a mirrored store on |x|; zero has its own counter. Stores are
 * dense arrays with an offset (JSON-friendly, cache-friendly); there is no bucket collapsing, so the
 * size is ⌈ln(max/min)/ln γ⌉ + 1 buckets per sign, about 1,040 at α = 1 % for values from 1 ms to
 * 11 days in milliseconds.
 */
import { checkOptions } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";
import type { Aggregate } from "./aggregate.js";
import { badState, incompatibleState } from "./survey-checks.js";

/**
 * One sign's buckets: `counts[k]` counts the values in bucket `offset + k`.
 *
 * @category Quantiles
 */
export interface SketchStore {
  /** The bucket index of `counts[0]`. */
  offset: number;
  /** Counts of consecutive buckets. */
  counts: number[];
}

/**
 * The JSON state of a {@link QuantileSketch}.
 *
 * @category Quantiles
 */
export interface QuantileSketchState {
  /** α: every quantile is within α·|x| of the true x. */
  relativeAccuracy: number;
  /** How many values in all. */
  count: number;
  /** How many zeros. */
  zeroCount: number;
  /** The smallest value, or null when empty (JSON has no Infinity). */
  min: number | null;
  /** The largest value, or null when empty. */
  max: number | null;
  /** Buckets of positive values. */
  positive: SketchStore;
  /** Buckets of negative values, by absolute value. */
  negative: SketchStore;
}

/**
 * Options of the quantile sketch.
 *
 * @category Quantiles
 */
export interface QuantileSketchOptions {
  /** α, the relative accuracy, in (0, 1); 0.01 (1 %) unless given. */
  readonly relativeAccuracy?: number;
}

const DEFAULT_ALPHA = 0.01;

function accuracyOf(fn: string, options: QuantileSketchOptions): number {
  const alpha = options.relativeAccuracy ?? DEFAULT_ALPHA;
  if (typeof alpha !== "number" || !(alpha > 0 && alpha < 1)) {
    throw new TouchpointError(
      "invalid_option",
      `${fn}: expected relativeAccuracy in (0, 1), got ${quote(alpha)}`,
      {
        path: "relativeAccuracy",
        value: alpha,
      },
    );
  }
  return alpha;
}

/** Precomputed constants of one accuracy. */
interface Mapping {
  readonly alpha: number;
  readonly gamma: number;
  /** 1 / ln γ. */
  readonly multiplier: number;
}

/**
 * The smallest magnitude given a bucket of its own: 2^−1022, the least normal double. Subnormal
 * doubles are too coarse for a relative bound (their spacing is 4.9e-324), so, as DDSketch's
 * "minimum indexable value", they count as zero; min and max stay exact.
 */
const MIN_INDEXABLE = 2 ** -1022;

function mappingOf(alpha: number): Mapping {
  const gamma = (1 + alpha) / (1 - alpha);
  return { alpha, gamma, multiplier: 1 / Math.log(gamma) };
}

/** A new empty state. */
export function emptySketch(alpha: number): QuantileSketchState {
  return {
    relativeAccuracy: alpha,
    count: 0,
    zeroCount: 0,
    min: null,
    max: null,
    positive: { offset: 0, counts: [] },
    negative: { offset: 0, counts: [] },
  };
}

/** Makes room for bucket indexes lo..hi in `store`. */
function reserve(store: SketchStore, lo: number, hi: number): void {
  const counts = store.counts;
  if (counts.length === 0) {
    store.offset = lo;
    store.counts = new Array<number>(hi - lo + 1).fill(0);
    return;
  }
  if (lo < store.offset) {
    store.counts = new Array<number>(store.offset - lo).fill(0).concat(counts);
    store.offset = lo;
  }
  const end = store.offset + store.counts.length - 1;
  if (hi > end) for (let k = end; k < hi; k++) store.counts.push(0);
}

function bump(store: SketchStore, index: number, by: number): void {
  reserve(store, index, index);
  store.counts[index - store.offset]! += by;
}

/** Adds one value; `index` is only for the error message. */
export function sketchAdd(
  state: QuantileSketchState,
  m: Mapping,
  x: number,
  fn: string,
  index: number,
): void {
  if (typeof x !== "number" || !Number.isFinite(x)) {
    throw new TouchpointError(
      "not_finite",
      `${fn}: expected a finite number, got ${quote(x)} at index ${index}`,
      {
        index,
        value: x,
      },
    );
  }
  if (x >= MIN_INDEXABLE) bump(state.positive, Math.ceil(Math.log(x) * m.multiplier), 1);
  else if (x <= -MIN_INDEXABLE) bump(state.negative, Math.ceil(Math.log(-x) * m.multiplier), 1);
  else state.zeroCount++;
  state.count++;
  if (state.min === null || x < state.min) state.min = x;
  if (state.max === null || x > state.max) state.max = x;
}

/**
 * Adds every value of a list in one pass. Counts go to fresh local stores that grow only when a
 * value falls outside their bucket range (rare: the range is logarithmic), and are folded into
 * `state` at the end, so a bad value leaves `state` unchanged.
 */
export function sketchAddAll(
  state: QuantileSketchState,
  m: Mapping,
  values: ArrayLike<number | null | undefined>,
  fn: string,
  skipMissing: boolean,
): void {
  const n = values.length;
  const multiplier = m.multiplier;
  const positive: SketchStore = { offset: 0, counts: [] };
  const negative: SketchStore = { offset: 0, counts: [] };
  let pos = positive.counts;
  let posOffset = 0;
  let neg = negative.counts;
  let negOffset = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let added = 0;
  let zeros = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i] as number;
    if (x >= MIN_INDEXABLE && x <= Number.MAX_VALUE) {
      const k = Math.ceil(Math.log(x) * multiplier);
      let j = k - posOffset;
      if (j < 0 || j >= pos.length) {
        reserve(positive, k, k);
        pos = positive.counts;
        posOffset = positive.offset;
        j = k - posOffset;
      }
      pos[j]!++;
    } else if (x <= -MIN_INDEXABLE && x >= -Number.MAX_VALUE) {
      const k = Math.ceil(Math.log(-x) * multiplier);
      let j = k - negOffset;
      if (j < 0 || j >= neg.length) {
        reserve(negative, k, k);
        neg = negative.counts;
        negOffset = negative.offset;
        j = k - negOffset;
      }
      neg[j]!++;
    } else if (typeof x === "number" && x > -MIN_INDEXABLE && x < MIN_INDEXABLE) {
      zeros++;
    } else if (skipMissing && x == null) {
      continue;
    } else {
      sketchAdd(emptySketch(m.alpha), m, x, fn, i); // throws the not_finite error for NaN and ±Infinity
    }
    added++;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  if (added === 0) return;
  sketchMerge(
    state,
    {
      relativeAccuracy: state.relativeAccuracy,
      count: added,
      zeroCount: zeros,
      min,
      max,
      positive,
      negative,
    },
    fn,
  );
}

function isStore(value: unknown): value is SketchStore {
  if (typeof value !== "object" || value === null) return false;
  const { offset, counts } = value as Record<string, unknown>;
  if (!Number.isSafeInteger(offset) || !Array.isArray(counts)) return false;
  for (const c of counts) if (typeof c !== "number" || !Number.isSafeInteger(c) || c < 0) return false;
  return true;
}

function total(store: SketchStore): number {
  let sum = 0;
  for (const c of store.counts) sum += c;
  return sum;
}

/** Adds a partial state into `state`; both must share the relative accuracy. */
export function sketchMerge(state: QuantileSketchState, partial: QuantileSketchState, fn: string): void {
  if (typeof partial !== "object" || partial === null) badState(fn, partial);
  if (partial.relativeAccuracy !== state.relativeAccuracy) {
    incompatibleState(
      fn,
      `of accuracy ${quote(partial.relativeAccuracy)} into one of ${state.relativeAccuracy}`,
      partial,
    );
  }
  const { count, zeroCount, min, max, positive, negative } = partial;
  if (
    !Number.isSafeInteger(count) ||
    !Number.isSafeInteger(zeroCount) ||
    !isStore(positive) ||
    !isStore(negative) ||
    (count > 0 && (typeof min !== "number" || typeof max !== "number" || !(min <= max))) ||
    zeroCount + total(positive) + total(negative) !== count
  ) {
    badState(fn, partial);
  }
  for (const [into, from] of [
    [state.positive, positive],
    [state.negative, negative],
  ] as const) {
    const len = from.counts.length;
    if (len === 0) continue;
    reserve(into, from.offset, from.offset + len - 1);
    const shift = from.offset - into.offset;
    for (let k = 0; k < len; k++) into.counts[k + shift]! += from.counts[k]!;
  }
  state.zeroCount += zeroCount;
  state.count += count;
  if (count > 0) {
    if (state.min === null || (min as number) < state.min) state.min = min;
    if (state.max === null || (max as number) > state.max) state.max = max;
  }
}

/** The representative value of the bucket holding the value of rank `target`. */
function bucketValue(state: QuantileSketchState, m: Mapping, target: number): number {
  const factor = 2 / (1 + m.gamma);
  let seen = 0;
  const neg = state.negative;
  for (let k = neg.counts.length - 1; k >= 0; k--) {
    seen += neg.counts[k]!;
    if (seen > target) return -factor * m.gamma ** (neg.offset + k);
  }
  seen += state.zeroCount;
  if (seen > target) return 0;
  const pos = state.positive;
  for (let k = 0; k < pos.counts.length; k++) {
    seen += pos.counts[k]!;
    if (seen > target) return factor * m.gamma ** (pos.offset + k);
  }
  // Unreachable for a consistent state (the counts add up to count); the largest value stands in.
  return state.max as number;
}

/** Estimates the q-quantile of a non-empty state (q already validated). */
export function sketchQuantile(state: QuantileSketchState, m: Mapping, q: number): number {
  const target = Math.floor(q * (state.count - 1));
  // The extreme ranks are known exactly.
  if (target === 0) return state.min as number;
  if (target === state.count - 1) return state.max as number;
  const estimate = bucketValue(state, m, target);
  // The true value lies in [min, max]; clamping can only bring the estimate closer to it.
  return Math.min(state.max as number, Math.max(state.min as number, estimate));
}

export function checkProbability(fn: string, q: unknown): number {
  if (typeof q === "number" && q >= 0 && q <= 1) return q;
  throw new TouchpointError("invalid_probability", `${fn}: expected a probability 0–1, got ${quote(q)}`, {
    value: q,
  });
}

/**
 * A mergeable quantile sketch (DDSketch) whose quantiles are within a stated relative error of the
 * true ones.
 *
 * @remarks
 * Guarantee (Masson, Rim & Lee, PVLDB 2019): for relative accuracy α (default 1 %), `quantile(q)`
 * returns x̃ with |x̃ − x| ≤ α·|x|, where x is the value of rank ⌊q·(n − 1)⌋ (0-based) among the n
 * values added: the "lower" order statistic; ranks 0 and n − 1 give the exact min and max. The exact
 * type-7 quantile interpolates between that value and the next, so it can differ by that gap too.
 * `min` and `max` are exact, and every estimate is clamped to them. Zero is exact; negative values are supported. NaN and ±Infinity are rejected.
 * Magnitudes below 2^−1022 (subnormal doubles) count as zero, as DDSketch's minimum indexable value.
 *
 * Merging adds bucket counts: a sketch merged from any split of the data is identical to the sketch
 * of one pass, and so are its quantiles. Merging needs the same α.
 *
 * @example
 * ```ts
 * import { QuantileSketch } from "touchpoint/metrics";
 *
 * const sketch = new QuantileSketch({ relativeAccuracy: 0.01 });
 * sketch.addAll([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
 * sketch.count; // => 10
 * sketch.min; // => 1
 * sketch.max; // => 10
 * // The median is the value of rank ⌊0.5 · 9⌋ = 4, i.e. 5, within 1 %.
 * Math.abs(sketch.quantile(0.5)! - 5) <= 0.05; // => true
 * new QuantileSketch().quantile(0.5); // => null
 * ```
 *
 * @category Quantiles
 */
export class QuantileSketch {
  readonly #mapping: Mapping;
  readonly #state: QuantileSketchState;

  /**
   * @param options - `relativeAccuracy` α in (0, 1); 0.01 unless given
   * @param state - a state saved by {@link QuantileSketch.toJSON} to continue from; its accuracy wins
   *   over `options`
   * @throws {@link TouchpointError} `invalid_option` for a bad accuracy, `invalid_state` for a bad state
   */
  constructor(options: QuantileSketchOptions = {}, state?: QuantileSketchState) {
    if (state !== undefined && (typeof state !== "object" || state === null))
      badState("QuantileSketch", state);
    const alpha = accuracyOf(
      "QuantileSketch",
      state === undefined ? options : { relativeAccuracy: state.relativeAccuracy },
    );
    this.#mapping = mappingOf(alpha);
    this.#state = emptySketch(alpha);
    if (state !== undefined) sketchMerge(this.#state, state, "QuantileSketch");
  }

  /** Restores a sketch from a state saved by {@link QuantileSketch.toJSON}. */
  static fromJSON(state: QuantileSketchState): QuantileSketch {
    return new QuantileSketch({}, state);
  }

  /** α, the relative accuracy. */
  get relativeAccuracy(): number {
    return this.#mapping.alpha;
  }

  /** How many values were added. */
  get count(): number {
    return this.#state.count;
  }

  /** The smallest value added, or null when empty. */
  get min(): number | null {
    return this.#state.min;
  }

  /** The largest value added, or null when empty. */
  get max(): number | null {
    return this.#state.max;
  }

  /** Adds one finite value. */
  add(value: number): this {
    sketchAdd(this.#state, this.#mapping, value, "QuantileSketch.add", this.#state.count);
    return this;
  }

  /** Adds every value of a list. */
  addAll(values: ArrayLike<number>): this {
    sketchAddAll(this.#state, this.#mapping, values, "QuantileSketch.addAll", false);
    return this;
  }

  /** Merges another sketch (or its saved state) of the same accuracy into this one. */
  merge(other: QuantileSketch | QuantileSketchState): this {
    const partial = other instanceof QuantileSketch ? other.toJSON() : other;
    sketchMerge(this.#state, partial, "QuantileSketch.merge");
    return this;
  }

  /**
   * The estimated q-quantile, within α relative error of the value of rank ⌊q·(n − 1)⌋, or null when
   * empty.
   */
  quantile(q: number): number | null {
    checkProbability("QuantileSketch.quantile", q);
    return this.#state.count === 0 ? null : sketchQuantile(this.#state, this.#mapping, q);
  }

  /** A JSON-serialisable copy of the state. */
  toJSON(): QuantileSketchState {
    const copy = emptySketch(this.#mapping.alpha);
    sketchMerge(copy, this.#state, "QuantileSketch.toJSON");
    return copy;
  }
}

/**
 * Options of {@link quantilesAggregate}.
 *
 * @category Quantiles
 */
export interface QuantilesAggregateOptions extends QuantileSketchOptions {
  /** The probabilities to report, each 0–1; `[0.5, 0.9, 0.95]` unless given. */
  readonly probabilities?: readonly number[];
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) whose result is estimated quantiles of the
 * values, from a {@link QuantileSketch}.
 *
 * @remarks
 * The state is the sketch's {@link QuantileSketchState}; merging adds bucket counts, so any split
 * gives exactly the one-pass estimates. Each estimate is within `relativeAccuracy` (default 1 %) of
 * the value of rank ⌊p·(n − 1)⌋, as {@link QuantileSketch} states.
 *
 * @param options - `probabilities` and `relativeAccuracy`
 * @returns the aggregate; its `finalize` gives one estimate per probability, or `null` when empty
 * @throws {@link TouchpointError} `invalid_option` for a bad accuracy, `invalid_probability` for a
 *   probability outside 0–1
 *
 * @example
 * ```ts
 * import { createAccumulator, quantilesAggregate } from "touchpoint/metrics";
 *
 * const acc = createAccumulator(quantilesAggregate({ probabilities: [0, 1] })).addAll([-3, 0, 42]);
 * acc.result(); // => [-3, 42]
 * ```
 *
 * @category Quantiles
 */
export function quantilesAggregate(
  options: QuantilesAggregateOptions = {},
): Aggregate<number, number[] | null, QuantileSketchState> {
  options = checkOptions("quantilesAggregate", options);
  const fn = "quantilesAggregate";
  const m = mappingOf(accuracyOf(fn, options));
  const ps = (options.probabilities ?? [0.5, 0.9, 0.95]).map((p) => checkProbability(fn, p));
  return {
    initialState: () => emptySketch(m.alpha),
    aggregate: (state, value) => {
      if (value != null) sketchAdd(state, m, value, fn, state.count);
      return state;
    },
    aggregateAll: (state, values) => {
      sketchAddAll(state, m, values, fn, true);
      return state;
    },
    merge: (state, partial) => {
      sketchMerge(state, partial, fn);
      return state;
    },
    finalize: (state) => (state.count === 0 ? null : ps.map((p) => sketchQuantile(state, m, p))),
  };
}

/** Internal access for the durations aggregate. */
export const sketchInternals = { accuracyOf, mappingOf };
