import type { ValidationIssue } from "../schemas/validate.js";
import type { AuthorRole, Channel } from "../schemas/vocabulary.js";
import { issue } from "./adapter-issues.js";

/**
 * What every vendor adapter lets you add to its built-in tables: channels it does not know, a
 * channel for the rest, and the role of particular authors.
 *
 * @category Adapters
 */
export interface AdapterOptions {
  /**
   * The touchpoint channel of vendor channel values, added to (and overriding) the adapter's table:
   * `{ mobile: "chat" }` for Zendesk's `via.channel`, `{ "4": "forum" }` for Freshdesk's `source`.
   */
  readonly channels?: Readonly<Record<string, Channel>>;
  /**
   * The channel of a vendor value that neither the table nor `channels` lists. Without it such a
   * record is rejected with an issue naming the value, so no conversation gets a guessed channel.
   */
  readonly fallbackChannel?: Channel;
  /**
   * The role of particular authors, by the vendor's author id as a string, overriding the adapter's
   * rule: `{ "278": "bot" }` for an Intercom bot that writes as an admin, or the ids of end users
   * copied on a Zendesk ticket.
   */
  readonly authors?: Readonly<Record<string, AuthorRole>>;
  /**
   * Refuse the vendor quirks the adapter otherwise repairs (default `false`). Without it a harmless,
   * repairable quirk keeps the record and is listed by {@link adapterWarnings} (and in
   * {@link adaptBatch}'s `warnings`): a message timed before its conversation's creation is read at
   * that creation time; a Unix time in milliseconds where Intercom or Chatwoot document seconds is
   * read as milliseconds; Freshdesk's embedded `requester` that is another user than `requester_id`
   * is left out. With it, such a record is refused as an `invalid_payload` naming the field.
   */
  readonly strict?: boolean;
}

/** `table[key]`, own properties only (so "constructor" is not a channel). */
export function lookup<V>(table: Readonly<Record<string, V>> | undefined, key: string): V | undefined {
  return table !== undefined && Object.hasOwn(table, key) ? table[key] : undefined;
}

/**
 * The touchpoint channel of a vendor value: `options.channels`, then the adapter's table, then
 * `options.fallbackChannel`; otherwise an issue at `path` that names the value.
 */
export function resolveChannel(
  value: string,
  table: Readonly<Record<string, Channel>>,
  options: AdapterOptions,
  path: string,
  what: string,
): Channel | ValidationIssue {
  const channel = lookup(options.channels, value) ?? lookup(table, value) ?? options.fallbackChannel;
  if (channel !== undefined) return channel;
  const known = Object.keys(table).join(", ");
  return issue(
    path,
    "invalid_value",
    `expected ${what} touchpoint maps (${known}), an entry of options.channels or options.fallbackChannel`,
    value,
  );
}

/** The role `options.authors` gives an author id, if any. */
export function authorOverride(options: AdapterOptions, id: unknown): AuthorRole | undefined {
  if (id === undefined || id === null) return undefined;
  return lookup(options.authors, String(id));
}
