/**
 * Survey scores, means and percentiles on 10 million values: touchpoint's calculators and
 * accumulators against a hand-written loop and simple-statistics, measured in the same run.
 *
 * The hand loops do what a developer would write inline: no validation, one pass. Our calculators
 * validate every value (integer, range, finite) and still aim to stay within 1.5× of them.
 * Percentiles: selection (src/internal/quantile.ts, quickselect) against a full sort and against
 * simple-statistics' `quantile` (also quickselect); the DDSketch accumulator is shown too, as the
 * mergeable alternative with a 1 % relative-error bound.
 */
import * as ss from "simple-statistics";
import { quantiles } from "../src/internal/quantile.js";
import {
  ces,
  cesAggregate,
  createAccumulator,
  csat,
  csatAggregate,
  durationsAggregate,
  meanAggregate,
  nps,
  npsAggregate,
} from "../src/metrics/index.js";
import type { Bench } from "./run.js";
import { keep, type Measurement, measure, table } from "./lib/measure.js";
import { random } from "./lib/random.js";

const N = Number(process.env.BENCH_N ?? 10_000_000);

function integers(n: number, min: number, max: number, seed: number): number[] {
  const next = random(seed);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) out[i] = min + Math.floor(next() * (max - min + 1));
  return out;
}

/** Log-normal durations in seconds (median ~7 min, long tail), whole seconds. */
function durations(n: number, seed: number): number[] {
  const next = random(seed);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    out[i] = Math.round(Math.exp(6 + 1.5 * z));
  }
  return out;
}

function handNps(a: readonly number[]): number {
  let promoters = 0;
  let detractors = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    if (v >= 9) promoters++;
    else if (v <= 6) detractors++;
  }
  return ((promoters - detractors) * 100) / a.length;
}

function handCsat(a: readonly number[]): number {
  let satisfied = 0;
  for (let i = 0; i < a.length; i++) if (a[i]! >= 4) satisfied++;
  return (satisfied * 100) / a.length;
}

/** What a developer writes for CES by hand: mean, % agreeing (5–7), % easy (6–7) − % difficult (1–3). */
function handCes(a: readonly number[]): [mean: number, agreeing: number, index: number] {
  let sum = 0;
  let agree = 0;
  let easy = 0;
  let difficult = 0;
  for (let i = 0; i < a.length; i++) {
    const v = a[i]!;
    sum += v;
    if (v >= 5) agree++;
    if (v >= 6) easy++;
    else if (v <= 3) difficult++;
  }
  return [sum / a.length, (agree * 100) / a.length, ((easy - difficult) * 100) / a.length];
}

function handMean(a: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i]!;
  return sum / a.length;
}

/** Type-7 quantiles after a full sort of a typed copy (`new Float64Array(array)` copies without the iterator protocol). */
function sortQuantiles(a: readonly number[], ps: readonly number[]): number[] {
  const sorted = new Float64Array(a).sort();
  return ps.map((p) => {
    const h = (sorted.length - 1) * p;
    const k = Math.floor(h);
    const low = sorted[k]!;
    return k + 1 < sorted.length ? low + (h - k) * (sorted[k + 1]! - low) : low;
  });
}

function check(name: string, a: unknown, b: unknown): void {
  if (JSON.stringify(a) !== JSON.stringify(b))
    throw new Error(`${name}: ${JSON.stringify(a)} ≠ ${JSON.stringify(b)}`);
}

const fast = { rounds: 7, warmup: 2 };
const slow = { rounds: 3, warmup: 1 };

const bench: Bench = {
  title: "Metrics: survey scores, means and percentiles",
  run() {
    const sections: string[] = [];
    const n = N.toLocaleString("en");

    // NPS
    const npsScores = integers(N, 0, 10, 1);
    check("nps", nps(npsScores), handNps(npsScores));
    check("npsAggregate", createAccumulator(npsAggregate()).addAll(npsScores).result(), handNps(npsScores));
    const npsRows: Measurement[] = [
      measure("hand-written loop", () => handNps(npsScores), fast),
      measure("nps()", () => nps(npsScores), fast),
      measure(
        "npsAggregate().addAll",
        () => createAccumulator(npsAggregate()).addAll(npsScores).result(),
        fast,
      ),
      measure(
        "npsAggregate().add per value",
        () => {
          const acc = createAccumulator(npsAggregate());
          for (let i = 0; i < npsScores.length; i++) acc.add(npsScores[i]!);
          return acc.result();
        },
        slow,
      ),
    ];
    sections.push(`### NPS of ${n} answers (number[])\n\n${table(npsRows, "hand-written loop")}`);

    // CSAT
    const ratings = integers(N, 1, 5, 2);
    check("csat", csat(ratings), handCsat(ratings));
    const csatRows: Measurement[] = [
      measure("hand-written loop", () => handCsat(ratings), fast),
      measure("csat()", () => csat(ratings), fast),
      measure(
        "csatAggregate().addAll",
        () => createAccumulator(csatAggregate()).addAll(ratings).result(),
        fast,
      ),
    ];
    sections.push(`### CSAT of ${n} ratings 1–5 (number[])\n\n${table(csatRows, "hand-written loop")}`);

    // CES and means
    const cesScores = integers(N, 1, 7, 3);
    check("ces mean", ces(cesScores)?.mean, handMean(cesScores));
    check("ces agreeing", ces(cesScores)?.agreeing, handCes(cesScores)[1]);
    check("ss.mean", ss.mean(cesScores), handMean(cesScores));
    const cesRows: Measurement[] = [
      measure("hand-written loop", () => handCes(cesScores), fast),
      measure("ces()", () => ces(cesScores), fast),
      measure(
        "cesAggregate().addAll",
        () => createAccumulator(cesAggregate()).addAll(cesScores).result(),
        fast,
      ),
    ];
    sections.push(
      `### CES of ${n} answers 1–7: mean, % agreeing, easy − difficult index (number[])\n\n${table(cesRows, "hand-written loop")}`,
    );
    const meanRows: Measurement[] = [
      measure("hand-written loop", () => handMean(cesScores), fast),
      measure(
        "meanAggregate().addAll",
        () => createAccumulator(meanAggregate()).addAll(cesScores).result(),
        fast,
      ),
      measure("simple-statistics mean", () => ss.mean(cesScores), fast),
    ];
    sections.push(`### Mean of ${n} values (number[])\n\n${table(meanRows, "hand-written loop")}`);

    // Percentiles
    const times = durations(N, 4);
    const ps = [0.5, 0.9, 0.95];
    const exact = quantiles(times, ps);
    check("sort", sortQuantiles(times, ps), exact);
    check("simple-statistics", ss.quantile(times, ps), exact);
    const sketch = createAccumulator(durationsAggregate()).addAll(times).result()!;
    const worst = Math.max(
      Math.abs(sketch.median - exact[0]!) / exact[0]!,
      Math.abs(sketch.p90 - exact[1]!) / exact[1]!,
      Math.abs(sketch.p95 - exact[2]!) / exact[2]!,
    );
    const pctRows: Measurement[] = [
      measure("full sort (Float64Array)", () => sortQuantiles(times, ps), slow),
      measure(
        "(copy only: Float64Array.from, as internal/quantile does)",
        () => Float64Array.from(times),
        slow,
      ),
      measure("(copy only: new Float64Array)", () => new Float64Array(times), slow),
      measure("selection (internal/quantile)", () => quantiles(times, ps), slow),
      measure("simple-statistics quantile", () => ss.quantile(times, ps), slow),
      measure(
        "durationsAggregate (DDSketch 1 %) addAll",
        () => createAccumulator(durationsAggregate()).addAll(times).result(),
        slow,
      ),
    ];
    keep(pctRows);
    sections.push(
      `### Median, p90, p95 of ${n} durations (number[], log-normal whole seconds)\n\n${table(pctRows, "full sort (Float64Array)")}\n\n` +
        `Largest relative error of the sketch against the exact type-7 values in this run: ${(worst * 100).toFixed(3)} % ` +
        "(bound: 1 % of the value of rank ⌊p·(n − 1)⌋).",
    );

    return sections.join("\n\n");
  },
};

export default bench;
