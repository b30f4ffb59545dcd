/*
 * What the report's charts draw, folded conversation by conversation: the trend of every
 * conversation, one trend per segment (for small multiples), and the distributions.
 *
 * One call per conversation (`add`), mergeable (`merge`, `toJSON`, `fromJSON`) so that workers can
 * each fold a share of an export, and deterministic whatever the order of the records. The figures
 * of one conversation come from the same touchpoint/metrics calculators, with the same options, as
 * the metrics table (first response, resolution, SLA, CSAT by its scale's own threshold), so a chart
 * and the table cannot disagree on a definition.
 */
import type { StageVisit } from "../conversation/index.js";
import {
  type BusinessSchedule,
  csatBreakdown,
  firstResponseTimes,
  resolutionTimes,
  type SlaPolicy,
  slaCompliance,
} from "../metrics/index.js";
import type { Conversation } from "../schemas/conversation.js";
import { type ConversationStage, conversationStages } from "../schemas/vocabulary.js";
import { type DistributionFacts, DistributionsAggregate, type DistributionsState } from "./distributions.js";
import { type Trend, type TrendFacts, TrendsAggregate, type TrendsState } from "./trends.js";

/** At most this many segments get a small multiple each (the largest); the rest are counted. */
export const MAX_SEGMENT_TRENDS = 12;

/** The part of a replay record the distributions read. */
export interface ReplayFacts {
  /** The final status. */
  status: "active" | "resolved" | "closed" | "abandoned";
  /** The stages entered. */
  stages: readonly StageVisit[];
  /** The hand-offs (only their number is read). */
  handoffs: readonly unknown[];
  /** Reopens. */
  reopens: number;
}

/** What the report's charts draw. */
export interface ReportInsights {
  /** Every conversation, by day or by week. */
  trend: Trend;
  /** The largest segments' trends (at most 12), on the same buckets as `trend`, largest first. */
  segmentTrends: { segment: string; trend: Trend }[];
  /** Segments left out of `segmentTrends`. */
  segmentsLeftOut: number;
  /** Histograms, survey answers, the lifecycle funnel, hand-offs and reopens. */
  distributions: DistributionsState;
}

/** The JSON state of an {@link InsightsAggregate}. */
export interface InsightsState {
  trend: TrendsState;
  segments: Record<string, TrendsState>;
  distributions: DistributionsState;
}

/** The options the metrics table uses, so the charts count the same way. */
export interface InsightsOptions {
  /** Business hours, passed to the calculators as the table does (calendar figures are drawn). */
  schedule?: BusinessSchedule | undefined;
  /** The SLA policy of the table. */
  policy: SlaPolicy;
}

const OPEN = new Set(["new", "open", "pending", "on-hold"]);

/** +1 at creation and at each reopen, −1 at each resolution or closure. */
function backlogOf(c: Conversation): TrendFacts["backlog"] {
  const events: TrendFacts["backlog"] = [{ at: c.createdAt, delta: 1 }];
  if (c.statusChanges.length === 0) {
    if (c.resolvedAt !== undefined) events.push({ at: c.resolvedAt, delta: -1 });
    return events;
  }
  let open = true;
  for (const change of c.statusChanges) {
    const nowOpen = OPEN.has(change.to);
    if (open && !nowOpen) events.push({ at: change.at, delta: -1 });
    else if (!open && nowOpen) events.push({ at: change.at, delta: 1 });
    open = nowOpen;
  }
  return events;
}

function furthestOf(stages: readonly StageVisit[]): ConversationStage | null {
  let furthest = -1;
  for (const v of stages) furthest = Math.max(furthest, conversationStages.indexOf(v.stage));
  return furthest < 0 ? null : (conversationStages[furthest] as ConversationStage);
}

/**
 * One conversation's measures as the table computes them (calendar time; the SLA with the table's
 * policy): the command passes its own so they are computed once per conversation.
 */
export interface MeasuredFacts {
  readonly firstResponseMs: number | null;
  /** When the first resolution happened, or null. */
  readonly resolvedAt: number | null;
  readonly resolutionMs: number | null;
  readonly slaHit: number;
  readonly slaMissed: number;
}

/** Trends and distributions as one mergeable aggregate, fed one conversation at a time. */
export class InsightsAggregate {
  readonly #options: InsightsOptions;
  #trend = new TrendsAggregate();
  #segments = new Map<string, TrendsAggregate>();
  #distributions = new DistributionsAggregate();

  constructor(options: InsightsOptions) {
    this.#options = options;
  }

  /**
   * Folds one validated conversation in, with its replay record and its segment (`null` when the
   * segments are not worth a chart each: weeks, or no segments).
   */
  add(c: Conversation, record: ReplayFacts, segment: string | null, measured?: MeasuredFacts): this {
    const { firstResponseMs, resolvedAt, resolutionMs, slaHit, slaMissed } = measured ?? this.#measure(c);
    const csat: TrendFacts["csat"] = [];
    const nps: TrendFacts["nps"] = [];
    const ces: TrendFacts["ces"] = [];
    const csatAnswers: DistributionFacts["csat"] = [];
    const cesAnswers: DistributionFacts["ces"] = [];
    for (const s of c.surveys) {
      const at = s.at ?? c.createdAt;
      if (s.kind === "csat") {
        const satisfied = csatBreakdown([s.score], { scale: s.scale })?.satisfied === 1;
        csat.push({ at, satisfied });
        csatAnswers.push({ score: s.score, ...s.scale });
      } else if (s.kind === "nps") nps.push({ at, score: s.score });
      else {
        ces.push({ at, score: s.score });
        cesAnswers.push({ score: s.score, ...s.scale });
      }
    }
    const facts: TrendFacts = {
      createdAt: c.createdAt,
      firstResponseMs,
      resolvedAt,
      resolutionMs,
      backlog: backlogOf(c),
      slaHit,
      slaDecided: slaHit + slaMissed,
      csat,
      nps,
      ces,
    };
    this.#trend.add(facts);
    if (segment !== null) {
      let t = this.#segments.get(segment);
      if (t === undefined) {
        t = new TrendsAggregate();
        this.#segments.set(segment, t);
      }
      t.add(facts);
    }
    this.#distributions.add({
      firstResponseMs,
      resolutionMs,
      csat: csatAnswers,
      nps: nps.map((n) => n.score),
      ces: cesAnswers,
      status: record.status,
      furthestStage: furthestOf(record.stages),
      handoffs: record.handoffs.length,
      reopens: record.reopens,
    });
    return this;
  }

  /** The measures {@link add} reads, computed with the table's calculators and options. */
  #measure(c: Conversation): MeasuredFacts {
    const { schedule, policy } = this.#options;
    const first = firstResponseTimes([c], { schedule }).conversations[0];
    const resolved = resolutionTimes([c], { schedule }).first.conversations[0];
    const sla = slaCompliance([c], policy).overall;
    return {
      firstResponseMs: first?.calendar ?? null,
      resolvedAt: resolved?.end ?? null,
      resolutionMs: resolved?.calendar ?? null,
      slaHit: sla.hit,
      slaMissed: sla.missed,
    };
  }

  /** Folds another aggregate (or its JSON state) in. */
  merge(other: InsightsAggregate | InsightsState): this {
    const state = other instanceof InsightsAggregate ? other.toJSON() : other;
    this.#trend.merge(state.trend);
    for (const [segment, trend] of Object.entries(state.segments)) {
      const t = this.#segments.get(segment);
      if (t) t.merge(trend);
      else this.#segments.set(segment, TrendsAggregate.fromJSON(trend));
    }
    this.#distributions.merge(state.distributions);
    return this;
  }

  /** A JSON copy of the state, segments in name order. */
  toJSON(): InsightsState {
    const segments: Record<string, TrendsState> = {};
    for (const name of [...this.#segments.keys()].sort()) segments[name] = this.#segments.get(name)!.toJSON();
    return { trend: this.#trend.toJSON(), segments, distributions: this.#distributions.toJSON() };
  }

  /** An aggregate from a state `toJSON` wrote. */
  static fromJSON(state: InsightsState, options: InsightsOptions): InsightsAggregate {
    return new InsightsAggregate(options).merge(state);
  }

  /** What the charts draw. */
  finalize(): ReportInsights {
    const span = this.#trend.span();
    const sized = [...this.#segments.entries()].map(([segment, t]) => {
      const trend = t.finalize(span);
      return { segment, trend, size: trend.points.reduce((n, p) => n + p.opened, 0) };
    });
    sized.sort((a, b) => b.size - a.size || (a.segment < b.segment ? -1 : 1));
    return {
      trend: this.#trend.finalize(span),
      segmentTrends: sized.slice(0, MAX_SEGMENT_TRENDS).map(({ segment, trend }) => ({ segment, trend })),
      segmentsLeftOut: Math.max(0, sized.length - MAX_SEGMENT_TRENDS),
      distributions: this.#distributions.finalize(),
    };
  }
}
