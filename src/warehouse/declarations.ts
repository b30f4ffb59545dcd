/*
 * One declaration per function of the warehouse pack: its SQL name, arguments with their SQL type in
 * each dialect, return type and comment, and which runtime function (src/warehouse/runtime.ts) it
 * calls. The SQL of both warehouses (sql.ts), the sandbox that checks it and the docs' function
 * tables are generated from this list, so a function cannot be declared one way and called another.
 *
 * Types: BigQuery's JavaScript functions take no INT64, so numbers are FLOAT64; instants are
 * TIMESTAMP (a Date in JavaScript); JSON travels as STRING in BigQuery (parse it with JSON_VALUE /
 * PARSE_JSON) and as VARIANT in Snowflake, whose JavaScript sees it as an object.
 */
import type { AggregateName } from "./runtime.js";

/** The two warehouses. */
export type Dialect = "bigquery" | "snowflake";

/** A SQL type per dialect. */
export interface SqlType {
  readonly bigquery: string;
  readonly snowflake: string;
}

const FLOAT: SqlType = { bigquery: "FLOAT64", snowflake: "FLOAT" };
const TEXT: SqlType = { bigquery: "STRING", snowflake: "VARCHAR" };
const TIMESTAMP: SqlType = { bigquery: "TIMESTAMP", snowflake: "TIMESTAMP_LTZ" };
const JSON_VALUE: SqlType = { bigquery: "STRING", snowflake: "VARIANT" };

/** One argument. `field` names the property of the aggregate's value it fills (multi-argument aggregates). */
export interface ArgumentDeclaration {
  readonly name: string;
  readonly type: SqlType;
  readonly comment: string;
  readonly field?: string;
}

/** A scalar function: one call of a runtime function per row. */
export interface ScalarDeclaration {
  readonly kind: "scalar";
  readonly name: string;
  readonly args: readonly ArgumentDeclaration[];
  readonly returns: SqlType;
  /** Whether the runtime returns an object that BigQuery receives as JSON text. */
  readonly json: boolean;
  readonly comment: string;
  /** The runtime export it calls, with the arguments in order. */
  readonly call: "classify" | "act" | "businessDuration" | "conversationRecord";
}

/** An aggregate: BigQuery's UDAF protocol, or a Snowflake UDTF that aggregates each partition. */
export interface AggregateDeclaration {
  readonly kind: "aggregate";
  readonly name: string;
  readonly args: readonly ArgumentDeclaration[];
  readonly returns: SqlType;
  readonly json: boolean;
  readonly comment: string;
  /** The runtime aggregate it runs. */
  readonly aggregate: AggregateName;
}

/** Any function of the pack. */
export type FunctionDeclaration = ScalarDeclaration | AggregateDeclaration;

/** Every function of the pack, scalars first. */
export const declarations: readonly FunctionDeclaration[] = [
  {
    kind: "scalar",
    name: "tp_classify",
    call: "classify",
    args: [{ name: "message", type: TEXT, comment: "the text of one message" }],
    returns: JSON_VALUE,
    json: true,
    comment:
      "The message's interaction type (question, complaint, suggestion, praise, unknown), confidence, scenario, category, sentiment and signals, as JSON; NULL for NULL.",
  },
  {
    kind: "scalar",
    name: "tp_act",
    call: "act",
    args: [
      { name: "utterance", type: TEXT, comment: "the text of one message" },
      { name: "speaker", type: TEXT, comment: "customer (default when NULL), agent or bot" },
    ],
    returns: TEXT,
    json: false,
    comment:
      "The dialogue act of an utterance (greet, ask, inform, propose, accept, reject, thank, goodbye, escalate, ...); NULL for NULL.",
  },
  {
    kind: "scalar",
    name: "tp_business_duration",
    call: "businessDuration",
    args: [
      { name: "start_at", type: TIMESTAMP, comment: "the start" },
      { name: "end_at", type: TIMESTAMP, comment: "the end" },
      {
        name: "schedule",
        type: JSON_VALUE,
        comment:
          'business hours as JSON: {"timeZone":"Europe/Berlin","hours":{"monday":[{"start":"09:00","end":"17:00"}]},"holidays":[...]}',
      },
    ],
    returns: FLOAT,
    json: false,
    comment:
      "Business milliseconds between two instants under a schedule, as touchpoint/metrics' businessDuration; NULL when either is NULL.",
  },
  {
    kind: "scalar",
    name: "tp_conversation_record",
    call: "conversationRecord",
    args: [
      {
        name: "conversation",
        type: JSON_VALUE,
        comment: "a conversation as JSON: touchpoint's shape, or a helpdesk payload named by adapter",
      },
      { name: "adapter", type: TEXT, comment: "NULL or touchpoint, zendesk, intercom, freshdesk, chatwoot" },
      {
        name: "as_of",
        type: TIMESTAMP,
        comment: "the instant the export was taken (SLA clocks run to it); NULL for the last event",
      },
      {
        name: "options",
        type: JSON_VALUE,
        comment:
          'NULL or {"fcr":"one-touch|single-reply|closed-on-first-contact","schedule":{...},"targets":{...}}',
      },
    ],
    returns: JSON_VALUE,
    json: true,
    comment:
      "The conversation replayed through touchpoint's conversation machine and measured: status, stage, opening type/scenario/signals, first and next response, resolution, FCR outcome, SLA hits and misses, surveys; as JSON.",
  },
  {
    kind: "aggregate",
    name: "tp_nps",
    aggregate: "nps",
    args: [{ name: "score", type: FLOAT, comment: "an NPS answer, 0 to 10" }],
    returns: FLOAT,
    json: false,
    comment:
      "Net Promoter Score, -100 to 100 (Bain: % promoters 9-10 minus % detractors 0-6); NULL without answers.",
  },
  {
    kind: "aggregate",
    name: "tp_csat",
    aggregate: "csat",
    args: [
      { name: "score", type: FLOAT, comment: "a CSAT answer", field: "score" },
      {
        name: "scale_min",
        type: FLOAT,
        comment: "its scale's lowest score (1 when NULL)",
        field: "scaleMin",
      },
      {
        name: "scale_max",
        type: FLOAT,
        comment: "its scale's highest score (5 when NULL)",
        field: "scaleMax",
      },
    ],
    returns: FLOAT,
    json: false,
    comment:
      "CSAT in percent of satisfied answers (the top two scores of a 1-5 scale, or the scale's own threshold), pooled over scales; NULL without answers.",
  },
  {
    kind: "aggregate",
    name: "tp_ces",
    aggregate: "ces",
    args: [{ name: "score", type: FLOAT, comment: "a CES answer, 1 to 7" }],
    returns: FLOAT,
    json: false,
    comment: "Mean Customer Effort Score on its 1-7 scale; NULL without answers.",
  },
  {
    kind: "aggregate",
    name: "tp_rate",
    aggregate: "rate",
    args: [
      {
        name: "numerator",
        type: FLOAT,
        comment: "the row's count that meets the rate (hits, FCR)",
        field: "numerator",
      },
      {
        name: "denominator",
        type: FLOAT,
        comment: "the row's count it is out of (decided targets, resolved)",
        field: "denominator",
      },
    ],
    returns: FLOAT,
    json: false,
    comment:
      "A rate in percent, sum(numerator) / sum(denominator) x 100, as touchpoint computes SLA compliance and FCR; NULL when the denominator sums to 0.",
  },
  {
    kind: "aggregate",
    name: "tp_summary",
    aggregate: "summary",
    args: [{ name: "value", type: FLOAT, comment: "a duration or any number" }],
    returns: JSON_VALUE,
    json: true,
    comment:
      "Exact count, mean, median, p90, p95 (type-7), min and max, as JSON; the state holds every value, so prefer tp_durations beyond a few million rows per group. touchpoint analyze reports the sketch's percentiles (tp_durations), which can differ from these by about 1 %.",
  },
  {
    kind: "aggregate",
    name: "tp_durations",
    aggregate: "durations",
    args: [{ name: "duration_ms", type: FLOAT, comment: "a duration in milliseconds" }],
    returns: JSON_VALUE,
    json: true,
    comment:
      "Count, mean, min, max and median, p90, p95 within 1 % relative error from a mergeable quantile sketch of bounded size, as JSON: the figures touchpoint analyze reports for response, resolution and stage times.",
  },
  {
    kind: "aggregate",
    name: "tp_journey_funnel",
    aggregate: "journeyFunnel",
    args: [
      {
        name: "history",
        type: JSON_VALUE,
        comment:
          'one customer\'s history as JSON: {"segment":"smb","events":[{"type":"journey.purchase","at":...}]}',
      },
    ],
    returns: JSON_VALUE,
    json: true,
    comment:
      "The journey funnel over customer histories (reached, current, conversion and time per stage, churn, by segment and week), as JSON.",
  },
];
