/**
 * Customer Effort Score (CES 2.0) in the three ways vendors report it: the mean, the percentage
 * that agree, and the easy-minus-difficult index. One histogram state serves all three.
 */
import { checkOptions } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";
import type { Aggregate } from "./aggregate.js";
import type { RatingScale } from "./csat.js";
import { type HistogramState, histogramAggregate } from "./histogram-aggregate.js";
import { countRatings, resolveScale } from "./survey-checks.js";

/**
 * Options of {@link ces}: the scale and the cut-offs of the three readings.
 *
 * @category Survey scores
 */
export interface CesOptions {
  /** The answer scale; 1–7 (CES 2.0, 7 = strongly agree it was easy) unless given. */
  readonly scale?: RatingScale;
  /** The lowest answer that agrees; 5 on 1–7 (the first point above the midpoint) unless given. */
  readonly agree?: number;
  /** The lowest "easy" answer for the index; 6 on 1–7 (the top two points) unless given. */
  readonly easy?: number;
  /** The highest "difficult" answer for the index; 3 on 1–7 (every point below the midpoint) unless given. */
  readonly difficult?: number;
}

/**
 * A Customer Effort Score read three ways.
 *
 * @category Survey scores
 */
export interface CesResult {
  /** How many answers. */
  readonly count: number;
  /** The mean answer (Nicereply's CES). */
  readonly mean: number;
  /** The percentage of answers at or above `agree` (5–7 on the 1–7 scale). */
  readonly agreeing: number;
  /** The percentage of answers at or above `easy` (6–7). */
  readonly easy: number;
  /** The percentage of answers at or below `difficult` (1–3). */
  readonly difficult: number;
  /** `easy − difficult`, −100 to 100: the CES index. */
  readonly index: number;
}

interface Resolved {
  readonly min: number;
  readonly max: number;
  readonly agree: number;
  readonly easy: number;
  readonly difficult: number;
}

function resolve(fn: string, options: CesOptions): Resolved {
  const { min, max } = resolveScale(fn, options.scale, 1, 7);
  const cut = (name: "agree" | "easy" | "difficult", fallback: number): number => {
    const value = options[name] ?? fallback;
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new TouchpointError(
        "invalid_option",
        `${fn}: expected ${name} to be an integer ${min}–${max}, got ${quote(value)}`,
        {
          path: name,
          value,
        },
      );
    }
    return value;
  };
  return {
    min,
    max,
    agree: cut("agree", Math.floor((min + max) / 2) + 1),
    easy: cut("easy", max - 1),
    difficult: cut("difficult", Math.ceil((min + max) / 2) - 1),
  };
}

function resultOf(state: HistogramState, r: Resolved): CesResult | null {
  let count = 0;
  let sum = 0;
  let agreeing = 0;
  let easy = 0;
  let difficult = 0;
  for (let k = 0; k < state.counts.length; k++) {
    const c = state.counts[k]!;
    const score = state.min + k;
    count += c;
    sum += c * score;
    if (score >= r.agree) agreeing += c;
    if (score >= r.easy) easy += c;
    if (score <= r.difficult) difficult += c;
  }
  if (count === 0) return null;
  return {
    count,
    mean: sum / count,
    agreeing: (agreeing * 100) / count,
    easy: (easy * 100) / count,
    difficult: (difficult * 100) / count,
    index: ((easy - difficult) * 100) / count,
  };
}

/**
 * Returns the Customer Effort Score of CES 2.0 answers: their mean, the percentage that agree, and
 * the easy-minus-difficult index.
 *
 * @remarks
 * CES 2.0 asks how much the customer agrees that "the company made it easy for me to handle my
 * issue", 1 (strongly disagree) to 7 (strongly agree). Vendors report it three ways, all returned:
 * the mean (Nicereply, https://support.nicereply.com/article/267-how-is-ces-calculated); the
 * percentage answering 5–7 (Zonka Feedback's CES guide); and an index %easy (6–7) − %difficult (1–3)
 * (CYS Group, https://support.cys.group/support/solutions/articles/3000095531). Other scales take
 * the same shape: agree above the midpoint, easy the top two points, difficult below the midpoint.
 *
 * @param scores - the answers, integers on the scale
 * @param options - the scale and the cut-offs (see {@link CesOptions})
 * @returns the three readings and the count, or `null` when there are no answers
 * @throws {@link TouchpointError} `score_out_of_range`, `not_an_integer` or `not_finite` for a bad
 *   answer, naming its index; `invalid_option` for a bad scale or cut-off
 *
 * @example
 * ```ts
 * import { ces } from "touchpoint/metrics";
 *
 * // Mean 24 / 5 = 4.8; agreeing {7, 6, 5} = 60 %; easy {7, 6} 40 % − difficult {2} 20 % = 20.
 * ces([7, 6, 5, 4, 2]); // => { count: 5, mean: 4.8, agreeing: 60, easy: 40, difficult: 20, index: 20 }
 * ces([]); // => null
 * ces([0]); // throws score_out_of_range
 * ```
 *
 * @category Survey scores
 */
export function ces(scores: ArrayLike<number>, options: CesOptions = {}): CesResult | null {
  options = checkOptions("ces", options);
  const r = resolve("ces", options);
  const counts = new Array<number>(r.max - r.min + 1).fill(0);
  countRatings(counts, r.min, r.max, scores, "ces", false);
  return resultOf({ min: r.min, counts }, r);
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) whose result is the {@link CesResult}.
 *
 * @remarks
 * The state is the histogram `{ min, counts }` of the scale; merging adds the counts, so any split
 * merges to exactly the one-pass {@link ces} (the mean included: it is computed from integer counts).
 *
 * @param options - the scale and the cut-offs (see {@link CesOptions})
 * @returns the aggregate; its `finalize` gives the result or `null` for no answers
 * @throws {@link TouchpointError} `invalid_option` for a bad scale or cut-off
 *
 * @example
 * ```ts
 * import { cesAggregate, createAccumulator } from "touchpoint/metrics";
 *
 * const acc = createAccumulator(cesAggregate()).addAll([7, 7]).merge(createAccumulator(cesAggregate()).add(1));
 * acc.result()?.mean; // => 5
 * acc.result()?.agreeing; // ≈ 66.67
 * ```
 *
 * @category Survey scores
 */
export function cesAggregate(options: CesOptions = {}): Aggregate<number, CesResult | null, HistogramState> {
  options = checkOptions("cesAggregate", options);
  const r = resolve("ces", options);
  return histogramAggregate("ces", r, (state) => resultOf(state, r));
}
