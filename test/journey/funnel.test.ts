import {
  acquisitionJourneyModel,
  createJourneyMachine,
  type JourneyHistory,
  journeyFunnel,
  journeyFunnelAccumulator,
  journeyFunnelAggregate,
} from "touchpoint/journey";
import { createAccumulator } from "touchpoint/metrics";
import type { AcquisitionJourneyStage } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";
import { DAY } from "./helpers.js";

const MARCH = Date.UTC(2026, 2, 1);
const APRIL = Date.UTC(2026, 3, 1);

// Hand-worked example: A buys after 2 days aware, 3 considering and 1 deciding; B considers from
// day 4; C considers from day 1 and cancels on day 11; D starts in April and stays aware.
const histories: JourneyHistory[] = [
  {
    customerId: "A",
    segment: "smb",
    events: [
      { type: "journey.interaction", at: MARCH },
      { type: "journey.evaluation", at: MARCH + 2 * DAY },
      { type: "journey.decision", at: MARCH + 5 * DAY },
      { type: "journey.purchase", at: MARCH + 6 * DAY },
    ],
  },
  {
    customerId: "B",
    segment: "smb",
    events: [
      { type: "journey.interaction", at: MARCH },
      { type: "journey.evaluation", at: MARCH + 4 * DAY },
    ],
  },
  {
    customerId: "C",
    segment: "enterprise",
    events: [
      { type: "journey.interaction", at: MARCH },
      { type: "journey.evaluation", at: MARCH + DAY },
      { type: "journey.cancellation", at: MARCH + 11 * DAY },
    ],
  },
  { customerId: "D", events: [{ type: "journey.interaction", at: APRIL }] },
];

describe("journeyFunnel", () => {
  const report = journeyFunnel(histories);

  it("counts customers who reached each stage and who are in it now", () => {
    expect(report.total.customers).toBe(4);
    expect(report.total.stages.map((s) => s.reached)).toEqual([4, 3, 1, 1, 0, 0]);
    expect(report.total.stages.map((s) => s.current)).toEqual([1, 1, 0, 1, 0, 0]);
    expect(report.total.stages.map((s) => s.conversion)).toEqual([3 / 4, 1 / 3, 1, 0, null, null]);
    expect(report.total.stages.map((s) => s.fromStart)).toEqual([1, 3 / 4, 1 / 4, 1 / 4, 0, 0]);
  });

  it("measures time in stage over completed visits", () => {
    // DDSketch quantiles (Masson, Rim & Lee 2019, as durationsAggregate computes them): the value of
    // rank ⌊q·(n − 1)⌋ within 1 %, the smallest and largest exactly.
    // Awareness visits 2, 4, 1 days → sorted 1, 2, 4: median and p90 are rank 1 (2 days); mean 7/3.
    const awareness = report.total.stages[0]?.timeInStage;
    expect(awareness?.visits).toBe(3);
    expect(awareness?.mean).toBe((7 / 3) * DAY);
    expect(Math.abs(awareness!.median - 2 * DAY)).toBeLessThanOrEqual(0.01 * 2 * DAY);
    expect(Math.abs(awareness!.p90 - 2 * DAY)).toBeLessThanOrEqual(0.01 * 2 * DAY);
    // Consideration: A 3 days, C 10 days (ended by the cancellation): ranks 0 and 0 → the minimum, exactly.
    expect(report.total.stages[1]?.timeInStage).toEqual({
      visits: 2,
      mean: 6.5 * DAY,
      median: 3 * DAY,
      p90: 3 * DAY,
      relativeAccuracy: 0.01,
    });
    expect(report.total.stages[2]?.timeInStage).toMatchObject({ visits: 1, median: DAY, p90: DAY });
    expect(report.total.stages[3]?.timeInStage).toBeNull();
  });

  it("takes the accuracy of its percentiles from options", () => {
    const coarse = journeyFunnel(histories, { relativeAccuracy: 0.05 });
    expect(coarse.total.stages[0]?.timeInStage?.relativeAccuracy).toBe(0.05);
    expect(Math.abs(coarse.total.stages[0]!.timeInStage!.median - 2 * DAY)).toBeLessThanOrEqual(
      0.05 * 2 * DAY,
    );
    expect(() =>
      journeyFunnelAccumulator({ relativeAccuracy: 0.05 }).merge(
        journeyFunnelAccumulator().add(histories[0]!).toJSON(),
      ),
    ).toThrow();
  });

  it("gives churn, win-back and at-risk rates", () => {
    expect(report.total).toMatchObject({
      churned: 1,
      churnRate: 1 / 4,
      wonBack: 0,
      winBackRate: 0,
      atRisk: 0,
      atRiskRate: 0,
    });
  });

  it("splits by cohort month and by segment", () => {
    expect(Object.keys(report.byPeriod)).toEqual(["2026-03", "2026-04"]);
    expect(report.byPeriod["2026-03"]?.customers).toBe(3);
    expect(report.byPeriod["2026-04"]?.stages[0]?.current).toBe(1);
    expect(Object.keys(report.bySegment)).toEqual(["enterprise", "smb"]);
    expect(report.bySegment.smb?.stages.map((s) => s.reached)).toEqual([2, 2, 1, 1, 0, 0]);
    expect(report.bySegment.enterprise?.churnRate).toBe(1);
  });

  it.each([
    // ISO 8601 weeks: 2021-01-03 (a Sunday) belongs to 2020's week 53; 2021-01-04 starts 2021-W01;
    // 2026-03-01 is the Sunday ending 2026-W09.
    [Date.UTC(2021, 0, 3), "2020-W53"],
    [Date.UTC(2021, 0, 4), "2021-W01"],
    [MARCH, "2026-W09"],
  ])("keys ISO weeks (%s → %s)", (at, key) => {
    const weekly = journeyFunnel([{ events: [{ type: "journey.interaction", at }] }], { period: "week" });
    expect(Object.keys(weekly.byPeriod)).toEqual([key]);
  });

  it("keys days and years", () => {
    const h = [{ events: [{ type: "journey.interaction" as const, at: MARCH + 5 * DAY }] }];
    expect(Object.keys(journeyFunnel(h, { period: "day" }).byPeriod)).toEqual(["2026-03-06"]);
    expect(Object.keys(journeyFunnel(h, { period: "year" }).byPeriod)).toEqual(["2026"]);
  });

  it("applies inactivity up to the report date", () => {
    const asOf = journeyFunnel(histories, { until: MARCH + 100 * DAY });
    // A (active until day 6), B (day 4) pass their 90-day deadlines before day 100; D started in April.
    expect(asOf.total.atRisk).toBe(2);
    expect(asOf.total.atRiskRate).toBe(2 / 3);
  });

  it("uses the stages of the machine's model", () => {
    const machine = createJourneyMachine(acquisitionJourneyModel);
    const five = journeyFunnel(histories as JourneyHistory<AcquisitionJourneyStage>[], { machine });
    expect(five.total.stages.map((s) => s.stage)).toEqual([
      "awareness",
      "consideration",
      "acquisition",
      "experience",
      "loyalty",
    ]);
    expect(five.total.stages.map((s) => s.reached)).toEqual([4, 3, 1, 1, 0]);
  });

  it("returns an empty report for no customers", () => {
    const empty = journeyFunnel([]);
    expect(empty.total.customers).toBe(0);
    expect(empty.total.churnRate).toBeNull();
    expect(empty.total.stages[0]).toEqual({
      stage: "awareness",
      reached: 0,
      current: 0,
      conversion: null,
      fromStart: null,
      timeInStage: null,
    });
    expect(empty.byPeriod).toEqual({});
  });
});

describe("journeyFunnelAggregate", () => {
  it("gives the same report merged from JSON partial states as in one pass", () => {
    const a = journeyFunnelAccumulator();
    const b = journeyFunnelAccumulator();
    for (let i = 0; i < histories.length; i++) (i % 2 === 0 ? a : b).add(histories[i]!);
    const merged = journeyFunnelAccumulator()
      .merge(JSON.parse(JSON.stringify(a)))
      .merge(JSON.parse(JSON.stringify(b)));
    expect(merged.result()).toEqual(journeyFunnel(histories));
  });

  it("works with createAccumulator from touchpoint/metrics", () => {
    expect(createAccumulator(journeyFunnelAggregate()).addAll(histories).result()).toEqual(
      journeyFunnel(histories),
    );
  });

  it("refuses to merge a state of another model or period", () => {
    const monthly = journeyFunnelAccumulator().add(histories[0]!).toJSON();
    expect(() => journeyFunnelAccumulator({ period: "week" }).merge(monthly)).toThrow(
      'journeyFunnelAggregate: cannot merge a state of model "default" by "month" into one of model "default" by "week"',
    );
    expect(() =>
      journeyFunnelAccumulator({ machine: createJourneyMachine(acquisitionJourneyModel) }).merge(monthly),
    ).toThrow(/model "default" by "month" into one of model "acquisition"/);
    expect(() => journeyFunnelAccumulator().merge(42 as never)).toThrow(
      "journeyFunnelAggregate: expected a journey funnel state, got 42",
    );
  });

  it("skips null values as SQL aggregates skip NULL", () => {
    expect(journeyFunnelAccumulator().add(null).add(undefined).result().total.customers).toBe(0);
  });
});
