import * as z from "zod";
import { timestampSchema } from "./timestamp.js";

const scaleSchema = z
  .object({
    /** The lowest score on the scale. */
    min: z.int(),
    /** The highest score on the scale. */
    max: z.int(),
  })
  .refine((s) => s.max > s.min, { error: "expected max greater than min" });

const common = {
  /** The response's id in the source system. */
  id: z.string().min(1).optional(),
  /** The conversation it rates, if any. */
  conversationId: z.string().min(1).optional(),
  /** The customer who answered. */
  customerId: z.string().min(1).optional(),
  /** When it was answered. */
  at: timestampSchema.optional(),
  /** The free-text comment that came with it. */
  comment: z.string().optional(),
};

function withinScale(ctx: z.core.ParsePayload<{ score: number; scale: { min: number; max: number } }>): void {
  const { score, scale } = ctx.value;
  if (score < scale.min || score > scale.max) {
    ctx.issues.push({
      code: "custom",
      path: ["score"],
      input: score,
      message: `expected an integer ${scale.min}–${scale.max} on this survey's scale`,
    });
  }
}

const csatResponseSchema = z
  .object({
    ...common,
    /** `csat`: a customer satisfaction rating. */
    kind: z.literal("csat"),
    /** The rating: an integer on the survey's scale. */
    score: z.int(),
    /** The survey's scale; 1–5 unless the survey says otherwise. */
    scale: scaleSchema.default({ min: 1, max: 5 }),
  })
  .check(withinScale);

const npsResponseSchema = z.object({
  ...common,
  /** `nps`: a Net Promoter Score answer. */
  kind: z.literal("nps"),
  /** How likely the customer is to recommend, 0–10. */
  score: z.int().min(0).max(10),
});

const cesResponseSchema = z
  .object({
    ...common,
    /** `ces`: a Customer Effort Score answer. */
    kind: z.literal("ces"),
    /** Agreement that the company made things easy; 1–7 on the CES 2.0 scale. */
    score: z.int(),
    /** The survey's scale; 1–7 (CES 2.0) unless the survey says otherwise. */
    scale: scaleSchema.default({ min: 1, max: 7 }),
  })
  .check(withinScale);

/**
 * Validates a survey answer: a CSAT rating, an NPS score or a CES score, told apart by `kind`.
 *
 * @remarks
 * CSAT defaults to the 1–5 scale (Intercom's and Chatwoot's rating), CES to the 1–7 scale of CES 2.0,
 * NPS is always 0–10 (Bain). A score outside its scale is rejected with the path `score`.
 *
 * @example
 * ```ts
 * import { surveyResponseSchema } from "touchpoint/schemas";
 *
 * const rating = surveyResponseSchema.parse({ kind: "csat", score: 4 });
 * if (rating.kind === "csat") rating.scale; // => { min: 1, max: 5 }
 * surveyResponseSchema.safeParse({ kind: "nps", score: 11 }).success; // => false
 * surveyResponseSchema.safeParse({ kind: "ces", score: 6 }).success; // => true
 * ```
 *
 * @category Domain
 */
export const surveyResponseSchema = z.discriminatedUnion("kind", [
  csatResponseSchema,
  npsResponseSchema,
  cesResponseSchema,
]);

/** A parsed survey answer ({@link surveyResponseSchema}). @category Domain */
export type SurveyResponse = z.output<typeof surveyResponseSchema>;
/** What {@link surveyResponseSchema} accepts. @category Domain */
export type SurveyResponseInput = z.input<typeof surveyResponseSchema>;
