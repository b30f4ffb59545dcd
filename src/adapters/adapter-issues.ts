/*
 * How adapters report bad input: as the `ValidationIssue`s of touchpoint/schemas (path, code, what was
 * expected, the value found), with paths into the vendor's payload, and, for the single-record
 * functions, one `invalid_payload` TouchpointError that lists them all.
 */
import type * as z from "zod";
import { TouchpointError } from "../internal/errors.js";
import { formatIssues, type ValidationIssue } from "../schemas/validate.js";

/** Joins a path prefix and a rest, either of which may be empty. */
export function joinPath(prefix: string, rest: string): string {
  if (prefix === "") return rest;
  if (rest === "") return prefix;
  return `${prefix}.${rest}`;
}

/** One issue, built by hand (the mapping steps that zod does not see). */
export function issue(path: string, code: string, message: string, received: unknown): ValidationIssue {
  return { path, code, message, received };
}

/** zod's issues as touchpoint's, each path under `prefix` (the part of the payload it came from). */
export function zodIssues(error: z.ZodError, prefix = ""): ValidationIssue[] {
  return error.issues.map((i) => ({
    path: joinPath(prefix, i.path.map(String).join(".")),
    code: i.code,
    message: i.message,
    received: (i as { input?: unknown }).input,
  }));
}

/**
 * The error a single-record adapter throws: code `invalid_payload`, a message that starts with the
 * function's name and gives every issue as `path: expected ... (got value)`, `path` the first
 * issue's path and `value` the list of issues (as in touchpoint/playbooks).
 */
export function invalidPayload(fn: string, issues: readonly ValidationIssue[]): TouchpointError {
  const first = issues[0];
  const body =
    issues.length === 1 ? formatIssues(issues) : `${issues.length} problems\n${formatIssues(issues)}`;
  return new TouchpointError("invalid_payload", `${fn}: ${body}`, {
    ...(first ? { path: first.path } : {}),
    value: issues,
  });
}

/**
 * Parses `input` with a vendor schema, or throws every issue under `prefix`. Unless
 * `repair.strict`, a Unix time in milliseconds where the vendor documents seconds (a value past
 * year 9999 in seconds that is a time in 1970–9999 in milliseconds) is read as milliseconds, with a
 * warning pushed to `repair.warnings`.
 */
export function parseVendor<S extends z.ZodType>(
  fn: string,
  schema: S,
  input: unknown,
  prefix = "",
  repair?: { readonly strict?: boolean | undefined; readonly warnings: ValidationIssue[] },
): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const issues = zodIssues(result.error, prefix);
  if (repair !== undefined && repair.strict !== true && issues.every(isMillisecondsForSeconds)) {
    let patched = input;
    result.error.issues.forEach((i, n) => {
      patched = withValueAt(patched, i.path.map(String), (issues[n]?.received as number) / 1000);
    });
    const again = schema.safeParse(patched, { reportInput: true });
    if (again.success) {
      for (const i of issues) {
        repair.warnings.push({
          path: i.path,
          code: "milliseconds_for_seconds",
          message:
            "repaired: a Unix time in milliseconds where seconds are documented is read as milliseconds",
          received: i.received,
        });
      }
      return again.data;
    }
  }
  throw invalidPayload(fn, issues);
}

/** What the vendor schemas say of a Unix time in seconds that is too large (vendor-fields.ts). */
const SECONDS_MESSAGES = new Set([
  "expected a Unix time in seconds before year 10000",
  "expected a Unix time in seconds or an ISO 8601 date-time with an offset",
]);

/** The largest Unix time in seconds touchpoint reads (the end of year 9999). */
const MAX_SECONDS = 253_402_300_799;

function isMillisecondsForSeconds(i: ValidationIssue): boolean {
  const v = i.received;
  return (
    SECONDS_MESSAGES.has(i.message) &&
    typeof v === "number" &&
    v > MAX_SECONDS &&
    v <= MAX_SECONDS * 1000 + 999
  );
}

/** A copy of `value` with `replacement` at `path` (copying only the objects along it). */
function withValueAt(value: unknown, path: readonly string[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  if (typeof value !== "object" || value === null) return value;
  const [key, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = Array.isArray(value) ? ([...value] as never) : { ...value };
  copy[key] = withValueAt(copy[key], rest, replacement);
  return copy;
}
