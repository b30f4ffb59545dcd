// The aggregates behind the report's charts: trends by day or week and the distributions, on facts
// worked out by hand, and merged from parts in any order to the very JSON of one pass.
import { describe, expect, it } from "vitest";
import { DistributionsAggregate, timeBin, timeBinLabels } from "../../src/cli/distributions.js";
import { InsightsAggregate } from "../../src/cli/insights.js";
import { type TrendFacts, TrendsAggregate } from "../../src/cli/trends.js";
import { TouchpointError } from "touchpoint/metrics";
import { type Conversation, conversationSchema } from "touchpoint/schemas";

const MIN = 60_000;
const HOUR = 60 * MIN;
const t = (iso: string) => Date.parse(iso);

function facts(extra: Partial<TrendFacts> & { createdAt: number }): TrendFacts {
  return {
    firstResponseMs: null,
    resolvedAt: null,
    resolutionMs: null,
    backlog: [{ at: extra.createdAt, delta: 1 }],
    slaHit: 0,
    slaDecided: 0,
    csat: [],
    nps: [],
    ces: [],
    ...extra,
  };
}

// Monday 2 March 2026: A opened and answered in 10 min, resolved Tuesday; B opened Monday, never
// answered; C opened Wednesday, answered in 1 h, resolved the same day. Backlog at the end of each
// day: Monday 2 (A, B), Tuesday 1 (B), Wednesday 1 (C opened and closed, B still open).
const a = facts({
  createdAt: t("2026-03-02T09:00:00Z"),
  firstResponseMs: 10 * MIN,
  resolvedAt: t("2026-03-03T10:00:00Z"),
  resolutionMs: 25 * HOUR,
  backlog: [
    { at: t("2026-03-02T09:00:00Z"), delta: 1 },
    { at: t("2026-03-03T10:00:00Z"), delta: -1 },
  ],
  slaHit: 1,
  slaDecided: 2,
  csat: [{ at: t("2026-03-03T11:00:00Z"), satisfied: true }],
  nps: [{ at: t("2026-03-03T11:00:00Z"), score: 10 }],
});
const b = facts({
  createdAt: t("2026-03-02T23:59:00Z"),
  nps: [{ at: t("2026-03-03T12:00:00Z"), score: 3 }],
});
const c = facts({
  createdAt: t("2026-03-04T08:00:00Z"),
  firstResponseMs: HOUR,
  resolvedAt: t("2026-03-04T12:00:00Z"),
  resolutionMs: 4 * HOUR,
  backlog: [
    { at: t("2026-03-04T08:00:00Z"), delta: 1 },
    { at: t("2026-03-04T12:00:00Z"), delta: -1 },
  ],
  slaHit: 2,
  slaDecided: 2,
  csat: [{ at: t("2026-03-04T13:00:00Z"), satisfied: false }],
  ces: [
    { at: t("2026-03-04T13:00:00Z"), score: 6 },
    { at: t("2026-03-04T13:00:00Z"), score: 3 },
  ],
});

describe("TrendsAggregate", () => {
  it("counts each conversation on the days its events happened", () => {
    const trend = new TrendsAggregate().add(a).add(b).add(c).finalize();
    expect(trend.granularity).toBe("day");
    expect(trend.points.map((p) => [p.start, p.opened, p.resolved, p.backlog])).toEqual([
      ["2026-03-02", 2, 0, 2],
      ["2026-03-03", 0, 1, 1],
      ["2026-03-04", 1, 1, 1],
    ]);
    const [mon, tue, wed] = trend.points;
    // One first response on Monday (A's; B has none), with its median and p90 both 10 min.
    expect(mon?.firstResponse).toEqual({ count: 1, median: 10 * MIN, p90: 10 * MIN });
    expect(tue?.firstResponse).toBeNull();
    // A's resolution time counts on Tuesday, the day it was resolved.
    expect(tue?.resolution?.count).toBe(1);
    // SLA: 1 of 2 targets on Monday, 2 of 2 on Wednesday.
    expect([mon?.sla, wed?.sla]).toEqual([50, 100]);
    // Tuesday's NPS: one promoter (10) and one detractor (3) of two: 0. CSAT 1 of 1.
    expect([tue?.nps, tue?.npsAnswers, tue?.csat]).toEqual([0, 2, 100]);
    // Wednesday's CES mean (6 + 3) / 2.
    expect([wed?.ces, wed?.cesAnswers, wed?.csat]).toEqual([4.5, 2, 0]);
  });

  it("keeps empty days as zero points, and reads a span over 92 days by Monday-to-Sunday week", () => {
    const late = facts({ createdAt: t("2026-06-10T12:00:00Z") });
    const trend = new TrendsAggregate().add(a).add(late).finalize();
    // 2 March to 10 June is 101 days: weeks. 2 March 2026 is a Monday; 10 June falls in the week of 8 June.
    expect(trend.granularity).toBe("week");
    expect(trend.points[0]?.start).toBe("2026-03-02");
    expect(trend.points.at(-1)?.start).toBe("2026-06-08");
    expect(trend.points).toHaveLength(15);
    expect(trend.points.reduce((n, p) => n + p.opened, 0)).toBe(2);
    // A's backlog entry and exit both fall in the first week.
    expect(trend.points[0]?.backlog).toBe(0);
    expect(trend.points.at(-1)?.backlog).toBe(1);
    const short = new TrendsAggregate().add(a).add(c).finalize();
    expect(short.points.map((p) => p.start)).toEqual(["2026-03-02", "2026-03-03", "2026-03-04"]);
  });

  it("merges parts in any order, through JSON, to the JSON of one pass", () => {
    const all = new TrendsAggregate().add(a).add(b).add(c).toJSON();
    const p1 = new TrendsAggregate().add(c);
    const p2 = new TrendsAggregate().add(b).add(a);
    const merged = new TrendsAggregate()
      .merge(JSON.parse(JSON.stringify(p2.toJSON())))
      .merge(TrendsAggregate.fromJSON(JSON.parse(JSON.stringify(p1.toJSON()))));
    expect(merged.toJSON()).toEqual(all);
    expect(new TrendsAggregate().add(c).add(a).add(b).toJSON()).toEqual(all);
  });

  it("rejects a state that is not one, naming the field", () => {
    expect(() => TrendsAggregate.fromJSON({ days: { "20514": { opened: -1 } } } as never)).toThrow(
      /day 20514: opened must be a whole number/,
    );
    expect(() => TrendsAggregate.fromJSON(null as never)).toThrow(TouchpointError);
  });
});

describe("DistributionsAggregate", () => {
  it("bins durations on fixed log-spaced edges, an edge counting in the bin above it", () => {
    expect(timeBin(0)).toBe(0);
    expect(timeBinLabels[timeBin(MIN - 1)]).toBe("< 1 min");
    expect(timeBinLabels[timeBin(MIN)]).toBe("1–5 min");
    expect(timeBinLabels[timeBin(HOUR)]).toBe("1–2 h");
    expect(timeBinLabels[timeBin(30 * 24 * HOUR)]).toBe("≥ 7 d");
  });

  const one = {
    firstResponseMs: 10 * MIN,
    resolutionMs: 25 * HOUR,
    csat: [{ score: 5, min: 1, max: 5 }],
    nps: [10],
    ces: [{ score: 6, min: 1, max: 7 }],
    status: "closed" as const,
    furthestStage: "delivering" as const,
    handoffs: 1,
    reopens: 5,
  };
  const two = {
    firstResponseMs: null,
    resolutionMs: null,
    csat: [{ score: 2, min: 1, max: 3 }],
    nps: [],
    ces: [],
    status: "abandoned" as const,
    furthestStage: "understanding" as const,
    handoffs: 0,
    reopens: 0,
  };

  it("counts the funnel as 'got at least this far' and abandons at the furthest stage", () => {
    const d = new DistributionsAggregate().add(one).add(two).finalize();
    expect(d.reached).toEqual({ greeting: 2, understanding: 2, proposing: 1, delivering: 1, closing: 0 });
    expect(d.abandonedAt).toMatchObject({ understanding: 1, none: 0 });
    expect(d.status).toEqual({ active: 0, resolved: 0, closed: 1, abandoned: 1 });
    expect(d.firstResponse[timeBinLabels.indexOf("5–15 min")]).toBe(1);
    expect(d.resolution[timeBinLabels.indexOf("1–2 d")]).toBe(1);
    expect(d.csat).toEqual({ "1-3": [0, 1, 0], "1-5": [0, 0, 0, 0, 1] });
    expect(d.nps[10]).toBe(1);
    expect(d.ces["1-7"]?.[5]).toBe(1);
    // Five reopens share the last bar, "3 or more".
    expect([d.handoffs, d.reopens]).toEqual([
      [1, 1, 0, 0],
      [1, 0, 0, 1],
    ]);
  });

  it("merges to the one-pass state in any order, and refuses a bad state without changing itself", () => {
    const all = new DistributionsAggregate().add(one).add(two).toJSON();
    const merged = new DistributionsAggregate()
      .merge(JSON.parse(JSON.stringify(new DistributionsAggregate().add(two).toJSON())))
      .merge(new DistributionsAggregate().add(one));
    expect(merged.toJSON()).toEqual(all);
    const bad = { ...all, nps: [1, 2] };
    expect(() => merged.merge(bad)).toThrow(/nps: expected 11 counts/);
    expect(merged.toJSON()).toEqual(all);
  });
});

describe("InsightsAggregate", () => {
  const conversation = (id: string, day: string, channel: string): Conversation =>
    conversationSchema.parse({
      id,
      channel,
      createdAt: `2026-03-${day}T09:00:00Z`,
      messages: [
        { author: "customer", at: `2026-03-${day}T09:00:00Z`, text: "Where is my order?" },
        { author: "agent", at: `2026-03-${day}T09:06:00Z`, text: "It ships today." },
      ],
      statusChanges: [
        { at: `2026-03-${day}T09:07:00Z`, to: "resolved" },
        { at: `2026-03-${day}T10:00:00Z`, to: "open" },
        { at: `2026-03-${day}T11:00:00Z`, to: "closed" },
      ],
      surveys: [{ kind: "csat", score: 4, at: `2026-03-${day}T12:00:00Z` }],
    });
  const record = { status: "closed" as const, stages: [], handoffs: [], reopens: 1 };
  const options = { policy: { targets: {} } };

  it("reads one conversation with the metrics' own definitions, reopen included in the backlog", () => {
    const i = new InsightsAggregate(options).add(conversation("a", "02", "chat"), record, "chat").finalize();
    const [p] = i.trend.points;
    // First reply 6 min after creation; first resolution 7 min after; a reopen and a closure later.
    expect(p?.firstResponse?.median).toBe(6 * MIN);
    expect(p?.resolution?.median).toBe(7 * MIN);
    expect([p?.opened, p?.resolved, p?.backlog]).toEqual([1, 1, 0]);
    // 4 of 5 is satisfied on a 1–5 scale (the top two points).
    expect(p?.csat).toBe(100);
    expect(i.segmentTrends.map((s) => s.segment)).toEqual(["chat"]);
  });

  it("merges workers' states to one pass, and keeps the twelve largest segments for small multiples", () => {
    const list = Array.from({ length: 15 }, (_, k) =>
      conversation(`c${k}`, String(2 + (k % 5)).padStart(2, "0"), "email"),
    );
    const team = (k: number) => (k < 3 ? "tier-1" : `team-${String(k).padStart(2, "0")}`);
    const one = new InsightsAggregate(options);
    list.forEach((c, k) => {
      one.add(c, record, team(k));
    });
    const w1 = new InsightsAggregate(options);
    const w2 = new InsightsAggregate(options);
    list.forEach((c, k) => {
      (k % 2 ? w1 : w2).add(c, record, team(k));
    });
    const merged = InsightsAggregate.fromJSON(JSON.parse(JSON.stringify(w1.toJSON())), options).merge(w2);
    expect(merged.toJSON()).toEqual(one.toJSON());
    const result = merged.finalize();
    expect(result).toEqual(one.finalize());
    expect(result.segmentTrends).toHaveLength(12);
    expect(result.segmentTrends[0]?.segment).toBe("tier-1");
    // 13 segments (tier-1 and 12 teams of one): the last of the ties in name order is left out.
    expect(result.segmentsLeftOut).toBe(1);
    expect(result.segmentTrends.map((s) => s.segment)).not.toContain("team-14");
    // All segments share the overall trend's days, so their frames line up.
    for (const s of result.segmentTrends)
      expect(s.trend.points.map((p) => p.start)).toEqual(result.trend.points.map((p) => p.start));
  });
});
