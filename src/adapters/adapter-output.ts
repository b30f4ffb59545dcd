/*
 * The last step of every adapter: the mapped conversation goes through conversationSchema (the same
 * check any other input gets), and an issue found there is reported at the vendor field it came
 * from. A `Provenance` records, for each field of the output, the path and raw value in the payload.
 */
import { type Conversation, type ConversationInput, conversationSchema } from "../schemas/conversation.js";
import { type ValidationIssue, type ValidationResult, validate } from "../schemas/validate.js";
import { fail } from "../internal/args.js";
import { invalidPayload } from "./adapter-issues.js";

interface Origin {
  readonly path: string;
  readonly hasValue: boolean;
  readonly value: unknown;
}

/** The value at a dotted path of a parsed JSON payload (`audits.2.created_at`), if there is one. */
function valueAt(payload: unknown, path: string): unknown {
  let value = payload;
  for (const key of path === "" ? [] : path.split(".")) {
    if (typeof value !== "object" || value === null || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Where each field of a mapped conversation came from in the vendor's payload. */
export class Provenance {
  readonly #origins = new Map<string, Origin>();
  readonly #payload: unknown;
  readonly #hasPayload: boolean;

  /**
   * @param root - the payload path of the conversation as a whole
   * @param payload - the raw payload the paths point into, to quote raw values (none for CSV)
   */
  constructor(root: string, ...payload: [] | [unknown]) {
    this.#payload = payload[0];
    this.#hasPayload = payload.length > 0;
    this.#origins.set("", { path: root, hasValue: false, value: undefined });
  }

  /**
   * Records that output `field` (`messages.2.at`) came from payload `path`, with its raw value: the
   * one given, or the one at `path` in the payload.
   */
  set(field: string, path: string, ...value: [] | [unknown]): void {
    if (value.length > 0) this.#origins.set(field, { path, hasValue: true, value: value[0] });
    else if (this.#hasPayload) {
      this.#origins.set(field, { path, hasValue: true, value: valueAt(this.#payload, path) });
    } else this.#origins.set(field, { path, hasValue: false, value: undefined });
  }

  /** An issue of the output, moved to the payload field it came from (the nearest recorded one). */
  translate(found: ValidationIssue): ValidationIssue {
    const segments = found.path === "" ? [] : found.path.split(".");
    for (let n = segments.length; n >= 0; n--) {
      const origin = this.#origins.get(segments.slice(0, n).join("."));
      if (origin === undefined) continue;
      const exact = n === segments.length;
      return {
        path: origin.path,
        code: found.code,
        message: found.path === "" ? found.message : `${found.message} (touchpoint's ${found.path})`,
        received: exact && origin.hasValue ? origin.value : found.received,
      };
    }
    return found;
  }
}

/** Checks a mapped conversation against conversationSchema, with issues moved to the payload. */
export function checkConversation(
  input: ConversationInput,
  provenance: Provenance,
): ValidationResult<Conversation> {
  const result = validate(conversationSchema, input);
  if (result.success) return result;
  return { success: false, issues: result.issues.map((i) => provenance.translate(i)) };
}

/**
 * Returns the parsed conversation, or throws `invalid_payload` listing the mapping issues found so
 * far or, when there are none, every issue conversationSchema finds.
 */
export function finishConversation(
  fn: string,
  input: ConversationInput,
  provenance: Provenance,
  issues: readonly ValidationIssue[],
  options: { readonly strict?: boolean | undefined } = {},
  warnings: ValidationIssue[] = [],
): Conversation {
  if (options.strict !== undefined && typeof options.strict !== "boolean")
    fail("invalid_option", fn, "options.strict", options.strict, "true or false");
  if (issues.length > 0) throw invalidPayload(fn, issues);
  const repaired = options.strict === true ? input : repairClockSkew(input, provenance, warnings);
  const result = checkConversation(repaired, provenance);
  if (!result.success) throw invalidPayload(fn, result.issues);
  if (warnings.length > 0) warningsByConversation.set(result.data, warnings);
  return result.data;
}

const warningsByConversation = new WeakMap<Conversation, readonly ValidationIssue[]>();

/**
 * A message timed before its conversation was created (a vendor's clock skew, or an edited example)
 * is read at the creation time, with a warning naming the part and its time; the order of the
 * messages is kept.
 */
function repairClockSkew(
  input: ConversationInput,
  provenance: Provenance,
  warnings: ValidationIssue[],
): ConversationInput {
  const created = input.createdAt;
  const given = input.messages;
  if (typeof created !== "number" || given === undefined) return input;
  let messages: NonNullable<ConversationInput["messages"]> | undefined;
  given.forEach((m, i) => {
    if (typeof m.at !== "number" || m.at >= created) return;
    messages ??= [...given];
    messages[i] = { ...m, at: created };
    warnings.push(
      provenance.translate({
        path: `messages.${i}.at`,
        code: "time_before_conversation",
        message: `repaired: a time before the conversation's creation (${new Date(created).toISOString()}) is read as that creation time`,
        received: m.at,
      }),
    );
  });
  return messages === undefined ? input : { ...input, messages };
}

/**
 * The warnings of a conversation an adapter returned: the vendor quirks it repaired instead of
 * refusing the record (each a {@link ValidationIssue} at the payload's path, its `code` naming the
 * repair and `received` the value as sent). Empty for a conversation read without repairs, for one
 * read with `strict: true`, and for a copy (the warnings belong to the object the adapter returned).
 *
 * @param conversation - a conversation returned by an adapter
 * @returns the warnings, in payload order
 *
 * @example
 * ```ts
 * import { adapterWarnings, fromIntercom } from "touchpoint/adapters";
 *
 * const conversation = fromIntercom({
 *   id: "503",
 *   created_at: 1772442000,
 *   state: "open",
 *   source: { type: "conversation", id: "9", body: "Where is my parcel?", author: { type: "user", id: "c1" } },
 *   conversation_parts: {
 *     conversation_parts: [
 *       { id: "10", part_type: "comment", body: "It ships today.", created_at: 1772441940, author: { type: "admin", id: "a1" } },
 *     ],
 *     total_count: 1,
 *   },
 * });
 * adapterWarnings(conversation)[0]?.code; // => "time_before_conversation"
 * adapterWarnings(conversation)[0]?.path; // => "conversation_parts.conversation_parts.0.created_at"
 * conversation.messages[1]?.at; // => 1772442000000
 * ```
 *
 * @category Adapters
 */
export function adapterWarnings(conversation: Conversation): readonly ValidationIssue[] {
  if (typeof conversation !== "object" || conversation === null) return [];
  return warningsByConversation.get(conversation) ?? [];
}
