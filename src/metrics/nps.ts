/**
 * Net Promoter Score: the calculator, its breakdown with a margin of error, and the mergeable
 * aggregates behind both. The state is the three group counts, so any split of the answers merges
 * back exactly; the calculators run the same counting loop as the aggregates.
 */
import { checkOptions } from "../internal/args.js";
import type { Aggregate } from "./aggregate.js";
import { badScore, countRatings, stateCount } from "./survey-checks.js";
import type { Interval } from "./wilson-interval.js";

/**
 * The counts an NPS aggregate keeps: answers 9–10, 7–8 and 0–6.
 *
 * @category Survey scores
 */
export interface NpsState {
  /** Answers of 9 or 10. */
  promoters: number;
  /** Answers of 7 or 8. */
  passives: number;
  /** Answers of 0 to 6. */
  detractors: number;
}

/**
 * One NPS group: how many answers fell in it and their share of all answers.
 *
 * @category Survey scores
 */
export interface NpsGroup {
  /** How many answers. */
  readonly count: number;
  /** Their share of all answers, 0–100. */
  readonly percent: number;
}

/**
 * The groups behind a Net Promoter Score, the score, and its 95% margin of error.
 *
 * @category Survey scores
 */
export interface NpsBreakdown {
  /** How many answers in all. */
  readonly total: number;
  /** Answers of 9 or 10. */
  readonly promoters: NpsGroup;
  /** Answers of 7 or 8. */
  readonly passives: NpsGroup;
  /** Answers of 0 to 6. */
  readonly detractors: NpsGroup;
  /** The Net Promoter Score, −100 to 100. */
  readonly nps: number;
  /** Half the width of the 95% confidence interval of the score, in NPS points. */
  readonly marginOfError: number;
  /** The 95% confidence interval `nps ± marginOfError`, clipped to −100…100. */
  readonly interval: Interval;
}

const FN = "nps";

/** Counts `values[i]` into `state`; the hot loop of every NPS entry point. */
function countScores(
  state: NpsState,
  values: ArrayLike<number | null | undefined>,
  fn: string,
  skipMissing: boolean,
): NpsState {
  // A histogram of the eleven answers, folded into the three groups afterwards: the histogram loop
  // has no data-dependent branch, so it beats the obvious if/else chain on real (unsorted) answers.
  const counts = new Array<number>(11).fill(0);
  countRatings(counts, 0, 10, values, fn, skipMissing);
  for (let k = 0; k <= 10; k++) {
    const c = counts[k]!;
    if (k >= 9) state.promoters += c;
    else if (k >= 7) state.passives += c;
    else state.detractors += c;
  }
  return state;
}

function scoreOf(state: NpsState): number | null {
  const total = state.promoters + state.passives + state.detractors;
  return total === 0 ? null : ((state.promoters - state.detractors) * 100) / total;
}

function breakdownOf(state: NpsState, z: number): NpsBreakdown | null {
  const { promoters, passives, detractors } = state;
  const total = promoters + passives + detractors;
  if (total === 0) return null;
  const pro = promoters / total;
  const det = detractors / total;
  // Percentages as count × 100 / total, which is exact whenever the true value is a whole number.
  const nps = ((promoters - detractors) * 100) / total;
  // Var(p̂ − d̂) for trinomial proportions = (p(1−p) + d(1−d) + 2pd) / n = (p + d − (p − d)²) / n.
  const variance = Math.max(0, pro + det - (pro - det) ** 2) / total;
  const marginOfError = z * Math.sqrt(variance) * 100;
  return {
    total,
    promoters: { count: promoters, percent: (promoters * 100) / total },
    passives: { count: passives, percent: (passives * 100) / total },
    detractors: { count: detractors, percent: (detractors * 100) / total },
    nps,
    marginOfError,
    interval: { lower: Math.max(-100, nps - marginOfError), upper: Math.min(100, nps + marginOfError) },
  };
}

function makeAggregate<R>(name: string, finalize: (state: NpsState) => R): Aggregate<number, R, NpsState> {
  return {
    initialState: () => ({ promoters: 0, passives: 0, detractors: 0 }),
    aggregate: (state, value) => {
      if (value == null) return state;
      const before = state.promoters + state.passives + state.detractors;
      if (value >= 9 && (value === 9 || value === 10)) state.promoters++;
      else if (value === 7 || value === 8) state.passives++;
      else if (value >= 0 && value <= 6 && Number.isInteger(value)) state.detractors++;
      else badScore(name, value, 0, 10, before);
      return state;
    },
    aggregateAll: (state, values) => countScores(state, values, name, true),
    merge: (state, partial) => {
      const promoters = stateCount(name, partial, "promoters");
      const passives = stateCount(name, partial, "passives");
      const detractors = stateCount(name, partial, "detractors");
      state.promoters += promoters;
      state.passives += passives;
      state.detractors += detractors;
      return state;
    },
    finalize,
  };
}

/**
 * Returns the Net Promoter Score of 0–10 answers: the percentage of promoters (9–10) minus the
 * percentage of detractors (0–6), from −100 to 100.
 *
 * @remarks
 * Definition by Reichheld and Bain & Company ("The One Number You Need to Grow", HBR 2003), as
 * vendors document it (Nicereply, https://support.nicereply.com/article/266-how-is-nps-calculated).
 * Passives (7–8) count in the total but in neither group. Every answer must be an integer 0–10.
 * The result is not rounded; Bain reports it as a whole number.
 *
 * @param scores - answers to "How likely are you to recommend us?", integers 0–10
 * @returns the score, −100 to 100, or `null` when there are no answers
 * @throws {@link TouchpointError} `score_out_of_range`, `not_an_integer` or `not_finite` for an
 *   answer that is not an integer 0–10, naming its index
 *
 * @example
 * ```ts
 * import { nps } from "touchpoint/metrics";
 *
 * // Sightmill's worked example: 3 promoters, 3 passives, 4 detractors → 30 % − 40 %.
 * nps([3, 4, 5, 6, 8, 8, 8, 9, 10, 10]); // => -10
 * nps([]); // => null
 * nps([9, 11]); // throws score_out_of_range
 * ```
 *
 * @category Survey scores
 */
export function nps(scores: ArrayLike<number>): number | null {
  return scoreOf(countScores({ promoters: 0, passives: 0, detractors: 0 }, scores, FN, false));
}

/**
 * Options of {@link npsBreakdown}.
 *
 * @category Survey scores
 */
export interface NpsBreakdownOptions {
  /** The normal quantile of the confidence level; 1.96 (95%) unless given. */
  readonly z?: number;
}

/**
 * Returns the promoters, passives and detractors behind a Net Promoter Score, the score itself and
 * its 95% margin of error.
 *
 * @remarks
 * Groups as in {@link nps}. The margin of error treats each answer as a draw of +1 (promoter),
 * 0 (passive) or −1 (detractor), so NPS/100 is a sample mean whose variance is
 * (p + d − (p − d)²) / n for promoter share p and detractor share d; the margin is
 * `z · sqrt((p + d − (p − d)²) / n) · 100` with z = 1.96. This is the trinomial variance derived by
 * Cybaea ("NPS confidence intervals", 2016, http://www.cybaea.net/Journal/2016/01/14/NPS-confidence-intervals-stats/)
 * from Var(p) = p(1−p)/n and Cov(p, d) = −pd/n. It is a normal (Wald) approximation: with fewer
 * than about 30 answers, or all answers in one group (margin 0), read it with care.
 *
 * @param scores - answers 0–10, as for {@link nps}
 * @param options - `z`, to change the confidence level
 * @returns the breakdown, or `null` when there are no answers
 * @throws {@link TouchpointError} as {@link nps} does
 *
 * @example
 * ```ts
 * import { npsBreakdown } from "touchpoint/metrics";
 *
 * // 5 promoters, 3 passives, 2 detractors: NPS = 50 − 20 = 30;
 * // variance = (0.5 + 0.2 − 0.3²) / 10 = 0.061; margin = 1.96 · √0.061 · 100 ≈ 48.41.
 * const b = npsBreakdown([10, 10, 9, 9, 9, 8, 7, 7, 6, 0])!;
 * b.nps; // => 30
 * b.promoters; // => { count: 5, percent: 50 }
 * b.detractors.count; // => 2
 * b.marginOfError; // ≈ 48.41
 * ```
 *
 * @category Survey scores
 */
export function npsBreakdown(
  scores: ArrayLike<number>,
  options: NpsBreakdownOptions = {},
): NpsBreakdown | null {
  options = checkOptions("npsBreakdown", options);
  return breakdownOf(
    countScores({ promoters: 0, passives: 0, detractors: 0 }, scores, "npsBreakdown", false),
    options.z ?? 1.96,
  );
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) whose result is the Net Promoter Score.
 *
 * @remarks
 * The state is `{ promoters, passives, detractors }`; merging adds the counts, so any split merges
 * to exactly the one-pass {@link nps}. See {@link Aggregate} for the protocol.
 *
 * @returns the aggregate; its `finalize` gives the score or `null` for no answers
 *
 * @example
 * ```ts
 * import { createAccumulator, npsAggregate } from "touchpoint/metrics";
 *
 * const email = createAccumulator(npsAggregate()).addAll([10, 9, 6]);
 * const chat = createAccumulator(npsAggregate()).addAll([8, 3]);
 * email.result(); // ≈ 33.33
 * email.merge(chat).result(); // => 0
 * email.toJSON(); // => { promoters: 2, passives: 1, detractors: 2 }
 * ```
 *
 * @category Survey scores
 */
export function npsAggregate(): Aggregate<number, number | null, NpsState> {
  return makeAggregate(FN, scoreOf);
}

/**
 * Returns a mergeable aggregate (BigQuery UDAF shape) whose result is the {@link NpsBreakdown}.
 *
 * @remarks
 * Same state and merging as {@link npsAggregate}; `finalize` gives what {@link npsBreakdown} gives.
 *
 * @param options - `z`, to change the confidence level
 * @returns the aggregate; its `finalize` gives the breakdown or `null` for no answers
 *
 * @example
 * ```ts
 * import { createAccumulator, npsBreakdownAggregate } from "touchpoint/metrics";
 *
 * const acc = createAccumulator(npsBreakdownAggregate()).addAll([10, 10, 10, 10]);
 * acc.result()?.promoters; // => { count: 4, percent: 100 }
 * acc.result()?.marginOfError; // => 0
 * ```
 *
 * @category Survey scores
 */
export function npsBreakdownAggregate(
  options: NpsBreakdownOptions = {},
): Aggregate<number, NpsBreakdown | null, NpsState> {
  options = checkOptions("npsBreakdownAggregate", options);
  const z = options.z ?? 1.96;
  return makeAggregate("npsBreakdown", (state) => breakdownOf(state, z));
}
