import { checkOptional, checkRecord, fail, isRecord } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";
import { timestampMessage } from "../internal/iso-time.js";
import type { Conversation, ConversationInput } from "../schemas/conversation.js";
import type { MessageInput } from "../schemas/message.js";
import { timestampSchema } from "../schemas/timestamp.js";
import type { BatchValidationResult, ValidationIssue } from "../schemas/validate.js";
import {
  type AuthorRole,
  authorRoles,
  type Channel,
  type ConversationStatus,
  channels,
  conversationStatuses,
  type Priority,
  priorities,
} from "../schemas/vocabulary.js";
import { issue } from "./adapter-issues.js";
import { lookup } from "./adapter-options.js";
import { checkConversation, Provenance } from "./adapter-output.js";
import { parseCsv } from "./parse-csv.js";

/**
 * Which header names hold which field, for {@link fromCsv}. Only `conversationId`, `at` and
 * `author` are required; every other column is optional.
 *
 * @category CSV
 */
export interface CsvColumns {
  /** The conversation (ticket) id: rows with the same id are one conversation. */
  readonly conversationId: string;
  /** When the message was sent. */
  readonly at: string;
  /** Who wrote it: `customer`, `agent`, `bot`, `system`, or a word of `values.author`. */
  readonly author: string;
  /** The message's text. */
  readonly text?: string;
  /** The message's id. */
  readonly messageId?: string;
  /** The author's id. */
  readonly authorId?: string;
  /** `public` or `private`, or a word of `values.visibility`; blank is `public`. */
  readonly visibility?: string;
  /** The conversation's channel (a touchpoint channel or a word of `values.channel`). */
  readonly channel?: string;
  /** When the conversation was created; the first message's time when absent. */
  readonly createdAt?: string;
  /** The conversation's status (a touchpoint status or a word of `values.status`). */
  readonly status?: string;
  /** The conversation's priority (a touchpoint priority or a word of `values.priority`). */
  readonly priority?: string;
  /** The customer's id. */
  readonly customerId?: string;
  /** The assigned agent's id. */
  readonly assigneeId?: string;
  /** The assigned team's id. */
  readonly groupId?: string;
  /** The conversation's tags, separated by `tagSeparator`. */
  readonly tags?: string;
}

/**
 * Options of {@link fromCsv}: the column map and how to read the cells.
 *
 * @category CSV
 */
export interface CsvOptions {
  /** Which header names hold which field. */
  readonly columns: CsvColumns;
  /** The channel of conversations whose channel cell is blank or absent. */
  readonly channel?: Channel;
  /** Words of the export → touchpoint's, per field: `{ author: { "end-user": "customer" } }`. */
  readonly values?: {
    /** Author words → roles. */
    readonly author?: Readonly<Record<string, AuthorRole>>;
    /** Visibility words → visibility: `{ true: "private", false: "public" }` for an "Internal" column. */
    readonly visibility?: Readonly<Record<string, "public" | "private">>;
    /** Channel words → channels. */
    readonly channel?: Readonly<Record<string, Channel>>;
    /** Status words → statuses. */
    readonly status?: Readonly<Record<string, ConversationStatus>>;
    /** Priority words → priorities. */
    readonly priority?: Readonly<Record<string, Priority>>;
  };
  /**
   * Reads a time cell: epoch milliseconds, or `undefined` when the cell is not a time. Unless
   * given, a cell must be an ISO 8601 date-time with an offset (`2026-03-02T09:00:00Z`): a time
   * without one names no instant until a time zone is chosen.
   */
  readonly parseTime?: (cell: string) => number | undefined;
  /** The field separator; `,` unless given. */
  readonly delimiter?: string;
  /** What separates tags in the tags cell; `,` unless given. */
  readonly tagSeparator?: string;
}

type Field = keyof CsvColumns;

/** Conversation-level fields: the same on every row of a conversation (blank cells aside). */
const conversationFields = [
  "channel",
  "createdAt",
  "status",
  "priority",
  "customerId",
  "assigneeId",
  "groupId",
  "tags",
] as const satisfies readonly Field[];

function where(row: number, column: string): string {
  return `row ${row}, column ${JSON.stringify(column)}`;
}

function word<W extends string>(
  cell: string,
  vocabulary: readonly W[],
  map: Readonly<Record<string, W>> | undefined,
): W | undefined {
  const mapped = lookup(map, cell);
  if (mapped !== undefined) return mapped;
  return (vocabulary as readonly string[]).includes(cell) ? (cell as W) : undefined;
}

interface Group {
  readonly id: string;
  readonly rows: { readonly row: number; readonly cells: readonly string[] }[];
  readonly issues: ValidationIssue[];
}

/**
 * Returns the conversations of a message-per-row CSV export, every good one parsed and every bad one
 * reported with the row and column of each problem.
 *
 * @remarks
 * The text is read with {@link parseCsv}; its first record is the header and `columns` says which
 * header holds which field. Rows with the same conversation id form one conversation, in the order
 * its first row appears; each row is one message, in row order (which must be time order, as
 * `conversationSchema` requires). Conversation-level cells (channel, created time, status,
 * priority, customer, assignee, group, tags) may repeat on every row or appear on one; two rows of a
 * conversation that disagree are an error. Empty lines are skipped.
 *
 * The result has the shape of touchpoint/schemas' `validateBatch`: `data` holds the conversations
 * that passed, `indices` their positions in the order of first appearance, and `errors` one entry
 * per rejected conversation (a row without a conversation id counts as a conversation of its own)
 * whose issues name the place as `row 4, column "Created"` (rows numbered as a spreadsheet shows
 * them, the header being row 1) with the cell's value. A conversation with one bad row is rejected
 * whole, never kept with a message missing.
 *
 * @param text - the CSV text
 * @param options - the column map, word maps, time reader, delimiter and tag separator
 * @returns the conversations, their positions and the rejected ones with their issues
 * @throws TouchpointError `invalid_csv` when the text is not CSV (a quote that never closes),
 *   `missing_column` when a column of `columns` is not in the header and `ambiguous_column` when it
 *   is there twice, `invalid_option` when an option has the wrong type (`columns` not an object of column names, `parseTime` not a function, ...)
 *
 * @example
 * ```ts
 * import { fromCsv } from "touchpoint/adapters";
 *
 * const csv = [
 *   "ticket,time,from,body",
 *   "t-1,2026-03-02T09:00:00Z,customer,Hi",
 *   't-1,2026-03-02T09:05:00Z,agent,"Hello, how can I help?"',
 *   "t-2,yesterday,customer,Hello?",
 * ].join("\r\n");
 * const result = fromCsv(csv, { columns: { conversationId: "ticket", at: "time", author: "from", text: "body" }, channel: "email" });
 * result.data.map((c) => c.messages.length); // => [2]
 * result.indices; // => [0]
 * result.errors[0]?.index; // => 1
 * result.errors[0]?.issues[0]?.path; // => 'row 4, column "time"'
 * result.errors[0]?.issues[0]?.received; // => "yesterday"
 * ```
 *
 * @category CSV
 */
export function fromCsv(text: string, options: CsvOptions): BatchValidationResult<Conversation> {
  checkCsvOptions(options);
  if (typeof text !== "string") fail("invalid_input", "fromCsv", "text", text, "a string");
  const records = parseCsv(text, options.delimiter === undefined ? {} : { delimiter: options.delimiter });
  const result: BatchValidationResult<Conversation> = { data: [], indices: [], errors: [] };
  const header = records[0];
  if (header === undefined) return result;

  const columnIndex = new Map<Field, number>();
  for (const [field, name] of Object.entries(options.columns) as [Field, string | undefined][]) {
    if (name === undefined) continue;
    const at = header.indexOf(name);
    if (at === -1) {
      throw new TouchpointError(
        "missing_column",
        `fromCsv: expected a column ${quote(name)} (columns.${field}) in the header, got ${quote(header)}`,
        { path: `columns.${field}`, value: name },
      );
    }
    if (header.indexOf(name, at + 1) !== -1) {
      throw new TouchpointError(
        "ambiguous_column",
        `fromCsv: expected one column ${quote(name)} (columns.${field}) in the header, got it twice`,
        { path: `columns.${field}`, value: name },
      );
    }
    columnIndex.set(field, at);
  }

  // Group the rows by conversation id, in order of first appearance.
  const groups: Group[] = [];
  const byId = new Map<string, Group>();
  const idColumn = columnIndex.get("conversationId") as number;
  for (let r = 1; r < records.length; r++) {
    const cells = records[r] as string[];
    const row = r + 1;
    if (cells.length === 1 && cells[0] === "" && header.length > 1) continue;
    const id = (cells[idColumn] ?? "").trim();
    let group = id === "" ? undefined : byId.get(id);
    if (group === undefined) {
      group = { id, rows: [], issues: [] };
      groups.push(group);
      if (id !== "") byId.set(id, group);
    }
    if (cells.length !== header.length) {
      group.issues.push(
        issue(
          `row ${row}`,
          "invalid_row",
          `expected ${header.length} fields, as in the header, got ${cells.length}`,
          cells,
        ),
      );
      continue;
    }
    if (id === "") {
      group.issues.push(
        issue(
          where(row, options.columns.conversationId),
          "invalid_value",
          "expected a conversation id",
          cells[idColumn],
        ),
      );
      continue;
    }
    group.rows.push({ row, cells });
  }

  groups.forEach((group, index) => {
    // The rows that could be read are checked too, so one pass reports every problem.
    const built = group.rows.length > 0 ? buildConversation(group, columnIndex, options) : undefined;
    const issues = [...group.issues, ...(built !== undefined && "issues" in built ? built.issues : [])];
    if (issues.length === 0 && built !== undefined && "data" in built) {
      result.data.push(built.data);
      result.indices.push(index);
    } else {
      result.errors.push({ index, issues });
    }
  });
  return result;
}

/** The options' shape, checked once before any row is read. */
function checkCsvOptions(options: CsvOptions): void {
  const fn = "fromCsv";
  checkRecord(fn, "options", options);
  if (!isRecord(options.columns))
    fail(
      "invalid_option",
      fn,
      "options.columns",
      options.columns,
      "an object mapping fields to column names",
    );
  for (const [field, name] of Object.entries(options.columns)) {
    checkOptional(fn, `options.columns.${field}`, name, "a column name (a string)", "string");
  }
  checkOptional(fn, "options.channel", options.channel, "a channel name (a string)", "string");
  checkOptional(
    fn,
    "options.parseTime",
    options.parseTime,
    "a function from a cell to epoch milliseconds",
    "function",
  );
  checkOptional(fn, "options.delimiter", options.delimiter, "a one-character string", "string");
  checkOptional(fn, "options.tagSeparator", options.tagSeparator, "a string", "string");
  if (options.values !== undefined) {
    if (!isRecord(options.values))
      fail("invalid_option", fn, "options.values", options.values, "an object of value maps by field");
    for (const [field, map] of Object.entries(options.values)) {
      if (map !== undefined && !isRecord(map))
        fail("invalid_option", fn, `options.values.${field}`, map, "an object mapping cell values to words");
    }
  }
}

function buildConversation(
  group: Group,
  columnIndex: ReadonlyMap<Field, number>,
  options: CsvOptions,
): { data: Conversation } | { issues: ValidationIssue[] } {
  const issues: ValidationIssue[] = [];
  const columns = options.columns;
  const first = group.rows[0] as Group["rows"][number];
  const provenance = new Provenance(`row ${first.row}`);
  provenance.set("id", where(first.row, columns.conversationId));
  const cell = (cells: readonly string[], field: Field): string | undefined => {
    const at = columnIndex.get(field);
    return at === undefined ? undefined : (cells[at] as string);
  };
  const time = (text: string, place: string): number | undefined => {
    const value = options.parseTime ? options.parseTime(text) : parsedTime(text);
    if (value === undefined || !Number.isSafeInteger(value)) {
      issues.push(
        issue(
          place,
          "invalid_format",
          options.parseTime
            ? "expected a time that options.parseTime reads"
            : timestampMessage("expected an ISO 8601 date-time with an offset", text),
          text,
        ),
      );
      return undefined;
    }
    return value;
  };

  // Conversation-level fields: the first non-blank cell, and every other one must agree with it.
  const level = new Map<Field, { value: string; row: number }>();
  for (const { row, cells } of group.rows) {
    for (const field of conversationFields) {
      const value = cell(cells, field)?.trim();
      if (value === undefined || value === "") continue;
      const seen = level.get(field);
      if (seen === undefined) level.set(field, { value, row });
      else if (seen.value !== value) {
        issues.push(
          issue(
            where(row, columns[field] as string),
            "conflicting_value",
            `expected the same value as row ${seen.row} (${quote(seen.value)}) for conversation ${quote(group.id)}`,
            value,
          ),
        );
      }
    }
  }
  const levelWord = <W extends string>(
    field: "channel" | "status" | "priority",
    vocabulary: readonly W[],
    map: Readonly<Record<string, W>> | undefined,
  ): W | undefined => {
    const found = level.get(field);
    if (found === undefined) return undefined;
    const place = where(found.row, columns[field] as string);
    provenance.set(field, place, found.value);
    const value = word(found.value, vocabulary, map);
    if (value === undefined) {
      issues.push(
        issue(
          place,
          "invalid_value",
          `expected one of ${vocabulary.join(", ")} or a word of values.${field}`,
          found.value,
        ),
      );
    }
    return value;
  };

  // A blank channel cell takes options.channel; a cell with a word touchpoint does not know does not.
  const channel = level.has("channel")
    ? levelWord("channel", channels, options.values?.channel)
    : options.channel;
  if (channel === undefined && !level.has("channel")) {
    issues.push(
      issue(
        `row ${first.row}`,
        "invalid_value",
        "expected a channel: a channel column with a value, or options.channel",
        undefined,
      ),
    );
  }
  const status = levelWord("status", conversationStatuses, options.values?.status);
  const priority = levelWord("priority", priorities, options.values?.priority);

  const messages: MessageInput[] = [];
  for (const { row, cells } of group.rows) {
    const index = messages.length;
    provenance.set(`messages.${index}`, `row ${row}`);
    const atCell = cell(cells, "at") as string;
    provenance.set(`messages.${index}.at`, where(row, columns.at), atCell);
    const at = time(atCell.trim(), where(row, columns.at));
    const authorCell = (cell(cells, "author") as string).trim();
    const author = word(authorCell, authorRoles, options.values?.author);
    if (author === undefined) {
      issues.push(
        issue(
          where(row, columns.author),
          "invalid_value",
          `expected one of ${authorRoles.join(", ")} or a word of values.author`,
          authorCell,
        ),
      );
    }
    const visibilityCell = cell(cells, "visibility")?.trim() ?? "";
    const visibility =
      visibilityCell === ""
        ? "public"
        : word(visibilityCell, ["public", "private"] as const, options.values?.visibility);
    if (visibility === undefined) {
      issues.push(
        issue(
          where(row, columns.visibility as string),
          "invalid_value",
          "expected public, private or a word of values.visibility",
          visibilityCell,
        ),
      );
    }
    if (at === undefined || author === undefined || visibility === undefined) continue;
    const messageId = cell(cells, "messageId")?.trim();
    const authorId = cell(cells, "authorId")?.trim();
    messages.push({
      author,
      at,
      visibility,
      text: cell(cells, "text") ?? "",
      ...(messageId ? { id: messageId } : {}),
      ...(authorId ? { authorId } : {}),
    });
  }

  let createdAt = messages[0]?.at as number | undefined;
  const created = level.get("createdAt");
  if (created !== undefined) {
    const place = where(created.row, columns.createdAt as string);
    provenance.set("createdAt", place, created.value);
    createdAt = time(created.value, place);
  } else {
    provenance.set("createdAt", where(first.row, columns.at));
  }
  if (issues.length > 0 || createdAt === undefined || channel === undefined) {
    return { issues };
  }

  const tags = level.get("tags");
  if (tags !== undefined) provenance.set("tags", where(tags.row, columns.tags as string), tags.value);
  const optional = (field: "customerId" | "assigneeId" | "groupId") => {
    const found = level.get(field);
    if (found === undefined) return {};
    provenance.set(field, where(found.row, columns[field] as string), found.value);
    return { [field]: found.value };
  };
  const conversation: ConversationInput = {
    id: group.id,
    channel,
    createdAt,
    messages,
    tags:
      tags === undefined
        ? []
        : tags.value
            .split(options.tagSeparator ?? ",")
            .map((t) => t.trim())
            .filter((t) => t !== ""),
    ...(status !== undefined ? { status } : {}),
    ...(priority !== undefined ? { priority } : {}),
    ...optional("customerId"),
    ...optional("assigneeId"),
    ...optional("groupId"),
  };
  const checked = checkConversation(conversation, provenance);
  return checked.success ? { data: checked.data } : { issues: [...checked.issues] };
}

/** An ISO 8601 date-time with an offset, as epoch milliseconds (the text form of `timestampSchema`). */
function parsedTime(text: string): number | undefined {
  const result = timestampSchema.safeParse(text);
  return result.success ? result.data : undefined;
}
