import { checkList } from "../internal/args.js";
import { checkIterable, fail, isRecord } from "../internal/args.js";
import type * as z from "zod";
import { quote } from "../internal/errors.js";

/**
 * One problem found in untrusted input.
 *
 * @category Validation
 */
export interface ValidationIssue {
  /** Where the bad value is, as a dotted path (`messages.3.at`); empty for the input itself. */
  readonly path: string;
  /** zod's issue code (`invalid_type`, `invalid_value`, `too_small`, `custom`, ...). */
  readonly code: string;
  /** What was expected, in words. */
  readonly message: string;
  /** The value found there (`undefined` when the field is missing). */
  readonly received: unknown;
}

/**
 * The outcome of {@link validate}: the parsed data, or every issue found.
 *
 * @category Validation
 */
export type ValidationResult<T> =
  | {
      /** `true`: the input is valid. */
      readonly success: true;
      /** The parsed input, with defaults filled in and times converted. */
      readonly data: T;
    }
  | {
      /** `false`: the input is not valid. */
      readonly success: false;
      /** Every problem found, in the order zod reports them. */
      readonly issues: readonly ValidationIssue[];
    };

/**
 * The outcome of {@link validateBatch}: every good record parsed, every bad one reported with its
 * position.
 *
 * @category Validation
 */
export interface BatchValidationResult<T> {
  /** The records that passed, parsed, in input order. */
  readonly data: T[];
  /** The input position of each record in `data` (same length as `data`). */
  readonly indices: number[];
  /** One entry per rejected record: its position in the input and its issues. */
  readonly errors: {
    /** The record's position in the input. */
    readonly index: number;
    /** Every problem found in it. */
    readonly issues: readonly ValidationIssue[];
  }[];
}

function toIssues(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join("."),
    code: issue.code,
    message: issue.message,
    received: (issue as { input?: unknown }).input,
  }));
}

/**
 * Checks untrusted input against one of touchpoint's schemas and returns the parsed data or every
 * issue, each naming the path, the value found and what was expected. It never throws on bad input.
 *
 * @remarks
 * A thin layer over zod's `safeParse` with `reportInput` on, flattened to plain objects that survive
 * JSON (a helpdesk can return them from an API as they are).
 *
 * @param schema - the schema to check against, such as `conversationSchema`
 * @param input - anything
 * @returns `{ success: true, data }` or `{ success: false, issues }`
 *
 * @example
 * ```ts
 * import { validate, surveyResponseSchema } from "touchpoint/schemas";
 *
 * const result = validate(surveyResponseSchema, { kind: "nps", score: 11 });
 * result.success; // => false
 * if (!result.success) {
 *   result.issues[0]?.path; // => "score"
 *   result.issues[0]?.received; // => 11
 * }
 * validate(surveyResponseSchema, { kind: "nps", score: 9 }).success; // => true
 * ```
 *
 * @category Validation
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown): ValidationResult<z.output<S>> {
  checkSchema("validate", schema);
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return { success: true, data: result.data };
  return { success: false, issues: toIssues(result.error) };
}

/**
 * Checks a list of untrusted records, keeps every good one and reports every bad one with its
 * position: nothing is dropped silently and one bad record does not sink the batch.
 *
 * @param schema - the schema each record must satisfy
 * @param records - the records, in any iterable
 * @returns the parsed good records with their input positions, and the errors
 *
 * @example
 * ```ts
 * import { validateBatch, surveyResponseSchema } from "touchpoint/schemas";
 *
 * const batch = validateBatch(surveyResponseSchema, [
 *   { kind: "nps", score: 10 },
 *   { kind: "nps", score: -1 },
 *   { kind: "csat", score: 5 },
 * ]);
 * batch.data.length; // => 2
 * batch.indices; // => [0, 2]
 * batch.errors[0]?.index; // => 1
 * batch.errors[0]?.issues[0]?.path; // => "score"
 * ```
 *
 * @category Validation
 */
export function validateBatch<S extends z.ZodType>(
  schema: S,
  records: Iterable<unknown>,
): BatchValidationResult<z.output<S>> {
  const data: z.output<S>[] = [];
  const indices: number[] = [];
  const errors: { index: number; issues: ValidationIssue[] }[] = [];
  checkSchema("validateBatch", schema);
  let index = 0;
  for (const record of checkIterable<unknown>("validateBatch", "records", records)) {
    const result = schema.safeParse(record, { reportInput: true });
    if (result.success) {
      data.push(result.data);
      indices.push(index);
    } else {
      errors.push({ index, issues: toIssues(result.error) });
    }
    index++;
  }
  return { data, indices, errors };
}

/**
 * Renders issues as readable lines, one per issue: `path: message (got value)`.
 *
 * @param issues - issues from {@link validate} or {@link validateBatch}
 * @returns one line per issue, joined with newlines
 *
 * @throws {@link TouchpointError} `invalid_input` when `issues` is not an array of `{ path, message }` issues
 *
 * @example
 * ```ts
 * import { formatIssues, validate, surveyResponseSchema } from "touchpoint/schemas";
 *
 * const result = validate(surveyResponseSchema, { kind: "nps", score: 11 });
 * if (!result.success) formatIssues(result.issues); // => "score: Too big: expected number to be <=10 (got 11)"
 * ```
 *
 * @category Validation
 */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  checkList("formatIssues", "issues", issues);
  for (let i = 0; i < issues.length; i++) {
    const issue = issues[i] as unknown;
    if (!isRecord(issue) || typeof issue.path !== "string" || typeof issue.message !== "string")
      fail(
        "invalid_input",
        "formatIssues",
        `issues[${i}]`,
        issue,
        "a validation issue { path, message, received }",
      );
  }
  return issues
    .map((issue) => `${issue.path || "(input)"}: ${issue.message} (got ${quote(issue.received)})`)
    .join("\n");
}

function checkSchema(fn: string, schema: unknown): void {
  if (
    typeof schema !== "object" ||
    schema === null ||
    typeof (schema as { safeParse?: unknown }).safeParse !== "function"
  )
    fail("invalid_schema", fn, "schema", schema, "a zod schema (such as conversationSchema)");
}
