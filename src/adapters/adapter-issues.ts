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

/** Parses `input` with a vendor schema, or throws every issue under `prefix`. */
export function parseVendor<S extends z.ZodType>(
  fn: string,
  schema: S,
  input: unknown,
  prefix = "",
): z.output<S> {
  const result = schema.safeParse(input, { reportInput: true });
  if (!result.success) throw invalidPayload(fn, zodIssues(result.error, prefix));
  return result.data;
}
