import { adaptBatch, fromFreshdesk, fromIntercom, fromZendesk, parseCsv } from "touchpoint/adapters";
import { describe, expect, it } from "vitest";
import { fixture } from "./fixtures.js";

const ticket = (fixture("zendesk-ticket.json").ticket ?? {}) as Record<string, unknown>;
const intercom = { ...fixture("intercom-conversation.json"), created_at: 1663597223 };

describe("adaptBatch", () => {
  it("keeps the good records and reports each bad one with its index, path, value and expectation", () => {
    const batch = adaptBatch(fromZendesk, [
      { ticket },
      { ticket: { ...ticket, id: 8, status: "archived" } },
      { ticket: { ...ticket, id: 9 } },
      { ticket: { ...ticket, id: 10, via: { channel: "mobile" }, created_at: "yesterday" } },
    ]);
    expect(batch.data.map((c) => c.id)).toEqual(["7", "9"]);
    expect(batch.indices).toEqual([0, 2]);
    expect(batch.errors).toEqual([
      {
        index: 1,
        issues: [
          {
            path: "ticket.status",
            code: "invalid_value",
            message: "expected a Zendesk status: new, open, pending, hold, solved or closed",
            received: "archived",
          },
        ],
      },
      {
        index: 3,
        issues: [
          {
            path: "ticket.created_at",
            code: "invalid_format",
            message: "expected an ISO 8601 date-time with an offset",
            received: "yesterday",
          },
        ],
      },
    ]);
  });

  it("takes wrapped adapters, for options and several arguments, and any iterable", () => {
    const freshdesk = { id: 1, status: 2, source: 3, created_at: "2026-03-02T09:00:00Z" };
    function* tickets() {
      yield { ticket: freshdesk, conversations: [] };
      yield { ticket: { ...freshdesk, id: 2, source: 4 }, conversations: [] };
    }
    const plain = adaptBatch((t) => fromFreshdesk(t.ticket, t.conversations), tickets());
    expect(plain.indices).toEqual([0]);
    expect(plain.errors[0]?.issues[0]?.path).toBe("ticket.source");
    const mapped = adaptBatch(
      (t) => fromFreshdesk(t.ticket, t.conversations, { channels: { "4": "forum" } }),
      tickets(),
    );
    expect(mapped.data.map((c) => c.channel)).toEqual(["phone", "forum"]);
  });

  it("reports the fixture records of several vendors side by side", () => {
    const batch = adaptBatch(fromIntercom, [intercom, fixture("intercom-conversation.json"), null]);
    expect(batch.indices).toEqual([0, 1]);
    expect(batch.errors.map((e) => [e.index, e.issues[0]?.path])).toEqual([[2, ""]]);
    expect(batch.warnings.map((w) => [w.index, w.issues[0]?.path])).toEqual([
      [1, "conversation_parts.conversation_parts.0.created_at"],
    ]);
    const strict = adaptBatch(
      (c: unknown) => fromIntercom(c, { strict: true }),
      [intercom, fixture("intercom-conversation.json")],
    );
    expect(strict.errors.map((e) => [e.index, e.issues[0]?.path])).toEqual([
      [1, "conversation_parts.conversation_parts.0.created_at"],
    ]);
  });

  it("turns another TouchpointError into one issue, and rethrows errors that are bugs", () => {
    const viaCsv = adaptBatch(
      (text: string) => {
        parseCsv(text);
        return fromIntercom(intercom);
      },
      ['"open'],
    );
    expect(viaCsv.errors).toEqual([
      {
        index: 0,
        issues: [
          {
            path: "",
            code: "invalid_csv",
            message: "parseCsv: expected a closing quote for the field that opens at line 1, column 1",
            received: '"open',
          },
        ],
      },
    ]);
    expect(() =>
      adaptBatch(() => {
        throw new RangeError("bug");
      }, [1]),
    ).toThrow(RangeError);
  });

  it("returns empty lists for no records", () => {
    expect(adaptBatch(fromIntercom, [])).toEqual({ data: [], indices: [], errors: [], warnings: [] });
  });
});
