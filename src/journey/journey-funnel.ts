import { checkIterable, checkList, fail, isRecord } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";
import { type Accumulator, type Aggregate, createAccumulator } from "../metrics/aggregate.js";
import { type DurationsState, durationsAggregate } from "../metrics/durations-aggregate.js";
import type { JourneyStage } from "../schemas/vocabulary.js";
import type { JourneyEvent } from "./journey-events.js";
import { fastReplay, journeyDefinitionOf } from "./journey-fast-replay.js";
import { type JourneyMachine, journeyMachine } from "./journey-machine.js";
import type { JourneyContext } from "./journey-types.js";
import { describeJourneyMachine } from "./journey-persistence.js";
import { checkReplayOptions, replayEvents } from "./journey-replay.js";

const DAY = 86_400_000;

/**
 * How customers are grouped in time: by the UTC day, ISO week, month or year in which their journey
 * started (their cohort).
 *
 * @example
 * ```ts
 * import { journeyPeriods } from "touchpoint/journey";
 *
 * journeyPeriods; // => ["day", "week", "month", "year"]
 * ```
 *
 * @category Funnel
 */
export const journeyPeriods = ["day", "week", "month", "year"] as const;
/** One of the {@link journeyPeriods}. @category Funnel */
export type JourneyPeriod = (typeof journeyPeriods)[number];

/**
 * One customer's history, as the funnel takes it.
 *
 * @category Funnel
 */
export interface JourneyHistory<S extends string = JourneyStage> {
  /** The customer's events, oldest first. */
  readonly events: readonly JourneyEvent[];
  /** The customer's id. */
  readonly customerId?: string | undefined;
  /** The customer's segment (plan, region, channel of acquisition). */
  readonly segment?: string | undefined;
  /** The stage the customer starts in, if not the model's first. */
  readonly stage?: S | undefined;
}

/** A history's shape: an object with an `events` list and, when given, string ids. */
function checkHistory(fn: string, history: unknown, index?: number): void {
  const at = index === undefined ? "history" : `histories[${index}]`;
  if (!isRecord(history))
    fail("invalid_input", fn, at, history, "a history { events, customerId?, segment?, stage? }");
  checkList(fn, `${at}.events`, history.events);
  for (const key of ["customerId", "segment", "stage"]) {
    const v = history[key];
    if (v !== undefined && typeof v !== "string" && !(key === "segment" && v === null))
      fail("invalid_input", fn, `${at}.${key}`, v, "a string");
  }
}

/**
 * Options of {@link journeyFunnel} and {@link journeyFunnelAggregate}.
 *
 * @category Funnel
 */
export interface JourneyFunnelOptions<S extends string = JourneyStage> {
  /** The machine that replays each history; {@link journeyMachine} by default. */
  readonly machine?: JourneyMachine<S> | undefined;
  /** How cohorts are cut; `month` by default. */
  readonly period?: JourneyPeriod | undefined;
  /** The report date: inactivity deadlines up to it are applied to every customer. */
  readonly until?: number | undefined;
  /** α, the relative accuracy of the time-in-stage percentiles, in (0, 1); 0.01 (1 %) by default. */
  readonly relativeAccuracy?: number | undefined;
}

/**
 * One stage's row of a funnel.
 *
 * @category Funnel
 */
export interface JourneyFunnelStage {
  /** The stage. */
  readonly stage: string;
  /** Customers whose highest stage is this one or beyond (a customer who skipped it has passed it). */
  readonly reached: number;
  /** Customers in this stage now (churned customers excluded). */
  readonly current: number;
  /** `reached` of the next stage divided by `reached` of this one; `null` for the last stage or none reached. */
  readonly conversion: number | null;
  /** `reached` divided by all customers; `null` when there are none. */
  readonly fromStart: number | null;
  /** Time spent in the stage over completed visits, in ms; `null` when no visit has ended. */
  readonly timeInStage: JourneyTimeInStage | null;
}

/**
 * Time spent in one stage over completed visits, from the `durationsAggregate` of
 * `touchpoint/metrics` (a DDSketch).
 *
 * @category Funnel
 */
export interface JourneyTimeInStage {
  /** How many completed visits. */
  readonly visits: number;
  /** The mean duration in ms (exact for millisecond durations). */
  readonly mean: number;
  /** The median duration in ms: the duration of rank ⌊0.5·(n − 1)⌋, within `relativeAccuracy`. */
  readonly median: number;
  /** The 90th percentile in ms: the duration of rank ⌊0.9·(n − 1)⌋, within `relativeAccuracy`. */
  readonly p90: number;
  /** The relative accuracy α of `median` and `p90`. */
  readonly relativeAccuracy: number;
}

/**
 * A funnel of one group of customers.
 *
 * @category Funnel
 */
export interface JourneyFunnel {
  /** How many customers. */
  readonly customers: number;
  /** One row per stage, in model order. */
  readonly stages: readonly JourneyFunnelStage[];
  /** Customers at risk now (churned customers excluded). */
  readonly atRisk: number;
  /** `atRisk` over customers not churned; `null` when all churned or none. */
  readonly atRiskRate: number | null;
  /** Customers churned now. */
  readonly churned: number;
  /** Customers who churned at least once, over all customers; `null` when there are none. */
  readonly churnRate: number | null;
  /** Customers won back at least once. */
  readonly wonBack: number;
  /** Customers won back over customers who churned at least once; `null` when none churned. */
  readonly winBackRate: number | null;
}

/**
 * The funnel report: the total, and the same figures per cohort period and per segment.
 *
 * @category Funnel
 */
export interface JourneyFunnelReport {
  /** Every customer. */
  readonly total: JourneyFunnel;
  /** Per cohort period key (`2026-03`, `2026-W09`, `2026-03-01`, `2026`), sorted. */
  readonly byPeriod: Readonly<Record<string, JourneyFunnel>>;
  /** Per segment, for customers with one. */
  readonly bySegment: Readonly<Record<string, JourneyFunnel>>;
}

/**
 * The counts of one (period, segment) group, the leaf of the funnel's state.
 *
 * @category Funnel
 */
export interface JourneyFunnelGroupState {
  /** The cohort period key. */
  period: string;
  /** The segment, or `null`. */
  segment: string | null;
  /** Customers in the group. */
  customers: number;
  /** Per stage: customers whose highest stage is exactly this one. */
  highest: number[];
  /** Per stage: customers in the stage now. */
  current: number[];
  /** Customers at risk now. */
  atRisk: number;
  /** Customers churned now. */
  churned: number;
  /** Customers who ever churned. */
  everChurned: number;
  /** Customers ever won back. */
  wonBack: number;
  /** Per stage: the durations of completed visits, in ms, as a `durationsAggregate` state. */
  durations: DurationsState[];
}

/**
 * The JSON state of the funnel aggregate: plain objects and arrays, mergeable across workers.
 *
 * @category Funnel
 */
export interface JourneyFunnelState {
  /** The id of the model the state was built with. */
  modelId: string;
  /** The model's stages. */
  stages: string[];
  /** The cohort period. */
  period: JourneyPeriod;
  /** The groups, keyed by `period + "\u0000" + segment`. */
  groups: Record<string, JourneyFunnelGroupState>;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The UTC cohort key of time `t`. */
export function periodKey(t: number, period: JourneyPeriod): string {
  const d = new Date(t);
  switch (period) {
    case "day":
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    case "month":
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    case "year":
      return String(d.getUTCFullYear());
    case "week": {
      // ISO 8601: the week belongs to the year of its Thursday.
      const dayStart = Math.floor(t / DAY) * DAY;
      const weekday = (d.getUTCDay() + 6) % 7;
      const thursday = dayStart + (3 - weekday) * DAY;
      const year = new Date(thursday).getUTCFullYear();
      const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * DAY));
      return `${year}-W${pad(week)}`;
    }
    default: {
      const unknown: never = period;
      return unknown;
    }
  }
}

type Durations = ReturnType<typeof durationsAggregate>;

function emptyGroup(
  durations: Durations,
  period: string,
  segment: string | null,
  stages: number,
): JourneyFunnelGroupState {
  return {
    period,
    segment,
    customers: 0,
    highest: new Array<number>(stages).fill(0),
    current: new Array<number>(stages).fill(0),
    atRisk: 0,
    churned: 0,
    everChurned: 0,
    wonBack: 0,
    durations: Array.from({ length: stages }, () => durations.initialState()),
  };
}

function addInto(durations: Durations, into: JourneyFunnelGroupState, from: JourneyFunnelGroupState): void {
  into.customers += from.customers;
  into.atRisk += from.atRisk;
  into.churned += from.churned;
  into.everChurned += from.everChurned;
  into.wonBack += from.wonBack;
  for (let i = 0; i < into.highest.length; i++) {
    into.highest[i]! += from.highest[i]!;
    into.current[i]! += from.current[i]!;
    durations.merge(into.durations[i]!, from.durations[i]!);
  }
}

const ratio = (a: number, b: number): number | null => (b === 0 ? null : a / b);

function finalizeGroup(
  durations: Durations,
  stages: readonly string[],
  g: JourneyFunnelGroupState,
): JourneyFunnel {
  const reached: number[] = new Array<number>(stages.length).fill(0);
  let running = 0;
  for (let i = stages.length - 1; i >= 0; i--) {
    running += g.highest[i]!;
    reached[i] = running;
  }
  const rows: JourneyFunnelStage[] = stages.map((stage, i) => {
    const summary = durations.finalize(g.durations[i]!);
    return {
      stage,
      reached: reached[i]!,
      current: g.current[i]!,
      conversion: i + 1 < stages.length ? ratio(reached[i + 1]!, reached[i]!) : null,
      fromStart: ratio(reached[i]!, g.customers),
      timeInStage:
        summary === null
          ? null
          : {
              visits: summary.count,
              mean: summary.mean,
              median: summary.median,
              p90: summary.p90,
              relativeAccuracy: summary.relativeAccuracy,
            },
    };
  });
  return {
    customers: g.customers,
    stages: rows,
    atRisk: g.atRisk,
    atRiskRate: ratio(g.atRisk, g.customers - g.churned),
    churned: g.churned,
    churnRate: ratio(g.everChurned, g.customers),
    wonBack: g.wonBack,
    winBackRate: ratio(g.wonBack, g.everChurned),
  };
}

function badState(value: unknown): never {
  throw new TouchpointError(
    "invalid_state",
    `journeyFunnelAggregate: expected a journey funnel state, got ${quote(value)}`,
    {
      value,
    },
  );
}

/**
 * Returns the journey funnel as a mergeable aggregate (the `touchpoint/metrics` protocol): each value
 * is one customer's history, replayed by the machine; states are JSON and merge across workers.
 *
 * @remarks
 * Each history is replayed as {@link journeyFromInteractions} replays it (inactivity checks at the
 * deadlines included), then counted in its (cohort period, segment) group: the highest stage
 * reached, the current stage, at-risk and churned now, churned or won back ever, and the duration of
 * every completed stage visit. `finalize` sums the groups into the total, per period and per segment.
 * Conversion from stage i to i+1 is reached(i+1) / reached(i), where "reached" counts customers whose
 * highest stage is at or beyond the stage: a customer who bought without a recorded decision has
 * passed the decision stage. Counts and rates are exact. Time in stage is summarised by the
 * `durationsAggregate` of `touchpoint/metrics` (a DDSketch): visits, mean, min and max exact, median
 * and p90 within `relativeAccuracy` (1 % by default) of the durations of rank ⌊p·(n − 1)⌋; its state
 * is bounded by the range of the durations, not their number, so a state stays a few kilobytes per
 * group and stage whatever the number of customers, and merging adds bucket counts exactly.
 *
 * Speed: for a machine built by {@link createJourneyMachine} (or {@link journeyMachine}) and not
 * changed by `provide()`, histories are replayed by a reducer that calls the machine's own guard and
 * action functions without the XState interpreter, tens of times faster (bench/RESULTS.md) and
 * property-tested to give the same context; a machine with provided implementations is replayed
 * through XState's pure `transition()`.
 *
 * @param options - the machine, the cohort period, the report date, the percentiles' relative accuracy
 * @returns the aggregate
 * @throws {@link TouchpointError} `invalid_option` for a relative accuracy outside (0, 1); from
 *   `merge`: `incompatible_state` for a state of another model, period or accuracy, `invalid_state`
 *   for something that is not a funnel state; `invalid_option` for an unknown period or an option of the wrong type;
 *   from `aggregate`: `invalid_input` for a history that is not `{ events, ... }`
 *
 * @example
 * ```ts
 * import { createAccumulator } from "touchpoint/metrics";
 * import { journeyFunnelAggregate } from "touchpoint/journey";
 *
 * const day = 86_400_000;
 * const worker1 = createAccumulator(journeyFunnelAggregate()).add({
 *   events: [{ type: "journey.interaction", at: 0 }, { type: "journey.purchase", at: 2 * day }],
 * });
 * const worker2 = createAccumulator(journeyFunnelAggregate()).add({ events: [{ type: "journey.interaction", at: day }] });
 * const total = worker1.merge(JSON.parse(JSON.stringify(worker2))).result().total;
 * total.customers; // => 2
 * total.stages[3]?.reached; // => 1
 * total.stages[0]?.conversion; // => 0.5
 * // One visit of two days: its own median and p90, exactly (the sketch keeps min and max).
 * total.stages[0]?.timeInStage; // => { visits: 1, mean: 172800000, median: 172800000, p90: 172800000, relativeAccuracy: 0.01 }
 * ```
 *
 * @category Funnel
 */
export function journeyFunnelAggregate<S extends string = JourneyStage>(
  options: JourneyFunnelOptions<S> = {},
): Aggregate<JourneyHistory<S>, JourneyFunnelReport, JourneyFunnelState> {
  options = checkReplayOptions("journeyFunnelAggregate", options);
  if (options.period !== undefined && !(journeyPeriods as readonly unknown[]).includes(options.period))
    fail(
      "invalid_option",
      "journeyFunnelAggregate",
      "options.period",
      options.period,
      `one of ${journeyPeriods.join(", ")}`,
    );
  const machine = options.machine ?? (journeyMachine as unknown as JourneyMachine<S>);
  const period = options.period ?? "month";
  const until = options.until;
  const { modelId, stages } = describeJourneyMachine(machine as unknown as JourneyMachine<string>);
  const index = new Map<string, number>(stages.map((s, i) => [s, i]));
  const n = stages.length;
  const durations = durationsAggregate(
    options.relativeAccuracy === undefined ? {} : { relativeAccuracy: options.relativeAccuracy },
  );

  const definition = journeyDefinitionOf<S>(machine);

  /** One stage visit ends when the stage changes or the customer churns. */
  const visit = (
    visits: number[],
    beforeChurned: boolean,
    before: JourneyContext<S>,
    afterChurned: boolean,
    after: JourneyContext<S>,
  ) => {
    if (beforeChurned) return;
    if (!afterChurned && after.stage === before.stage) return;
    const end = afterChurned ? after.churnedAt! : after.stageSince;
    visits.push(index.get(before.stage)!, end - before.stageSince);
  };

  /** Replays one history: fast when the machine is a factory-built one, else through XState. */
  const replay = (
    history: JourneyHistory<S>,
    visits: number[],
  ): { churned: boolean; context: JourneyContext<S> } | null => {
    const input = { customerId: history.customerId, stage: history.stage, until };
    if (definition !== undefined) {
      return fastReplay(definition, history.events, input, (b, a) =>
        visit(visits, b.churned, b.context, a.churned, a.context),
      );
    }
    const snapshot = replayEvents(machine, history.events, input, (b, a) =>
      visit(visits, b.value === "churned", b.context, a.value === "churned", a.context),
    );
    return snapshot === null ? null : { churned: snapshot.value === "churned", context: snapshot.context };
  };

  const aggregate = (state: JourneyFunnelState, history: JourneyHistory<S> | null | undefined) => {
    if (history == null) return state;
    checkHistory("journeyFunnelAggregate", history);
    const visits: number[] = [];
    const snapshot = replay(history, visits);
    if (snapshot === null) return state;
    const c = snapshot.context;
    const key = periodKey(c.startedAt, period);
    const segment = history.segment ?? null;
    const groupKey = segment === null ? key : `${key}\u0000${segment}`;
    let group = state.groups[groupKey];
    if (group === undefined) {
      group = emptyGroup(durations, key, segment, n);
      state.groups[groupKey] = group;
    }
    group.customers++;
    group.highest[index.get(c.highestStage)!]!++;
    if (snapshot.churned) group.churned++;
    else {
      group.current[index.get(c.stage)!]!++;
      if (c.riskReasons.length > 0) group.atRisk++;
    }
    if (c.churns > 0) group.everChurned++;
    if (c.winBacks > 0) group.wonBack++;
    for (let i = 0; i < visits.length; i += 2)
      durations.aggregate(group.durations[visits[i]!]!, visits[i + 1]!);
    return state;
  };

  return {
    initialState: () => ({ modelId, stages: [...stages], period, groups: {} }),
    aggregate,
    aggregateAll: (state, values) => {
      for (let i = 0; i < values.length; i++) aggregate(state, values[i]);
      return state;
    },
    merge: (state, partial) => {
      if (typeof partial !== "object" || partial === null || typeof partial.groups !== "object")
        badState(partial);
      if (
        partial.modelId !== modelId ||
        partial.period !== period ||
        !Array.isArray(partial.stages) ||
        partial.stages.join("\u0000") !== stages.join("\u0000")
      ) {
        throw new TouchpointError(
          "incompatible_state",
          `journeyFunnelAggregate: cannot merge a state of model ${quote(partial.modelId)} by ${quote(partial.period)} into one of model ${quote(modelId)} by ${quote(period)}`,
          { value: partial },
        );
      }
      for (const [key, group] of Object.entries(partial.groups)) {
        let target = state.groups[key];
        if (target === undefined) {
          target = emptyGroup(durations, group.period, group.segment, n);
          state.groups[key] = target;
        }
        addInto(durations, target, group);
      }
      return state;
    },
    finalize: (state) => {
      const total = emptyGroup(durations, "", null, n);
      const periods = new Map<string, JourneyFunnelGroupState>();
      const segments = new Map<string, JourneyFunnelGroupState>();
      for (const group of Object.values(state.groups)) {
        addInto(durations, total, group);
        let p = periods.get(group.period);
        if (p === undefined) {
          p = emptyGroup(durations, group.period, null, n);
          periods.set(group.period, p);
        }
        addInto(durations, p, group);
        if (group.segment !== null) {
          let s = segments.get(group.segment);
          if (s === undefined) {
            s = emptyGroup(durations, "", group.segment, n);
            segments.set(group.segment, s);
          }
          addInto(durations, s, group);
        }
      }
      const byPeriod: Record<string, JourneyFunnel> = {};
      for (const key of [...periods.keys()].sort())
        byPeriod[key] = finalizeGroup(durations, stages, periods.get(key)!);
      const bySegment: Record<string, JourneyFunnel> = {};
      for (const key of [...segments.keys()].sort())
        bySegment[key] = finalizeGroup(durations, stages, segments.get(key)!);
      return { total: finalizeGroup(durations, stages, total), byPeriod, bySegment };
    },
  };
}

/**
 * Returns a mergeable funnel accumulator (`add` a history, `merge` another accumulator or a saved
 * state, `result`, `toJSON`), empty or restored from a state saved by `toJSON()`.
 *
 * @param options - the machine, the cohort period, the report date
 * @param state - a state saved by `toJSON()`
 * @returns the accumulator
 * @throws {@link TouchpointError} `incompatible_state` when `state` was saved with another model or period; and what {@link journeyFunnelAggregate} throws
 *
 * @example
 * ```ts
 * import { journeyFunnelAccumulator } from "touchpoint/journey";
 *
 * const funnel = journeyFunnelAccumulator({ period: "year" });
 * funnel.add({ segment: "trial", events: [{ type: "journey.interaction", at: 0 }] });
 * const saved = JSON.stringify(funnel);
 * journeyFunnelAccumulator({ period: "year" }, JSON.parse(saved)).result().byPeriod["1970"]?.customers; // => 1
 * ```
 *
 * @category Funnel
 */
export function journeyFunnelAccumulator<S extends string = JourneyStage>(
  options: JourneyFunnelOptions<S> = {},
  state?: JourneyFunnelState,
): Accumulator<JourneyHistory<S>, JourneyFunnelReport, JourneyFunnelState> {
  return createAccumulator(journeyFunnelAggregate(options), state);
}

/**
 * Returns the journey funnel of many customers' histories: customers per stage, stage-to-stage
 * conversion, time in stage (median, p90), at-risk, churn and win-back rates, in total, per cohort
 * period and per segment.
 *
 * @remarks
 * One pass of {@link journeyFunnelAggregate}; for data split across workers or days, use
 * {@link journeyFunnelAccumulator} and merge. Rates follow seed 002's definitions: churn rate is the
 * share of customers who stopped doing business (here: churned at least once), conversion the share
 * that moves on to the next stage.
 *
 * @param histories - one history per customer
 * @param options - the machine, the cohort period, the report date
 * @returns the report
 *
 * @throws {@link TouchpointError} `invalid_input` when `histories` is not iterable, or a history (named by its
 *   position) is not an object with an `events` array and string ids; `invalid_option` as {@link journeyFunnelAggregate}
 *
 * @example
 * ```ts
 * import { journeyFunnel } from "touchpoint/journey";
 *
 * const day = 86_400_000;
 * const report = journeyFunnel([
 *   { segment: "smb", events: [{ type: "journey.interaction", at: 0 }, { type: "journey.purchase", at: day }, { type: "journey.cancellation", at: 3 * day }] },
 *   { segment: "smb", events: [{ type: "journey.interaction", at: 0 }, { type: "journey.evaluation", at: 4 * day }] },
 *   { segment: "enterprise", events: [{ type: "journey.interaction", at: 0 }] },
 * ]);
 * report.total.customers; // => 3
 * report.total.stages.map((s) => s.reached); // => [3, 2, 1, 1, 0, 0]
 * report.total.stages[1]?.conversion; // => 0.5
 * report.total.churnRate; // ≈ 0.333
 * report.bySegment.smb?.customers; // => 2
 * report.byPeriod["1970-01"]?.stages[0]?.current; // => 1
 * ```
 *
 * @category Funnel
 */
export function journeyFunnel<S extends string = JourneyStage>(
  histories: Iterable<JourneyHistory<S>>,
  options: JourneyFunnelOptions<S> = {},
): JourneyFunnelReport {
  checkIterable("journeyFunnel", "histories", histories);
  const aggregate = journeyFunnelAggregate(options);
  const state = aggregate.initialState();
  let index = 0;
  for (const history of histories) {
    if (history != null) checkHistory("journeyFunnel", history, index);
    aggregate.aggregate(state, history);
    index++;
  }
  return aggregate.finalize(state);
}
