// fromFreshdesk against python-freshdesk's sample ticket (BSD-2-Clause, see
// test/fixtures/helpdesk/README.md). Every expected value below was read off the fixture by hand.
import { adaptBatch, adapterWarnings, fromFreshdesk } from "touchpoint/adapters";
import { conversationSchema } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";
import { fixture, payloadIssues } from "./fixtures.js";

const sample = fixture("freshdesk-ticket.json");
// The sample embeds a requester whose id (43026449322) is not the ticket's requester_id
// (6012691534). The variant gives the embedded requester the ticket's id; every other value is the
// sample's.
const requester = sample.requester as Record<string, unknown>;
const ticket = { ...sample, requester: { ...requester, id: 6012691534 } };

const reply = (id: number, more: Record<string, unknown>) => ({
  id,
  body: "<div>text</div>",
  body_text: "text",
  incoming: false,
  private: false,
  user_id: 6010396333,
  source: 0,
  ticket_id: 1,
  created_at: "2016-05-18T05:00:00Z",
  ...more,
});

describe("fromFreshdesk: freshdesk-ticket.json", () => {
  it("keeps the sample as it is, without the other user, and says so", () => {
    const c = fromFreshdesk(sample);
    expect(c.customerId).toBe("6012691534");
    expect(c.customer).toBeUndefined();
    expect(adapterWarnings(c).map((w) => [w.path, w.code, w.received])).toEqual([
      ["ticket.requester.id", "requester_mismatch", 43026449322],
    ]);
    expect(adapterWarnings(fromFreshdesk(ticket))).toEqual([]);
    const batch = adaptBatch((t: unknown) => fromFreshdesk(t), [ticket, sample]);
    expect(batch.indices).toEqual([0, 1]);
    expect(batch.warnings.map((w) => [w.index, w.issues.map((i) => i.code)])).toEqual([
      [1, ["requester_mismatch"]],
    ]);
  });

  it("with strict: true, rejects the sample as it is: its embedded requester is someone else", () => {
    const issues = payloadIssues("fromFreshdesk", () => fromFreshdesk(sample, undefined, { strict: true }));
    expect(issues.map((i) => [i.path, i.code, i.received, i.message])).toEqual([
      [
        "ticket.requester.id",
        "inconsistent_value",
        43026449322,
        "expected the ticket's requester_id (6012691534)",
      ],
    ]);
  });

  it("maps the ticket field by field", () => {
    const c = fromFreshdesk(ticket);
    expect(c.id).toBe("1");
    expect(c.channel).toBe("self-service"); // source 2, Portal
    expect(c.priority).toBe("low"); // priority 1
    expect(c.status).toBe("open"); // status 2
    expect(c.createdAt).toBe(Date.parse("2016-05-18T04:36:04Z"));
    expect(c.customerId).toBe("6012691534");
    expect(c.customer).toEqual({
      id: "6012691534",
      name: "Dummyname",
      email: "dummyname@example.com",
      purchases: 0,
      tags: [],
    });
    expect(c.assigneeId).toBe("6010396333"); // responder_id
    expect(c.groupId).toBeUndefined(); // group_id null
    expect(c.tags).toEqual(["foo", "bar"]);
    expect(c.statusChanges).toEqual([]);
    expect(c.surveys).toEqual([]);
    // stats.resolved_at is set, but the ticket is open now: no resolution to report.
    expect(c.resolvedAt).toBeUndefined();
  });

  it("makes the description the requester's first message", () => {
    expect(fromFreshdesk(ticket).messages).toEqual([
      {
        author: "customer",
        authorId: "6012691534",
        visibility: "public",
        at: Date.parse("2016-05-18T04:36:04Z"),
        text: "This is a sample ticket, feel free to delete it.",
      },
    ]);
  });

  it("reads stats.resolved_at as resolvedAt once the ticket is resolved", () => {
    expect(fromFreshdesk({ ...ticket, status: 4 }).resolvedAt).toBe(Date.parse("2020-07-24T15:35:21Z"));
    const closedOnly = {
      ...ticket,
      status: 5,
      stats: { resolved_at: null, closed_at: "2020-07-25T00:00:00Z" },
    };
    expect(fromFreshdesk(closedOnly).resolvedAt).toBe(Date.parse("2020-07-25T00:00:00Z"));
  });

  it("returns what conversationSchema accepts, and reads a ticket without the requester", () => {
    expect(conversationSchema.safeParse(fromFreshdesk(ticket)).success).toBe(true);
    const { requester: _, ...bare } = sample;
    expect(fromFreshdesk(bare).customer).toBeUndefined();
    expect(fromFreshdesk(bare).customerId).toBe("6012691534");
  });
});

describe("fromFreshdesk: conversations", () => {
  it("adds replies and notes in order, with the author rule", () => {
    const c = fromFreshdesk(ticket, [
      reply(11, { incoming: true, user_id: 6012691534, body_text: "Any news?" }),
      reply(12, { private: true, body_text: "Checking the logs", created_at: "2016-05-18T05:10:00Z" }),
      reply(13, { body_text: null, body: "<p>Fixed &mdash; sorry!</p>", created_at: "2016-05-18T05:20:00Z" }),
      reply(14, {
        incoming: true,
        user_id: 77,
        body_text: "Thanks (from a colleague in CC)",
        created_at: "2016-05-18T06:00:00Z",
      }),
    ]);
    expect(c.messages.map((m) => [m.id, m.author, m.authorId, m.visibility, m.text])).toEqual([
      [undefined, "customer", "6012691534", "public", "This is a sample ticket, feel free to delete it."],
      ["11", "customer", "6012691534", "public", "Any news?"],
      ["12", "agent", "6010396333", "private", "Checking the logs"],
      ["13", "agent", "6010396333", "public", "Fixed \u2014 sorry!"],
      ["14", "customer", "77", "public", "Thanks (from a colleague in CC)"],
    ]);
  });

  it("makes an outbound email's description the agent's, and lets options.authors decide", () => {
    const outbound = fromFreshdesk({ ...ticket, source: 10 });
    expect(outbound.channel).toBe("email");
    expect(outbound.messages[0]?.author).toBe("agent");
    expect(outbound.messages[0]?.authorId).toBeUndefined();
    const bot = fromFreshdesk(ticket, [reply(11, {})], { authors: { "6010396333": "bot" } });
    expect(bot.messages[1]?.author).toBe("bot");
  });

  it.each([
    [1, "email"],
    [2, "self-service"],
    [3, "phone"],
    [7, "chat"],
    [9, "self-service"],
    [10, "email"],
  ])("source %i → %s", (source, ours) => {
    expect(fromFreshdesk({ ...ticket, source }).channel).toBe(ours);
  });

  it.each([
    [2, "open"],
    [3, "pending"],
    [4, "resolved"],
    [5, "closed"],
  ])("status %i → %s", (status, ours) => {
    expect(fromFreshdesk({ ...ticket, status }).status).toBe(ours);
  });

  it.each([
    [1, "low"],
    [2, "normal"],
    [3, "high"],
    [4, "urgent"],
  ])("priority %i → %s", (priority, ours) => {
    expect(fromFreshdesk({ ...ticket, priority }).priority).toBe(ours);
  });
});

describe("fromFreshdesk: malformed payloads", () => {
  it("rejects a custom status and an unknown source until options map them", () => {
    const custom = { ...ticket, status: 6, source: 4 };
    const issues = payloadIssues("fromFreshdesk", () => fromFreshdesk(custom));
    expect(issues.map((i) => [i.path, i.code, i.received])).toEqual([
      ["ticket.status", "invalid_value", 6],
      ["ticket.source", "invalid_value", 4],
    ]);
    const c = fromFreshdesk(custom, [], { statuses: { 6: "on-hold" }, channels: { "4": "forum" } });
    expect([c.status, c.channel]).toEqual(["on-hold", "forum"]);
  });

  it("names wrong types, ranges and missing fields by their path", () => {
    const issues = payloadIssues("fromFreshdesk", () =>
      fromFreshdesk({ ...ticket, priority: 5, created_at: "18/05/2016" }, [
        reply(11, { user_id: undefined }),
      ]),
    );
    expect(issues.map((i) => [i.path, i.received])).toEqual([
      ["ticket.created_at", "18/05/2016"],
      ["ticket.priority", 5],
      ["conversations.0.user_id", undefined],
    ]);
  });

  it("rejects conversations of another ticket, out of order, or not a list", () => {
    const other = payloadIssues("fromFreshdesk", () => fromFreshdesk(ticket, [reply(11, { ticket_id: 2 })]));
    expect(other.map((i) => [i.path, i.received])).toEqual([["conversations.0.ticket_id", 2]]);
    const early = payloadIssues("fromFreshdesk", () =>
      fromFreshdesk(ticket, [reply(11, { created_at: "2016-05-18T04:00:00Z" })], { strict: true }),
    );
    expect(early.map((i) => [i.path, i.received])).toEqual([
      ["conversations.0.created_at", "2016-05-18T04:00:00Z"],
    ]);
    expect(payloadIssues("fromFreshdesk", () => fromFreshdesk(ticket, { conversations: [] }))[0]?.path).toBe(
      "conversations",
    );
  });

  it("rejects an embedded requester email that is not an email", () => {
    const issues = payloadIssues("fromFreshdesk", () =>
      fromFreshdesk({ ...ticket, requester: { ...ticket.requester, email: "not-an-email" } }),
    );
    expect(issues.map((i) => [i.path, i.received])).toEqual([["ticket.requester.email", "not-an-email"]]);
  });
});
