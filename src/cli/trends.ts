/*
 * The report's trends: what happened each day, folded as a mergeable aggregate, and read back by day
 * or by week depending on the span.
 *
 * Why days first and weeks at the end: a worker cannot know the export's span while it folds its
 * share of the records, so every partial state keeps UTC days; `finalize` chooses the granularity
 * once the whole span is known (days up to 92 days, Monday-to-Sunday UTC weeks beyond, as the
 * `--by week` segments). Every field of a day is a sum of integers or a DDSketch (touchpoint/metrics'
 * QuantileSketch, whose merge adds bucket counts), so any split of the records into parts, merged in
 * any order, gives the very same JSON as one pass: the report is deterministic.
 *
 * What is dated by what: a conversation counts as opened, and its first response time and SLA
 * targets count, on the day it was created (the cohort a lead can act on); a resolution and its
 * resolution time on the day it happened (as Zendesk Explore's "solved" measures); each survey
 * answer on the day it was given (its conversation's creation when the answer carries no time). The
 * backlog at the end of a bucket is every +1 (creation, reopen) minus every −1 (resolution,
 * closure) up to then, over the conversations of the export.
 */
import { quote, TouchpointError } from "../internal/errors.js";
import { QuantileSketch, type QuantileSketchState } from "../metrics/index.js";

const DAY = 86_400_000;
/** Days from 1970-01-01 (a Thursday) to the Monday that starts its week. */
const MONDAY_SHIFT = 3;
/** The longest span, in days, drawn day by day. */
export const MAX_DAILY_SPAN = 92;
/** The sketches' relative accuracy: trend percentiles are within 1 % of the true value. */
const ACCURACY = 0.01;

/** What one conversation contributes to the trends. */
export interface TrendFacts {
  /** When it was created, epoch milliseconds. */
  createdAt: number;
  /** Its first response time in calendar milliseconds, or null when unanswered. */
  firstResponseMs: number | null;
  /** When it was first resolved, or null. */
  resolvedAt: number | null;
  /** Creation to first resolution, calendar milliseconds, or null. */
  resolutionMs: number | null;
  /** Changes to the backlog: +1 when it opens or reopens, −1 when it is resolved or closed. */
  backlog: { at: number; delta: 1 | -1 }[];
  /** SLA targets hit. */
  slaHit: number;
  /** SLA targets decided (hit or missed). */
  slaDecided: number;
  /** CSAT answers and whether each counts as satisfied on its scale. */
  csat: { at: number; satisfied: boolean }[];
  /** NPS answers, 0–10. */
  nps: { at: number; score: number }[];
  /** CES answers. */
  ces: { at: number; score: number }[];
}

/** The sums of one day (or, once rolled up, of one week). */
export interface TrendBucketState {
  opened: number;
  resolved: number;
  backlogIn: number;
  backlogOut: number;
  firstResponse: QuantileSketchState | null;
  resolution: QuantileSketchState | null;
  slaHit: number;
  slaDecided: number;
  csatSatisfied: number;
  csatAnswers: number;
  promoters: number;
  detractors: number;
  npsAnswers: number;
  cesSum: number;
  cesAnswers: number;
}

/** The JSON state of a {@link TrendsAggregate}: one bucket per UTC day, keyed by days since 1970-01-01. */
export interface TrendsState {
  days: Record<string, TrendBucketState>;
}

/** A median and p90 with the number of values behind them. */
export interface TrendPercentiles {
  count: number;
  median: number;
  p90: number;
}

/** One point of a trend: a day or a week. */
export interface TrendPoint {
  /** The bucket's first day, `YYYY-MM-DD` (UTC). */
  start: string;
  /** Conversations created in it. */
  opened: number;
  /** First resolutions in it. */
  resolved: number;
  /** Conversations open at its end. */
  backlog: number;
  /** First response times of the conversations created in it (sketch estimates within 1 %). */
  firstResponse: TrendPercentiles | null;
  /** Resolution times of the resolutions in it (sketch estimates within 1 %). */
  resolution: TrendPercentiles | null;
  /** SLA targets met, percent of those decided. */
  sla: number | null;
  /** SLA targets decided. */
  slaDecided: number;
  /** CSAT, percent satisfied. */
  csat: number | null;
  /** CSAT answers. */
  csatAnswers: number;
  /** NPS, −100 to 100. */
  nps: number | null;
  /** NPS answers. */
  npsAnswers: number;
  /** CES mean. */
  ces: number | null;
  /** CES answers. */
  cesAnswers: number;
}

/** A trend read back from a {@link TrendsAggregate}. */
export interface Trend {
  /** `day` for spans up to 92 days, else `week` (Monday to Sunday, UTC). */
  granularity: "day" | "week";
  /** One point per bucket, oldest first, with no gap (empty buckets have zero counts). */
  points: TrendPoint[];
}

function emptyBucket(): TrendBucketState {
  return {
    opened: 0,
    resolved: 0,
    backlogIn: 0,
    backlogOut: 0,
    firstResponse: null,
    resolution: null,
    slaHit: 0,
    slaDecided: 0,
    csatSatisfied: 0,
    csatAnswers: 0,
    promoters: 0,
    detractors: 0,
    npsAnswers: 0,
    cesSum: 0,
    cesAnswers: 0,
  };
}

const countFields = [
  "opened",
  "resolved",
  "backlogIn",
  "backlogOut",
  "slaHit",
  "slaDecided",
  "csatSatisfied",
  "csatAnswers",
  "promoters",
  "detractors",
  "npsAnswers",
  "cesSum",
  "cesAnswers",
] as const;

const dayOf = (ms: number) => Math.floor(ms / DAY);
const weekOf = (day: number) => Math.floor((day + MONDAY_SHIFT) / 7) * 7 - MONDAY_SHIFT;
const isoDay = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);

function addSketch(
  into: QuantileSketchState | null,
  from: QuantileSketchState | null,
): QuantileSketchState | null {
  if (from === null) return into;
  if (into === null) return QuantileSketch.fromJSON(from).toJSON();
  return new QuantileSketch({ relativeAccuracy: ACCURACY }, into).merge(from).toJSON();
}

function mergeBucket(into: TrendBucketState, from: TrendBucketState): void {
  for (const k of countFields) into[k] += from[k];
  into.firstResponse = addSketch(into.firstResponse, from.firstResponse);
  into.resolution = addSketch(into.resolution, from.resolution);
}

function percentiles(state: QuantileSketchState | null): TrendPercentiles | null {
  if (state === null || state.count === 0) return null;
  const sketch = QuantileSketch.fromJSON(state);
  return { count: sketch.count, median: sketch.quantile(0.5) as number, p90: sketch.quantile(0.9) as number };
}

function badState(what: string, value: unknown): never {
  throw new TouchpointError("invalid_state", `TrendsAggregate.fromJSON: ${what}, got ${quote(value)}`, {
    value,
  });
}

/**
 * Trends by day or week as a mergeable aggregate: `add` one conversation's facts, `merge` another
 * worker's aggregate, `toJSON` / `fromJSON` to move it between threads, `finalize` to read it.
 */
export class TrendsAggregate {
  #days = new Map<number, TrendBucketState>();
  // Sketches are added to in place while folding, and turned into JSON state only on toJSON.
  #sketches = new Map<number, { firstResponse: QuantileSketch | null; resolution: QuantileSketch | null }>();

  #bucket(day: number): TrendBucketState {
    let b = this.#days.get(day);
    if (b === undefined) {
      b = emptyBucket();
      this.#days.set(day, b);
    }
    return b;
  }

  #sketch(day: number, which: "firstResponse" | "resolution"): QuantileSketch {
    let s = this.#sketches.get(day);
    if (s === undefined) {
      s = { firstResponse: null, resolution: null };
      this.#sketches.set(day, s);
    }
    let sketch = s[which];
    if (sketch === null) {
      const state = this.#bucket(day)[which];
      sketch = new QuantileSketch({ relativeAccuracy: ACCURACY }, state ?? undefined);
      s[which] = sketch;
    }
    return sketch;
  }

  /** Folds one conversation in. */
  add(f: TrendFacts): this {
    const created = dayOf(f.createdAt);
    const b = this.#bucket(created);
    b.opened++;
    b.slaHit += f.slaHit;
    b.slaDecided += f.slaDecided;
    if (f.firstResponseMs !== null) this.#sketch(created, "firstResponse").add(f.firstResponseMs);
    if (f.resolvedAt !== null) {
      const day = dayOf(f.resolvedAt);
      this.#bucket(day).resolved++;
      if (f.resolutionMs !== null) this.#sketch(day, "resolution").add(f.resolutionMs);
    }
    for (const e of f.backlog) {
      const d = this.#bucket(dayOf(e.at));
      if (e.delta > 0) d.backlogIn++;
      else d.backlogOut++;
    }
    for (const s of f.csat) {
      const d = this.#bucket(dayOf(s.at));
      d.csatAnswers++;
      if (s.satisfied) d.csatSatisfied++;
    }
    for (const s of f.nps) {
      const d = this.#bucket(dayOf(s.at));
      d.npsAnswers++;
      if (s.score >= 9) d.promoters++;
      else if (s.score <= 6) d.detractors++;
    }
    for (const s of f.ces) {
      const d = this.#bucket(dayOf(s.at));
      d.cesAnswers++;
      d.cesSum += s.score;
    }
    return this;
  }

  /** Folds another aggregate (or its JSON state) in; the other is not changed. */
  merge(other: TrendsAggregate | TrendsState): this {
    const state =
      other instanceof TrendsAggregate ? other.toJSON() : TrendsAggregate.fromJSON(other).toJSON();
    this.#flush();
    for (const [key, bucket] of Object.entries(state.days)) mergeBucket(this.#bucket(Number(key)), bucket);
    return this;
  }

  /** Writes the live sketches back into the buckets' JSON states. */
  #flush(): void {
    for (const [day, s] of this.#sketches) {
      const b = this.#bucket(day);
      if (s.firstResponse) b.firstResponse = s.firstResponse.toJSON();
      if (s.resolution) b.resolution = s.resolution.toJSON();
    }
    this.#sketches.clear();
  }

  /** A JSON copy of the state, days in ascending order. */
  toJSON(): TrendsState {
    this.#flush();
    const days: Record<string, TrendBucketState> = {};
    for (const day of [...this.#days.keys()].sort((a, b) => a - b)) {
      const copy = emptyBucket();
      mergeBucket(copy, this.#days.get(day) as TrendBucketState);
      days[String(day)] = copy;
    }
    return { days };
  }

  /** An aggregate from a state `toJSON` wrote; throws `invalid_state` naming what is wrong. */
  static fromJSON(state: TrendsState): TrendsAggregate {
    const days = (state as { days?: unknown } | null)?.days;
    if (typeof days !== "object" || days === null) badState("expected an object with days", state);
    const out = new TrendsAggregate();
    for (const [key, bucket] of Object.entries(days as Record<string, unknown>)) {
      if (!/^-?\d+$/.test(key)) badState(`expected a day number as key, got key ${quote(key)}`, bucket);
      if (typeof bucket !== "object" || bucket === null) badState(`day ${key}: expected a bucket`, bucket);
      const b = bucket as Record<string, unknown>;
      for (const k of countFields) {
        const v = b[k];
        if (!Number.isSafeInteger(v) || (v as number) < 0)
          badState(`day ${key}: ${k} must be a whole number`, v);
      }
      // The sketch's own merge checks its state and throws invalid_state when it is not one.
      const copy = emptyBucket();
      mergeBucket(copy, b as unknown as TrendBucketState);
      out.#days.set(Number(key), copy);
    }
    return out;
  }

  /** The first and last day holding anything, or null when empty. */
  span(): { from: number; to: number } | null {
    if (this.#days.size === 0) return null;
    let from = Number.POSITIVE_INFINITY;
    let to = Number.NEGATIVE_INFINITY;
    for (const d of this.#days.keys()) {
      if (d < from) from = d;
      if (d > to) to = d;
    }
    return { from, to };
  }

  /**
   * The trend over a span of days (its own span unless given, so that several trends share one
   * x axis), by day up to 92 days and by week beyond.
   */
  finalize(span: { from: number; to: number } | null = this.span()): Trend {
    this.#flush();
    if (span === null) return { granularity: "day", points: [] };
    const weekly = span.to - span.from + 1 > MAX_DAILY_SPAN;
    const keyOf = weekly ? weekOf : (d: number) => d;
    const buckets = new Map<number, TrendBucketState>();
    for (let d = keyOf(span.from); d <= span.to; d += weekly ? 7 : 1) buckets.set(d, emptyBucket());
    // Days outside the span (none unless a shared span is narrower) still count in the backlog.
    let carried = 0;
    for (const day of [...this.#days.keys()].sort((a, b) => a - b)) {
      const b = this.#days.get(day) as TrendBucketState;
      const target = buckets.get(keyOf(day));
      if (target) mergeBucket(target, b);
      else if (day < span.from) carried += b.backlogIn - b.backlogOut;
    }
    let backlog = carried;
    const points: TrendPoint[] = [];
    for (const [start, b] of buckets) {
      backlog += b.backlogIn - b.backlogOut;
      points.push({
        start: isoDay(start),
        opened: b.opened,
        resolved: b.resolved,
        backlog,
        firstResponse: percentiles(b.firstResponse),
        resolution: percentiles(b.resolution),
        sla: b.slaDecided === 0 ? null : (100 * b.slaHit) / b.slaDecided,
        slaDecided: b.slaDecided,
        csat: b.csatAnswers === 0 ? null : (100 * b.csatSatisfied) / b.csatAnswers,
        csatAnswers: b.csatAnswers,
        nps: b.npsAnswers === 0 ? null : (100 * (b.promoters - b.detractors)) / b.npsAnswers,
        npsAnswers: b.npsAnswers,
        ces: b.cesAnswers === 0 ? null : b.cesSum / b.cesAnswers,
        cesAnswers: b.cesAnswers,
      });
    }
    return { granularity: weekly ? "week" : "day", points };
  }
}
