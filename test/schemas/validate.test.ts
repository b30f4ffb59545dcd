import { describe, expect, it } from "vitest";
import {
  conversationSchema,
  formatIssues,
  messageSchema,
  surveyResponseSchema,
  type ValidationIssue,
  validate,
  validateBatch,
} from "touchpoint/schemas";

describe("validate", () => {
  it("returns the parsed data on success", () => {
    expect(validate(messageSchema, { author: "agent", at: 0 })).toEqual({
      success: true,
      data: { author: "agent", at: 0, visibility: "public", text: "" },
    });
  });

  it("reports every issue with a dotted path, zod's code and the value found", () => {
    const result = validate(conversationSchema, {
      id: "t-1",
      channel: "fax",
      createdAt: "2026-03-02T09:00:00Z",
      messages: [
        { author: "agent", at: 0 },
        { author: "robot", at: 0 },
      ],
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.issues.map(({ path, code, received }) => ({ path, code, received }))).toEqual([
      { path: "channel", code: "invalid_value", received: "fax" },
      { path: "messages.1.author", code: "invalid_value", received: "robot" },
    ]);
    for (const issue of result.issues) expect(issue.message).not.toBe("");
  });

  it("reports a missing field with `received: undefined`", () => {
    const result = validate(messageSchema, { at: 0 });
    expect(result).toMatchObject({
      success: false,
      issues: [{ path: "author", code: "invalid_value", received: undefined }],
    });
  });

  it("reports a non-object input at the empty path", () => {
    const result = validate(messageSchema, "hello");
    expect(result).toMatchObject({
      success: false,
      issues: [{ path: "", code: "invalid_type", received: "hello" }],
    });
  });

  it("returns issues that survive JSON (a helpdesk API can send them as they are)", () => {
    const result = validate(surveyResponseSchema, { kind: "nps", score: 11 });
    if (result.success) throw new Error("expected a failure");
    expect(JSON.parse(JSON.stringify(result.issues))).toEqual(result.issues);
  });

  it("never throws on bad input", () => {
    for (const input of [undefined, null, 0, [], "x", { kind: "nps" }, Symbol("s")]) {
      expect(() => validate(surveyResponseSchema, input)).not.toThrow();
    }
  });
});

describe("validateBatch", () => {
  it("keeps every good record, reports every bad one with its input position", () => {
    const batch = validateBatch(surveyResponseSchema, [
      { kind: "nps", score: 11 },
      { kind: "csat", score: 4 },
      "not a record",
      { kind: "ces", score: 7 },
      { kind: "ces", score: 8 },
    ]);
    expect(batch.indices).toEqual([1, 3]);
    expect(batch.data.map((r) => r.kind)).toEqual(["csat", "ces"]);
    expect(batch.errors.map((e) => [e.index, e.issues[0]?.path])).toEqual([
      [0, "score"],
      [2, ""],
      [4, "score"],
    ]);
  });

  it("reads any iterable, once", () => {
    function* records() {
      yield { author: "customer", at: 0 };
      yield { author: "nobody", at: 0 };
    }
    const batch = validateBatch(messageSchema, records());
    expect(batch.indices).toEqual([0]);
    expect(batch.errors.map((e) => e.index)).toEqual([1]);
  });

  it("gives empty lists for an empty batch", () => {
    expect(validateBatch(messageSchema, [])).toEqual({ data: [], indices: [], errors: [] });
  });
});

describe("formatIssues", () => {
  it("writes one `path: message (got value)` line per issue, `(input)` for the input itself", () => {
    const issues: ValidationIssue[] = [
      {
        path: "messages.3.at",
        code: "custom",
        message: "expected a time at or after createdAt",
        received: "2026-01-01T00:00:00.000Z",
      },
      { path: "", code: "invalid_type", message: "expected object", received: 42 },
    ];
    expect(formatIssues(issues)).toBe(
      'messages.3.at: expected a time at or after createdAt (got "2026-01-01T00:00:00.000Z")\n(input): expected object (got 42)',
    );
  });

  it("gives an empty string for no issues", () => {
    expect(formatIssues([])).toBe("");
  });
});
