/// <reference types="node" />
/*
 * Reading an export record by record, in bounded memory: JSON Lines, a JSON array (or a vendor's
 * export object holding one) and CSV, from files or standard input, gzip or not, with or without a
 * UTF-8 byte order mark. Node only, like the rest of src/cli.
 *
 * Parsers: JSON arrays go through @streamparser/json (no dependencies, maintained, emits each
 * element of the paths asked for and keeps nothing else, so a 5 GB array costs one record of
 * memory); CSV through csv-parse (the csv project's parser: RFC 4180 quoting, quoted newlines,
 * BOM, streaming). JSON Lines needs no library: lines are split here and each is parsed with
 * JSON.parse (by the worker that folds it). gzip is node:zlib's.
 */
import { Readable } from "node:stream";
import { createGunzip } from "node:zlib";
import { JSONParser } from "@streamparser/json";
import { parse as parseCsvStream } from "csv-parse";

/** A problem with the input as a whole (not one record): reported with exit status 2. */
export class InputError extends Error {}

/** Bytes of one input, with a counter of the (compressed) bytes read so far. */
export interface ByteSource {
  /** The name shown in messages (`-` is standard input). */
  name: string;
  chunks: AsyncIterable<Uint8Array>;
}

/** Counts bytes as they pass. */
export async function* counted(
  chunks: AsyncIterable<Uint8Array>,
  onBytes: (n: number) => void,
): AsyncIterable<Uint8Array> {
  for await (const chunk of chunks) {
    onBytes(chunk.byteLength);
    yield chunk;
  }
}

/** The bytes, gunzipped when they start with gzip's magic number (1f 8b), whatever the name. */
export async function* decompressed(chunks: AsyncIterable<Uint8Array>): AsyncIterable<Uint8Array> {
  const it = chunks[Symbol.asyncIterator]();
  let first = await it.next();
  while (!first.done && first.value.byteLength === 0) first = await it.next();
  if (first.done) return;
  const head = first.value;
  async function* rest(): AsyncIterable<Uint8Array> {
    yield head;
    for (;;) {
      const r = await it.next();
      if (r.done) return;
      yield r.value;
    }
  }
  if (head.byteLength >= 2 && head[0] === 0x1f && head[1] === 0x8b) {
    yield* Readable.from(rest()).pipe(createGunzip()) as AsyncIterable<Uint8Array>;
  } else yield* rest();
}

/** UTF-8 text in pieces; a byte order mark at the start is dropped (TextDecoder's default). */
export async function* decoded(chunks: AsyncIterable<Uint8Array>): AsyncIterable<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== "") yield text;
  }
  const tail = decoder.decode();
  if (tail !== "") yield tail;
}

/** Lines of text without their terminators (`\n` or `\r\n`), with their 1-based numbers. */
export async function* lines(text: AsyncIterable<string>): AsyncIterable<{ line: number; text: string }> {
  let carry = "";
  let n = 0;
  for await (const piece of text) {
    const buffer = carry === "" ? piece : carry + piece;
    let start = 0;
    for (;;) {
      const end = buffer.indexOf("\n", start);
      if (end === -1) break;
      n++;
      const stop = end > start && buffer.charCodeAt(end - 1) === 13 ? end - 1 : end;
      yield { line: n, text: buffer.slice(start, stop) };
      start = end + 1;
    }
    carry = buffer.slice(start);
  }
  if (carry !== "") {
    n++;
    yield { line: n, text: carry.endsWith("\r") ? carry.slice(0, -1) : carry };
  }
}

/** A record read from JSON: its text (JSON Lines) or its parsed value (a JSON array). */
export interface JsonRecord {
  /** The line, for JSON Lines; the record's number in the array otherwise. */
  line: number;
  text?: string;
  value?: unknown;
}

/** The non-blank lines of JSON Lines text. */
export async function* jsonLinesRecords(text: AsyncIterable<string>): AsyncIterable<JsonRecord> {
  for await (const { line, text: t } of lines(text)) {
    if (t.trim() === "") continue;
    yield { line, text: t };
  }
}

const HOLDERS = ["conversations", "tickets", "payloads"] as const;

/**
 * The elements of a JSON array, or of the array an export object holds under `conversations`,
 * `tickets` or `payloads`, one at a time.
 */
export async function* jsonArrayRecords(
  text: AsyncIterable<string>,
  name: string,
): AsyncIterable<JsonRecord> {
  let parser: JSONParser | null = null;
  let holder: string | null = null;
  let objectRoot = false;
  let n = 0;
  const ready: unknown[] = [];
  const fail = (message: string): never => {
    throw new InputError(`${name} is not JSON: ${message} (JSON Lines files end in .jsonl)`);
  };
  for await (const piece of text) {
    let chunk = piece;
    if (parser === null) {
      const trimmed = chunk.trimStart();
      if (trimmed === "") continue;
      chunk = trimmed;
      const first = trimmed[0];
      objectRoot = first === "{";
      if (first !== "[" && first !== "{")
        throw new InputError(
          `${name}: expected an array of records, or an object holding one under "conversations", "tickets" or "payloads"`,
        );
      parser = new JSONParser({
        paths: first === "[" ? ["$.*"] : HOLDERS.map((h) => `$.${h}.*`),
        keepStack: false,
      });
      parser.onValue = ({ value, stack }) => {
        const key = stack.length > 1 ? String(stack[1]?.key) : null;
        if (key !== null) {
          if (holder === null) holder = key;
          else if (holder !== key)
            throw new InputError(
              `${name}: holds records under both "${holder}" and "${key}"; expected one list of records`,
            );
        }
        ready.push(value);
      };
      parser.onError = (error) => {
        if (error instanceof InputError) throw error;
        fail(error.message);
      };
    }
    try {
      if (parser.isEnded) {
        // After the root value only whitespace may follow.
        if (chunk.trim() !== "")
          fail(`unexpected text after the end: ${JSON.stringify(chunk.trim().slice(0, 20))}`);
      } else parser.write(chunk);
    } catch (error) {
      if (error instanceof InputError) throw error;
      fail((error as Error).message);
    }
    for (const value of ready) yield { line: ++n, value };
    ready.length = 0;
  }
  if (parser !== null && !parser.isEnded) {
    try {
      parser.end();
    } catch (error) {
      if (error instanceof InputError) throw error;
      fail((error as Error).message);
    }
    for (const value of ready) yield { line: ++n, value };
  }
  if (objectRoot && holder === null)
    throw new InputError(
      `${name}: expected an array of records, or an object holding one under "conversations", "tickets" or "payloads" (found none, or an empty one)`,
    );
}

/** CSV quoting of one row, the delimiter given: every field quoted, quotes doubled. */
function csvRow(cells: readonly string[], delimiter: string): string {
  return cells.map((c) => `"${c.replaceAll('"', '""')}"`).join(delimiter);
}

/** The rows of one conversation in a CSV export, as CSV text with the header (what fromCsv reads). */
export interface CsvGroup {
  /** The conversation id. */
  id: string;
  /** The first row's line in the file (1-based, the header is line 1). */
  row: number;
  /** Header and rows. */
  text: string;
}

/**
 * Conversations of a CSV export, one message per row: consecutive rows with the same id column
 * form one conversation. Rows of a conversation that come back after another conversation's start
 * a new group with the same id, which the command reports as a duplicate.
 */
export async function* csvGroups(
  bytes: AsyncIterable<Uint8Array>,
  idColumn: string,
  delimiter: string | undefined,
  name: string,
): AsyncIterable<CsvGroup> {
  const d = delimiter ?? ",";
  const parser = Readable.from(bytes).pipe(
    parseCsvStream({ bom: true, delimiter: d, relax_column_count: true, skip_empty_lines: true }),
  );
  let header: string | null = null;
  let column = -1;
  let group: { id: string; row: number; rows: string[] } | null = null;
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      row++;
      if (header === null) {
        header = csvRow(record, d);
        column = record.indexOf(idColumn);
        continue;
      }
      const id = column === -1 ? "" : (record[column] ?? "");
      if (group !== null && (group.id !== id || id === "")) {
        yield { id: group.id, row: group.row, text: `${header}\n${group.rows.join("\n")}\n` };
        group = null;
      }
      group ??= { id, row, rows: [] };
      group.rows.push(csvRow(record, d));
    }
  } catch (error) {
    throw new InputError(`${name}: not CSV: ${(error as Error).message}`);
  }
  if (group !== null && header !== null)
    yield { id: group.id, row: group.row, text: `${header}\n${group.rows.join("\n")}\n` };
}

/** The header line of a CSV input, for checking the column map before reading on. */
export function csvHeaderOf(group: CsvGroup): string {
  return group.text.slice(0, group.text.indexOf("\n") + 1);
}

/**
 * A set of 64-bit hashes of strings in typed arrays (open addressing, linear probing): 8 bytes a
 * slot, at most three quarters full, so 11 to 21 bytes per id where a Set of strings takes several
 * times that (128 MB for 10 million ids). Two ids collide
 * with probability about n²/2⁶⁵ (3 in a million for 10 million ids).
 */
export class IdSet {
  #slots = new Uint32Array(2 * 1024);
  #size = 0;

  /** Adds `id`; returns false when it was there already. */
  add(id: string): boolean {
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c ^ id.length;
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    h1 ^= h1 >>> 16;
    h1 = Math.imul(h1, 0x85ebca6b);
    h1 ^= h1 >>> 13;
    h2 = Math.imul(h2 ^ (h2 >>> 16), 0xc2b2ae35);
    h2 ^= h2 >>> 16;
    if (h1 === 0 && h2 === 0) h2 = 1;
    if (4 * (this.#size + 1) > 3 * (this.#slots.length / 2)) this.#grow();
    if (!this.#insert(h1 >>> 0, h2 >>> 0)) return false;
    this.#size++;
    return true;
  }

  /** How many ids. */
  get size(): number {
    return this.#size;
  }

  #insert(h1: number, h2: number): boolean {
    const slots = this.#slots;
    const mask = slots.length / 2 - 1;
    let i = h1 & mask;
    for (;;) {
      const a = slots[2 * i]!;
      const b = slots[2 * i + 1]!;
      if (a === 0 && b === 0) {
        slots[2 * i] = h1;
        slots[2 * i + 1] = h2;
        return true;
      }
      if (a === h1 && b === h2) return false;
      i = (i + 1) & mask;
    }
  }

  #grow(): void {
    const old = this.#slots;
    this.#slots = new Uint32Array(old.length * 2);
    for (let i = 0; i < old.length; i += 2) {
      const a = old[i]!;
      const b = old[i + 1]!;
      if (a !== 0 || b !== 0) this.#insert(a, b);
    }
  }
}
