// fromIntercom against the "conversation found" example of Intercom's OpenAPI description (MIT, see
// test/fixtures/helpdesk/README.md). Every expected value below was read off the fixture by hand.
import { adapterWarnings, fromIntercom } from "touchpoint/adapters";
import { conversationSchema } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";
import { fixture, payloadIssues } from "./fixtures.js";

const example = fixture("intercom-conversation.json");
// The example is dated 2024-12-18 (created_at 1734537511) but its first part 2022-09-19
// (1663597223): a part before the conversation began. The variant starts the conversation at the
// first part; every other value is the example's.
const variant: Record<string, unknown> = { ...example, created_at: 1663597223 };
type Part = Record<string, unknown>;
const parts = (example.conversation_parts as { conversation_parts: Part[] }).conversation_parts;
const withParts = (list: Part[], more: Record<string, unknown> = {}) => ({
  ...variant,
  conversation_parts: { type: "conversation_part.list", conversation_parts: list, total_count: list.length },
  ...more,
});
const at = 1663597223;
const comment = (
  id: number,
  type: string,
  author: Record<string, unknown>,
  body: string | null,
  seconds: number,
) => ({
  type: "conversation_part",
  id,
  part_type: type,
  body,
  created_at: seconds,
  author,
});
const admin = { type: "admin", id: "274" };
const user = { type: "user", id: "6762f1261bb69f9f2193bba7" };

describe("fromIntercom: intercom-conversation.json", () => {
  it("keeps the example as it is, its first part read at the conversation's creation, and says so", () => {
    const c = fromIntercom(example);
    expect(c.createdAt).toBe(1734537511000);
    expect(c.messages[1]?.at).toBe(1734537511000);
    expect(c.messages.length).toBe(fromIntercom(variant).messages.length);
    expect(adapterWarnings(c).map((w) => [w.path, w.code, w.received])).toEqual([
      ["conversation_parts.conversation_parts.0.created_at", "time_before_conversation", 1663597223],
    ]);
    expect(adapterWarnings(fromIntercom(variant))).toEqual([]);
    expect(adapterWarnings({ ...c })).toEqual([]);
  });

  it("reads milliseconds where Intercom documents seconds (created_at is Unix seconds), with a warning", () => {
    const millis = withParts([comment(1, "comment", admin, "Hi", at * 1000 + 60_000)], {
      created_at: at * 1000,
    });
    const c = fromIntercom(millis);
    expect(c.createdAt).toBe(1663597223000);
    expect(adapterWarnings(c).map((w) => [w.path, w.code, w.received])).toEqual([
      ["created_at", "milliseconds_for_seconds", 1663597223000],
      ["conversation_parts.conversation_parts.0.created_at", "milliseconds_for_seconds", 1663597283000],
    ]);
    expect(c).toEqual(fromIntercom(withParts([comment(1, "comment", admin, "Hi", at + 60)])));
    const issues = payloadIssues("fromIntercom", () => fromIntercom(millis, { strict: true }));
    expect(issues.map((i) => [i.path, i.received])).toEqual([
      ["created_at", 1663597223000],
      ["conversation_parts.conversation_parts.0.created_at", 1663597283000],
    ]);
  });

  it("with strict: true, rejects the example as it is: its first part is older than the conversation", () => {
    const issues = payloadIssues("fromIntercom", () => fromIntercom(example, { strict: true }));
    expect(issues.map((i) => [i.path, i.code, i.received])).toEqual([
      ["conversation_parts.conversation_parts.0.created_at", "custom", 1663597223],
    ]);
    expect(issues[0]?.message).toBe(
      "expected a time at or after createdAt (2024-12-18T15:58:31.000Z) (touchpoint's messages.1.at)",
    );
  });

  it("maps the conversation field by field", () => {
    const c = fromIntercom(variant);
    expect(c.id).toBe("503");
    expect(c.channel).toBe("chat"); // source.type "conversation": the Messenger
    expect(c.priority).toBe("normal"); // "not_priority"
    expect(c.status).toBe("resolved"); // state "closed"
    expect(c.createdAt).toBe(1663597223000);
    expect(c.customerId).toBe("6762f1261bb69f9f2193bba7");
    expect(c.assigneeId).toBe("991267715");
    expect(c.groupId).toBe("5017691");
    expect(c.tags).toEqual(["Test tag"]);
    expect(c.surveys).toEqual([]); // conversation_rating null
    expect(c.resolvedAt).toBeUndefined(); // statistics null
  });

  it("makes the source and the comment part messages, and no message of the other parts", () => {
    expect(fromIntercom(variant).messages).toEqual([
      {
        id: "403918334",
        author: "agent", // admin "Ciaran176 Lee"
        authorId: "991267645",
        visibility: "public",
        at: 1663597223000,
        text: "this is the message body", // "<p>this is the message body</p>"
      },
      { id: "1", author: "agent", authorId: "274", visibility: "public", at: 1663597223000, text: "Okay!" },
    ]);
  });

  it("records the close that the parts' state shows", () => {
    // Parts 1–3 have state "open", part 4 (custom_action_finished, 1740141857) "closed".
    expect(fromIntercom(variant).statusChanges).toEqual([
      { at: 1740141857000, from: "open", to: "resolved" },
    ]);
  });

  it("returns what conversationSchema accepts", () => {
    expect(conversationSchema.safeParse(fromIntercom(variant)).success).toBe(true);
  });

  it("lets options.authors name a bot that writes as an admin", () => {
    const c = fromIntercom(variant, { authors: { "274": "bot" } });
    expect(c.messages.map((m) => m.author)).toEqual(["agent", "bot"]);
  });
});

describe("fromIntercom: parts, states and ratings", () => {
  it.each([
    ["open", "open"],
    ["snoozed", "pending"],
    ["closed", "resolved"],
  ])("state %s → %s", (state, ours) => {
    expect(fromIntercom({ ...variant, state }).status).toBe(ours);
  });

  it("reads priority as high", () => {
    expect(fromIntercom({ ...variant, priority: "priority" }).priority).toBe("high");
  });

  it("reads notes as private and a close with a reply as a message and a status change", () => {
    const c = fromIntercom(
      withParts([
        comment(1, "comment", user, "<p>My card was charged twice.</p>", at + 60),
        comment(2, "note", admin, "<p>Refund in Stripe</p>", at + 120),
        comment(3, "assignment", admin, null, at + 130),
        comment(4, "close", admin, "<p>Refunded &amp; closed.<br>Sorry!</p>", at + 180),
        comment(5, "open", user, null, at + 240),
        comment(6, "snoozed", admin, "", at + 300),
      ]),
    );
    expect(c.messages.map((m) => [m.author, m.visibility, m.text])).toEqual([
      ["agent", "public", "this is the message body"],
      ["customer", "public", "My card was charged twice."],
      ["agent", "private", "Refund in Stripe"],
      ["agent", "public", "Refunded & closed.\nSorry!"],
    ]);
    expect(c.statusChanges).toEqual([
      { at: (at + 180) * 1000, from: "open", to: "resolved", by: "agent" },
      { at: (at + 240) * 1000, from: "resolved", to: "open", by: "customer" },
      { at: (at + 300) * 1000, from: "open", to: "pending", by: "agent" },
    ]);
  });

  it("turns the rating into a 1–5 CSAT answer", () => {
    const rating = {
      rating: 4,
      remark: "Thanks",
      created_at: 1740141900,
      contact: { type: "contact", id: "6762f1261bb69f9f2193bba7" },
      teammate: { type: "admin", id: "991267715" },
    };
    expect(fromIntercom({ ...variant, conversation_rating: rating }).surveys).toEqual([
      {
        kind: "csat",
        score: 4,
        scale: { min: 1, max: 5 },
        comment: "Thanks",
        at: 1740141900000,
        customerId: "6762f1261bb69f9f2193bba7",
        conversationId: "503",
      },
    ]);
    // Older API versions send a rating object full of nulls for an unrated conversation.
    const unrated = { rating: null, remark: null, created_at: null, contact: { id: null, type: null } };
    expect(fromIntercom({ ...variant, conversation_rating: unrated }).surveys).toEqual([]);
  });

  it("reads statistics.last_close_at as resolvedAt of a closed conversation", () => {
    const statistics = { last_close_at: 1740141857, count_reopens: 0 };
    expect(fromIntercom({ ...variant, statistics }).resolvedAt).toBe(1740141857000);
    expect(fromIntercom({ ...variant, state: "open", statistics }).resolvedAt).toBeUndefined();
  });
});

describe("fromIntercom: malformed payloads", () => {
  it("rejects a rating outside 1–5 and a state Intercom does not have", () => {
    const issues = payloadIssues("fromIntercom", () =>
      fromIntercom({ ...variant, state: "archived", conversation_rating: { rating: 6 } }),
    );
    expect(issues.map((i) => [i.path, i.received, i.message])).toEqual([
      ["state", "archived", "expected an Intercom state: open, closed or snoozed"],
      ["conversation_rating.rating", 6, "expected an Intercom rating, an integer 1–5"],
    ]);
  });

  it("rejects a list of parts that Intercom cut short", () => {
    const cut = { ...variant, conversation_parts: { conversation_parts: parts, total_count: 640 } };
    const issues = payloadIssues("fromIntercom", () => fromIntercom(cut));
    expect(issues.map((i) => [i.path, i.code, i.received])).toEqual([
      ["conversation_parts.total_count", "incomplete_page", 640],
    ]);
  });

  it("names an author type it does not know, and a missing field", () => {
    const odd = withParts([comment(1, "comment", { type: "visitor", id: "v" }, "hi", at)]);
    expect(payloadIssues("fromIntercom", () => fromIntercom(odd)).map((i) => [i.path, i.received])).toEqual([
      ["conversation_parts.conversation_parts.0.author.type", "visitor"],
    ]);
    const { state: _, ...stateless } = variant;
    expect(
      payloadIssues("fromIntercom", () => fromIntercom(stateless)).map((i) => [i.path, i.received]),
    ).toEqual([["state", undefined]]);
  });

  it("rejects a source type it does not know, unless an option maps it", () => {
    const push = { ...variant, source: { ...(variant.source as object), type: "push" } };
    expect(payloadIssues("fromIntercom", () => fromIntercom(push)).map((i) => [i.path, i.received])).toEqual([
      ["source.type", "push"],
    ]);
    expect(fromIntercom(push, { channels: { push: "chat" } }).channel).toBe("chat");
  });

  it("asks for the source and for each message's author", () => {
    const { source: _, ...sourceless } = variant;
    expect(payloadIssues("fromIntercom", () => fromIntercom(sourceless)).map((i) => i.path)).toEqual([
      "source",
    ]);
    expect(fromIntercom(sourceless, { fallbackChannel: "chat" }).messages.map((m) => m.id)).toEqual(["1"]);
    const anonymous = withParts([{ id: 1, part_type: "comment", body: "hi", created_at: at }]);
    expect(payloadIssues("fromIntercom", () => fromIntercom(anonymous)).map((i) => i.path)).toEqual([
      "conversation_parts.conversation_parts.0.author",
    ]);
  });

  it("rejects times that are not Unix seconds", () => {
    const issues = payloadIssues("fromIntercom", () =>
      fromIntercom({ ...variant, created_at: "2022-09-19" }),
    );
    expect(issues.map((i) => [i.path, i.received, i.message])).toEqual([
      ["created_at", "2022-09-19", "expected a Unix time in seconds"],
    ]);
  });
});

describe("fromIntercom: HTML bodies become plain text", () => {
  it.each([
    ["<p>Hello   <b>there</b>\n friend</p>", "Hello there friend"],
    ["<p>One</p><p>Two</p>", "One\nTwo"],
    ["<p>One</p><br><p>Two</p>", "One\n\nTwo"],
    ["line<br>break<br/>s", "line\nbreak\ns"],
    ["<ul><li>a</li><li>b</li></ul>", "a\nb"],
    [
      "5 &lt; 6 &amp;&amp; 7 &gt; 6 &quot;ok&quot; &#39;x&#39; &#x1F600; &hellip;",
      "5 < 6 && 7 > 6 \"ok\" 'x' 😀 …",
    ],
    ["&unknown; stays", "&unknown; stays"],
    // The WHATWG HTML tokenizer (13.2.5.72-80, character reference states): legacy names without a
    // semicolon in text, numeric references with the spec's replacements (NULL, surrogates and out
    // of range to U+FFFD, 0x80-0x9F through the Windows-1252 table). test/adapters/html-text.test.ts
    // checks every name against the WHATWG table.
    ["&Eacute;&ouml;&szlig; &euro;5", "\u00c9\u00f6\u00df \u20ac5"],
    ["Tom &amp Jerry &copy 2026", "Tom & Jerry \u00a9 2026"],
    ["&#0; &#xD800; &#x110000;", "\ufffd \ufffd \ufffd"],
    ["&#x80;&#x99;&#150;", "\u20ac\u2122\u2013"],
    ["a&nbsp;b&#160;c", "a b c"],
    ["<script>alert('x')</script>Hi<style>p { color: red }</style>!", "Hi!"],
    ["a < b and c", "a < b and c"],
    ["x < y > z", "x < y > z"],
    ["before<!-- a comment <p> -->after", "beforeafter"],
    ["unclosed <b", "unclosed <b"],
    ["<P CLASS='x'>Upper</P>", "Upper"],
  ])("%j → %j", (body, text) => {
    const c = fromIntercom(withParts([comment(1, "comment", user, body, at)]));
    expect(c.messages[1]?.text).toBe(text);
  });
});

describe("fromIntercom: HTML in linear time", () => {
  it("reads long bodies of many tags, or of stray brackets", () => {
    const list = withParts([comment(1, "comment", user, `<ul>${"<li>x</li>".repeat(50_000)}</ul>`, at)]);
    expect(fromIntercom(list).messages[1]?.text.split("\n").length).toBe(50_000);
    const brackets = withParts([
      comment(1, "comment", user, `${"< ".repeat(50_000)}${"<a".repeat(50_000)}`, at),
    ]);
    expect(fromIntercom(brackets).messages[1]?.text.length).toBeGreaterThan(100_000);
  });
});
