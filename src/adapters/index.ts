/**
 * Adapters: helpdesk payloads and CSV exports in, touchpoint's `Conversation` out, with errors
 * that name the vendor field, the value found and what was expected.
 *
 * @remarks
 * - **Vendors**: {@link fromZendesk} (ticket, audits, metrics, satisfaction rating),
 *   {@link fromIntercom} (conversation with its parts and rating), {@link fromFreshdesk} (ticket and
 *   conversations) and {@link fromChatwoot} (webhook events and conversation objects). Each states, in
 *   its docs, which vendor definition every mapping follows (statuses, priorities, channels, author
 *   roles, surveys) with links to the vendor's documentation.
 * - **CSV**: {@link parseCsv} reads RFC 4180 text; {@link fromCsv} turns a message-per-row export into
 *   conversations through a column map.
 * - **Batches**: {@link adaptBatch} runs any adapter over a list and, like `validateBatch`, keeps the
 *   good records and reports every bad one with its position; {@link fromCsv} reports the same way.
 *
 * Conventions, the same for every adapter:
 * - **Boundaries validate.** The parts of a payload an adapter reads are checked with zod schemas
 *   that allow any extra keys (vendors add fields all the time), then the mapped conversation goes
 *   through `conversationSchema` itself, so what comes out is what every other area expects.
 * - **A single record throws; a batch returns.** `fromZendesk`, `fromIntercom`, `fromFreshdesk` and
 *   `fromChatwoot` return the conversation or throw one `TouchpointError` with code
 *   `invalid_payload` whose message starts with the function's name and lists every issue as
 *   `path: what was expected (got value)`; `error.path` is the first issue's path and `error.value`
 *   the list of issues (as touchpoint/playbooks does). `adaptBatch` and `fromCsv` never throw on bad
 *   records: they return `{ data, indices, errors }`.
 * - **Paths are the vendor's.** An issue's path points into the payload as it was given
 *   (`audits.2.events.1.value`, `conversation_parts.conversation_parts.0.created_at`, for a CSV
 *   `row 4, column "Created"`), even when `conversationSchema` found it: a message out of time order is
 *   reported at the vendor field its time came from.
 * - **Nothing is guessed silently.** A vendor value the built-in tables do not know (a channel, a
 *   custom status, an author type) is an issue naming it, until an option maps it
 *   ({@link AdapterOptions}); a partial page of audits or parts, or parts of different tickets, is an
 *   issue too.
 * - **Portable.** No `node:` imports and no DOM: HTML bodies become text with a linear scan, so the
 *   adapters run in browsers, workers and edge runtimes.
 *
 * @example
 * ```ts
 * import { adaptBatch, fromChatwoot } from "touchpoint/adapters";
 *
 * const message = {
 *   event: "message_created",
 *   id: 5,
 *   content: "Is my order shipped?",
 *   created_at: "2026-03-02T09:00:00Z",
 *   message_type: "incoming",
 *   sender: { id: 3, name: "Ana", type: "contact" },
 *   conversation: { id: 12, status: "open", channel: "Channel::WebWidget" },
 * };
 * fromChatwoot(message).messages[0]?.text; // => "Is my order shipped?"
 * adaptBatch(fromChatwoot, [message, { event: "message_created", id: 6 }]).errors[0]?.index; // => 1
 * ```
 *
 * @module adapters
 */

export { isTouchpointError, TouchpointError } from "../internal/errors.js";
export type { AdaptBatchResult, AdaptBatchWarning } from "./adapt-batch.js";
export { adaptBatch } from "./adapt-batch.js";
export type { AdapterOptions } from "./adapter-options.js";
export { adapterWarnings } from "./adapter-output.js";
export type { ChatwootOptions } from "./from-chatwoot.js";
export { fromChatwoot } from "./from-chatwoot.js";
export type { CsvColumns, CsvOptions } from "./from-csv.js";
export { fromCsv } from "./from-csv.js";
export type { FreshdeskOptions } from "./from-freshdesk.js";
export { fromFreshdesk } from "./from-freshdesk.js";
export type { IntercomOptions } from "./from-intercom.js";
export { fromIntercom } from "./from-intercom.js";
export type { ZendeskInput, ZendeskOptions } from "./from-zendesk.js";
export { fromZendesk } from "./from-zendesk.js";
export type { ParseCsvOptions } from "./parse-csv.js";
export { parseCsv } from "./parse-csv.js";
