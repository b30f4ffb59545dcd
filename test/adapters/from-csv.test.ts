import { fromCsv, TouchpointError } from "touchpoint/adapters";
import { conversationSchema } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";

const columns = {
  conversationId: "Ticket",
  at: "Sent",
  author: "From",
  text: "Body",
  visibility: "Internal",
  channel: "Channel",
  status: "Status",
  priority: "Priority",
  customerId: "Customer",
  assigneeId: "Agent",
  tags: "Tags",
} as const;
const header = "Ticket,Sent,From,Body,Internal,Channel,Status,Priority,Customer,Agent,Tags";
const values = {
  author: { requester: "customer" as const, staff: "agent" as const },
  visibility: { yes: "private" as const, no: "public" as const },
};
const csv = (...rows: string[]) => [header, ...rows].join("\r\n");

describe("fromCsv", () => {
  it("groups message rows into conversations in order of first appearance", () => {
    const text = csv(
      't-1,2026-03-02T09:00:00Z,requester,"My invoice is wrong, twice.",no,email,open,high,c-9,,"billing, vip"',
      "t-2,2026-03-02T09:01:00Z,requester,Hello?,,chat,,,c-7,,",
      't-1,2026-03-02T09:20:00Z,staff,"Checking with ""billing""",yes,,,,,a-3,',
      't-1,2026-03-02T10:30:00+01:00,staff,"Fixed.\r\nSorry!",no,email,open,high,c-9,a-3,"billing, vip"',
    );
    const result = fromCsv(text, { columns, values });
    expect(result.errors).toEqual([]);
    expect(result.indices).toEqual([0, 1]);
    const [first, second] = result.data;
    expect(first?.id).toBe("t-1");
    // values.author and values.visibility translate the export's words.
    expect(first?.messages.map((m) => [m.author, m.visibility])).toEqual([
      ["customer", "public"],
      ["agent", "private"],
      ["agent", "public"],
    ]);
    expect(second).toMatchObject({
      id: "t-2",
      channel: "chat",
      customerId: "c-7",
      tags: [],
      priority: "normal",
    });
    expect(second?.messages).toEqual([
      { author: "customer", visibility: "public", at: Date.parse("2026-03-02T09:01:00Z"), text: "Hello?" },
    ]);
  });

  it("maps every column of a conversation", () => {
    const text = csv(
      't-1,2026-03-02T09:00:00Z,customer,"My invoice is wrong, twice.",no,email,resolved,high,c-9,,"billing, vip"',
      't-1,2026-03-02T09:20:00Z,agent,"Checking with ""billing""",yes,,,,,a-3,',
      't-1,2026-03-02T10:30:00+01:00,agent,"Fixed.\r\nSorry!",,email,resolved,,c-9,a-3,',
    );
    const [c] = fromCsv(text, { columns, values }).data;
    expect(c).toEqual({
      id: "t-1",
      channel: "email",
      priority: "high",
      createdAt: Date.parse("2026-03-02T09:00:00Z"),
      status: "resolved",
      customerId: "c-9",
      assigneeId: "a-3",
      tags: ["billing", "vip"],
      messages: [
        {
          author: "customer",
          visibility: "public",
          at: Date.parse("2026-03-02T09:00:00Z"),
          text: "My invoice is wrong, twice.",
        },
        {
          author: "agent",
          visibility: "private",
          at: Date.parse("2026-03-02T09:20:00Z"),
          text: 'Checking with "billing"',
        },
        {
          author: "agent",
          visibility: "public",
          at: Date.parse("2026-03-02T09:30:00Z"),
          text: "Fixed.\r\nSorry!",
        },
      ],
      statusChanges: [],
      surveys: [],
    });
    expect(conversationSchema.safeParse(c).success).toBe(true);
  });

  it("says when a date does not exist", () => {
    const text = csv("t-1,2026-13-01T09:00:00Z,customer,Hi,,email,open,,,,");
    const [error] = fromCsv(text, { columns }).errors;
    expect(error?.issues[0]?.message).toContain("the date 2026-13-01 does not exist (there is no month 13");
  });

  it("reports a conflicting conversation-level cell at its row and column", () => {
    const text = csv(
      "t-1,2026-03-02T09:00:00Z,customer,Hi,,email,open,,,,",
      "t-1,2026-03-02T09:05:00Z,agent,Done,,email,resolved,,,,",
    );
    const result = fromCsv(text, { columns });
    expect(result.data).toEqual([]);
    expect(result.errors).toEqual([
      {
        index: 0,
        issues: [
          {
            path: 'row 3, column "Status"',
            code: "conflicting_value",
            message: 'expected the same value as row 2 ("open") for conversation "t-1"',
            received: "resolved",
          },
        ],
      },
    ]);
  });

  it("rejects a bad conversation whole, keeps the others and reports every problem with row and column", () => {
    const text = csv(
      "t-1,2026-03-02T09:00:00Z,customer,Hi,,email,,,,,",
      "t-2,2026-03-02 09:00,customer,Hi,,email,,,,,",
      "t-2,2026-03-02T09:10:00Z,robot,Beep,maybe,fax,,urgentest,,,",
      ",2026-03-02T09:00:00Z,customer,Who am I?,,email,,,,,",
      "t-3,2026-03-02T09:00:00Z,customer,short row",
      "t-4,2026-03-02T09:00:00Z,customer,Hi,,email,,,,,",
    );
    const result = fromCsv(text, { columns });
    // t-2's rows disagree on the channel (row 3 "email", row 4 "fax"): a conflict, reported first.
    expect(result.indices).toEqual([0, 4]);
    expect(result.data.map((c) => c.id)).toEqual(["t-1", "t-4"]);
    expect(result.errors.map((e) => [e.index, e.issues.map((i) => [i.path, i.received])])).toEqual([
      [
        1,
        [
          ['row 4, column "Channel"', "fax"],
          ['row 4, column "Priority"', "urgentest"],
          ['row 3, column "Sent"', "2026-03-02 09:00"],
          ['row 4, column "From"', "robot"],
          ['row 4, column "Internal"', "maybe"],
        ],
      ],
      [2, [['row 5, column "Ticket"', ""]]],
      [3, [["row 6", ["t-3", "2026-03-02T09:00:00Z", "customer", "short row"]]]],
    ]);
    expect(result.errors[0]?.issues[0]?.code).toBe("conflicting_value");
    expect(result.errors[2]?.issues[0]?.message).toBe("expected 11 fields, as in the header, got 4");
  });

  it("reports a short row together with the problems of the conversation's other rows", () => {
    const text = csv("t-1,2026-03-02T09:00:00Z,customer", "t-1,later,agent,Hi,,email,,,,,");
    expect(fromCsv(text, { columns }).errors.map((e) => e.issues.map((i) => i.path))).toEqual([
      ["row 2", 'row 3, column "Sent"'],
    ]);
  });

  it("reports messages out of time order at the row and column of the late time", () => {
    const text = csv(
      "t-1,2026-03-02T09:30:00Z,customer,Second,,email,,,,,",
      "t-1,2026-03-02T09:00:00Z,agent,First,,email,,,,,",
    );
    const [error] = fromCsv(text, { columns }).errors;
    expect(error?.issues.map((i) => [i.path, i.code, i.received])).toEqual([
      ['row 3, column "Sent"', "custom", "2026-03-02T09:00:00Z"],
    ]);
  });

  it("takes the channel from options when there is no channel column, and reads createdAt and parseTime", () => {
    const text = "id;opened;t;who;msg\n1;1772442000000;1772442600000;customer;Hi\n";
    const result = fromCsv(text, {
      delimiter: ";",
      columns: { conversationId: "id", createdAt: "opened", at: "t", author: "who", text: "msg" },
      channel: "sms",
      parseTime: (cell) => (/^\d+$/.test(cell) ? Number(cell) : undefined),
    });
    expect(result.data).toEqual([
      {
        id: "1",
        channel: "sms",
        priority: "normal",
        createdAt: 1772442000000,
        messages: [{ author: "customer", visibility: "public", at: 1772442600000, text: "Hi" }],
        statusChanges: [],
        surveys: [],
        tags: [],
      },
    ]);
  });

  it("asks for a channel when neither a column nor options give one", () => {
    const text = "id,t,who\n1,2026-03-02T09:00:00Z,customer";
    const [error] = fromCsv(text, { columns: { conversationId: "id", at: "t", author: "who" } }).errors;
    expect(error?.issues.map((i) => [i.path, i.message])).toEqual([
      ["row 2", "expected a channel: a channel column with a value, or options.channel"],
    ]);
  });

  it("skips empty lines and returns nothing for empty text", () => {
    expect(fromCsv("", { columns })).toEqual({ data: [], indices: [], errors: [] });
    const text = `${header}\r\n\r\nt-1,2026-03-02T09:00:00Z,customer,Hi,,email,,,,,\r\n\r\n`;
    expect(fromCsv(text, { columns }).data.map((c) => c.id)).toEqual(["t-1"]);
  });

  it("throws when a column of the map is missing from the header, or there twice", () => {
    let error: unknown;
    try {
      fromCsv("Ticket,Sent\n1,2026-03-02T09:00:00Z", { columns });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TouchpointError);
    expect((error as TouchpointError).code).toBe("missing_column");
    expect((error as TouchpointError).message).toBe(
      'fromCsv: expected a column "From" (columns.author) in the header, got ["Ticket","Sent"]',
    );
    expect((error as TouchpointError).path).toBe("columns.author");
    expect(() =>
      fromCsv("id,id,t,who\n", { columns: { conversationId: "id", at: "t", author: "who" } }),
    ).toThrow(/ambiguous|twice/);
  });

  it("throws invalid_csv for text that is not CSV", () => {
    expect(() => fromCsv(`${header}\n"t-1`, { columns })).toThrow(
      expect.objectContaining({ code: "invalid_csv" }),
    );
  });
});
