import * as z from "zod";
import { channels, conversationStages, interactionTypes, scenarios } from "../schemas/vocabulary.js";
import type { Playbook, PlaybookInput } from "./playbook-types.js";
import {
  type PlaybookJourneyStage,
  playbookJourneyStages,
  playbookMetrics,
  playbookSignals,
  templateChannels,
  templateVariables,
} from "./playbook-vocabulary.js";
import { isPlaceholderName, scanTemplate } from "./template-placeholders.js";

const text = z.string().min(1, "expected a non-empty string");

const optionalChannels = channels.filter(
  (c): c is Exclude<(typeof channels)[number], (typeof templateChannels)[number]> =>
    !(templateChannels as readonly string[]).includes(c),
);

const channelTemplatesSchema = z.strictObject({
  chat: text,
  email: text,
  phone: text,
  ...Object.fromEntries(optionalChannels.map((c) => [c, text.optional()])),
} as {
  chat: typeof text;
  email: typeof text;
  phone: typeof text;
} & { [C in (typeof optionalChannels)[number]]: z.ZodOptional<typeof text> });

const stepSchema = z.strictObject({
  action: text,
  checklist: z.array(text).min(1, "expected at least one point"),
  template: channelTemplatesSchema,
  followUp: z.strictObject({ action: text, template: channelTemplatesSchema }).optional(),
});

/** The stages whose second turn the conversation machine names: propose_alternative, ask_anything_else. */
const followUpStages: readonly string[] = ["proposing", "delivering"];

const triggerSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("signal"),
    signal: z.enum(playbookSignals),
    minStrength: z.number().gt(0).lte(1),
  }),
  z.strictObject({ kind: z.literal("rejections"), atLeast: z.int().min(1) }),
  z.strictObject({ kind: z.literal("reopens"), atLeast: z.int().min(1) }),
  z.strictObject({ kind: z.literal("previous-contacts"), atLeast: z.int().min(1) }),
  z.strictObject({ kind: z.literal("waiting"), minutes: z.number().gt(0) }),
  z.strictObject({ kind: z.literal("sla-breached") }),
]);

const stepsShape = Object.fromEntries(conversationStages.map((s) => [s, stepSchema])) as {
  [S in (typeof conversationStages)[number]]: typeof stepSchema;
};

const schema = z
  .strictObject({
    id: z
      .string()
      .regex(/^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, 'expected a kebab-case id such as "late-delivery"'),
    language: z
      .string()
      .regex(
        /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/,
        'expected a BCP 47 language tag such as "en" or "pt-BR"',
      )
      .default("en"),
    title: text,
    goal: text,
    recognize: z.strictObject({
      scenarios: z.array(z.enum(scenarios)),
      types: z.array(z.enum(interactionTypes)),
      signals: z.array(z.enum(playbookSignals)),
      journeyStages: z.array(
        z.enum(
          playbookJourneyStages as unknown as readonly [PlaybookJourneyStage, ...PlaybookJourneyStage[]],
        ),
      ),
      cues: z.array(text),
    }),
    steps: z.strictObject(stepsShape),
    avoid: z.array(text).min(1, "expected at least one thing to avoid"),
    escalation: z.strictObject({ summary: text, when: z.array(triggerSchema) }),
    metrics: z
      .array(z.strictObject({ name: z.enum(playbookMetrics), why: text }))
      .min(1, "expected at least one metric"),
    facts: z.array(z.strictObject({ statement: text, figure: text.optional(), source: text })),
    variables: z
      .array(
        z
          .string()
          .refine(isPlaceholderName, "expected a placeholder name: a letter, then letters, digits or _"),
      )
      .default([]),
  })
  .superRefine((playbook, ctx) => {
    const allowed = new Set<string>([...Object.keys(templateVariables), ...playbook.variables]);
    const templates: [path: string[], template: Record<string, string | undefined>][] = [];
    for (const stage of conversationStages) {
      const step = playbook.steps[stage];
      templates.push([["steps", stage, "template"], step.template]);
      if (step.followUp === undefined) continue;
      if (followUpStages.includes(stage)) {
        templates.push([["steps", stage, "followUp", "template"], step.followUp.template]);
      } else {
        ctx.addIssue({
          code: "custom",
          path: ["steps", stage, "followUp"],
          message: `expected no follow-up in the ${stage} stage: only proposing (an alternative after a rejection) and delivering (anything else?) have one`,
          input: step.followUp,
        });
      }
    }
    for (const [at, template] of templates) {
      for (const channel of Object.keys(template)) {
        const body = template[channel];
        if (body === undefined) continue;
        const path = [...at, channel];
        try {
          for (const part of scanTemplate(body, "playbookSchema")) {
            if (part.kind === "placeholder" && !allowed.has(part.name)) {
              ctx.addIssue({
                code: "custom",
                path,
                message: `unknown placeholder "{{${part.name}}}" at index ${part.index}: use a name of templateVariables or list it in the playbook's variables`,
                input: part.name,
              });
            }
          }
        } catch (error) {
          ctx.addIssue({ code: "custom", path, message: (error as Error).message, input: body });
        }
      }
    }
  });

/**
 * Validates a playbook: every field, a step for each of the five conversation stages, a chat, email
 * and phone variant for each template, and every placeholder a known name.
 *
 * @remarks
 * A step's `followUp` is optional and allowed in the proposing and delivering stages only; when
 * present it needs an action and a template with the same variants and placeholder rules as the
 * step's own. Objects are strict (a misspelt key is an error, not silently dropped). `language` defaults to
 * `"en"` and `variables` to `[]`. A placeholder must be one of {@link templateVariables} or be listed
 * in the playbook's `variables`; a malformed one (`{{ name }}`, an unclosed `{{`) is an issue at the
 * template's path. Use {@link definePlaybook} or {@link loadPlaybooks} for errors that name the path.
 *
 * @example
 * ```ts
 * import { playbookSchema, scenarioPlaybooks } from "touchpoint/playbooks";
 *
 * playbookSchema.safeParse(scenarioPlaybooks.frustration).success; // => true
 * playbookSchema.safeParse({ id: "x" }).success; // => false
 * ```
 *
 * @category Playbooks
 */
export const playbookSchema: z.ZodType<Playbook, PlaybookInput> = schema;

// The hand-written types (which carry the docs) and the schema must agree, both ways.
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const outputMatches: Equal<z.output<typeof schema>, Playbook> = true;
const inputMatches: Equal<z.input<typeof schema>, PlaybookInput> = true;
void outputMatches;
void inputMatches;
