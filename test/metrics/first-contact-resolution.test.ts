import { describe, expect, it } from "vitest";
import {
  type FcrDefinition,
  firstContactResolution,
  type MetricConversation,
  TouchpointError,
} from "touchpoint/metrics";

const at = (time: string) => Date.parse(`2026-03-02T${time}:00Z`);
const customer = (time: string) => ({ author: "customer" as const, at: at(time) });
const agent = (time: string, authorId?: string) => ({
  author: "agent" as const,
  at: at(time),
  ...(authorId ? { authorId } : {}),
});
const bot = (time: string) => ({ author: "bot" as const, at: at(time) });
const to = (status: "open" | "pending" | "resolved" | "closed", time: string) => ({
  at: at(time),
  to: status,
});
const conv = (
  messages: MetricConversation["messages"],
  statusChanges: MetricConversation["statusChanges"],
): MetricConversation => ({
  createdAt: at("09:00"),
  messages,
  statusChanges,
});

// Scenarios from the vendors' own definitions (anchors §2.1, §2.3, §2.4).
const oneReply = conv([customer("09:00"), agent("09:10", "a")], [to("resolved", "09:11")]);
const zeroReply = conv([customer("09:00")], [to("resolved", "09:05")]); // Zendesk: zero-reply solves are one-touch
const twoReplies = conv(
  [customer("09:00"), agent("09:10", "a"), customer("09:20"), agent("09:30", "a")],
  [to("resolved", "09:31")],
);
// Zendesk: "a customer 'thanks' followed by a solve with no reply" stays one-touch.
const thanksThenSolve = conv(
  [customer("09:00"), agent("09:10", "a"), customer("09:12")],
  [to("resolved", "09:11"), to("open", "09:12"), to("resolved", "09:13")],
);
// Zendesk: "a reopen followed by another agent reply removes the ticket from one-touch".
const reopenAndReply = conv(
  [customer("09:00"), agent("09:10", "a"), customer("10:00"), agent("10:10", "a")],
  [to("resolved", "09:11"), to("open", "10:00"), to("resolved", "10:11")],
);
const twoTeammates = conv(
  [customer("09:00"), agent("09:10", "a"), { ...agent("09:20", "b"), visibility: "private" as const }],
  [to("closed", "09:21")],
);
const twoTeammatesPublic = conv(
  [customer("09:00"), agent("09:10", "a"), agent("09:20", "b")],
  [to("closed", "09:21")],
);
const botOnly = conv([customer("09:00"), bot("09:01")], [to("resolved", "09:02")]);
const open = conv([customer("09:00"), agent("09:10")], [to("open", "09:10")]);

describe("firstContactResolution", () => {
  it.each<
    [string, MetricConversation, FcrDefinition, "not-fcr" | "by-definition", "fcr" | "not-fcr" | "unresolved"]
  >([
    ["one reply, one-touch", oneReply, "one-touch", "not-fcr", "fcr"],
    [
      "zero replies, one-touch (Zendesk includes zero-reply solves)",
      zeroReply,
      "one-touch",
      "not-fcr",
      "fcr",
    ],
    ["two replies, one-touch", twoReplies, "one-touch", "not-fcr", "not-fcr"],
    [
      "thanks then solve, one-touch by Zendesk's formula",
      thanksThenSolve,
      "one-touch",
      "by-definition",
      "fcr",
    ],
    ["thanks then solve, reopens not FCR (default)", thanksThenSolve, "one-touch", "not-fcr", "not-fcr"],
    [
      "reopen and another reply, one-touch by Zendesk's formula",
      reopenAndReply,
      "one-touch",
      "by-definition",
      "not-fcr",
    ],
    [
      "zero replies, single-reply (Freshdesk needs the resolving response)",
      zeroReply,
      "single-reply",
      "not-fcr",
      "not-fcr",
    ],
    ["one reply, single-reply", oneReply, "single-reply", "not-fcr", "fcr"],
    [
      "one teammate closed once, closed-on-first-contact",
      oneReply,
      "closed-on-first-contact",
      "not-fcr",
      "fcr",
    ],
    [
      "a private note from a second teammate does not make them a replier",
      twoTeammates,
      "closed-on-first-contact",
      "not-fcr",
      "fcr",
    ],
    [
      "two teammates replied, closed-on-first-contact",
      twoTeammatesPublic,
      "closed-on-first-contact",
      "not-fcr",
      "not-fcr",
    ],
    [
      "closed twice, closed-on-first-contact even by definition",
      thanksThenSolve,
      "closed-on-first-contact",
      "by-definition",
      "not-fcr",
    ],
    [
      "a bot-only resolution has no participating teammate",
      botOnly,
      "closed-on-first-contact",
      "not-fcr",
      "not-fcr",
    ],
    ["a bot-only resolution is a zero-reply one-touch", botOnly, "one-touch", "not-fcr", "fcr"],
    ["still open", open, "one-touch", "not-fcr", "unresolved"],
  ])("%s", (_, c, definition, reopened, outcome) => {
    expect(firstContactResolution([c], { definition, reopened }).outcomes).toEqual([outcome]);
  });

  it("counts bots and notes as replies only on request", () => {
    expect(
      firstContactResolution([botOnly], { definition: "single-reply", includeBots: true }).outcomes,
    ).toEqual(["fcr"]);
    expect(
      firstContactResolution([twoTeammates], { definition: "closed-on-first-contact", includePrivate: true })
        .outcomes,
    ).toEqual(["not-fcr"]);
  });

  it("rates over resolved conversations and counts the rest", () => {
    const result = firstContactResolution([oneReply, zeroReply, twoReplies, thanksThenSolve, open], {
      definition: "one-touch",
    });
    expect(result).toEqual({
      rate: 50,
      fcr: 2,
      resolved: 4,
      unresolved: 1,
      reopened: 1,
      outcomes: ["fcr", "fcr", "not-fcr", "not-fcr", "unresolved"],
    });
  });

  it("returns a null rate when nothing is resolved", () => {
    expect(firstContactResolution([], { definition: "one-touch" }).rate).toBeNull();
    expect(firstContactResolution([open], { definition: "single-reply" }).rate).toBeNull();
  });

  it("requires a known definition", () => {
    let error: unknown;
    try {
      firstContactResolution([oneReply], { definition: "first-touch" as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TouchpointError);
    expect((error as TouchpointError).code).toBe("invalid_option");
    expect((error as TouchpointError).message).toBe(
      'firstContactResolution: expected definition "one-touch", "single-reply" or "closed-on-first-contact", got "first-touch" at options.definition',
    );
    expect(() => firstContactResolution([oneReply], undefined as never)).toThrow(TouchpointError);
  });
});
