// parseCsv against the grammar and examples of RFC 4180, section 2
// (https://www.rfc-editor.org/rfc/rfc4180#section-2).
import { parseCsv, TouchpointError } from "touchpoint/adapters";
import { describe, expect, it } from "vitest";

function csvError(run: () => unknown): TouchpointError {
  try {
    run();
  } catch (error) {
    if (error instanceof TouchpointError) return error;
    throw error;
  }
  throw new Error("expected parseCsv to throw");
}

describe("parseCsv: RFC 4180 section 2", () => {
  it.each([
    [
      "2.1 records end with CRLF",
      "aaa,bbb,ccc\r\nzzz,yyy,xxx\r\n",
      [
        ["aaa", "bbb", "ccc"],
        ["zzz", "yyy", "xxx"],
      ],
    ],
    [
      "2.2 the last record may have no line break",
      "aaa,bbb,ccc\r\nzzz,yyy,xxx",
      [
        ["aaa", "bbb", "ccc"],
        ["zzz", "yyy", "xxx"],
      ],
    ],
    [
      "2.3 a header is a record like the others",
      "field_name,field_name,field_name\r\naaa,bbb,ccc\r\n",
      [
        ["field_name", "field_name", "field_name"],
        ["aaa", "bbb", "ccc"],
      ],
    ],
    ["2.4 spaces are part of a field", "aaa , bbb,ccc ", [["aaa ", " bbb", "ccc "]]],
    [
      "2.5 fields may be quoted",
      '"aaa","bbb","ccc"\r\nzzz,yyy,xxx',
      [
        ["aaa", "bbb", "ccc"],
        ["zzz", "yyy", "xxx"],
      ],
    ],
    [
      "2.6 quoted fields hold line breaks, quotes and commas",
      '"aaa","b\r\nbb","c,cc"\r\nzzz,yyy,xxx',
      [
        ["aaa", "b\r\nbb", "c,cc"],
        ["zzz", "yyy", "xxx"],
      ],
    ],
    ["2.7 a quote inside a quoted field is written twice", '"aaa","b""bb","ccc"', [["aaa", 'b"bb', "ccc"]]],
  ])("%s", (_, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });
});

describe("parseCsv: edge cases", () => {
  it.each([
    ["empty text", "", []],
    ["one empty quoted field", '""', [[""]]],
    ["an empty line is one empty field", "a\r\n\r\nb", [["a"], [""], ["b"]]],
    ["empty fields", ",,", [["", "", ""]]],
    [
      "a trailing delimiter opens an empty field",
      "a,b,\r\nc,d,",
      [
        ["a", "b", ""],
        ["c", "d", ""],
      ],
    ],
    [
      "LF line breaks",
      "a,b\nc,d\n",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "CR line breaks",
      "a,b\rc,d",
      [
        ["a", "b"],
        ["c", "d"],
      ],
    ],
    [
      "a byte-order mark is dropped",
      "\uFEFFid,text\r\n1,x",
      [
        ["id", "text"],
        ["1", "x"],
      ],
    ],
    ["a quote inside an unquoted field is a character", 'a"b,5" screen', [['a"b', '5" screen']]],
    ["quoted empty fields", '"",""\r\n', [["", ""]]],
    ["LF inside quotes", '"one\ntwo",3', [["one\ntwo", "3"]]],
    ["unicode", "é,日本,😀", [["é", "日本", "😀"]]],
  ])("%s", (_, text, records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it("takes another delimiter", () => {
    expect(parseCsv('a;"b;c"\r\n1;2', { delimiter: ";" })).toEqual([
      ["a", "b;c"],
      ["1", "2"],
    ]);
    expect(parseCsv("a\tb,c", { delimiter: "\t" })).toEqual([["a", "b,c"]]);
  });

  it("names the line and column of a quote that never closes", () => {
    const error = csvError(() => parseCsv('id,text\r\n1,"never closed\r\n2,x'));
    expect(error.code).toBe("invalid_csv");
    expect(error.message).toBe(
      "parseCsv: expected a closing quote for the field that opens at line 2, column 3",
    );
  });

  it("names the character after a closing quote that is not a delimiter", () => {
    const error = csvError(() => parseCsv('a,"b"c\nd'));
    expect(error.code).toBe("invalid_csv");
    expect(error.message).toBe(
      'parseCsv: expected a delimiter or a line break after the closing quote at line 1, column 5, got "c"',
    );
    expect(error.value).toBe("c");
  });

  it("rejects a delimiter that cannot separate fields", () => {
    for (const delimiter of ['"', "\n", "\r", "", ";;"]) {
      expect(csvError(() => parseCsv("a", { delimiter })).code).toBe("invalid_option");
    }
  });

  it("stays linear on long fields", () => {
    const long = `"${"x".repeat(200_000)}""${"y".repeat(200_000)}"`;
    expect(parseCsv(`${long},${"z".repeat(200_000)}`)[0]?.[0]?.length).toBe(400_001);
  });
});
