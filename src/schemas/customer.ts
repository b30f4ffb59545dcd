import * as z from "zod";
import { journeyStageSchema } from "./vocabulary-schemas.js";
import { timestampSchema } from "./timestamp.js";

/**
 * Validates what is known of a customer.
 *
 * @remarks
 * Only `id` is required. The rest feeds classifiers and playbooks: tenure and purchase count tell a
 * loyal customer from a new one (seed 000's loyalty and onboarding scenarios), the first name fills
 * reply templates, and the journey stage places the customer in the cycle.
 *
 * @example
 * ```ts
 * import { customerSchema } from "touchpoint/schemas";
 *
 * const customer = customerSchema.parse({ id: "c-1", firstName: "Ada", since: "2021-05-01T00:00:00Z" });
 * customer.purchases; // => 0
 * customer.tags; // => []
 * ```
 *
 * @category Domain
 */
export const customerSchema = z.object({
  /** The customer's id. */
  id: z.string().min(1),
  /** Full name. */
  name: z.string().optional(),
  /** First name, for greetings. */
  firstName: z.string().optional(),
  /** Email address. */
  email: z.email().optional(),
  /** When the customer relationship began (sign-up or first purchase). */
  since: timestampSchema.optional(),
  /** How many purchases the customer has made. */
  purchases: z.int().min(0).default(0),
  /** Where the customer stands in the default journey model, if known. */
  journeyStage: journeyStageSchema.optional(),
  /** The customer's last NPS answer, 0–10. */
  lastNps: z.int().min(0).max(10).optional(),
  /** Segment or plan (free text: "enterprise", "trial"). */
  segment: z.string().optional(),
  /** Free tags. */
  tags: z.array(z.string()).default([]),
});

/** A parsed customer ({@link customerSchema}). @category Domain */
export type Customer = z.output<typeof customerSchema>;
/** What {@link customerSchema} accepts. @category Domain */
export type CustomerInput = z.input<typeof customerSchema>;
