import { describe, expect, it } from "vitest";
import { csat, csatAggregate, durationsAggregate, nps, npsAggregate, segmentBy } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

interface Survey {
  channel: "email" | "chat" | "phone";
  priority: number;
  week: string;
  nps: number | null;
  csat: number | null;
  minutes: number;
}

const surveys: Survey[] = [
  { channel: "email", priority: 1, week: "2026-W01", nps: 10, csat: 5, minutes: 30 },
  { channel: "chat", priority: 2, week: "2026-W01", nps: 3, csat: 2, minutes: 4 },
  { channel: "email", priority: 2, week: "2026-W02", nps: 6, csat: 4, minutes: 90 },
  { channel: "phone", priority: 1, week: "2026-W02", nps: null, csat: null, minutes: 12 },
  { channel: "chat", priority: 1, week: "2026-W02", nps: 9, csat: 5, minutes: 6 },
];

describe("segmentBy", () => {
  it("computes one result per key in one pass, equal to the calculator on that segment", () => {
    const byChannel = segmentBy(
      surveys,
      (s) => s.channel,
      npsAggregate(),
      (s) => s.nps,
    );
    for (const channel of ["email", "chat"] as const) {
      const scores = surveys.filter((s) => s.channel === channel).map((s) => s.nps as number);
      expect(byChannel.get(channel)).toBe(nps(scores));
    }
    // A segment whose records carry no value still appears, with the empty result.
    expect(byChannel.get("phone")).toBeNull();
    expect([...byChannel.keys()]).toEqual(["email", "chat", "phone"]);
  });

  it("takes any key: priority, week, a composite", () => {
    const byPriority = segmentBy(
      surveys,
      (s) => s.priority,
      csatAggregate(),
      (s) => s.csat,
    );
    expect(byPriority.get(1)).toBe(csat([5, 5]));
    expect(byPriority.get(2)).toBe(csat([2, 4]));
    const byWeek = segmentBy(
      surveys,
      (s) => s.week,
      durationsAggregate(),
      (s) => s.minutes,
    );
    expect(byWeek.get("2026-W01")).toMatchObject({ count: 2, mean: 17, min: 4, max: 30 });
    const byIndexParity = segmentBy(
      surveys,
      (_, i) => i % 2,
      csatAggregate(),
      (s) => s.csat,
    );
    expect([...byIndexParity.keys()]).toEqual([0, 1]);
  });

  it("uses the record itself when no value function is given, over any iterable", () => {
    function* scores(): Generator<number> {
      yield* [10, 0, 9, 9];
    }
    const result = segmentBy(scores(), (s) => (s >= 9 ? "high" : "low"), npsAggregate());
    expect(result.get("high")).toBe(100);
    expect(result.get("low")).toBe(-100);
  });

  it("passes the aggregate's errors through", () => {
    expect(
      errorOf(() =>
        segmentBy(
          [{ s: 11 }],
          () => "x",
          npsAggregate(),
          (r) => r.s,
        ),
      ).code,
    ).toBe("score_out_of_range");
  });
});
