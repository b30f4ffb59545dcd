/*
 * One worker's share of `touchpoint analyze`: records in, report state out. Each record is parsed
 * (when it arrives as text), validated or adapted to a conversation, cleared of repeated message
 * ids, classified, replayed and measured (analyze.ts), and folded into the report's mergeable
 * aggregates. The same code runs in the main thread (one job) and in each worker thread (worker.ts),
 * so one job and many give the same states to merge.
 */
import {
  adaptBatch,
  type CsvOptions,
  fromChatwoot,
  fromCsv,
  fromFreshdesk,
  fromIntercom,
  fromZendesk,
  type ZendeskInput,
} from "../adapters/index.js";
import { TouchpointError } from "../internal/errors.js";
import { businessSchedule } from "../metrics/index.js";
import {
  type BatchValidationResult,
  type Conversation,
  conversationSchema,
  formatIssues,
  validateBatch,
} from "../schemas/index.js";
import {
  type AnalysisContext,
  type AnalyzeOptions,
  type AttentionItem,
  addFacts,
  analysisContext,
  conversationFacts,
  emptyReportState,
  latestInstantOf,
  type ReportParts,
  type ReportState,
  reportParts,
  reportStateJson,
  type ReportStateJson,
} from "./analyze.js";
import { addRejection, type CausesState, emptyCauses, type Rejection } from "./rejections.js";

export const sources = ["touchpoint", "zendesk", "intercom", "freshdesk", "chatwoot", "csv"] as const;
export type Source = (typeof sources)[number];

export type { Rejection };

/** What a folder needs; plain JSON, so it crosses to worker threads as is. */
export interface FoldConfig {
  source: Source;
  /** The column map, for `source: "csv"`. */
  csv: CsvOptions | null;
  /** Analysis options; the schedule as its JSON definition (compiled where it is used). */
  options: Omit<AnalyzeOptions, "schedule" | "asOf">;
  schedule: unknown;
  /** The report's instant; `null` in the first pass, which only looks for the latest event. */
  asOf: number | null;
  /** `latest`: validate only, to find the latest event; `analyze`: the whole report. */
  mode: "latest" | "analyze";
  /** How many rejected records the report lists (the smallest positions). */
  sample: number;
  /** Send back every rejection (for --rejected-out). */
  keepRejected: boolean;
  /** Send back every attention item (for --attention-out). */
  keepAttention: boolean;
}

/** One record of the input: text to parse (JSON Lines), a parsed value, or a CSV group's text. */
export interface Item {
  /** Position in the whole input. */
  position: number;
  /** The file it came from, for CSV problems. */
  file: string;
  text?: string;
  value?: unknown;
  /** For a CSV group: the row number (header = 1) of its first row in the file. */
  row?: number;
}

/** A problem of a CSV group read on its own (header, then its rows from 2), in the file's row numbers. */
function inFileRows(problem: string, firstRow: number | undefined): string {
  return firstRow === undefined
    ? problem
    : problem.replace(/\brow (\d+)/g, (_, n) => `row ${Number(n) - 2 + firstRow}`);
}

/** What a folder hands back at the end: plain JSON. */
export interface FoldResult {
  state: ReportStateJson | null;
  /** The latest event among the valid conversations. */
  latest: number | null;
  /** Valid conversations folded. */
  conversations: number;
  rejectedCount: number;
  /** The `sample` rejections of smallest position. */
  rejectedSample: Rejection[];
  /** Every rejection counted by cause. */
  causes: CausesState;
  /** Messages dropped because their id repeated inside a conversation. */
  duplicateMessages: number;
}

/** What one batch gives back straight away (only what was asked for). */
export interface BatchOutput {
  /** How many records of the batch were rejected. */
  rejectedCount: number;
  /** Those rejections, when every one is wanted (keepRejected). */
  rejected: Rejection[];
  attention: AttentionItem[];
}

/** The key of a record's conversation before adapting it, for spotting duplicates early. */
export function recordKey(source: Source, record: unknown): string | null {
  const id = (x: unknown): string | null => {
    const v = (x as { id?: unknown } | null | undefined)?.id;
    return typeof v === "string" || typeof v === "number" ? String(v) : null;
  };
  if (typeof record !== "object" || record === null) return null;
  const r = record as { ticket?: unknown; conversation?: unknown; event?: unknown };
  switch (source) {
    case "zendesk":
      return id(r.ticket);
    case "freshdesk":
      return "ticket" in r ? id(r.ticket) : id(r);
    case "chatwoot":
      // A message_created payload carries the message's id and its conversation under `conversation`.
      return r.event === "message_created" || (r.event === undefined && r.conversation !== undefined)
        ? id(r.conversation)
        : id(r);
    default:
      return id(r);
  }
}

/** A batch of records read by a JSON source's reader (schema or adapter). */
export function convert(
  source: Exclude<Source, "csv">,
  records: unknown[],
): BatchValidationResult<Conversation> {
  switch (source) {
    case "touchpoint":
      return validateBatch(conversationSchema, records);
    case "zendesk":
      return adaptBatch((r: unknown) => fromZendesk(r as ZendeskInput), records);
    case "intercom":
      return adaptBatch((r: unknown) => fromIntercom(r), records);
    case "freshdesk":
      return adaptBatch((r: unknown) => {
        const pair = r as { ticket?: unknown; conversations?: unknown } | null;
        return pair !== null && typeof pair === "object" && "ticket" in pair
          ? fromFreshdesk(pair.ticket, pair.conversations)
          : fromFreshdesk(r);
      }, records);
    case "chatwoot":
      return adaptBatch((r: unknown) => fromChatwoot(r), records);
    default: {
      const never: never = source;
      throw new Error(`unknown source ${String(never)}`);
    }
  }
}

/** Drops the messages whose id repeats an earlier message's id (duplicated audits, parts, rows). */
export function withoutRepeatedMessages(c: Conversation): { conversation: Conversation; dropped: number } {
  let seen: Set<string> | null = null;
  let keep: Conversation["messages"] | null = null;
  for (let i = 0; i < c.messages.length; i++) {
    const m = c.messages[i]!;
    if (m.id !== undefined) {
      seen ??= new Set();
      if (seen.has(m.id)) {
        keep ??= c.messages.slice(0, i);
        continue;
      }
      seen.add(m.id);
    }
    keep?.push(m);
  }
  if (keep === null) return { conversation: c, dropped: 0 };
  return { conversation: { ...c, messages: keep }, dropped: c.messages.length - keep.length };
}

function idOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
}

/** Keeps the `limit` rejections of smallest position, sorted. */
export function smallestPositions(list: Rejection[], limit: number): Rejection[] {
  list.sort((a, b) => a.index - b.index);
  if (list.length > limit) list.length = limit;
  return list;
}

/** Folds records into a report state; see the module comment. */
export class Folder {
  readonly #config: FoldConfig;
  readonly #ctx: AnalysisContext | null;
  readonly #parts: ReportParts;
  readonly #state: ReportState;
  #latest: number | null = null;
  #conversations = 0;
  #rejectedCount = 0;
  #rejected: Rejection[] = [];
  #causes = emptyCauses();
  #duplicateMessages = 0;

  constructor(config: FoldConfig) {
    this.#config = config;
    const options: AnalyzeOptions = { ...config.options };
    if (config.schedule !== undefined && config.schedule !== null)
      options.schedule = businessSchedule(config.schedule as Parameters<typeof businessSchedule>[0]);
    this.#ctx = config.mode === "analyze" ? analysisContext(options, config.asOf) : null;
    this.#parts = reportParts(options, this.#ctx?.policy ?? null);
    this.#state = emptyReportState(this.#parts);
  }

  /** Records one rejection. */
  reject(r: Rejection, out: BatchOutput): void {
    this.#rejectedCount++;
    out.rejectedCount++;
    this.#rejected.push(r);
    addRejection(this.#causes, r);
    if (this.#rejected.length >= 2 * Math.max(this.#config.sample, 16))
      smallestPositions(this.#rejected, this.#config.sample);
    if (this.#config.keepRejected) out.rejected.push(r);
  }

  /** Folds a batch of records. */
  add(items: readonly Item[]): BatchOutput {
    const out: BatchOutput = { rejectedCount: 0, rejected: [], attention: [] };
    const { source, csv } = this.#config;
    const values: unknown[] = [];
    const positions: Item[] = [];
    for (const item of items) {
      if (source === "csv") {
        let batch: BatchValidationResult<Conversation>;
        try {
          batch = fromCsv(item.text ?? "", csv as CsvOptions);
        } catch (error) {
          if (!(error instanceof TouchpointError)) throw error;
          this.reject(
            {
              index: item.position,
              id: null,
              problem: `${item.file}: ${inFileRows(error.message, item.row)}`,
            },
            out,
          );
          continue;
        }
        for (const e of batch.errors)
          this.reject(
            {
              index: item.position,
              id: null,
              problem: `${item.file}: ${inFileRows(formatIssues(e.issues), item.row)}`,
            },
            out,
          );
        for (const c of batch.data) this.#fold(c, item.position, out);
        continue;
      }
      if (item.text !== undefined) {
        try {
          values.push(JSON.parse(item.text));
        } catch (error) {
          this.reject(
            {
              index: item.position,
              id: null,
              problem: `${item.file}: not JSON: ${(error as Error).message}`,
            },
            out,
          );
          continue;
        }
      } else values.push(item.value);
      positions.push(item);
    }
    if (source !== "csv" && values.length > 0) {
      const batch = convert(source, values);
      for (const e of batch.errors)
        this.reject(
          {
            index: positions[e.index]!.position,
            id: idOf(values[e.index]),
            problem: formatIssues(e.issues),
          },
          out,
        );
      for (let k = 0; k < batch.data.length; k++)
        this.#fold(batch.data[k]!, positions[batch.indices[k]!]!.position, out);
    }
    return out;
  }

  #fold(raw: Conversation, position: number, out: BatchOutput): void {
    const { conversation: c, dropped } = withoutRepeatedMessages(raw);
    if (this.#ctx === null) {
      this.#note(c, dropped);
      return;
    }
    let facts: ReturnType<typeof conversationFacts>;
    try {
      facts = conversationFacts(c, this.#ctx);
    } catch (error) {
      // A value the schema lets through but a calculator cannot read (a survey score off its
      // scale): the conversation is reported with the reason, never folded half-way.
      if (!(error instanceof TouchpointError)) throw error;
      this.reject({ index: position, id: c.id, problem: error.message }, out);
      return;
    }
    this.#note(c, dropped);
    addFacts(this.#parts, this.#state, facts);
    if (this.#config.keepAttention && facts.attention !== null) {
      const { rank: _rank, ...item } = facts.attention;
      out.attention.push(item);
    }
  }

  #note(c: Conversation, dropped: number): void {
    this.#conversations++;
    this.#duplicateMessages += dropped;
    const latest = latestInstantOf(c);
    this.#latest = this.#latest === null ? latest : Math.max(this.#latest, latest);
  }

  /** The state to merge, as plain JSON (it crosses to the main thread by structured clone). */
  result(): FoldResult {
    return {
      state: this.#ctx === null ? null : reportStateJson(this.#parts, this.#state),
      latest: this.#latest,
      conversations: this.#conversations,
      rejectedCount: this.#rejectedCount,
      rejectedSample: smallestPositions(this.#rejected, this.#config.sample),
      causes: this.#causes,
      duplicateMessages: this.#duplicateMessages,
    };
  }
}
