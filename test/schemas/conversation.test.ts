// Conversations: defaults, and the ordering checks that calculators rely on (messages and status
// changes in time order, none before createdAt, resolvedAt not before createdAt; see the remarks
// of conversationSchema).
import { describe, expect, it } from "vitest";
import { conversationSchema, customerSchema, statusChangeSchema } from "touchpoint/schemas";

const base = { id: "t-1", channel: "email", createdAt: "2026-03-02T09:00:00Z" } as const;
const at = (minute: number) => `2026-03-02T09:${String(minute).padStart(2, "0")}:00Z`;
const issuesOf = (input: unknown) => {
  const result = conversationSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((issue) => ({ path: issue.path, code: issue.code }));
};

describe("conversationSchema", () => {
  it("fills the documented defaults", () => {
    expect(conversationSchema.parse(base)).toEqual({
      id: "t-1",
      channel: "email",
      createdAt: Date.UTC(2026, 2, 2, 9),
      priority: "normal",
      messages: [],
      statusChanges: [],
      surveys: [],
      tags: [],
    });
  });

  it("accepts messages in time order, ties included, starting at createdAt", () => {
    const messages = [at(0), at(5), at(5), at(9)].map((t) => ({ author: "customer", at: t }));
    expect(issuesOf({ ...base, messages })).toEqual([]);
  });

  it("reports a message out of order at its own index", () => {
    const messages = [at(1), at(7), at(3), at(8)].map((t) => ({ author: "agent", at: t }));
    expect(issuesOf({ ...base, messages })).toEqual([{ path: ["messages", 2, "at"], code: "custom" }]);
  });

  it("reports a message before createdAt", () => {
    const messages = [{ author: "customer", at: "2026-03-02T08:59:59Z" }];
    expect(issuesOf({ ...base, messages })).toEqual([{ path: ["messages", 0, "at"], code: "custom" }]);
  });

  it("reports every record out of order, in messages and in status changes", () => {
    const messages = [at(5), at(4), at(6), at(1)].map((t) => ({ author: "agent", at: t }));
    const statusChanges = [
      { at: at(10), to: "resolved" },
      { at: at(2), to: "open" },
    ];
    expect(issuesOf({ ...base, messages, statusChanges })).toEqual([
      { path: ["messages", 1, "at"], code: "custom" },
      { path: ["messages", 3, "at"], code: "custom" },
      { path: ["statusChanges", 1, "at"], code: "custom" },
    ]);
  });

  it("compares instants, not strings: the same time with another offset is in order", () => {
    const messages = [
      { author: "customer", at: "2026-03-02T10:05:00+01:00" }, // 09:05Z
      { author: "agent", at: "2026-03-02T09:06:00Z" },
    ];
    expect(issuesOf({ ...base, messages })).toEqual([]);
  });

  it("reports resolvedAt before createdAt", () => {
    expect(issuesOf({ ...base, resolvedAt: "2026-03-02T08:00:00Z" })).toEqual([
      { path: ["resolvedAt"], code: "custom" },
    ]);
    expect(issuesOf({ ...base, resolvedAt: base.createdAt })).toEqual([]);
  });

  it("validates the records it embeds, with their paths", () => {
    expect(issuesOf({ ...base, surveys: [{ kind: "nps", score: 11 }] }).map((i) => i.path)).toEqual([
      ["surveys", 0, "score"],
    ]);
    expect(issuesOf({ ...base, customer: { id: "" } }).map((i) => i.path)).toEqual([["customer", "id"]]);
    expect(issuesOf({ ...base, id: "" }).map((i) => i.path)).toEqual([["id"]]);
  });
});

describe("statusChangeSchema", () => {
  it("requires the time and the new status; from and by are optional", () => {
    expect(statusChangeSchema.parse({ at: 0, to: "open" })).toEqual({ at: 0, to: "open" });
    expect(statusChangeSchema.safeParse({ at: 0 }).success).toBe(false);
    expect(statusChangeSchema.safeParse({ to: "open" }).success).toBe(false);
    expect(statusChangeSchema.safeParse({ at: 0, to: "solved" }).success).toBe(false);
  });
});

describe("customerSchema", () => {
  it("requires only the id and defaults purchases and tags", () => {
    expect(customerSchema.parse({ id: "c-1" })).toEqual({ id: "c-1", purchases: 0, tags: [] });
  });

  it.each([
    [{ id: "c-1", email: "not an email" }, "email"],
    [{ id: "c-1", purchases: -1 }, "purchases"],
    [{ id: "c-1", purchases: 1.5 }, "purchases"],
    // NPS is 0–10 (Bain)
    [{ id: "c-1", lastNps: 11 }, "lastNps"],
    [{ id: "c-1", journeyStage: "checkout" }, "journeyStage"],
  ])("rejects %j at %s", (input, path) => {
    const result = customerSchema.safeParse(input);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toEqual([path]);
  });
});
