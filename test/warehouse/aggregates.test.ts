/**
 * The pack's aggregates follow each warehouse's documented call protocol and agree with the
 * library's one-pass figures:
 *
 * - BigQuery (JavaScript UDAFs): rows dealt at random to workers, each its own JavaScript context
 *   with the library file loaded, calling `initialState` and `aggregate`; partial states shipped as
 *   JSON and merged pairwise in a random tree with `merge`; `finalize` once.
 * - Snowflake (JavaScript UDTFs): rows partitioned, each partition run through initialize /
 *   processRow / finalize; the STATE column of those rows (JSON, as VARIANT) merged in a random tree
 *   by the `_MERGE` table function, one level of partitions at a time.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { random } from "../../bench/lib/random.js";
import { type JourneyHistory, journeyFunnel } from "touchpoint/journey";
import { ces, csatBreakdown, durationsAggregate, nps, QuantileSketch } from "touchpoint/metrics";
import type { Pack } from "./pack.js";
import { pack } from "./pack.js";

let p: Pack;
beforeAll(async () => {
  p = await pack();
}, 60_000);

type Row = readonly unknown[];

function runBigQuery(name: string, rows: readonly Row[], workers: number, seed: number): unknown {
  const next = random(seed);
  const udafs = p.bigquery.workers(workers).map((context) => p.bigquery.udaf(name, context));
  const states = udafs.map((u) => u.initialState());
  for (const row of rows) {
    const w = Math.floor(next() * workers);
    udafs[w]!.aggregate(states[w], ...row);
  }
  const partials = states.map((s) => JSON.stringify(s));
  while (partials.length > 1) {
    const [left] = partials.splice(Math.floor(next() * partials.length), 1);
    const j = Math.floor(next() * partials.length);
    const u = udafs[Math.floor(next() * workers)]!;
    const into = JSON.parse(partials[j]!);
    u.merge(into, JSON.parse(left!));
    partials[j] = JSON.stringify(into);
  }
  const coordinator = udafs[0]!;
  const final = coordinator.initialState();
  coordinator.merge(final, JSON.parse(partials[0]!));
  return coordinator.finalize(final);
}

function runSnowflake(name: string, rows: readonly Row[], partitions: number, seed: number): unknown {
  const next = random(seed);
  const f = p.snowflake.functions.get(name)!;
  const argNames = f.args.slice(1).map((a) => a.name);
  const parts: Record<string, unknown>[][] = Array.from({ length: partitions }, () => []);
  for (const row of rows) {
    const k = Math.floor(next() * partitions);
    parts[k]!.push({ GROUP_KEY: `p${k}`, ...Object.fromEntries(argNames.map((n, i) => [n, row[i]])) });
  }
  // Empty partitions write no row in Snowflake: there is no partition without rows.
  let states = p.snowflake
    .table(
      name,
      parts.filter((part) => part.length > 0),
    )
    .map((r) => JSON.stringify(r.STATE));
  if (states.length === 0) return p.snowflake.table(name, [[]])[0]?.RESULT;
  // Merge levels: group the states at random into smaller partitions until one is left.
  let result: unknown;
  do {
    const groups = Math.max(1, Math.floor(states.length / 2));
    const merged: Record<string, unknown>[][] = Array.from({ length: groups }, () => []);
    for (const s of states)
      merged[Math.floor(next() * groups)]!.push({ GROUP_KEY: "all", STATE: JSON.parse(s) });
    const out = p.snowflake.table(
      `${name}_merge`,
      merged.filter((m) => m.length > 0),
    );
    states = out.map((r) => JSON.stringify(r.STATE));
    result = out[0]?.RESULT;
  } while (states.length > 1);
  return result;
}

function ints(n: number, min: number, max: number, seed: number): number[] {
  const next = random(seed);
  return Array.from({ length: n }, () => min + Math.floor(next() * (max - min + 1)));
}

/** Type-7 quantile (Hyndman & Fan 1996, R's default): x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]), h = (n − 1)p. */
function type7(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (h - lo) * (sorted[hi]! - sorted[lo]!);
}

const decode = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);

describe.each([
  ["bigquery", runBigQuery],
  ["snowflake", runSnowflake],
] as const)("%s aggregates", (_dialect, run) => {
  const npsRows = ints(3000, 0, 10, 1);
  const cesRows = ints(3000, 1, 7, 3);

  it.each([1, 3, 16])("tp_nps, tp_ces across %i workers or partitions", (k) => {
    expect(
      run(
        "tp_nps",
        npsRows.map((v) => [v]),
        k,
        k,
      ),
    ).toBe(nps(npsRows));
    expect(
      run(
        "tp_ces",
        cesRows.map((v) => [v]),
        k,
        k,
      ),
    ).toBe(ces(cesRows)?.mean);
  });

  it("tp_csat pools answers over their own scales, as `touchpoint analyze` does", () => {
    const five = ints(2000, 1, 5, 4);
    const ten = ints(700, 1, 10, 5);
    const rows = [...five.map((v) => [v, 1, 5]), ...ten.map((v) => [v, 1, 10]), [null, 1, 5]];
    const a = csatBreakdown(five, { scale: { min: 1, max: 5 } })!;
    const b = csatBreakdown(ten, { scale: { min: 1, max: 10 } })!;
    expect(run("tp_csat", rows, 5, 6)).toBe((100 * (a.satisfied + b.satisfied)) / (a.total + b.total));
  });

  it("tp_rate sums numerators and denominators", () => {
    const next = random(9);
    const rows = Array.from({ length: 1000 }, () => {
      const d = Math.floor(next() * 5);
      return [Math.floor(next() * (d + 1)), d];
    });
    const n = rows.reduce((s, r) => s + (r[0] as number), 0);
    const d = rows.reduce((s, r) => s + (r[1] as number), 0);
    expect(run("tp_rate", rows, 7, 10)).toBe((n / d) * 100);
    expect(run("tp_rate", [[0, 0]], 2, 10)).toBeNull();
  });

  it("tp_summary gives the exact type-7 summary whatever the split", () => {
    const values = ints(4001, 0, 86_400_000, 12);
    const sorted = [...values].sort((x, y) => x - y);
    const expected = {
      count: values.length,
      mean: values.reduce((s, v) => s + v, 0) / values.length,
      median: type7(sorted, 0.5),
      p90: type7(sorted, 0.9),
      p95: type7(sorted, 0.95),
      min: sorted[0],
      max: sorted[sorted.length - 1],
    };
    for (const k of [1, 4, 9])
      expect(
        decode(
          run(
            "tp_summary",
            values.map((v) => [v]),
            k,
            k,
          ),
        ),
      ).toEqual(expected);
  });

  it("tp_durations gives the sketch's summary, within 1 % of the exact quantiles", () => {
    const values = ints(5000, 1000, 86_400_000, 13);
    const got = decode(
      run(
        "tp_durations",
        values.map((v) => [v]),
        6,
        14,
      ),
    ) as Record<string, number>;
    const sketch = new QuantileSketch().addAll(values);
    expect(got.median).toBe(sketch.quantile(0.5));
    expect(got.p95).toBe(sketch.quantile(0.95));
    const onePass = durationsAggregate();
    const state = onePass.initialState();
    for (const v of values) onePass.aggregate(state, v);
    expect(got).toEqual(JSON.parse(JSON.stringify(onePass.finalize(state))));
    const sorted = [...values].sort((x, y) => x - y);
    expect(Math.abs(got.median! - type7(sorted, 0.5)) / type7(sorted, 0.5)).toBeLessThan(0.01 + 1e-9);
  });

  it("tp_journey_funnel over customer histories given as JSON", () => {
    const next = random(15);
    const day = 86_400_000;
    const types = [
      "journey.interaction",
      "journey.evaluation",
      "journey.purchase",
      "journey.repurchase",
      "journey.cancellation",
    ] as const;
    const histories: JourneyHistory[] = Array.from({ length: 300 }, (_, i) => ({
      segment: i % 3 === 0 ? "enterprise" : "smb",
      events: Array.from({ length: 1 + Math.floor(next() * 4) }, (_, j) => ({
        type: types[Math.min(j, Math.floor(next() * types.length))]!,
        at: Math.floor(next() * 200) * day + j * day,
      })).sort((a, b) => a.at - b.at),
    }));
    const got = decode(
      run(
        "tp_journey_funnel",
        histories.map((h) => [JSON.stringify(h)]),
        4,
        16,
      ),
    );
    expect(got).toEqual(JSON.parse(JSON.stringify(journeyFunnel(histories, { period: "week" }))));
  });

  it("skips NULL rows and gives NULL for a group without values", () => {
    expect(run("tp_nps", [[10], [null], [0]], 3, 17)).toBe(nps([10, 0]));
    expect(run("tp_nps", [[null]], 1, 18)).toBeNull();
    expect(run("tp_summary", [[null]], 1, 18)).toBeNull();
  });
});
