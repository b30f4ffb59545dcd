// fromZendesk against the recorded Zendesk API responses in test/fixtures/helpdesk/ (Apache-2.0,
// see the README there). Every expected value below was read off the fixture by hand.
import { fromZendesk } from "touchpoint/adapters";
import { conversationSchema } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";
import { fixture, payloadIssues } from "./fixtures.js";

const ticketResponse = fixture("zendesk-ticket.json");
const ticket = ticketResponse.ticket as Record<string, unknown>;
const auditsResponse = fixture("zendesk-ticket-audits.json");
const audits = auditsResponse.audits as Record<string, unknown>[];
const ratingResponse = fixture("zendesk-satisfaction-rating.json");
const metricResponse = fixture("zendesk-ticket-metric.json");

// The four recordings come from four different tickets (7, 1, 35 and 8864). To combine a part with
// the ticket, the ticket's id is set to the part's ticket_id; every other value is the fixture's.
const ticketOf = (id: number, more: Record<string, unknown> = {}) => ({ ...ticket, id, ...more });

describe("fromZendesk: zendesk-ticket.json", () => {
  it("maps the ticket field by field", () => {
    const c = fromZendesk({ ticket: ticketResponse });
    expect(c.id).toBe("7");
    expect(c.channel).toBe("email"); // via.channel "api"
    expect(c.priority).toBe("normal");
    expect(c.createdAt).toBe(Date.parse("2007-09-08T20:19:04Z"));
    expect(c.status).toBe("closed");
    expect(c.customerId).toBe("20014192");
    expect(c.assigneeId).toBe("20014182");
    expect(c.groupId).toBe("20001662");
    expect(c.tags).toEqual([]);
    expect(c.messages).toEqual([]); // no audits: the description alone does not say public or private
    expect(c.statusChanges).toEqual([]);
    expect(c.surveys).toEqual([]); // satisfaction_rating.score "offered" is no answer
    expect(c.resolvedAt).toBeUndefined();
    expect(c.customer).toBeUndefined();
  });

  it("reads the response envelope and the ticket inside it alike", () => {
    expect(fromZendesk({ ticket })).toEqual(fromZendesk({ ticket: ticketResponse }));
  });

  it("returns what conversationSchema accepts", () => {
    expect(conversationSchema.safeParse(fromZendesk({ ticket })).success).toBe(true);
  });
});

describe("fromZendesk: zendesk-ticket-audits.json", () => {
  it("rejects a page of audits with more pages, and audits of another ticket", () => {
    const issues = payloadIssues("fromZendesk", () => fromZendesk({ ticket, audits: auditsResponse }));
    expect(issues.map((i) => [i.path, i.code, i.received])).toEqual([
      [
        "audits.next_page",
        "incomplete_page",
        "https://zendeskapi.zd-staging.com/api/v2/tickets/1/audits.json?page=2",
      ],
      ["audits.audits.0.ticket_id", "inconsistent_value", 1],
      ["audits.audits.1.ticket_id", "inconsistent_value", 1],
      ["audits.audits.2.ticket_id", "inconsistent_value", 1],
    ]);
  });

  it("turns Comment events into messages and status events into the history", () => {
    const c = fromZendesk({ ticket: ticketOf(1), audits });
    expect(c.id).toBe("1");
    // Author 20014182 is not ticket 7's requester (20014192): an agent.
    expect(c.messages).toEqual([
      {
        id: "21078922",
        author: "agent",
        authorId: "20014182",
        visibility: "public",
        at: Date.parse("2012-09-06T20:17:09Z"),
        text: "This is the first comment. Feel free to delete this sample ticket.",
      },
      {
        id: "21078972",
        author: "agent",
        authorId: "20014182",
        visibility: "private",
        at: Date.parse("2012-09-06T20:17:10Z"),
        text: "This is a private comment (visible to agents only) that you added. You also changed the ticket priority to High. You can view a ticket's complete history by selecting the Events link in the ticket.",
      },
      {
        id: "21078987",
        author: "agent",
        authorId: "20014182",
        visibility: "public",
        at: Date.parse("2012-09-06T20:17:10Z"),
        text: "This is the latest comment for this ticket. You also changed the ticket status to Pending.",
      },
    ]);
    expect(c.statusChanges).toEqual([
      { at: Date.parse("2012-09-06T20:17:09Z"), to: "open", by: "agent" }, // Create event, status "open"
      { at: Date.parse("2012-09-06T20:17:10Z"), from: "open", to: "pending", by: "agent" },
    ]);
    expect(c.status).toBe("closed"); // the ticket's current status, not the last change seen
    expect(conversationSchema.safeParse(c).success).toBe(true);
  });

  it("makes the requester the customer (the audits' Create event names 20014182 as requester)", () => {
    const c = fromZendesk({ ticket: ticketOf(1, { requester_id: 20014182 }), audits });
    expect(c.messages.map((m) => m.author)).toEqual(["customer", "customer", "customer"]);
    expect(c.statusChanges.map((s) => s.by)).toEqual(["customer", "customer"]);
    expect(c.customerId).toBe("20014182");
  });

  it("lets options.authors and business rules decide a role", () => {
    const asBot = fromZendesk({ ticket: ticketOf(1), audits }, { authors: { "20014182": "bot" } });
    expect(asBot.messages.map((m) => m.author)).toEqual(["bot", "bot", "bot"]);
    const byTrigger = audits.map((a, i) => (i === 2 ? { ...a, via: { channel: "rule" } } : a));
    const c = fromZendesk({ ticket: ticketOf(1), audits: byTrigger });
    expect(c.messages.map((m) => m.author)).toEqual(["agent", "agent", "system"]);
    expect(c.statusChanges[1]?.by).toBe("system");
  });

  it("reports messages out of time order at the audit whose time is wrong", () => {
    const issues = payloadIssues("fromZendesk", () =>
      fromZendesk({ ticket: ticketOf(1), audits: [...audits].reverse() }),
    );
    expect(issues.map((i) => [i.path, i.code, i.received])).toEqual([
      ["audits.2.created_at", "custom", "2012-09-06T20:17:09Z"],
      ["audits.2.created_at", "custom", "2012-09-06T20:17:09Z"],
    ]);
    expect(issues[0]?.message).toContain("records must be in time order (touchpoint's messages.2.at)");
    expect(issues[1]?.message).toContain("(touchpoint's statusChanges.1.at)");
  });
});

describe("fromZendesk: zendesk-satisfaction-rating.json", () => {
  it("turns a good rating into 2 on the 2-point CSAT scale", () => {
    const c = fromZendesk({ ticket: ticketOf(35), satisfactionRating: ratingResponse });
    expect(c.surveys).toEqual([
      {
        kind: "csat",
        id: "20001907",
        score: 2,
        scale: { min: 1, max: 2 },
        at: Date.parse("2012-09-07T19:04:19Z"),
        comment: "Satisfaction!",
        customerId: "20014192",
        conversationId: "35",
      },
    ]);
  });

  it("turns bad into 1, and reads the rating embedded in the ticket", () => {
    const bad = { ...(ratingResponse.satisfaction_rating as object), score: "bad" };
    expect(fromZendesk({ ticket: ticketOf(35), satisfactionRating: bad }).surveys[0]?.score).toBe(1);
    const embedded = fromZendesk({ ticket: ticketOf(7, { satisfaction_rating: { score: "good", id: 5 } }) });
    expect(embedded.surveys).toEqual([
      {
        kind: "csat",
        id: "5",
        score: 2,
        scale: { min: 1, max: 2 },
        customerId: "20014192",
        conversationId: "7",
      },
    ]);
  });

  it("rejects the rating of another ticket", () => {
    const issues = payloadIssues("fromZendesk", () =>
      fromZendesk({ ticket, satisfactionRating: ratingResponse }),
    );
    expect(issues.map((i) => [i.path, i.received])).toEqual([
      ["satisfactionRating.satisfaction_rating.ticket_id", 35],
    ]);
  });
});

describe("fromZendesk: zendesk-ticket-metric.json", () => {
  it("reads solved_at as resolvedAt only when it is set", () => {
    expect(fromZendesk({ ticket: ticketOf(8864), metrics: metricResponse }).resolvedAt).toBeUndefined();
    const solved = { ...(metricResponse.ticket_metric as object), solved_at: "2015-12-30T02:00:00Z" };
    expect(fromZendesk({ ticket: ticketOf(8864), metrics: solved }).resolvedAt).toBe(
      Date.parse("2015-12-30T02:00:00Z"),
    );
    // An open ticket is not resolved, whatever an earlier solve left in solved_at.
    expect(
      fromZendesk({ ticket: ticketOf(8864, { status: "open" }), metrics: solved }).resolvedAt,
    ).toBeUndefined();
  });

  it("rejects the metrics of another ticket", () => {
    const issues = payloadIssues("fromZendesk", () => fromZendesk({ ticket, metrics: metricResponse }));
    expect(issues.map((i) => [i.path, i.received])).toEqual([["metrics.ticket_metric.ticket_id", 8864]]);
  });
});

describe("fromZendesk: statuses, priorities and channels", () => {
  it.each([
    ["new", "new"],
    ["open", "open"],
    ["pending", "pending"],
    ["hold", "on-hold"],
    ["solved", "resolved"],
    ["closed", "closed"],
  ])("status %s → %s", (zendesk, ours) => {
    expect(fromZendesk({ ticket: { ...ticket, status: zendesk } }).status).toBe(ours);
  });

  it.each([
    ["low", "low"],
    ["normal", "normal"],
    ["high", "high"],
    ["urgent", "urgent"],
    [null, "normal"],
  ])("priority %s → %s", (zendesk, ours) => {
    expect(fromZendesk({ ticket: { ...ticket, priority: zendesk } }).priority).toBe(ours);
  });

  it.each([
    ["web", "email"],
    ["email", "email"],
    ["chat", "chat"],
    ["native_messaging", "chat"],
    ["voice", "phone"],
    ["sms", "sms"],
    ["twitter", "social"],
    ["whatsapp", "social"],
    ["forum", "forum"],
  ])("via.channel %s → %s", (via, ours) => {
    expect(fromZendesk({ ticket: { ...ticket, via: { channel: via } } }).channel).toBe(ours);
  });

  it("rejects a via channel it does not know, unless an option maps it", () => {
    const odd = { ...ticket, via: { channel: "mobile" } };
    const issues = payloadIssues("fromZendesk", () => fromZendesk({ ticket: odd }));
    expect(issues.map((i) => [i.path, i.code, i.received])).toEqual([
      ["ticket.via.channel", "invalid_value", "mobile"],
    ]);
    expect(issues[0]?.message).toMatch(/^expected a via channel touchpoint maps \(email, web, api, /);
    expect(fromZendesk({ ticket: odd }, { channels: { mobile: "chat" } }).channel).toBe("chat");
    expect(fromZendesk({ ticket: odd }, { fallbackChannel: "email" }).channel).toBe("email");
    // The table's own keys only: "constructor" is no channel.
    const proto = { ...ticket, via: { channel: "constructor" } };
    expect(payloadIssues("fromZendesk", () => fromZendesk({ ticket: proto }))[0]?.received).toBe(
      "constructor",
    );
  });
});

describe("fromZendesk: malformed payloads", () => {
  it("says when a date does not exist", () => {
    const issues = payloadIssues("fromZendesk", () =>
      fromZendesk({ ticket: { ...ticket, created_at: "2026-02-30T09:00:00Z" } }),
    );
    expect(issues[0]?.message).toContain("the date 2026-02-30 does not exist (February 2026 has 28 days)");
  });

  it("names the path, the value and what was expected", () => {
    let message = "";
    try {
      fromZendesk({ ticket: { ...ticket, status: "archived" } });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toBe(
      'fromZendesk: ticket.status: expected a Zendesk status: new, open, pending, hold, solved or closed (got "archived")',
    );
  });

  it("reports every issue of the payload at once, with paths through the envelope", () => {
    const { created_at: _, ...noDate } = ticket;
    const issues = payloadIssues("fromZendesk", () =>
      fromZendesk({ ticket: { ticket: { ...noDate, id: "7", priority: "p1" } } }),
    );
    expect(issues.map((i) => [i.path, i.received])).toEqual([
      ["ticket.ticket.id", "7"],
      ["ticket.ticket.created_at", undefined],
      ["ticket.ticket.priority", "p1"],
    ]);
  });

  it("reports bad events at their path in the audits", () => {
    const [first, second, third] = audits as [
      Record<string, unknown>,
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    const events = (first.events as Record<string, unknown>[]).map((e, i) =>
      i === 0 ? { ...e, public: "yes" } : e,
    );
    const changes = (third.events as Record<string, unknown>[]).map((e, i) =>
      i === 1 ? { ...e, value: "done" } : e,
    );
    const issues = payloadIssues("fromZendesk", () =>
      fromZendesk({
        ticket: ticketOf(1),
        audits: [{ ...first, events }, second, { ...third, events: changes }],
      }),
    );
    expect(issues.map((i) => [i.path, i.received])).toEqual([
      ["audits.0.events.0.public", "yes"],
      ["audits.2.events.1.value", "done"],
    ]);
  });

  it("rejects input that is not an object with a ticket", () => {
    expect(payloadIssues("fromZendesk", () => fromZendesk(null as never))[0]?.path).toBe("");
    expect(payloadIssues("fromZendesk", () => fromZendesk({ ticket: undefined }))[0]?.path).toBe("ticket");
    expect(payloadIssues("fromZendesk", () => fromZendesk({ ticket, audits: { page: 1 } }))[0]?.path).toBe(
      "audits",
    );
  });
});
