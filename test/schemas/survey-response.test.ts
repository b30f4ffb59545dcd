// Survey scales and their sources (notes/helpdesk-anchors.md):
// - NPS: 0–10, promoters 9–10 (Bain; nicereply.com/article/266-how-is-nps-calculated)
// - CSAT: 1–5 by default (Intercom's conversation rating and Chatwoot's CSAT are 1–5); Zendesk's new
//   CSAT also has 2- and 3-point scales, hence the per-answer `scale`
// - CES 2.0: 1–7 agreement with "[Company] made it easy for me to handle my issue"
//   (nicereply.com/article/267-how-is-ces-calculated)
import { describe, expect, it } from "vitest";
import { surveyResponseSchema } from "touchpoint/schemas";

describe("surveyResponseSchema", () => {
  it.each([
    ["nps", 0],
    ["nps", 10],
    ["csat", 1],
    ["csat", 5],
    ["ces", 1],
    ["ces", 7],
  ] as const)("accepts %s %i, the ends of its default scale", (kind, score) => {
    expect(surveyResponseSchema.safeParse({ kind, score }).success).toBe(true);
  });

  it.each([
    ["nps", -1],
    ["nps", 11],
    ["nps", 9.5],
    ["csat", 0],
    ["csat", 6],
    ["csat", 4.5],
    ["ces", 0],
    ["ces", 8],
  ] as const)("rejects %s %s with the path `score`", (kind, score) => {
    const result = surveyResponseSchema.safeParse({ kind, score });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["score"]);
  });

  it("gives CSAT the 1–5 scale and CES the 1–7 scale when the answer has none", () => {
    expect(surveyResponseSchema.parse({ kind: "csat", score: 3 })).toMatchObject({
      scale: { min: 1, max: 5 },
    });
    expect(surveyResponseSchema.parse({ kind: "ces", score: 3 })).toMatchObject({
      scale: { min: 1, max: 7 },
    });
  });

  it("checks a CSAT score against the answer's own scale (Zendesk's 3-point CSAT)", () => {
    const threePoint = { min: 1, max: 3 };
    expect(surveyResponseSchema.safeParse({ kind: "csat", score: 3, scale: threePoint }).success).toBe(true);
    const result = surveyResponseSchema.safeParse({ kind: "csat", score: 4, scale: threePoint });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["score"]);
  });

  it("accepts a wider custom scale (a 0–10 CSAT)", () => {
    expect(
      surveyResponseSchema.safeParse({ kind: "csat", score: 9, scale: { min: 0, max: 10 } }).success,
    ).toBe(true);
  });

  it.each([
    [{ min: 5, max: 1 }, "max below min"],
    [{ min: 3, max: 3 }, "a one-point scale"],
    [{ min: 1.5, max: 5 }, "a fractional bound"],
  ])("rejects the scale %j (%s)", (scale) => {
    expect(surveyResponseSchema.safeParse({ kind: "csat", score: 3, scale }).success).toBe(false);
  });

  it("rejects an unknown kind, and tells answers apart only by `kind`", () => {
    expect(surveyResponseSchema.safeParse({ kind: "star", score: 4 }).success).toBe(false);
    expect(surveyResponseSchema.safeParse({ score: 4 }).success).toBe(false);
  });

  it("keeps the optional links and comment", () => {
    const parsed = surveyResponseSchema.parse({
      kind: "nps",
      score: 9,
      id: "r-1",
      conversationId: "t-1",
      customerId: "c-1",
      at: "2026-03-01T09:30:00Z",
      comment: "Quick and kind.",
    });
    expect(parsed).toEqual({
      kind: "nps",
      score: 9,
      id: "r-1",
      conversationId: "t-1",
      customerId: "c-1",
      at: Date.UTC(2026, 2, 1, 9, 30),
      comment: "Quick and kind.",
    });
  });
});
