// Timestamps: ISO 8601 / RFC 3339 date-times with an offset, or epoch milliseconds, parsed to epoch
// milliseconds. Expected instants come from RFC 3339 §5.8's examples and JavaScript's own Date.UTC,
// not from our code.
import { describe, expect, it } from "vitest";
import { timestampSchema } from "touchpoint/schemas";

describe("timestampSchema", () => {
  it.each([
    // RFC 3339 §5.8: "1985-04-12T23:20:50.52Z"
    ["1985-04-12T23:20:50.52Z", Date.UTC(1985, 3, 12, 23, 20, 50, 520)],
    // RFC 3339 §5.8: "1996-12-19T16:39:57-08:00" is the same instant as 1996-12-20T00:39:57Z
    ["1996-12-19T16:39:57-08:00", Date.UTC(1996, 11, 20, 0, 39, 57)],
    // the same instant written with two offsets
    ["2026-03-01T09:30:00Z", Date.UTC(2026, 2, 1, 9, 30)],
    ["2026-03-01T10:30:00+01:00", Date.UTC(2026, 2, 1, 9, 30)],
    ["2026-03-01T04:00:00-05:30", Date.UTC(2026, 2, 1, 9, 30)],
    // an offset that moves the date back across midnight and a year boundary
    ["2026-01-01T00:30:00+01:00", Date.UTC(2025, 11, 31, 23, 30)],
  ])("parses %s to epoch milliseconds", (text, expected) => {
    expect(timestampSchema.parse(text)).toBe(expected);
  });

  it.each([
    [0, "the epoch itself"],
    [Date.UTC(2026, 2, 1, 9, 30), "a recent instant"],
    [Date.UTC(9999, 11, 31, 23, 59, 59, 999), "the last millisecond of year 9999"],
  ])("keeps epoch milliseconds %i (%s)", (ms, _what) => {
    expect(timestampSchema.parse(ms)).toBe(ms);
  });

  it.each([
    ["2026-03-01T09:30:00", "no offset: names no instant until a time zone is chosen"],
    ["1990-12-31T23:59:60Z", "a leap second (RFC 3339 §5.8's example): JavaScript time has none"],
    ["2026-03-01 09:30", "a space instead of T and no offset"],
    ["2026-03-01", "a date without a time"],
    ["2026-02-30T09:30:00Z", "a day February does not have"],
    ["2026-03-01T24:30:00Z", "hour 24"],
    ["yesterday", "not a date"],
    ["", "an empty string"],
    [-1, "before 1970"],
    [Date.UTC(9999, 11, 31, 23, 59, 59, 999) + 1, "year 10000"],
    [1.5, "a fraction of a millisecond"],
    [Number.NaN, "NaN"],
    [Number.POSITIVE_INFINITY, "Infinity"],
    [null, "null"],
    [new Date(0), "a Date object (send an ISO string or epoch milliseconds)"],
  ])("rejects %j: %s", (input, _reason) => {
    expect(timestampSchema.safeParse(input).success).toBe(false);
  });

  // The Gregorian rules (ISO 8601 uses the proleptic Gregorian calendar): a year divisible by 4 is a
  // leap year unless divisible by 100 and not by 400; April, June, September, November have 30 days.
  it.each([
    ["2026-02-30T10:00:00Z", "the date 2026-02-30 does not exist (February 2026 has 28 days)"],
    ["2025-02-29T00:00:00Z", "the date 2025-02-29 does not exist (February 2025 has 28 days)"],
    ["1900-02-29T00:00:00Z", "the date 1900-02-29 does not exist (February 1900 has 28 days)"],
    ["2026-04-31T10:00:00+02:00", "the date 2026-04-31 does not exist (April 2026 has 30 days)"],
    ["2026-13-01", "the date 2026-13-01 does not exist (there is no month 13"],
    ["2026-00-10T10:00:00Z", "the date 2026-00-10 does not exist (there is no month 00"],
    ["2026-03-01T24:30:00Z", "the time 24:30 does not exist (hours go from 00 to 23)"],
    ["2026-03-01T10:61:00Z", "the time 10:61 does not exist (minutes go from 00 to 59)"],
  ])("says %j does not exist", (input, problem) => {
    const result = timestampSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toContain(problem);
  });

  it("accepts the leap days that exist", () => {
    expect(timestampSchema.parse("2024-02-29T00:00:00Z")).toBe(Date.UTC(2024, 1, 29));
    expect(timestampSchema.parse("2000-02-29T00:00:00Z")).toBe(Date.UTC(2000, 1, 29));
  });

  it("keeps the format message for text that is not a date", () => {
    const message = timestampSchema.safeParse("yesterday").error?.issues[0]?.message;
    expect(message).toBe(
      "expected an ISO 8601 date-time with an offset (2026-03-01T09:30:00Z) or epoch milliseconds",
    );
  });
});
