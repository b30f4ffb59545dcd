import { checkOptions, fail } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";

/**
 * Options of {@link parseCsv}.
 *
 * @category CSV
 */
export interface ParseCsvOptions {
  /** The field separator, one character other than `"`, CR or LF; `,` unless given (`;` and tab are common too). */
  readonly delimiter?: string;
}

/** Line and column (1-based) of an offset, for error messages. */
function position(text: string, offset: number): string {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset; i++) {
    const c = text[i];
    if (c === "\n" || (c === "\r" && text[i + 1] !== "\n")) {
      line++;
      start = i + 1;
    }
  }
  return `line ${line}, column ${offset - start + 1}`;
}

/**
 * Returns the records of CSV text as lists of fields, as RFC 4180 defines them.
 *
 * @remarks
 * RFC 4180 (https://www.rfc-editor.org/rfc/rfc4180): records end with CRLF (LF and a lone CR are
 * accepted too), fields are separated by the delimiter, a field in double quotes may hold the
 * delimiter, line breaks and quotes written twice (`""`). The last record may or may not end with a
 * line break. Fields are returned exactly as written (no trimming, no type conversion); a quote inside
 * an unquoted field is kept as a character, as most readers do. A leading byte-order mark is dropped.
 * An empty line is a record of one empty field, so records and text round-trip; {@link fromCsv}
 * skips such lines. Runs in one pass, linear in the length of the text.
 *
 * @param text - the CSV text
 * @param options - the delimiter
 * @returns the records, each a list of fields; `[]` for empty text
 * @throws TouchpointError `invalid_csv` for a quoted field that never closes or text between a closing
 *   quote and the next delimiter, naming the line and column; `invalid_option` for a bad delimiter
 *
 * @example
 * ```ts
 * import { parseCsv } from "touchpoint/adapters";
 *
 * parseCsv('id,text\r\n1,"Hello, ""world"""\r\n2,"two\r\nlines"\r\n'); // => [["id", "text"], ["1", 'Hello, "world"'], ["2", "two\r\nlines"]]
 * parseCsv("a;b\n1;2", { delimiter: ";" }); // => [["a", "b"], ["1", "2"]]
 * parseCsv('id,text\n1,"open'); // throws invalid_csv
 * ```
 *
 * @category CSV
 */
export function parseCsv(text: string, options: ParseCsvOptions = {}): string[][] {
  if (typeof text !== "string") fail("invalid_input", "parseCsv", "text", text, "CSV text (a string)");
  options = checkOptions("parseCsv", options);
  const delimiter = options.delimiter ?? ",";
  if (delimiter.length !== 1 || delimiter === '"' || delimiter === "\r" || delimiter === "\n") {
    throw new TouchpointError(
      "invalid_option",
      `parseCsv: expected a one-character delimiter other than a quote or a line break, got ${quote(delimiter)}`,
      { path: "delimiter", value: delimiter },
    );
  }
  const records: string[][] = [];
  let row: string[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  // Whether the current record has begun (a field, a delimiter or a quote was read).
  let inRecord = false;
  while (i < n) {
    const c = text[i];
    if (c === "\r" || c === "\n") {
      // A line break ends the record; the field before it (possibly empty) is its last.
      if (!inRecord) row.push("");
      records.push(row);
      row = [];
      inRecord = false;
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      continue;
    }
    inRecord = true;
    let field = "";
    if (c === '"') {
      let j = i + 1;
      for (;;) {
        const close = text.indexOf('"', j);
        if (close === -1) {
          throw new TouchpointError(
            "invalid_csv",
            `parseCsv: expected a closing quote for the field that opens at ${position(text, i)}`,
            { value: text.slice(i, i + 40) },
          );
        }
        field += text.slice(j, close);
        if (text[close + 1] === '"') {
          field += '"';
          j = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      const next = text[i];
      if (i < n && next !== delimiter && next !== "\r" && next !== "\n") {
        throw new TouchpointError(
          "invalid_csv",
          `parseCsv: expected a delimiter or a line break after the closing quote at ${position(text, i - 1)}, got ${quote(next)}`,
          { value: next },
        );
      }
    } else {
      let j = i;
      while (j < n && text[j] !== delimiter && text[j] !== "\r" && text[j] !== "\n") j++;
      field = text.slice(i, j);
      i = j;
    }
    row.push(field);
    if (text[i] === delimiter) {
      i++;
      // A delimiter at the end of the text or of a line opens one more, empty, field.
      if (i === n || text[i] === "\r" || text[i] === "\n") row.push("");
    } else if (i < n) {
      // A line break follows: the record is complete.
      records.push(row);
      row = [];
      inRecord = false;
      i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
    }
  }
  if (inRecord) records.push(row);
  return records;
}
