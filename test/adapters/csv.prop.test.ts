import fc from "fast-check";
import { fromCsv, parseCsv } from "touchpoint/adapters";
import { describe, expect, it } from "vitest";

/** Fields rich in what CSV must escape: delimiters, quotes, both line breaks, and anything else. */
const field = fc.oneof(
  fc.string({ unit: fc.constantFrom(",", ";", '"', "\r", "\n", "a", " ", "é", "\t"), maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);
const records = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { maxLength: 8 });

/** RFC 4180 writer: quote a field that holds the delimiter, a quote or a line break, or a lone empty one. */
function toCsv(rows: string[][], delimiter: string, lineBreak: string, trailing: boolean): string {
  const quoteIfNeeded = (f: string, alone: boolean) =>
    f.includes(delimiter) || /["\r\n]/.test(f) || (alone && f === "") || f.charCodeAt(0) === 0xfeff
      ? `"${f.replaceAll('"', '""')}"`
      : f;
  const text = rows
    .map((r) => r.map((f) => quoteIfNeeded(f, r.length === 1)).join(delimiter))
    .join(lineBreak);
  return trailing && rows.length > 0 ? text + lineBreak : text;
}

describe("parseCsv properties", () => {
  it("reads back any records written as RFC 4180", () => {
    fc.assert(
      fc.property(
        records,
        fc.constantFrom(",", ";", "\t", "|"),
        fc.constantFrom("\r\n", "\n"),
        fc.boolean(),
        (rows, delimiter, lineBreak, trailing) => {
          expect(parseCsv(toCsv(rows, delimiter, lineBreak, trailing), { delimiter })).toEqual(rows);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("either parses or throws invalid_csv, whatever the text", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(",", '"', "\r", "\n", "a"), maxLength: 30 }), (text) => {
        try {
          const rows = parseCsv(text);
          for (const row of rows) expect(row.length).toBeGreaterThan(0);
        } catch (error) {
          expect((error as { code?: string }).code).toBe("invalid_csv");
        }
      }),
    );
  });
});

describe("fromCsv properties", () => {
  it("keeps every message text, whatever it holds, through an export", () => {
    const texts = fc.array(field, { minLength: 1, maxLength: 5 });
    fc.assert(
      fc.property(fc.array(texts, { minLength: 1, maxLength: 4 }), (conversations) => {
        const rows = [["id", "at", "author", "text"]];
        conversations.forEach((list, c) => {
          list.forEach((text, m) => {
            rows.push([
              `c${c}`,
              new Date(Date.UTC(2026, 2, 2, 9, m)).toISOString(),
              m % 2 ? "agent" : "customer",
              text,
            ]);
          });
        });
        const result = fromCsv(toCsv(rows, ",", "\r\n", true), {
          columns: { conversationId: "id", at: "at", author: "author", text: "text" },
          channel: "email",
        });
        expect(result.errors).toEqual([]);
        expect(result.data.map((c) => c.messages.map((m) => m.text))).toEqual(conversations);
      }),
      { numRuns: 200 },
    );
  });
});
