import { checkIterable, fail } from "../internal/args.js";
import { TouchpointError } from "../internal/errors.js";
import type { Conversation } from "../schemas/conversation.js";
import type { BatchValidationResult, ValidationIssue } from "../schemas/validate.js";
import { adapterWarnings } from "./adapter-output.js";

/**
 * What {@link adaptBatch} returns: the adapted conversations with their input positions, the
 * refused records with every issue, and beside them the warnings of the records kept after a
 * repair (see {@link adapterWarnings}).
 *
 * @category Adapters
 */
export interface AdaptBatchResult extends BatchValidationResult<Conversation> {
  /** The repairs made to kept records, one entry per record repaired. */
  readonly warnings: AdaptBatchWarning[];
}

/**
 * The repairs an adapter made to one kept record of {@link adaptBatch}.
 *
 * @category Adapters
 */
export interface AdaptBatchWarning {
  /** The record's position in the input. */
  index: number;
  /** One issue per repair, at the payload's path, its `code` naming the repair. */
  issues: ValidationIssue[];
}

function issuesOf(error: TouchpointError): ValidationIssue[] {
  if (error.code === "invalid_payload" && Array.isArray(error.value)) return error.value as ValidationIssue[];
  return [{ path: error.path ?? "", code: error.code, message: error.message, received: error.value }];
}

/**
 * Adapts a list of vendor payloads with one adapter, keeping every conversation that adapts and
 * reporting every payload that does not with its position: one bad ticket does not sink an import,
 * and none is dropped silently.
 *
 * @remarks
 * The batch form of every adapter, shaped like touchpoint/schemas' `validateBatch`: `data` holds the
 * conversations, `indices` the position of each in `records`, and `errors` one entry per rejected
 * record with its position and its issues, each with the path in the vendor payload, the code, what
 * was expected and the value found. Pass an adapter as it is (`fromIntercom`) or wrapped, to give it
 * options or several arguments (`(t) => fromFreshdesk(t.ticket, t.conversations)`).
 *
 * The issues are those of the adapter's `invalid_payload` error; any other `TouchpointError` becomes
 * one issue with its code and message. An error that is not a `TouchpointError` is a bug, not bad
 * data, and is thrown.
 *
 * @param adapter - a function that returns a conversation or throws a `TouchpointError`
 * @param records - the payloads, in any iterable
 * @returns the conversations with their input positions, the rejected records' issues, and the
 *   warnings of the records kept after a repair
 *
 * @example
 * ```ts
 * import { adaptBatch, fromIntercom } from "touchpoint/adapters";
 *
 * const batch = adaptBatch(fromIntercom, [
 *   { id: "1", created_at: 1772442000, state: "open", source: { type: "email", body: "Hi", author: { type: "user", id: "u1" } } },
 *   { id: "2", created_at: 1772442000, state: "deleted", source: { type: "email", body: "Hi", author: { type: "user", id: "u2" } } },
 *   { id: "3", created_at: 1772442000, state: "snoozed", source: { type: "email", body: "Hi", author: { type: "user", id: "u3" } } },
 * ]);
 * batch.data.map((c) => c.status); // => ["open", "pending"]
 * batch.indices; // => [0, 2]
 * batch.errors[0]?.index; // => 1
 * batch.errors[0]?.issues[0]?.path; // => "state"
 * batch.errors[0]?.issues[0]?.received; // => "deleted"
 * ```
 *
 * @category Adapters
 */
export function adaptBatch<I>(adapter: (input: I) => Conversation, records: Iterable<I>): AdaptBatchResult {
  const result: AdaptBatchResult = { data: [], indices: [], errors: [], warnings: [] };
  let index = 0;
  if (typeof adapter !== "function")
    fail("invalid_input", "adaptBatch", "adapter", adapter, "an adapter function such as fromZendesk");
  for (const record of checkIterable<I>("adaptBatch", "records", records)) {
    try {
      const conversation = adapter(record);
      result.data.push(conversation);
      result.indices.push(index);
      const warnings = adapterWarnings(conversation);
      if (warnings.length > 0) result.warnings.push({ index, issues: [...warnings] });
    } catch (error) {
      if (!(error instanceof TouchpointError)) throw error;
      result.errors.push({ index, issues: issuesOf(error) });
    }
    index++;
  }
  return result;
}
