/*
 * zod pieces the vendor schemas share: the two ways helpdesks write an instant, and ids that come as
 * numbers or strings. Times parse to epoch milliseconds, touchpoint's Timestamp.
 */
import * as z from "zod";
import { timestampMessage } from "../internal/iso-time.js";

/** An ISO 8601 date-time with a `Z` or `±hh:mm` offset (Zendesk, Freshdesk), as epoch milliseconds. */
export const isoTime = z.iso
  .datetime({
    offset: true,
    error: (issue) => timestampMessage("expected an ISO 8601 date-time with an offset", issue.input),
  })
  .transform((text) => Date.parse(text));

/** Seconds since the Unix epoch (Intercom, Chatwoot), possibly fractional, as epoch milliseconds. */
export const unixSeconds = z
  .number({ error: "expected a Unix time in seconds" })
  .nonnegative({ error: "expected a Unix time in seconds" })
  .max(253402300799, { error: "expected a Unix time in seconds before year 10000" })
  .transform((seconds) => Math.round(seconds * 1000));

/** Either form (Chatwoot's older webhooks send ISO text, its current ones Unix seconds). */
export const anyTime = z.union([unixSeconds, isoTime], {
  error: (issue) =>
    timestampMessage("expected a Unix time in seconds or an ISO 8601 date-time with an offset", issue.input),
});

/** A record id: a number or a non-empty string, kept as a string. */
export const anyId = z
  .union([z.number().int(), z.string().min(1)], { error: "expected an id (a number or a non-empty string)" })
  .transform(String);

/** Turns `null` into `undefined`, so optional vendor fields that are null map to absent ones. */
export function nullable<S extends z.ZodType>(schema: S) {
  return schema.nullish().transform((value) => value ?? undefined);
}
