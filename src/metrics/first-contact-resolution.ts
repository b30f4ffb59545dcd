import { quote, TouchpointError } from "../internal/errors.js";
import {
  checkConversation,
  checkList,
  finalStatus,
  isReply,
  isResolvedStatus,
  type MetricConversation,
  type ReplyOptions,
  reopenInstants,
  resolutionInstants,
  statusSteps,
} from "./conversation-facts.js";

/**
 * The vendor definitions of first contact resolution {@link firstContactResolution} offers.
 *
 * @remarks
 * - `one-touch`: Zendesk's one-touch tickets, `agent replies < 2 AND status in (Solved, Closed)`,
 *   zero-reply solves included (anchors §2.1).
 * - `single-reply`: Freshdesk's FCR, "when an agent resolves the ticket in the first response
 *   itself": resolved with exactly one agent reply (anchors §2.3).
 * - `closed-on-first-contact`: Intercom's "closed once with one participating teammate" (anchors
 *   §2.4): one resolution in the history and replies from exactly one agent (`authorId`; replies
 *   without one count as one unnamed agent).
 *
 * @category Conversation metrics
 */
export type FcrDefinition = "one-touch" | "single-reply" | "closed-on-first-contact";

/**
 * Options of {@link firstContactResolution}.
 *
 * @category Conversation metrics
 */
export interface FcrOptions extends ReplyOptions {
  /** Which vendor's definition to apply ({@link FcrDefinition}); there is no default on purpose. */
  readonly definition: FcrDefinition;
  /**
   * What a reopen means. `not-fcr` (default): a conversation reopened at least once is not
   * resolved on first contact, whatever its reply count, since the customer had to come back.
   * `by-definition`: only the definition decides (Zendesk's formula keeps a ticket reopened and
   * re-solved without another agent reply as one-touch; Intercom's "closed once" excludes it anyway).
   */
  readonly reopened?: "not-fcr" | "by-definition";
}

/**
 * What {@link firstContactResolution} returns.
 *
 * @category Conversation metrics
 */
export interface FcrResult {
  /** `fcr ÷ resolved × 100`, or `null` when nothing is resolved. */
  readonly rate: number | null;
  /** Resolved conversations that meet the definition. */
  readonly fcr: number;
  /** Conversations resolved or closed now: the denominator. */
  readonly resolved: number;
  /** Conversations not resolved now, outside the rate (counted, not dropped). */
  readonly unresolved: number;
  /** Resolved conversations reopened at least once. */
  readonly reopened: number;
  /** Per conversation, in input order: `fcr`, `not-fcr` (resolved otherwise) or `unresolved`. */
  readonly outcomes: readonly ("fcr" | "not-fcr" | "unresolved")[];
}

const DEFINITIONS: readonly FcrDefinition[] = ["one-touch", "single-reply", "closed-on-first-contact"];

/**
 * Returns the first contact resolution rate, in percent of resolved conversations, under an
 * explicitly chosen vendor definition, with counts and each conversation's outcome.
 *
 * @remarks
 * Rate = conversations resolved on first contact ÷ conversations resolved or closed now × 100, the
 * denominator of Zendesk's one-touch share, Freshdesk's FCR % and Intercom's closed-on-first-contact
 * rate. The numerator follows {@link FcrDefinition}. Replies are public human-agent messages by
 * default (`includeBots`, `includePrivate` widen that): Zendesk counts replies in messaging only
 * after the transfer to an agent (anchors §2.1).
 *
 * Reopened conversations are not first-contact resolutions by default (`reopened: "not-fcr"`);
 * see {@link FcrOptions.reopened} for the literal vendor formulas.
 *
 * @param conversations - conversations ({@link MetricConversation})
 * @param options - the definition (required) and how reopens and replies count
 * @returns the rate (`null` when nothing is resolved), counts and outcomes
 * @throws {@link TouchpointError} `invalid_option` for an unknown definition; the conversation
 * errors of {@link firstResponseTimes}
 *
 * @example
 * ```ts
 * import { firstContactResolution } from "touchpoint/metrics";
 *
 * const at = (time: string) => Date.parse(`2026-03-02T${time}:00Z`);
 * const customer = (time: string) => ({ author: "customer" as const, at: at(time) });
 * const agent = (time: string) => ({ author: "agent" as const, at: at(time) });
 * const resolved = (time: string) => ({ at: at(time), to: "resolved" as const });
 * const conversations = [
 *   { createdAt: at("09:00"), messages: [customer("09:00"), agent("09:10")], statusChanges: [resolved("09:11")] },
 *   { createdAt: at("09:00"), messages: [customer("09:00")], statusChanges: [resolved("09:05")] },
 *   { createdAt: at("09:00"), messages: [customer("09:00"), agent("09:10"), customer("09:20"), agent("09:30")], statusChanges: [resolved("09:31")] },
 *   { createdAt: at("09:00"), messages: [customer("09:00"), agent("09:10")],
 *     statusChanges: [resolved("09:11"), { at: at("10:00"), to: "open" as const }, resolved("10:05")] },
 *   { createdAt: at("09:00"), messages: [customer("09:00")] },
 * ];
 * const oneTouch = firstContactResolution(conversations, { definition: "one-touch" });
 * oneTouch.rate; // => 50
 * oneTouch.outcomes; // => ["fcr", "fcr", "not-fcr", "not-fcr", "unresolved"]
 * firstContactResolution(conversations, { definition: "one-touch", reopened: "by-definition" }).rate; // => 75
 * firstContactResolution(conversations, { definition: "single-reply" }).rate; // => 25
 * ```
 *
 * @category Conversation metrics
 */
export function firstContactResolution(
  conversations: readonly MetricConversation[],
  options: FcrOptions,
): FcrResult {
  const fn = "firstContactResolution";
  checkList(conversations, fn);
  const definition = options?.definition;
  if (!DEFINITIONS.includes(definition)) {
    throw new TouchpointError(
      "invalid_option",
      `${fn}: expected definition "one-touch", "single-reply" or "closed-on-first-contact", got ${quote(definition)} at options.definition`,
      { path: "options.definition", value: definition },
    );
  }
  const reopenedIsNotFcr = options.reopened !== "by-definition";
  const outcomes: ("fcr" | "not-fcr" | "unresolved")[] = [];
  let fcr = 0;
  let resolved = 0;
  let reopened = 0;
  for (let index = 0; index < conversations.length; index++) {
    const c = conversations[index]!;
    checkConversation(c, fn, index);
    const steps = statusSteps(c);
    if (!isResolvedStatus(finalStatus(c, steps))) {
      outcomes.push("unresolved");
      continue;
    }
    resolved++;
    const wasReopened = reopenInstants(steps).length > 0;
    if (wasReopened) reopened++;
    let replies = 0;
    const agents = new Set<string | undefined>();
    for (const m of c.messages ?? []) {
      if (isReply(m, options)) {
        replies++;
        agents.add(m.authorId);
      }
    }
    let meets: boolean;
    switch (definition) {
      case "one-touch":
        meets = replies < 2;
        break;
      case "single-reply":
        meets = replies === 1;
        break;
      case "closed-on-first-contact":
        meets = agents.size === 1 && resolutionInstants(steps).length <= 1;
        break;
      default: {
        const never: never = definition;
        throw new Error(`unreachable ${never}`);
      }
    }
    if (meets && !(wasReopened && reopenedIsNotFcr)) {
      fcr++;
      outcomes.push("fcr");
    } else outcomes.push("not-fcr");
  }
  return {
    rate: resolved === 0 ? null : (fcr / resolved) * 100,
    fcr,
    resolved,
    unresolved: conversations.length - resolved,
    reopened,
    outcomes,
  };
}
