// fromChatwoot against the message_created example of Chatwoot's docs (MIT) and the synthesized
// conversation_status_changed payload (test/fixtures/helpdesk/README.md: its values are invented,
// its shape follows Chatwoot's code). Every expected value below was read off the fixture by hand.
import { adapterWarnings, fromChatwoot } from "touchpoint/adapters";
import { conversationSchema } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";
import { fixture, payloadIssues } from "./fixtures.js";

const created = fixture("chatwoot-webhook-message_created.json");
const statusChanged = fixture("chatwoot-webhook-conversation_status_changed.SYNTHETIC.json");
const firstMessage = (statusChanged.messages as Record<string, unknown>[])[0] as Record<string, unknown>;
const withMessage = (more: Record<string, unknown>) => ({
  ...statusChanged,
  messages: [{ ...firstMessage, ...more }],
});

describe("fromChatwoot: chatwoot-webhook-message_created.json", () => {
  it("makes a one-message conversation of the event", () => {
    const c = fromChatwoot(created);
    expect(c.id).toBe("0");
    expect(c.channel).toBe("chat"); // Channel::Api
    expect(c.status).toBe("open");
    // The old docs' conversation has no created_at: the message's time stands in.
    expect(c.createdAt).toBe(Date.parse("2020-08-30T15:43:04.000Z"));
    expect(c.messages).toEqual([
      {
        id: "0",
        author: "customer", // message_type "incoming"
        authorId: "0",
        visibility: "public",
        at: Date.parse("2020-08-30T15:43:04.000Z"),
        text: "This is a incoming message from API Channel",
      },
    ]);
    expect(c.customerId).toBe("0");
    expect(c.customer).toEqual({ id: "0", name: "contact-name", purchases: 0, tags: [] });
    expect(c.statusChanges).toEqual([]);
    expect(c.priority).toBe("normal");
    expect(conversationSchema.safeParse(c).success).toBe(true);
  });

  it("reads the conversation's labels, priority, assignee and team when the event carries them (current webhooks)", () => {
    // Chatwoot 4 sends the conversation's webhook data with a message event: labels, priority and
    // meta with the assignee and team, as on a conversation event (values invented).
    const conversation = {
      ...(created.conversation as object),
      labels: ["billing", "vip"],
      priority: "high",
      meta: { assignee: { id: 12 }, team: { id: 3 } },
    };
    const c = fromChatwoot({ ...created, conversation });
    expect(c.tags).toEqual(["billing", "vip"]);
    expect(c.priority).toBe("high");
    expect(c.assigneeId).toBe("12");
    expect(c.groupId).toBe("3");
    const bad = { ...created, conversation: { ...(created.conversation as object), priority: "p1" } };
    expect(() => fromChatwoot(bad)).toThrow(/conversation\.priority/);
  });

  it("reads the conversation's created_at when the payload has it (current webhooks)", () => {
    const conversation = { ...(created.conversation as object), created_at: 1598802000 };
    expect(fromChatwoot({ ...created, conversation }).createdAt).toBe(1598802000000);
  });
});

describe("fromChatwoot: chatwoot-webhook-conversation_status_changed.SYNTHETIC.json", () => {
  it("maps the conversation and its latest message", () => {
    const c = fromChatwoot(statusChanged);
    expect(c.id).toBe("42");
    expect(c.channel).toBe("chat");
    expect(c.status).toBe("open");
    expect(c.createdAt).toBe(1714641290000);
    expect(c.messages).toEqual([
      {
        id: "901",
        author: "customer", // message_type 0, sender_type "Contact"
        authorId: "7",
        visibility: "public",
        at: 1714641300000,
        text: "I want to talk to a human",
      },
    ]);
    expect(c.customerId).toBe("7");
    expect(c.customer).toEqual({ id: "7", name: "Jane Customer", purchases: 0, tags: [] });
    expect(c.assigneeId).toBeUndefined();
    expect(c.groupId).toBeUndefined();
    expect(c.tags).toEqual([]);
    expect(c.priority).toBe("normal");
    expect(conversationSchema.safeParse(c).success).toBe(true);
  });

  it("records pending → open at updated_at as the bot hand-off", () => {
    expect(fromChatwoot(statusChanged).statusChanges).toEqual([
      { at: 1714641307123, from: "new", to: "open", by: "bot" },
    ]);
  });
});

describe("fromChatwoot: mappings", () => {
  it.each([
    [0, undefined, "customer"],
    ["incoming", undefined, "customer"],
    [1, "User", "agent"],
    ["outgoing", "User", "agent"],
    [1, "AgentBot", "bot"],
    [1, "Captain::Assistant", "bot"],
    [1, undefined, "system"],
    [2, undefined, "system"],
    ["activity", undefined, "system"],
    [3, undefined, "system"],
  ])("message_type %s from %s → %s", (type, sender, author) => {
    const c = fromChatwoot(withMessage({ message_type: type, sender_type: sender ?? null }));
    expect(c.messages[0]?.author).toBe(author);
  });

  it("reads sender.type of the webhook form, private notes and replies sent from the native app", () => {
    const note = withMessage({
      message_type: 1,
      private: true,
      sender: { id: 3, type: "user" },
      sender_type: null,
    });
    expect(fromChatwoot(note).messages[0]).toMatchObject({
      author: "agent",
      authorId: "3",
      visibility: "private",
    });
    const echo = withMessage({
      message_type: 1,
      sender_type: null,
      content_attributes: { external_echo: true },
    });
    expect(fromChatwoot(echo).messages[0]?.author).toBe("agent");
    const bot = withMessage({ message_type: "outgoing", sender: { id: 1, type: "agent_bot" } });
    expect(fromChatwoot(bot).messages[0]?.author).toBe("bot");
  });

  it.each([
    ["open", "open"],
    ["resolved", "resolved"],
    ["pending", "new"],
    ["snoozed", "pending"],
  ])("status %s → %s", (status, ours) => {
    expect(fromChatwoot({ ...statusChanged, status, changed_attributes: [] }).status).toBe(ours);
  });

  it.each([
    ["low", "low"],
    ["medium", "normal"],
    ["high", "high"],
    ["urgent", "urgent"],
  ])("priority %s → %s", (priority, ours) => {
    expect(fromChatwoot({ ...statusChanged, priority }).priority).toBe(ours);
  });

  it.each([
    ["Channel::WebWidget", "chat"],
    ["Channel::Email", "email"],
    ["Channel::Whatsapp", "social"],
    ["Channel::FacebookPage", "social"],
    ["Channel::Sms", "sms"],
    ["Channel::TwilioSms", "sms"],
  ])("channel %s → %s", (channel, ours) => {
    expect(fromChatwoot({ ...statusChanged, channel }).channel).toBe(ours);
  });

  it("reads labels, assignee, team, and a change that is not a hand-off", () => {
    const c = fromChatwoot({
      ...statusChanged,
      labels: ["billing", "vip"],
      meta: { ...(statusChanged.meta as object), assignee: { id: 12 }, team: { id: 4 } },
      status: "resolved",
      changed_attributes: [{ status: { previous_value: "open", current_value: "resolved" } }],
    });
    expect(c.tags).toEqual(["billing", "vip"]);
    expect([c.assigneeId, c.groupId]).toEqual(["12", "4"]);
    expect(c.statusChanges).toEqual([{ at: 1714641307123, from: "open", to: "resolved" }]);
  });
});

describe("fromChatwoot: malformed payloads", () => {
  it("rejects an event that carries no conversation", () => {
    const issues = payloadIssues("fromChatwoot", () => fromChatwoot({ event: "contact_created", id: 7 }));
    expect(issues.map((i) => [i.path, i.code, i.received])).toEqual([
      ["event", "invalid_value", "contact_created"],
    ]);
  });

  it("names a missing conversation, an unknown sender and an unknown message_type", () => {
    const { conversation: _, ...orphan } = created;
    expect(payloadIssues("fromChatwoot", () => fromChatwoot(orphan)).map((i) => i.path)).toEqual([
      "conversation",
    ]);
    const robot = withMessage({ message_type: 1, sender_type: "Robot" });
    expect(payloadIssues("fromChatwoot", () => fromChatwoot(robot)).map((i) => [i.path, i.received])).toEqual(
      [["messages.0.sender_type", "Robot"]],
    );
    const weird = withMessage({ message_type: 7 });
    expect(payloadIssues("fromChatwoot", () => fromChatwoot(weird)).map((i) => [i.path, i.received])).toEqual(
      [["messages.0.message_type", 7]],
    );
  });

  it("names a bad status change and a change without a time", () => {
    const bogus = {
      ...statusChanged,
      changed_attributes: [{ status: { previous_value: "pending", current_value: "done" } }],
    };
    expect(payloadIssues("fromChatwoot", () => fromChatwoot(bogus)).map((i) => [i.path, i.received])).toEqual(
      [["changed_attributes.0.status.current_value", "done"]],
    );
    const { updated_at: _, ...timeless } = statusChanged;
    expect(payloadIssues("fromChatwoot", () => fromChatwoot(timeless)).map((i) => i.path)).toEqual([
      "updated_at",
    ]);
  });

  it("rejects an unknown channel class unless an option maps it, and a message before the conversation", () => {
    const odd = { ...statusChanged, channel: "Channel::Carrier" };
    expect(payloadIssues("fromChatwoot", () => fromChatwoot(odd)).map((i) => [i.path, i.received])).toEqual([
      ["channel", "Channel::Carrier"],
    ]);
    expect(fromChatwoot(odd, { fallbackChannel: "social" }).channel).toBe("social");
    const early = withMessage({ created_at: 1714641000 });
    expect(
      payloadIssues("fromChatwoot", () => fromChatwoot(early, { strict: true })).map((i) => [
        i.path,
        i.received,
      ]),
    ).toEqual([["messages.0.created_at", 1714641000]]);
    expect(adapterWarnings(fromChatwoot(early)).map((i) => [i.path, i.code, i.received])).toEqual([
      ["messages.0.created_at", "time_before_conversation", 1714641000],
    ]);
  });

  it("reads a conversation object of the API, which names no channel and may lack created_at", () => {
    const { event: _e, channel: _c, changed_attributes: _a, created_at: _t, ...apiObject } = statusChanged;
    expect(payloadIssues("fromChatwoot", () => fromChatwoot(apiObject)).map((i) => i.path)).toEqual([
      "channel",
    ]);
    const c = fromChatwoot(apiObject, { fallbackChannel: "chat" });
    expect(c.createdAt).toBe(1714641300000); // the first message's time stands in
    expect(c.statusChanges).toEqual([]);
    const empty = { ...apiObject, messages: [] };
    expect(
      payloadIssues("fromChatwoot", () => fromChatwoot(empty, { fallbackChannel: "chat" })).map(
        (i) => i.path,
      ),
    ).toEqual(["created_at"]);
  });
});
