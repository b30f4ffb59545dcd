import * as z from "zod";
import { timestampMessage } from "../internal/iso-time.js";

/**
 * An instant in time as touchpoint stores it: milliseconds since the Unix epoch (UTC).
 *
 * @remarks
 * Every record carries its own time (DESIGN.md: time comes from events), and calculators do
 * arithmetic on it millions of times, so the parsed form is a plain number. Inputs may also be ISO
 * 8601 strings with an offset (`2026-03-01T09:30:00Z`, `2026-03-01T10:30:00+01:00`), the form every
 * helpdesk API sends.
 *
 * @category Domain
 */
export type Timestamp = number;

const MIN = Date.UTC(1970, 0, 1);
const MAX = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * Validates an instant and converts it to epoch milliseconds ({@link Timestamp}).
 *
 * @remarks
 * Accepts an ISO 8601 date-time with a `Z` or `±hh:mm` offset, or an integer count of milliseconds
 * since the epoch between 1970 and 9999. A date-time without an offset is rejected: it names no
 * instant until a time zone is chosen, and guessing one is how reports drift by hours.
 *
 * @example
 * ```ts
 * import { timestampSchema } from "touchpoint/schemas";
 *
 * timestampSchema.parse("2026-03-01T09:30:00Z"); // => 1772357400000
 * timestampSchema.parse("2026-03-01T10:30:00+01:00"); // => 1772357400000
 * timestampSchema.parse(1772357400000); // => 1772357400000
 * timestampSchema.safeParse("2026-03-01 09:30").success; // => false
 * ```
 *
 * @category Domain
 */
export const timestampSchema = z
  .union(
    [
      z.iso.datetime({ offset: true }).transform((text) => Date.parse(text)),
      z
        .number()
        .int()
        .min(MIN, { error: "expected epoch milliseconds from 1970 on" })
        .max(MAX, { error: "expected epoch milliseconds before year 10000" }),
    ],
    {
      // A union's own message would be "Invalid input": say what a timestamp may be, and when the
      // text is a date that does not exist (2026-02-30), say that.
      error: (issue) =>
        timestampMessage(
          "expected an ISO 8601 date-time with an offset (2026-03-01T09:30:00Z) or epoch milliseconds",
          issue.input,
        ),
    },
  )
  .meta({ description: "An ISO 8601 date-time with offset, or epoch milliseconds." });
