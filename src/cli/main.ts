/// <reference types="node" />
/*
 * `touchpoint`: the command line. Node only (the one area that reads files); everything it computes
 * comes from the library (analyze.ts), so the figures are the ones a program importing touchpoint
 * gets. `run` takes its file system and output streams as arguments, so tests drive it in memory.
 */
import { parseArgs } from "node:util";
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
import { type BusinessSchedule, businessSchedule, type FcrDefinition } from "../metrics/index.js";
import type { ConversationSlaTargets } from "../conversation/index.js";
import {
  type BatchValidationResult,
  type Conversation,
  conversationSchema,
  formatIssues,
  validateBatch,
} from "../schemas/index.js";
import type { Priority } from "../schemas/vocabulary.js";
import { priorities } from "../schemas/vocabulary.js";
import { type AnalyzeOptions, analyze, type SegmentKey } from "./analyze.js";
import { formatJson, formatText, type ReportInput } from "./format-report.js";
import { explainShape, guessShape } from "./input-shape.js";
import { groupRejections } from "./rejections.js";
import { formatHtml } from "./report-html.js";

/** What the command needs from its surroundings. */
export interface CliIo {
  /** Reads a file as UTF-8 text; throws when it cannot. */
  readFile(path: string): string;
  /** Writes a file. */
  writeFile(path: string, text: string): void;
  /** Standard output. */
  stdout(text: string): void;
  /** Standard error. */
  stderr(text: string): void;
  /** The package version. */
  version: string;
  /** Whether standard output is a terminal that shows Unicode blocks (sparklines); plain text when not. */
  stdoutIsTerminal?: boolean;
  /** The terminal's width in columns, when it is one. */
  columns?: number | undefined;
}

export const usage = `Usage: touchpoint analyze <file>... [options]

Analyses conversations exported from a helpdesk: classifies each one, replays it through the
conversation machine, and reports CSAT, NPS, CES, first and next response times, resolution
times, first contact resolution and SLA compliance per segment, and the open conversations that
need attention with their playbook's next step.

Input: JSON (an array of records, or an object holding one under "conversations", "tickets" or
"payloads") or JSON Lines (.jsonl, .ndjson). By default each record is a conversation in
touchpoint's shape (the JSON Schema is touchpoint/json-schema/conversation.json); --from reads a
helpdesk's own payloads instead. Every bad record is reported with its position and left out; the
rest are analysed.

Options:
  --from <source>     touchpoint (default); zendesk (records { ticket, audits, metrics,
                      satisfactionRating }); intercom (conversations); freshdesk (tickets, or
                      { ticket, conversations }); chatwoot (webhook payloads or conversations);
                      csv (one message per row; needs --columns)
  --columns <file>    for --from csv: JSON { "columns": { "conversationId", "at", "author",
                      "text", ... }, "values": {...}, "channel", "delimiter", "tagSeparator" }
  --by <key>          segments: channel (default), priority, agent, week, none
  --format <format>   text (default), json, html
  --out <file>        write the report to a file instead of standard output
  --schedule <file>   business hours (JSON: { "timeZone", "hours", "holidays" }); adds
                      business-time figures and makes SLA targets count business time
  --sla <file>        SLA targets per priority (JSON: { "urgent": { "firstResponse": "1h",
                      "nextResponse": "1h", "resolution": "4h" }, ... }); durations as "90m",
                      "4h", "2d" or minutes; null for no target
  --as-of <time>      the instant the export was taken (ISO 8601); default the latest event
  --attention <n>     how many open conversations to list (default 10)
  --fcr <definition>  first contact resolution: one-touch (Zendesk), single-reply
                      (Freshdesk) or closed-on-first-contact (Intercom); default the
                      vendor's own for --from zendesk and freshdesk, else Intercom's
  --rejected <file>   write every rejected record (position, id, problem) to the file as
                      JSON Lines; the report lists the first few of each cause
  --strict            exit with status 1 when any record is rejected
  -h, --help          show this help
  -v, --version       show the version
`;

class UsageError extends Error {}

function parseDuration(value: unknown, path: string): number | null {
  if (value === null) return null;
  if (typeof value === "number" && Number.isFinite(value) && value > 0) return Math.round(value * 60_000);
  if (typeof value === "string") {
    const m = /^(\d+(?:\.\d+)?)\s*(m|min|h|d)$/.exec(value.trim());
    if (m) {
      const n = Number(m[1]);
      const unit = m[2] === "d" ? 86_400_000 : m[2] === "h" ? 3_600_000 : 60_000;
      if (n > 0) return Math.round(n * unit);
    }
  }
  throw new UsageError(
    `--sla: ${path}: expected a duration such as "90m", "4h", "2d", a number of minutes or null, got ${JSON.stringify(value)}`,
  );
}

/** Parses an option file's JSON, naming the option and the file when it is not JSON. */
function parseJson(text: string, option: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${option}: ${file} is not JSON: ${(error as Error).message}`);
  }
}

function parseSla(text: string, file: string): Partial<Record<Priority, Partial<ConversationSlaTargets>>> {
  const json = parseJson(text, "--sla", file);
  if (typeof json !== "object" || json === null || Array.isArray(json))
    throw new UsageError(`--sla: ${file}: expected an object keyed by priority (${priorities.join(", ")})`);
  const out: Partial<Record<Priority, Partial<ConversationSlaTargets>>> = {};
  for (const [priority, targets] of Object.entries(json)) {
    if (!(priorities as readonly string[]).includes(priority))
      throw new UsageError(
        `--sla: ${file}: unknown priority ${JSON.stringify(priority)}; expected one of ${priorities.join(", ")}`,
      );
    if (typeof targets !== "object" || targets === null)
      throw new UsageError(`--sla: ${file}: ${priority}: expected an object of targets`);
    const t: { -readonly [K in keyof ConversationSlaTargets]?: ConversationSlaTargets[K] } = {};
    for (const [name, value] of Object.entries(targets)) {
      const path = `${priority}.${name}`;
      if (name === "firstResponse") t.firstResponseMs = parseDuration(value, path);
      else if (name === "nextResponse") t.nextResponseMs = parseDuration(value, path);
      else if (name === "resolution") t.resolutionMs = parseDuration(value, path);
      else
        throw new UsageError(
          `--sla: ${file}: unknown target ${JSON.stringify(path)}; expected firstResponse, nextResponse or resolution`,
        );
    }
    out[priority as Priority] = t;
  }
  return out;
}

function parseSchedule(text: string, file: string): BusinessSchedule {
  const json = parseJson(text, "--schedule", file);
  try {
    return businessSchedule(json as Parameters<typeof businessSchedule>[0]);
  } catch (error) {
    if (error instanceof TouchpointError) throw new UsageError(`--schedule: ${file}: ${error.message}`);
    throw error;
  }
}

/** The records of one input file: a JSON array, an object holding one, or JSON Lines. */
function recordsOf(
  text: string,
  file: string,
): { records: unknown[]; broken: { index: number; problem: string }[] } {
  const lines = /\.(jsonl|ndjson)$/i.test(file);
  if (!lines) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      throw new UsageError(
        `${file} is not JSON: ${(error as Error).message} (JSON Lines files end in .jsonl)`,
      );
    }
    const holder = json as { conversations?: unknown; tickets?: unknown; payloads?: unknown } | null;
    const list = Array.isArray(json) ? json : (holder?.conversations ?? holder?.tickets ?? holder?.payloads);
    if (!Array.isArray(list))
      throw new UsageError(
        `${file}: expected an array of records, or an object holding one under "conversations", "tickets" or "payloads"`,
      );
    return { records: list, broken: [] };
  }
  const records: unknown[] = [];
  const broken: { index: number; problem: string }[] = [];
  let index = 0;
  for (const [n, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === "") continue;
    try {
      records.push(JSON.parse(line));
    } catch (error) {
      // A line that is not JSON still has a place: it is reported there, never skipped silently.
      records.push(undefined);
      broken.push({ index, problem: `line ${n + 1} is not JSON: ${(error as Error).message}` });
    }
    index++;
  }
  return { records, broken };
}

const sources = ["touchpoint", "zendesk", "intercom", "freshdesk", "chatwoot", "csv"] as const;
type Source = (typeof sources)[number];

/** Validates (touchpoint) or adapts (a helpdesk's payloads) the records of the input, in order. */
function convert(source: Exclude<Source, "csv">, records: unknown[]): BatchValidationResult<Conversation> {
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

function parseColumns(text: string, file: string): CsvOptions {
  const json = parseJson(text, "--columns", file);
  const columns = (json as { columns?: unknown } | null)?.columns;
  if (typeof columns !== "object" || columns === null)
    throw new UsageError(
      `--columns: ${file}: expected { "columns": { "conversationId", "at", "author", ... } }`,
    );
  return json as CsvOptions;
}

function idOf(record: unknown): string | null {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === "string" || typeof id === "number" ? String(id) : null;
}

const fcrDefinitions = [
  "one-touch",
  "single-reply",
  "closed-on-first-contact",
] as const satisfies readonly FcrDefinition[];

/** Each vendor's own definition of first contact resolution for its own export (notes/helpdesk-anchors.md §2). */
const defaultFcr: Record<Source, FcrDefinition> = {
  touchpoint: "closed-on-first-contact",
  zendesk: "one-touch",
  intercom: "closed-on-first-contact",
  freshdesk: "single-reply",
  chatwoot: "closed-on-first-contact",
  csv: "closed-on-first-contact",
};

/** Runs the command; returns the exit status (0 ok, 1 rejected records with --strict or a failure, 2 usage). */
export function run(argv: readonly string[], io: CliIo): number {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    io.stderr(`touchpoint: ${(error as Error).message}\n\n${usage}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(usage);
    return 0;
  }
  if (values.version) {
    io.stdout(`${io.version}\n`);
    return 0;
  }
  const [command, ...files] = positionals;
  if (command !== "analyze") {
    io.stderr(
      `touchpoint: ${command === undefined ? "no command given" : `unknown command ${JSON.stringify(command)}`}\n\n${usage}`,
    );
    return 2;
  }
  if (files.length === 0) {
    io.stderr(`touchpoint: analyze needs at least one file\n\n${usage}`);
    return 2;
  }
  try {
    const by = (values.by ?? "channel") as SegmentKey;
    if (!["channel", "priority", "agent", "week", "none"].includes(by))
      throw new UsageError(
        `--by: expected channel, priority, agent, week or none, got ${JSON.stringify(by)}`,
      );
    const format = values.format ?? "text";
    if (!["text", "json", "html"].includes(format))
      throw new UsageError(`--format: expected text, json or html, got ${JSON.stringify(format)}`);
    const source = (values.from ?? "touchpoint") as Source;
    if (!(sources as readonly string[]).includes(source))
      throw new UsageError(`--from: expected ${sources.join(", ")}, got ${JSON.stringify(source)}`);
    if (source === "csv" && !values.columns)
      throw new UsageError("--from csv needs --columns <file>: which header holds which field");
    if (source !== "csv" && values.columns) throw new UsageError("--columns applies only to --from csv");
    const csv = values.columns ? parseColumns(read(io, values.columns, "--columns"), values.columns) : null;
    const options: AnalyzeOptions = { by };
    if (values.schedule)
      options.schedule = parseSchedule(read(io, values.schedule, "--schedule"), values.schedule);
    if (values.sla) options.targets = parseSla(read(io, values.sla, "--sla"), values.sla);
    if (values["as-of"] !== undefined) {
      const asOf = Date.parse(values["as-of"]);
      if (Number.isNaN(asOf))
        throw new UsageError(`--as-of: expected an ISO 8601 time, got ${JSON.stringify(values["as-of"])}`);
      options.asOf = asOf;
    }
    if (values.attention !== undefined) {
      const n = Number(values.attention);
      if (!Number.isInteger(n) || n < 0)
        throw new UsageError(`--attention: expected a whole number, got ${JSON.stringify(values.attention)}`);
      options.attention = n;
    }

    const fcr = values.fcr ?? defaultFcr[source];
    if (!(fcrDefinitions as readonly string[]).includes(fcr))
      throw new UsageError(`--fcr: expected ${fcrDefinitions.join(", ")}, got ${JSON.stringify(fcr)}`);
    options.fcr = fcr as FcrDefinition;

    const records: unknown[] = [];
    const rejected: ReportInput["rejected"] = [];
    const conversations: Conversation[] = [];
    if (csv !== null) {
      // Conversations are numbered in the order their first row appears, as fromCsv reports them.
      for (const file of files) {
        let batch: BatchValidationResult<Conversation>;
        try {
          batch = fromCsv(read(io, file, "input"), csv);
        } catch (error) {
          if (error instanceof TouchpointError) throw new UsageError(`${file}: ${error.message}`);
          throw error;
        }
        const offset = records.length;
        for (const e of batch.errors)
          rejected.push({ index: offset + e.index, id: null, problem: `${file}: ${formatIssues(e.issues)}` });
        records.push(...new Array(batch.data.length + batch.errors.length).fill(null));
        conversations.push(...batch.data);
      }
    } else {
      for (const file of files) {
        const { records: fileRecords, broken } = recordsOf(read(io, file, "input"), file);
        const offset = records.length;
        const brokenAt = new Set(broken.map((b) => b.index));
        for (const b of broken)
          rejected.push({ index: offset + b.index, id: null, problem: `${file}: ${b.problem}` });
        records.push(...fileRecords.map((r, i) => (brokenAt.has(i) ? null : r)));
      }
      const brokenIndices = new Set(rejected.map((r) => r.index));
      const batch = convert(source as Exclude<Source, "csv">, records);
      for (const e of batch.errors) {
        if (brokenIndices.has(e.index)) continue;
        rejected.push({ index: e.index, id: idOf(records[e.index]), problem: formatIssues(e.issues) });
      }
      conversations.push(...batch.data);
    }
    rejected.sort((a, b) => a.index - b.index);
    if (values.rejected)
      io.writeFile(values.rejected, rejected.map((r) => `${JSON.stringify(r)}\n`).join(""));
    const report = analyze(conversations, options);
    const input: ReportInput = { source: files.join(", "), records: records.length, rejected };
    const text =
      format === "json"
        ? formatJson(report, input)
        : format === "html"
          ? formatHtml(report, input)
          : formatText(report, input, {
              sparklines: !values.out && io.stdoutIsTerminal === true,
              columns: io.columns,
            });
    if (values.out) {
      io.writeFile(values.out, text);
      io.stderr(`touchpoint: wrote ${values.out}\n`);
    } else io.stdout(text);
    if (records.length > 0 && conversations.length === 0) {
      // Nothing fitted: say what the file looks like and which --from reads it, and fail.
      const causes = groupRejections(rejected, 1)
        .slice(0, 3)
        .map((g) => `  ${g.count} × ${g.cause}`);
      const guess = guessShape(records, source, (s, sample) => convert(s, sample).data.length);
      io.stderr(
        `touchpoint: ${explainShape(guess, source, files.join(" "))}\nMost common causes:\n${causes.join("\n")}\n`,
      );
      return 1;
    }
    if (rejected.length > 0) {
      io.stderr(
        `touchpoint: ${rejected.length} of ${records.length} records rejected (listed in the report)\n`,
      );
      if (values.strict) return 1;
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`touchpoint: ${error.message}\n`);
      return 2;
    }
    io.stderr(`touchpoint: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

function read(io: CliIo, file: string, what: string): string {
  try {
    return io.readFile(file);
  } catch (error) {
    throw new UsageError(`${what}: cannot read ${file}: ${(error as Error).message}`);
  }
}

function parse(argv: readonly string[]) {
  return parseArgs({
    args: [...argv],
    allowPositionals: true,
    strict: true,
    options: {
      by: { type: "string" },
      from: { type: "string" },
      columns: { type: "string" },
      format: { type: "string" },
      out: { type: "string" },
      schedule: { type: "string" },
      sla: { type: "string" },
      "as-of": { type: "string" },
      attention: { type: "string" },
      fcr: { type: "string" },
      strict: { type: "boolean" },
      rejected: { type: "string" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
