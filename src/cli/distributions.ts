/*
 * The report's distributions, folded as a mergeable aggregate: response and resolution time
 * histograms, the answers of each survey, the lifecycle as a funnel, hand-offs and reopens per
 * conversation.
 *
 * The time histograms use fixed bins whose edges grow roughly three-fold (1 min, 5 min, 15 min,
 * 30 min, 1 h, 2 h, 4 h, 8 h, 1 d, 2 d, 4 d, 7 d): a logarithmic axis, because support times span
 * seconds to weeks and a linear axis would crush every chat reply into the first bar. Fixed edges
 * (rather than edges fitted to the data) keep the state a plain array of counts, so parts merge by
 * addition, in any order, to exactly the one-pass result, and two reports can be compared bin by bin.
 */
import { quote, TouchpointError } from "../internal/errors.js";
import { type ConversationStage, conversationStages } from "../schemas/vocabulary.js";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/** The upper edges of the time histograms' bins, in milliseconds; the last bin is open-ended. */
export const timeBinEdges = [
  MIN,
  5 * MIN,
  15 * MIN,
  30 * MIN,
  HOUR,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
  DAY,
  2 * DAY,
  4 * DAY,
  7 * DAY,
] as const;

/** The bins' labels, as a reader says them. */
export const timeBinLabels = [
  "< 1 min",
  "1–5 min",
  "5–15 min",
  "15–30 min",
  "30 min–1 h",
  "1–2 h",
  "2–4 h",
  "4–8 h",
  "8 h–1 d",
  "1–2 d",
  "2–4 d",
  "4–7 d",
  "≥ 7 d",
] as const;

/** The bins' labels in the few characters of a chart's axis. */
export const timeBinShortLabels = [
  "<1m",
  "1–5m",
  "5–15m",
  "15–30m",
  "30m–1h",
  "1–2h",
  "2–4h",
  "4–8h",
  "8h–1d",
  "1–2d",
  "2–4d",
  "4–7d",
  "≥7d",
] as const;

/** The bin of a duration: the first whose upper edge is above it. */
export function timeBin(ms: number): number {
  let i = 0;
  while (i < timeBinEdges.length && ms >= (timeBinEdges[i] as number)) i++;
  return i;
}

/** At most this many hand-offs or reopens get their own bar; more share the last ("3+"). */
const COUNT_BARS = 4;

/** What one conversation contributes to the distributions. */
export interface DistributionFacts {
  /** First response time, calendar milliseconds, or null when unanswered. */
  firstResponseMs: number | null;
  /** Creation to first resolution, calendar milliseconds, or null. */
  resolutionMs: number | null;
  /** CSAT answers with their scale. */
  csat: { score: number; min: number; max: number }[];
  /** NPS answers. */
  nps: number[];
  /** CES answers with their scale. */
  ces: { score: number; min: number; max: number }[];
  /** The replay's final status. */
  status: "active" | "resolved" | "closed" | "abandoned";
  /** The furthest conversation stage the replay entered, or null for none. */
  furthestStage: ConversationStage | null;
  /** Hand-offs in the conversation. */
  handoffs: number;
  /** Reopens of the conversation. */
  reopens: number;
}

/** The JSON state of a {@link DistributionsAggregate}; it is also what `finalize` returns. */
export interface DistributionsState {
  /** Conversations per first response time bin ({@link timeBinLabels}). */
  firstResponse: number[];
  /** Conversations per resolution time bin. */
  resolution: number[];
  /** CSAT answers per point, one list per scale (`"1-5"`), lowest point first. */
  csat: Record<string, number[]>;
  /** NPS answers per score, 0 to 10. */
  nps: number[];
  /** CES answers per point, one list per scale (`"1-7"`). */
  ces: Record<string, number[]>;
  /** Conversations that got at least as far as each stage, in the stages' order. */
  reached: Record<ConversationStage, number>;
  /** Abandoned conversations by the furthest stage they had reached (`none` before any). */
  abandonedAt: Record<ConversationStage | "none", number>;
  /** Conversations by the replay's final status. */
  status: Record<"active" | "resolved" | "closed" | "abandoned", number>;
  /** Conversations with 0, 1, 2 and 3 or more hand-offs. */
  handoffs: number[];
  /** Conversations with 0, 1, 2 and 3 or more reopens. */
  reopens: number[];
}

function zeros(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function empty(): DistributionsState {
  return {
    firstResponse: zeros(timeBinLabels.length),
    resolution: zeros(timeBinLabels.length),
    csat: {},
    nps: zeros(11),
    ces: {},
    reached: Object.fromEntries(conversationStages.map((s) => [s, 0])) as Record<ConversationStage, number>,
    abandonedAt: Object.fromEntries(["none", ...conversationStages].map((s) => [s, 0])) as Record<
      ConversationStage | "none",
      number
    >,
    status: { active: 0, resolved: 0, closed: 0, abandoned: 0 },
    handoffs: zeros(COUNT_BARS),
    reopens: zeros(COUNT_BARS),
  };
}

function addInto(into: number[], from: number[], what: string): void {
  if (!Array.isArray(from) || from.length !== into.length)
    badState(`${what}: expected ${into.length} counts`, from);
  for (let i = 0; i < into.length; i++) {
    const v = from[i];
    if (!Number.isSafeInteger(v) || (v as number) < 0) badState(`${what}.${i}: expected a whole number`, v);
    into[i]! += v as number;
  }
}

function addScales(into: Record<string, number[]>, from: Record<string, number[]>, what: string): void {
  if (typeof from !== "object" || from === null) badState(`${what}: expected an object of scales`, from);
  for (const [key, counts] of Object.entries(from)) {
    const m = /^(-?\d+)-(-?\d+)$/.exec(key);
    if (!m || Number(m[2]) < Number(m[1])) badState(`${what}: expected a scale such as "1-5" as key`, key);
    const target = into[key] ?? zeros(Number(m[2]) - Number(m[1]) + 1);
    into[key] = target;
    addInto(target, counts, `${what}.${key}`);
  }
}

function addRecord<K extends string>(into: Record<K, number>, from: Record<K, number>, what: string): void {
  if (typeof from !== "object" || from === null) badState(`${what}: expected an object of counts`, from);
  for (const key of Object.keys(into) as K[]) {
    const v = from[key];
    if (!Number.isSafeInteger(v) || v < 0) badState(`${what}.${key}: expected a whole number`, v);
    into[key] += v;
  }
}

function badState(what: string, value: unknown): never {
  throw new TouchpointError("invalid_state", `DistributionsAggregate: ${what}, got ${quote(value)}`, {
    value,
  });
}

function bump(scales: Record<string, number[]>, a: { score: number; min: number; max: number }): void {
  const key = `${a.min}-${a.max}`;
  const counts = scales[key] ?? zeros(a.max - a.min + 1);
  scales[key] = counts;
  counts[a.score - a.min]!++;
}

/** Distributions as a mergeable aggregate: `add`, `merge`, `toJSON`, `fromJSON`, `finalize`. */
export class DistributionsAggregate {
  #state = empty();

  /** Folds one conversation in. */
  add(f: DistributionFacts): this {
    const s = this.#state;
    if (f.firstResponseMs !== null) s.firstResponse[timeBin(f.firstResponseMs)]!++;
    if (f.resolutionMs !== null) s.resolution[timeBin(f.resolutionMs)]!++;
    for (const a of f.csat) bump(s.csat, a);
    for (const score of f.nps) s.nps[score]!++;
    for (const a of f.ces) bump(s.ces, a);
    s.status[f.status]++;
    const furthest = f.furthestStage === null ? -1 : conversationStages.indexOf(f.furthestStage);
    for (let i = 0; i <= furthest; i++) s.reached[conversationStages[i] as ConversationStage]++;
    if (f.status === "abandoned") s.abandonedAt[f.furthestStage ?? "none"]++;
    s.handoffs[Math.min(f.handoffs, COUNT_BARS - 1)]!++;
    s.reopens[Math.min(f.reopens, COUNT_BARS - 1)]!++;
    return this;
  }

  /** Folds another aggregate (or its JSON state) in; the other is not changed. */
  merge(other: DistributionsAggregate | DistributionsState): this {
    const from = other instanceof DistributionsAggregate ? other.#state : other;
    if (typeof from !== "object" || from === null) badState("expected a state object", from);
    // Checked into a copy first, so a bad state leaves this aggregate as it was.
    const next = this.toJSON();
    addInto(next.firstResponse, from.firstResponse, "firstResponse");
    addInto(next.resolution, from.resolution, "resolution");
    addScales(next.csat, from.csat, "csat");
    addInto(next.nps, from.nps, "nps");
    addScales(next.ces, from.ces, "ces");
    addRecord(next.reached, from.reached, "reached");
    addRecord(next.abandonedAt, from.abandonedAt, "abandonedAt");
    addRecord(next.status, from.status, "status");
    addInto(next.handoffs, from.handoffs, "handoffs");
    addInto(next.reopens, from.reopens, "reopens");
    this.#state = next;
    return this;
  }

  /** A JSON copy of the state, scales in ascending order. */
  toJSON(): DistributionsState {
    const s = this.#state;
    const sortScales = (scales: Record<string, number[]>) =>
      Object.fromEntries(
        Object.entries(scales)
          .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
          .map(([k, v]) => [k, [...v]]),
      );
    return {
      firstResponse: [...s.firstResponse],
      resolution: [...s.resolution],
      csat: sortScales(s.csat),
      nps: [...s.nps],
      ces: sortScales(s.ces),
      reached: { ...s.reached },
      abandonedAt: { ...s.abandonedAt },
      status: { ...s.status },
      handoffs: [...s.handoffs],
      reopens: [...s.reopens],
    };
  }

  /** An aggregate from a state `toJSON` wrote; throws `invalid_state` naming what is wrong. */
  static fromJSON(state: DistributionsState): DistributionsAggregate {
    return new DistributionsAggregate().merge(state);
  }

  /** The distributions (the same object as the state). */
  finalize(): DistributionsState {
    return this.toJSON();
  }
}
