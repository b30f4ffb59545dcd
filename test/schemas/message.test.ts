import { describe, expect, it } from "vitest";
import { messageSchema } from "touchpoint/schemas";

describe("messageSchema", () => {
  it("fills the documented defaults: public, empty text", () => {
    expect(messageSchema.parse({ author: "agent", at: "2026-03-01T09:30:00Z" })).toEqual({
      author: "agent",
      at: Date.UTC(2026, 2, 1, 9, 30),
      visibility: "public",
      text: "",
    });
  });

  it("keeps a private note private (Zendesk and Freshdesk do not count notes as replies)", () => {
    const note = messageSchema.parse({
      author: "agent",
      at: 0,
      visibility: "private",
      text: "refund approved",
    });
    expect(note.visibility).toBe("private");
  });

  it("keeps every optional field it is given", () => {
    const input = {
      id: "m-1",
      author: "bot",
      authorId: "answer-bot",
      visibility: "public",
      channel: "chat",
      at: "2026-03-01T09:30:00Z",
      text: "Hi, I can help with orders.",
    } as const;
    expect(messageSchema.parse(input)).toEqual({ ...input, at: Date.UTC(2026, 2, 1, 9, 30) });
  });

  it.each([
    [{ at: 0 }, "author"],
    [{ author: "robot", at: 0 }, "author"],
    [{ author: "agent" }, "at"],
    [{ author: "agent", at: 0, visibility: "internal" }, "visibility"],
    [{ author: "agent", at: 0, channel: "fax" }, "channel"],
    [{ author: "agent", at: 0, id: "" }, "id"],
    [{ author: "agent", at: 0, text: 42 }, "text"],
  ])("rejects %j at path %s", (input, path) => {
    const result = messageSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join("."))).toContain(path);
  });
});
