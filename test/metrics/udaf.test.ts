/**
 * Drives the aggregates through BigQuery's JavaScript UDAF protocol as BigQuery runs it: each
 * worker calls `initialState()` and then `aggregate(state, value)` for its rows, updating the state
 * in place; partial states travel between workers serialised as JSON; a coordinator folds them with
 * `merge(state, partialState)`, possibly in several rounds, and calls `finalize(state)` once.
 * (https://cloud.google.com/bigquery/docs/user-defined-aggregates, "JavaScript UDAFs".)
 */
import { describe, expect, it } from "vitest";
import { random } from "../../bench/lib/random.js";
import {
  type Aggregate,
  ces,
  cesAggregate,
  churnRate,
  churnRateAggregate,
  csat,
  csatAggregate,
  csatBreakdown,
  csatBreakdownAggregate,
  durationsAggregate,
  meanAggregate,
  nps,
  npsAggregate,
  npsBreakdown,
  npsBreakdownAggregate,
  QuantileSketch,
  quantilesAggregate,
} from "touchpoint/metrics";

/**
 * Runs `udaf` the way a distributed engine does: rows dealt at random to `workers` workers, each
 * worker's state shipped as JSON, then merged pairwise in a random tree.
 */
function runDistributed<V, R, S>(
  udaf: Aggregate<V, R, S>,
  rows: readonly (V | null)[],
  workers: number,
  seed: number,
): R {
  // Destructure, as a UDAF library file does: the functions must not depend on `this`.
  const { initialState, aggregate, merge, finalize } = udaf;
  const next = random(seed);
  const states = Array.from({ length: workers }, () => initialState());
  for (const row of rows) {
    const state = states[Math.floor(next() * workers)]!;
    aggregate(state, row); // the return value is ignored, as BigQuery ignores it
  }
  const partials = states.map((s) => JSON.stringify(s));
  while (partials.length > 1) {
    const i = Math.floor(next() * partials.length);
    const [left] = partials.splice(i, 1);
    const j = Math.floor(next() * partials.length);
    const into = JSON.parse(partials[j]!) as S;
    merge(into, JSON.parse(left!) as S);
    partials[j] = JSON.stringify(into);
  }
  const final = initialState();
  merge(final, JSON.parse(partials[0]!) as S);
  return finalize(final);
}

function scores(n: number, min: number, max: number, seed: number): number[] {
  const next = random(seed);
  return Array.from({ length: n }, () => min + Math.floor(next() * (max - min + 1)));
}

describe("BigQuery UDAF protocol", () => {
  const npsRows = scores(5000, 0, 10, 1);
  const csatRows = scores(5000, 1, 5, 2);
  const cesRows = scores(5000, 1, 7, 3);
  const durations = scores(5000, 0, 86_400, 4);

  it.each([1, 2, 7, 64])("gives the one-pass survey scores across %i workers", (workers) => {
    expect(runDistributed(npsAggregate(), npsRows, workers, workers)).toBe(nps(npsRows));
    expect(runDistributed(npsBreakdownAggregate(), npsRows, workers, workers)).toEqual(npsBreakdown(npsRows));
    expect(runDistributed(csatAggregate(), csatRows, workers, workers)).toBe(csat(csatRows));
    expect(runDistributed(csatBreakdownAggregate(), csatRows, workers, workers)).toEqual(
      csatBreakdown(csatRows),
    );
    expect(runDistributed(cesAggregate(), cesRows, workers, workers)).toEqual(ces(cesRows));
  });

  it.each([1, 3, 16])("gives the one-pass durations and quantiles across %i workers", (workers) => {
    const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
    expect(runDistributed(meanAggregate(), durations, workers, workers)).toBe(mean);
    const sketch = new QuantileSketch().addAll(durations);
    const summary = runDistributed(durationsAggregate(), durations, workers, workers)!;
    expect(summary).toEqual({
      count: durations.length,
      mean,
      median: sketch.quantile(0.5),
      p90: sketch.quantile(0.9),
      p95: sketch.quantile(0.95),
      min: Math.min(...durations),
      max: Math.max(...durations),
      relativeAccuracy: 0.01,
    });
    expect(
      runDistributed(quantilesAggregate({ probabilities: [0.25, 0.75] }), durations, workers, workers),
    ).toEqual([sketch.quantile(0.25), sketch.quantile(0.75)]);
  });

  it("skips NULL rows as SQL aggregates do, and finalises an empty group to null", () => {
    const withNulls = [10, null, 9, null, 0];
    expect(runDistributed(npsAggregate(), withNulls, 3, 9)).toBe(nps([10, 9, 0]));
    expect(runDistributed(npsAggregate(), [], 4, 9)).toBeNull();
    expect(runDistributed(durationsAggregate(), [null], 2, 9)).toBeNull();
  });

  it("pools count records across workers", () => {
    const rows = [
      { start: 100, lost: 5 },
      { start: 300, lost: 3 },
      { start: 50, lost: 50 },
    ];
    expect(runDistributed(churnRateAggregate(), rows, 2, 5)).toBe(churnRate({ start: 450, lost: 58 }));
  });

  it("keeps every state plain JSON", () => {
    for (const udaf of [
      npsAggregate(),
      csatAggregate(),
      cesAggregate(),
      durationsAggregate(),
      meanAggregate(),
    ] as Aggregate<number, unknown, unknown>[]) {
      const state = udaf.initialState();
      for (const v of [1, 2, 3, 4, 5]) udaf.aggregate(state, v);
      expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    }
  });
});
