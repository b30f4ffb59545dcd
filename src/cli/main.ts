/// <reference types="node" />
/*
 * `touchpoint`: the command line. Node only (the one area that reads files); everything it computes
 * comes from the library (analyze.ts), so the figures are the ones a program importing touchpoint
 * gets. `run` takes its file system and output streams as arguments (CliIo), so tests drive it in
 * memory; node-io.ts is the real one.
 *
 * `analyze` streams: records are read one at a time (input.ts), checked for duplicate ids here,
 * and folded in batches by one or more workers (pool.ts, fold.ts) into mergeable aggregates, so
 * memory stays flat whatever the export's size. Without --as-of, a first pass finds the latest
 * event (the instant the figures hold at), and the second computes the report.
 */
import { calendarProblem } from "../internal/iso-time.js";
import { parseArgs } from "node:util";
import { type CsvOptions, fromCsv } from "../adapters/index.js";
import { TouchpointError } from "../internal/errors.js";
import { type BusinessSchedule, businessSchedule, type FcrDefinition } from "../metrics/index.js";
import type { ConversationSlaTargets } from "../conversation/index.js";
import type { Priority } from "../schemas/vocabulary.js";
import { priorities } from "../schemas/vocabulary.js";
import {
  type AnalyzeOptions,
  analysisContext,
  emptyReportState,
  finalizeReport,
  mergeReportStates,
  type ReportState,
  reportParts,
  type SegmentKey,
} from "./analyze.js";
import {
  type BatchOutput,
  convert,
  type FoldConfig,
  type FoldResult,
  type Item,
  type Rejection,
  recordKey,
  type Source,
  smallestPositions,
  sources,
} from "./fold.js";
import { formatJson, formatText, type ReportInput } from "./format-report.js";
import {
  counted,
  csvGroups,
  csvHeaderOf,
  decoded,
  decompressed,
  IdSet,
  InputError,
  jsonArrayRecords,
  jsonLinesRecords,
} from "./input.js";
import { explainShape, guessShape, SAMPLE_SIZE } from "./input-shape.js";
import { type Sink, localSink, workerSink } from "./pool.js";
import { type Progress, progressBar } from "./progress.js";
import { addRejection, type CausesState, causeGroups, emptyCauses, mergeCauses } from "./rejections.js";
import { formatHtml } from "./report-html.js";

import { runWarehouse } from "./warehouse.js";

/** A file that can be written to line by line (the JSON Lines outputs). */
export interface LineWriter {
  write(line: string): void;
  close(): Promise<void>;
}

/** What the command needs from its surroundings. */
export interface CliIo {
  /** Reads a small file (an option's) as UTF-8 text; throws when it cannot. */
  readFile(path: string): string;
  /** The bytes of an input file, or of standard input for `-`; throws when it cannot open it. */
  openRead(path: string): AsyncIterable<Uint8Array>;
  /** The size of a file and an identity (device and inode) to compare files by; null when missing. */
  fileInfo(path: string): { size: number; id: string } | null;
  /** Throws, with the system's reason, when `path` cannot be written (checked before the work). */
  checkWritable(path: string): void;
  /** Writes a file. */
  writeFile(path: string, text: string): void;
  /** Opens a file for writing line by line. */
  openWrite(path: string): LineWriter;
  /** Copies standard input to a temporary file (for two passes) and returns its path. */
  spoolStdin(): Promise<string>;
  /** Removes the temporary file spoolStdin made. */
  remove(path: string): void;
  /** Standard output. */
  stdout(text: string): void;
  /** Standard error. */
  stderr(text: string): void;
  /** Whether standard error is a terminal (progress is shown only then). */
  stderrIsTTY?: boolean;
  /** Writes raw text to standard error for the progress line (a terminal only). */
  progressStream?: NodeJS.WritableStream;
  /** How many cores, the default of --jobs. */
  cores?: number;
  /** Whether standard output is a terminal that shows Unicode blocks (sparklines); plain text when not. */
  stdoutIsTerminal?: boolean;
  /** The terminal's width in columns, when it is one. */
  columns?: number | undefined;
  /** The package version. */
  version: string;
}

export const usage = `Usage: touchpoint analyze <file>... [options]
       touchpoint warehouse bigquery|snowflake --out <dir> [options]  (see touchpoint warehouse --help)

Analyses conversations exported from a helpdesk: classifies each one, replays it through the
conversation machine, and reports CSAT, NPS, CES, first and next response times, resolution
times, first contact resolution and SLA compliance per segment, and the open conversations that
need attention with their playbook's next step.

Input: JSON (an array of records, or an object holding one under "conversations", "tickets" or
"payloads"), JSON Lines (.jsonl, .ndjson) or CSV (--from csv), read record by record: exports of
any size run in flat memory. Several files are read in turn; - reads standard input (JSON Lines,
or a JSON array when it starts with "["). gzip files (.gz, or any file starting with gzip's
signature) are read as such. By default each record is a conversation in touchpoint's shape (the
JSON Schema is touchpoint/json-schema/conversation.json); --from reads a helpdesk's own payloads
instead. Every bad record is reported with its position and left out; the rest are analysed. A
conversation id seen twice is analysed once (the first) and the second is reported; a message id
repeated inside a conversation is counted once.

Options:
  --from <source>     touchpoint (default); zendesk (records { ticket, audits, metrics,
                      satisfactionRating }); intercom (conversations); freshdesk (tickets, or
                      { ticket, conversations }); chatwoot (webhook payloads or conversations);
                      csv (one message per row, rows of a conversation together; needs --columns)
  --columns <file>    for --from csv: JSON { "columns": { "conversationId", "at", "author",
                      "text", ... }, "values": {...}, "channel", "delimiter", "tagSeparator" }
  --by <key>          segments: channel (default), priority, agent, week, none
  --format <format>   text (default), json, html
  --out <file>        write the report to a file instead of standard output; never an input,
                      nor an existing file without --force
  --force             let --out, --rejected-out and --attention-out replace an existing file
  --rejected-out <f>  write every rejected record (position, id, problem) as JSON Lines; the
                      report counts them by cause and lists the first few of each
  --attention-out <f> write every open conversation needing attention as JSON Lines; the
                      report lists the --attention most pressing
  --schedule <file>   business hours (JSON: { "timeZone", "hours", "holidays" }); adds
                      business-time figures and makes SLA targets count business time
  --sla <file>        SLA targets per priority (JSON: { "urgent": { "firstResponse": "1h",
                      "nextResponse": "1h", "resolution": "4h" }, ... }); durations as "90m",
                      "4h", "2d" or minutes; null for no target
  --as-of <time>      the instant the export was taken (ISO 8601), not before its latest event;
                      default the latest event (found by a first pass over the input)
  --attention <n>     how many open conversations to list (default 10)
  --fcr <definition>  first contact resolution: one-touch (Zendesk), single-reply
                      (Freshdesk) or closed-on-first-contact (Intercom); default the
                      vendor's own for --from zendesk and freshdesk, else Intercom's
  --jobs <n>          worker threads folding records (default: one per core)
  --quiet             no progress line (it shows only when standard error is a terminal)
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

/** The schedule's JSON (what the workers compile), checked here first. */
function parseSchedule(text: string, file: string): { json: unknown; schedule: BusinessSchedule } {
  const json = parseJson(text, "--schedule", file);
  try {
    return { json, schedule: businessSchedule(json as Parameters<typeof businessSchedule>[0]) };
  } catch (error) {
    if (error instanceof TouchpointError) throw new UsageError(`--schedule: ${file}: ${error.message}`);
    throw error;
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

/** How many rejected records the report lists (the first ones by position). */
const REJECTED_SAMPLE = 20;
/** Records per batch sent to a worker. */
const BATCH = 200;

/** The input format of one file: by its extension, or by its first character for standard input. */
type Format = "json" | "jsonl" | "csv";

function formatOf(file: string, source: Source): Format | "sniff" {
  if (source === "csv") return "csv";
  if (file === "-") return "sniff";
  return /\.(jsonl|ndjson)(\.gz)?$/i.test(file) ? "jsonl" : "json";
}

/** Standard input's format: a JSON array when its first character is "[", else JSON Lines. */
async function* sniffed(
  text: AsyncIterable<string>,
  name: string,
): AsyncIterable<{ line: number; text?: string; value?: unknown }> {
  const it = text[Symbol.asyncIterator]();
  const head: string[] = [];
  let first: string | undefined;
  for (;;) {
    const r = await it.next();
    if (r.done) break;
    head.push(r.value);
    const t = r.value.trimStart();
    if (t !== "") {
      first = t[0];
      break;
    }
  }
  async function* all(): AsyncIterable<string> {
    yield* head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  yield* first === "[" ? jsonArrayRecords(all(), name) : jsonLinesRecords(all());
}

interface Parsed {
  files: string[];
  source: Source;
  csv: CsvOptions | null;
  options: AnalyzeOptions;
  scheduleJson: unknown;
  format: "text" | "json" | "html";
  out: string | undefined;
  rejectedOut: string | undefined;
  attentionOut: string | undefined;
  force: boolean;
  jobs: number;
  quiet: boolean;
  strict: boolean;
  /** The temporary copy of standard input, read as `-` is. */
  stdinPath: string | null;
}

/** Runs the command; returns the exit status (0 ok, 1 rejected records with --strict or a failure, 2 usage). */
export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === "warehouse") return runWarehouse(argv.slice(1), io);
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
    io.stderr(`touchpoint: analyze needs at least one file (- for standard input)\n\n${usage}`);
    return 2;
  }
  let spooled: string | null = null;
  try {
    const p = checkOptions(values, files, io);
    if (p.options.asOf === undefined && p.files.includes("-")) {
      // Two passes read the input twice: standard input is kept in a temporary file for that.
      spooled = await io.spoolStdin();
      p.stdinPath = spooled;
      p.files = p.files.map((f) => (f === "-" ? (spooled as string) : f));
    }
    return await analyzeFiles(p, io, files);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.stderr(`touchpoint: ${error.message}\n`);
      return 2;
    }
    io.stderr(`touchpoint: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    if (spooled !== null) io.remove(spooled);
  }
}

/** Checks every option (and that the outputs can be written) before any record is read. */
function checkOptions(values: ReturnType<typeof parse>["values"], files: string[], io: CliIo): Parsed {
  const by = (values.by ?? "channel") as SegmentKey;
  if (!["channel", "priority", "agent", "week", "none"].includes(by))
    throw new UsageError(`--by: expected channel, priority, agent, week or none, got ${JSON.stringify(by)}`);
  const format = values.format ?? "text";
  if (format !== "text" && format !== "json" && format !== "html")
    throw new UsageError(`--format: expected text, json or html, got ${JSON.stringify(format)}`);
  const source = (values.from ?? "touchpoint") as Source;
  if (!(sources as readonly string[]).includes(source))
    throw new UsageError(`--from: expected ${sources.join(", ")}, got ${JSON.stringify(source)}`);
  if (source === "csv" && !values.columns)
    throw new UsageError("--from csv needs --columns <file>: which header holds which field");
  if (source !== "csv" && values.columns) throw new UsageError("--columns applies only to --from csv");
  const csv = values.columns ? parseColumns(read(io, values.columns, "--columns"), values.columns) : null;
  const options: AnalyzeOptions = { by };
  let scheduleJson: unknown = null;
  if (values.schedule) {
    const s = parseSchedule(read(io, values.schedule, "--schedule"), values.schedule);
    options.schedule = s.schedule;
    scheduleJson = s.json;
  }
  if (values.sla) options.targets = parseSla(read(io, values.sla, "--sla"), values.sla);
  if (values["as-of"] !== undefined) {
    const asOf = Date.parse(values["as-of"]);
    // Date.parse rolls 2026-02-30 over to 2 March: a date that does not exist is refused as such.
    const problem = calendarProblem(values["as-of"]);
    if (Number.isNaN(asOf) || problem !== undefined)
      throw new UsageError(
        `--as-of: expected an ISO 8601 time, got ${JSON.stringify(values["as-of"])}${problem === undefined ? "" : `: ${problem}`}`,
      );
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
  let jobs = io.cores ?? 1;
  if (values.jobs !== undefined) {
    jobs = Number(values.jobs);
    if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256)
      throw new UsageError(
        `--jobs: expected a whole number from 1 to 256, got ${JSON.stringify(values.jobs)}`,
      );
  }
  if (files.filter((f) => f === "-").length > 1)
    throw new UsageError("- (standard input) can be read only once");

  // The outputs: never an input, never an existing file without --force, and writable now rather
  // than after an hour of work.
  const inputs = new Map<string, string>();
  for (const f of files) {
    if (f === "-") continue;
    const info = io.fileInfo(f);
    if (info === null) throw new UsageError(`input: cannot read ${f}: no such file`);
    inputs.set(info.id, f);
  }
  const outputs = new Set<string>();
  for (const [option, path] of [
    ["--out", values.out],
    ["--rejected-out", values["rejected-out"]],
    ["--attention-out", values["attention-out"]],
  ] as const) {
    if (path === undefined) continue;
    const info = io.fileInfo(path);
    if (info !== null) {
      const input = inputs.get(info.id);
      if (input !== undefined)
        throw new UsageError(`${option}: ${path} is the input ${input}; refusing to overwrite it`);
      if (!values.force) throw new UsageError(`${option}: ${path} exists; add --force to replace it`);
    }
    if (outputs.has(path)) throw new UsageError(`${option}: ${path} is already another output`);
    outputs.add(path);
    try {
      io.checkWritable(path);
    } catch (error) {
      throw new UsageError(`${option}: cannot write ${path}: ${(error as Error).message}`);
    }
  }
  return {
    files: [...files],
    source,
    csv,
    options,
    scheduleJson,
    format,
    out: values.out,
    rejectedOut: values["rejected-out"],
    attentionOut: values["attention-out"],
    force: values.force === true,
    jobs,
    quiet: values.quiet === true,
    strict: values.strict === true,
    stdinPath: null,
  };
}

/** What one pass over the input gives. */
interface PassResult {
  records: number;
  results: FoldResult[];
  /** Rejections found while reading (unreadable lines, duplicate ids). */
  readCount: number;
  readSample: Rejection[];
  /** Those rejections by cause. */
  readCauses: CausesState;
  /** The first records read (parsed), for naming the input's shape when nothing fits. */
  head: unknown[];
}

/** One pass: read every input, skip duplicates, fold the records in the sink. */
async function pass(
  p: Parsed,
  io: CliIo,
  config: FoldConfig,
  progress: Progress,
  onOutput: (out: BatchOutput) => void,
  onReadRejection: (r: Rejection) => void,
): Promise<PassResult> {
  const output = (out: BatchOutput) => {
    progress.rejected(out.rejectedCount);
    onOutput(out);
  };
  const sink: Sink = p.jobs === 1 ? localSink(config, output) : workerSink(config, p.jobs, output);
  const local = p.jobs === 1;
  const seen = new IdSet();
  let position = 0;
  let readCount = 0;
  let readSample: Rejection[] = [];
  const readCauses = emptyCauses();
  const head: unknown[] = [];
  const reject = (r: Rejection) => {
    readCount++;
    addRejection(readCauses, r);
    readSample.push(r);
    if (readSample.length >= 4 * REJECTED_SAMPLE) readSample = smallestPositions(readSample, REJECTED_SAMPLE);
    progress.rejected(1);
    onReadRejection(r);
  };
  let batch: Item[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const items = batch;
    batch = [];
    await sink.add(items);
  };
  const take = async (item: Item, key: string | null, name: string) => {
    progress.record();
    if (key !== null && !seen.add(key)) {
      reject({
        index: item.position,
        id: key,
        problem: `${name}: conversation id ${JSON.stringify(key)} seen before in the input; counted once${
          p.source === "csv" ? " (rows of one conversation must come together)" : ""
        }`,
      });
      return;
    }
    batch.push(item);
    if (batch.length >= BATCH) await flush();
  };
  try {
    for (const file of p.files) {
      const stdin = file === p.stdinPath;
      const shown = stdin ? "-" : file;
      let chunks: AsyncIterable<Uint8Array>;
      try {
        chunks = io.openRead(file);
      } catch (error) {
        throw new UsageError(`input: cannot read ${file}: ${(error as Error).message}`);
      }
      const bytes = decompressed(counted(chunks, (n) => progress.bytes(n)));
      const format = formatOf(stdin ? "-" : file, p.source);
      if (format === "csv") {
        const csv = p.csv as CsvOptions;
        let checked = false;
        for await (const group of csvGroups(bytes, csv.columns.conversationId ?? "", csv.delimiter, shown)) {
          if (!checked) {
            checked = true;
            checkCsvHeader(csvHeaderOf(group), csv, shown);
          }
          const item: Item = { position: position++, file: shown, text: group.text, row: group.row };
          await take(item, group.id === "" ? null : group.id, shown);
        }
        continue;
      }
      const text = decoded(bytes);
      const records =
        format === "jsonl"
          ? jsonLinesRecords(text)
          : format === "json"
            ? jsonArrayRecords(text, shown)
            : sniffed(text, shown);
      for await (const r of records) {
        const item: Item = { position: position++, file: shown };
        let value = r.value;
        if (r.text !== undefined) {
          try {
            value = JSON.parse(r.text);
          } catch (error) {
            progress.record();
            reject({
              index: item.position,
              id: null,
              problem: `${shown}: line ${r.line} is not JSON: ${(error as Error).message}`,
            });
            continue;
          }
          // A worker parses the line again: a string crosses threads faster than an object.
          if (local) item.value = value;
          else item.text = r.text;
        } else item.value = value;
        if (head.length < SAMPLE_SIZE) head.push(value);
        await take(item, recordKey(p.source, value), shown);
      }
    }
    await flush();
    const results = await sink.finish();
    return { records: position, results, readCount, readSample, readCauses, head };
  } catch (error) {
    await sink.stop();
    throw error;
  }
}

function checkCsvHeader(header: string, csv: CsvOptions, file: string): void {
  try {
    fromCsv(header, csv);
  } catch (error) {
    if (error instanceof TouchpointError) throw new UsageError(`${file}: ${error.message}`);
    throw error;
  }
}

async function analyzeFiles(p: Parsed, io: CliIo, shownFiles: string[]): Promise<number> {
  const total = p.files.reduce<number | null>((sum, f) => {
    if (sum === null || f === "-" || f === p.stdinPath) return null;
    return sum + (io.fileInfo(f)?.size ?? 0);
  }, 0);
  const show = io.stderrIsTTY === true && !p.quiet && io.progressStream !== undefined;
  const passes = p.options.asOf === undefined ? 2 : 1;
  const base: Omit<FoldConfig, "mode" | "asOf" | "keepRejected" | "keepAttention"> = {
    source: p.source,
    csv: p.csv,
    options: {
      by: p.options.by ?? "channel",
      ...(p.options.targets ? { targets: p.options.targets } : {}),
      ...(p.options.attention !== undefined ? { attention: p.options.attention } : {}),
      ...(p.options.fcr ? { fcr: p.options.fcr } : {}),
    },
    schedule: p.scheduleJson,
    sample: REJECTED_SAMPLE,
  };

  let asOf = p.options.asOf ?? null;
  if (p.options.asOf === undefined) {
    const progress = progressBar(show ? io.progressStream : undefined, `pass 1 of 2`, total);
    try {
      const first = await pass(
        p,
        io,
        { ...base, mode: "latest", asOf: null, keepRejected: false, keepAttention: false },
        progress,
        () => {},
        () => {},
      );
      for (const r of first.results)
        if (r.latest !== null) asOf = asOf === null ? r.latest : Math.max(asOf, r.latest);
    } finally {
      progress.stop();
    }
  }

  const rejectedOut = p.rejectedOut === undefined ? null : io.openWrite(p.rejectedOut);
  const attentionOut = p.attentionOut === undefined ? null : io.openWrite(p.attentionOut);
  const progress = progressBar(
    show ? io.progressStream : undefined,
    passes === 2 ? "pass 2 of 2" : "reading",
    total,
  );
  let second: PassResult;
  try {
    second = await pass(
      p,
      io,
      {
        ...base,
        mode: "analyze",
        asOf,
        keepRejected: rejectedOut !== null,
        keepAttention: attentionOut !== null,
      },
      progress,
      (out) => {
        for (const r of out.rejected) rejectedOut?.write(JSON.stringify(r));
        for (const a of out.attention) attentionOut?.write(JSON.stringify(a));
      },
      (r) => rejectedOut?.write(JSON.stringify(r)),
    );
  } finally {
    progress.stop();
    await rejectedOut?.close();
    await attentionOut?.close();
  }

  if (second.records === 0)
    throw new InputError(`no records in ${shownFiles.join(", ")}: the input is empty`);
  const options: AnalyzeOptions = { ...p.options };
  const ctx = analysisContext(options, asOf);
  const parts = reportParts(options);
  const state: ReportState = emptyReportState(parts);
  let rejectedCount = second.readCount;
  let sample = [...second.readSample];
  const causes = second.readCauses;
  let duplicateMessages = 0;
  let latest: number | null = null;
  let conversations = 0;
  for (const r of second.results) {
    if (r.state !== null) mergeReportStates(parts, state, r.state);
    mergeCauses(causes, r.causes);
    conversations += r.conversations;
    rejectedCount += r.rejectedCount;
    sample.push(...r.rejectedSample);
    duplicateMessages += r.duplicateMessages;
    if (r.latest !== null) latest = latest === null ? r.latest : Math.max(latest, r.latest);
  }
  sample = smallestPositions(sample, REJECTED_SAMPLE);
  if (p.options.asOf !== undefined && latest !== null && p.options.asOf < latest)
    throw new UsageError(
      `--as-of: ${new Date(p.options.asOf).toISOString()} is before the data: its latest event is at ${new Date(latest).toISOString()}; give the instant the export was taken, or leave --as-of out`,
    );
  const report = finalizeReport(ctx, state);
  const input: ReportInput = {
    source: shownFiles.join(", "),
    records: second.records,
    rejected: sample,
    rejectedCount,
    duplicateMessages,
    causes: causeGroups(causes),
  };
  const text =
    p.format === "json"
      ? formatJson(report, input)
      : p.format === "html"
        ? formatHtml(report, input)
        : formatText(report, input, {
            sparklines: !p.out && io.stdoutIsTerminal === true,
            columns: io.columns,
          });
  if (p.out) {
    io.writeFile(p.out, text);
    io.stderr(`touchpoint: wrote ${p.out}\n`);
  } else io.stdout(text);
  if (conversations === 0) {
    // Nothing fitted: say what the input looks like and which --from reads it, and fail.
    const common = input.causes.slice(0, 3).map((g) => `  ${g.count} × ${g.cause}`);
    const guess = guessShape(
      second.head,
      p.source,
      (source, records) => convert(source, records).data.length,
    );
    io.stderr(
      `touchpoint: ${explainShape(guess, p.source, shownFiles.join(" "))}\nMost common causes:\n${common.join("\n")}\n`,
    );
    return 1;
  }
  if (rejectedCount > 0) {
    io.stderr(
      `touchpoint: ${rejectedCount} of ${second.records} records rejected (${
        p.rejectedOut
          ? `all in ${p.rejectedOut}`
          : rejectedCount > sample.length
            ? `the first ${sample.length} listed in the report`
            : "listed in the report"
      })\n`,
    );
    if (p.strict) return 1;
  }
  return 0;
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
      force: { type: "boolean" },
      "rejected-out": { type: "string" },
      "attention-out": { type: "string" },
      schedule: { type: "string" },
      sla: { type: "string" },
      "as-of": { type: "string" },
      attention: { type: "string" },
      fcr: { type: "string" },
      jobs: { type: "string" },
      quiet: { type: "boolean" },
      strict: { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
}
