/**
 * Precondition checks shared by the survey and rate calculators of this area (not exported from
 * the area's index). Each throws a TouchpointError whose message starts with the calling
 * function's name and quotes the value and its index, as STYLE.md asks.
 */
import { quote, TouchpointError } from "../internal/errors.js";

/** Throws the error for a value that is not an integer in [min, max]. */
export function badScore(fn: string, value: unknown, min: number, max: number, index: number): never {
  const code =
    typeof value !== "number" || !Number.isFinite(value)
      ? "not_finite"
      : Number.isInteger(value)
        ? "score_out_of_range"
        : "not_an_integer";
  throw new TouchpointError(
    code,
    `${fn}: expected an integer ${min}–${max}, got ${quote(value)} at index ${index}`,
    {
      index,
      value,
    },
  );
}

/** Checks that `value` is a non-negative integer count; `path` names the field. */
export function checkCount(fn: string, path: string, value: unknown, index?: number): number {
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  const code =
    typeof value !== "number" || !Number.isFinite(value)
      ? "not_finite"
      : !Number.isInteger(value)
        ? "not_an_integer"
        : "negative_value";
  const where = index === undefined ? "" : ` at index ${index}`;
  throw new TouchpointError(
    code,
    `${fn}: expected ${path} to be a non-negative integer, got ${quote(value)}${where}`,
    {
      ...(index === undefined ? {} : { index }),
      path,
      value,
    },
  );
}

/** Checks that `value` is a finite number, optionally at least `min` (or above it when `strict`). */
export function checkNumber(fn: string, path: string, value: unknown, min?: number, strict = false): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    throw new TouchpointError(
      "not_finite",
      `${fn}: expected ${path} to be a finite number, got ${quote(value)}`,
      {
        path,
        value,
      },
    );
  }
  if (min !== undefined && (strict ? value <= min : value < min)) {
    const code = min === 0 && !strict ? "negative_value" : "out_of_range";
    throw new TouchpointError(
      code,
      `${fn}: expected ${path} to be ${strict ? "greater than" : "at least"} ${min}, got ${quote(value)}`,
      { path, value },
    );
  }
  return value;
}

/** Throws `inconsistent_counts` for counts that cannot all be true at once. */
export function inconsistent(fn: string, what: string, value: unknown, index?: number): never {
  const where = index === undefined ? "" : ` at index ${index}`;
  throw new TouchpointError("inconsistent_counts", `${fn}: expected ${what}, got ${quote(value)}${where}`, {
    ...(index === undefined ? {} : { index }),
    value,
  });
}

/** Throws `invalid_state` for a partial state that is not a state of this aggregate. */
export function badState(fn: string, value: unknown): never {
  throw new TouchpointError(
    "invalid_state",
    `${fn}: expected a state saved by this aggregate, got ${quote(value)}`,
    {
      value,
    },
  );
}

/** Throws `incompatible_state` for a state saved with other options. */
export function incompatibleState(fn: string, what: string, value: unknown): never {
  throw new TouchpointError(
    "incompatible_state",
    `${fn}: cannot merge a state ${what}, got ${quote(value)}`,
    {
      value,
    },
  );
}

/** Reads a count field of a partial state, rejecting anything that is not a non-negative integer. */
export function stateCount(fn: string, state: unknown, key: string): number {
  const value =
    typeof state === "object" && state !== null ? (state as Record<string, unknown>)[key] : undefined;
  if (typeof value === "number" && Number.isSafeInteger(value) && value >= 0) return value;
  return badState(fn, state);
}

/** Reads an array of counts from a partial state, checking its length. */
export function stateCounts(fn: string, state: unknown, key: string, length: number): readonly number[] {
  const value =
    typeof state === "object" && state !== null ? (state as Record<string, unknown>)[key] : undefined;
  if (!Array.isArray(value)) return badState(fn, state);
  if (value.length !== length)
    return incompatibleState(fn, `with ${value.length} scale points into one with ${length}`, state);
  for (const c of value) if (typeof c !== "number" || !Number.isSafeInteger(c) || c < 0) badState(fn, state);
  return value as readonly number[];
}

/** The percentage `part / whole × 100`, or null when `whole` is 0. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : (part * 100) / whole;
}

/** Adds a histogram of `values` to `counts`; the hot loop of every rating-scale entry point. */
export function countRatings(
  counts: number[],
  min: number,
  max: number,
  values: ArrayLike<number | null | undefined>,
  fn: string,
  skipMissing: boolean,
): void {
  if (!Array.isArray(values) && !(ArrayBuffer.isView(values) && !(values instanceof DataView))) {
    throw new TouchpointError("invalid_input", `${fn}: expected an array of scores, got ${quote(values)}`, {
      value: values,
    });
  }
  try {
    countRatingsUnchecked(counts, min, max, values, fn, skipMissing);
  } catch (error) {
    if (error instanceof TouchpointError) throw error;
    // The hot loop subtracts before it checks, and an object without a prototype (or whose
    // valueOf throws) cannot be subtracted: find it and report it as any other bad score.
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (typeof v !== "number" && !(skipMissing && v == null)) badScore(fn, v, min, max, i);
    }
    throw error;
  }
}

function countRatingsUnchecked(
  counts: number[],
  min: number,
  max: number,
  values: ArrayLike<number | null | undefined>,
  fn: string,
  skipMissing: boolean,
): void {
  const points = counts.length;
  // Two typed local histograms filled alternately: consecutive equal ratings (common) no longer
  // wait on each other's increment, which makes the loop ~30 % faster than one histogram.
  // `(k >>> 0) === k` accepts exactly the non-negative integers below 2³², so with `k < points` it
  // rejects fractions, NaN, infinities, null and out-of-range values in two comparisons.
  // null − min is −min, a valid index when the scale contains 0 (0–10, 0–4): on such scales the
  // values themselves must also be checked against null.
  const nullSafe = min > 0 || max < 0;
  const even = new Float64Array(points);
  const odd = new Float64Array(points);
  const n = values.length;
  let i = 0;
  for (; i + 1 < n; i += 2) {
    const k = (values[i] as number) - min;
    const j = (values[i + 1] as number) - min;
    if (
      k >>> 0 === k &&
      k < points &&
      j >>> 0 === j &&
      j < points &&
      (nullSafe || (values[i] !== null && values[i + 1] !== null))
    ) {
      even[k]!++;
      odd[j]!++;
    } else {
      if (k >>> 0 === k && k < points && values[i] !== null) even[k]!++;
      else if (!(skipMissing && values[i] == null)) badScore(fn, values[i], min, max, i);
      if (j >>> 0 === j && j < points && values[i + 1] !== null) odd[j]!++;
      else if (!(skipMissing && values[i + 1] == null)) badScore(fn, values[i + 1], min, max, i + 1);
    }
  }
  if (i < n) {
    const k = (values[i] as number) - min;
    if (k >>> 0 === k && k < points && values[i] !== null) even[k]!++;
    else if (!(skipMissing && values[i] == null)) badScore(fn, values[i], min, max, i);
  }
  for (let k = 0; k < points; k++) counts[k]! += even[k]! + odd[k]!;
}

/** Validates an integer rating scale, filling in the defaults. */
export function resolveScale(
  fn: string,
  scale: { readonly min: number; readonly max: number } | undefined,
  defaultMin: number,
  defaultMax: number,
): { min: number; max: number } {
  if (scale !== undefined && (typeof scale !== "object" || scale === null)) {
    throw new TouchpointError(
      "invalid_option",
      `${fn}: expected scale to be { min, max }, got ${quote(scale)}`,
      {
        path: "scale",
        value: scale,
      },
    );
  }
  const min = scale?.min ?? defaultMin;
  const max = scale?.max ?? defaultMax;
  if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || max <= min || max - min > 1000) {
    throw new TouchpointError(
      "invalid_option",
      `${fn}: expected scale to be integers min < max at most 1000 apart, got ${quote(scale)}`,
      { path: "scale", value: scale },
    );
  }
  return { min, max };
}
