import { isRecord } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";
import {
  type AcquisitionJourneyStage,
  acquisitionJourneyStages,
  type ConversionJourneyStage,
  conversionJourneyStages,
  type JourneyStage,
  journeyStages,
} from "../schemas/vocabulary.js";

/**
 * The six milestones every journey model is laid over, in order: engaged, evaluating, deciding,
 * purchased, retained, advocating.
 *
 * @remarks
 * A milestone is a fact about a customer that events establish: any interaction (`engaged`), an
 * evaluation signal (`evaluating`), a decision to buy (`deciding`), a purchase (`purchased`), a
 * repeat purchase or continued activity after the first one (`retained`), and evidence of advocacy
 * (`advocating`). They are the six stages of seed 002's cycle seen as events. Each stage of a model
 * starts at one milestone, so any two models can be compared stage by stage
 * ({@link journeyStageMapping}): the milestones are the declared common ground.
 *
 * @example
 * ```ts
 * import { journeyMilestones } from "touchpoint/journey";
 *
 * journeyMilestones.indexOf("purchased"); // => 3
 * ```
 *
 * @category Models
 */
export const journeyMilestones = [
  "engaged",
  "evaluating",
  "deciding",
  "purchased",
  "retained",
  "advocating",
] as const;
/** One of the {@link journeyMilestones}. @category Models */
export type JourneyMilestone = (typeof journeyMilestones)[number];

/**
 * One stage of a journey model as declared to {@link defineJourneyModel}.
 *
 * @category Models
 */
export interface JourneyStageDefinition<S extends string = string> {
  /** The stage's name, also its state name in the machine (letters, digits, `-`, `_`). */
  readonly name: S;
  /** The milestone at which a customer enters this stage. */
  readonly entersOn: JourneyMilestone;
  /** What the stage means, shown in the machine's state description and the diagrams. */
  readonly description: string;
}

/**
 * A journey model: an ordered list of stages, each starting at one of the {@link journeyMilestones}.
 *
 * @category Models
 */
export interface JourneyModel<S extends string = string> {
  /** A short identifier (`default`, `acquisition`, `conversion`), part of the machine's persisted id. */
  readonly id: string;
  /** What the model is and where it comes from. */
  readonly description: string;
  /** The stages, in order. */
  readonly stages: readonly JourneyStageDefinition<S>[];
  /** The stage names, in order. */
  readonly stageNames: readonly S[];
  /** The milestone index (0–5) each stage starts at, in stage order. */
  readonly entries: readonly number[];
  /** For each milestone index 0–5, the index of the stage a customer at that milestone is in. */
  readonly stageAtMilestone: readonly number[];
}

/**
 * What {@link defineJourneyModel} takes.
 *
 * @category Models
 */
export interface JourneyModelDefinition<S extends string> {
  /** A short identifier, letters, digits, `-` or `_`. */
  readonly id: string;
  /** What the model is and where it comes from. */
  readonly description: string;
  /** The stages in order; the first enters on `engaged` and the milestones strictly increase. */
  readonly stages: readonly JourneyStageDefinition<S>[];
}

const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;
const RESERVED = new Set(["routing", "active", "churned", "stage", "health", "healthy", "atRisk"]);

/**
 * Returns a validated journey model for {@link createJourneyMachine}, with the lookup tables the
 * machine and the funnel use.
 *
 * @remarks
 * A stage covers the milestones from the one it enters on up to the next stage's: in seed 000's model
 * `acquisition` enters on `deciding` and covers `deciding`, while `experience` enters on `purchased`
 * and covers `purchased` and `retained`. That range is the mapping between models
 * ({@link journeyStageMapping}).
 *
 * @param definition - the model's id, description and stages
 * @returns the model
 * @throws {@link TouchpointError} `invalid_model` when a name is not an identifier, is used twice or
 *   is reserved (`routing`, `active`, `churned`, `stage`, `health`, `healthy`, `atRisk`), when the
 *   first stage does not enter on `engaged`, or when the milestones do not strictly increase, when `definition`, a stage or a description has the wrong type
 *
 * @example
 * ```ts
 * import { defineJourneyModel, journeyStageMapping, defaultJourneyModel } from "touchpoint/journey";
 *
 * const saas = defineJourneyModel({
 *   id: "saas",
 *   description: "Trial-led SaaS funnel.",
 *   stages: [
 *     { name: "visitor", entersOn: "engaged", description: "Has interacted with us." },
 *     { name: "trial", entersOn: "evaluating", description: "Is evaluating the product." },
 *     { name: "paying", entersOn: "purchased", description: "Has paid at least once." },
 *     { name: "champion", entersOn: "advocating", description: "Recommends us." },
 *   ],
 * });
 * saas.stageNames; // => ["visitor", "trial", "paying", "champion"]
 * journeyStageMapping(saas, defaultJourneyModel).trial; // => ["consideration", "decision"]
 * defineJourneyModel({ id: "x", description: "", stages: [] }); // throws invalid_model
 * ```
 *
 * @category Models
 */
export function defineJourneyModel<const S extends string>(
  definition: JourneyModelDefinition<S>,
): JourneyModel<S> {
  return buildModel("defineJourneyModel", "definition", definition);
}

/**
 * `model` when it is a journey model: an object whose id, description and stages pass
 * {@link defineJourneyModel}'s checks and whose lookup tables are the ones they imply (a model made by
 * it, or a copy of one); else a TouchpointError `invalid_model` naming `fn`.
 */
export function checkJourneyModel<S extends string>(
  fn: string,
  path: string,
  model: unknown,
): JourneyModel<S> {
  const given = model as JourneyModel<S>;
  const built = buildModel<S>(fn, path, model);
  const same = (a: readonly unknown[], b: unknown) =>
    Array.isArray(b) && a.length === b.length && a.every((x, i) => x === b[i]);
  if (
    !same(built.stageNames, given.stageNames) ||
    !same(built.entries, given.entries) ||
    !same(built.stageAtMilestone, given.stageAtMilestone)
  ) {
    throw new TouchpointError(
      "invalid_model",
      `${fn}: expected a journey model from defineJourneyModel(), got one whose lookup tables do not match its stages at ${path}`,
      { path, value: model },
    );
  }
  return given;
}

function buildModel<S extends string>(fn: string, at: string, definition: unknown): JourneyModel<S> {
  const fail = (message: string, details: { index?: number; path?: string; value?: unknown }): never => {
    throw new TouchpointError("invalid_model", `${fn}: ${message}`, details);
  };
  if (!isRecord(definition)) {
    fail(`expected a journey model { id, description, stages }, got ${quote(definition)} at ${at}`, {
      path: at,
      value: definition,
    });
  }
  const d = definition as unknown as JourneyModelDefinition<S>;
  return buildChecked(d, fail);
}

function buildChecked<S extends string>(
  definition: JourneyModelDefinition<S>,
  fail: (message: string, details: { index?: number; path?: string; value?: unknown }) => never,
): JourneyModel<S> {
  if (typeof definition.id !== "string" || !NAME.test(definition.id)) {
    fail(`expected an id of letters, digits, "-" or "_", got ${quote(definition.id)}`, {
      path: "id",
      value: definition.id,
    });
  }
  if (typeof definition.description !== "string") {
    fail(`expected a description (a string), got ${quote(definition.description)}`, {
      path: "description",
      value: definition.description,
    });
  }
  const stages = definition.stages;
  if (!Array.isArray(stages) || stages.length === 0) {
    fail(`expected at least one stage, got ${quote(stages)}`, { path: "stages", value: stages });
  }
  const seen = new Set<string>();
  const entries: number[] = [];
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i]!;
    if (!isRecord(stage)) {
      fail(`expected a stage { name, entersOn, description }, got ${quote(stage)} at index ${i}`, {
        index: i,
        path: "stages",
        value: stage,
      });
    }
    if (typeof stage.name !== "string" || !NAME.test(stage.name) || RESERVED.has(stage.name)) {
      fail(
        `expected a stage name of letters, digits, "-" or "_" that is not reserved, got ${quote(stage.name)} at index ${i}`,
        {
          index: i,
          path: "name",
          value: stage.name,
        },
      );
    }
    if (seen.has(stage.name)) {
      fail(`expected unique stage names, got ${quote(stage.name)} twice at index ${i}`, {
        index: i,
        path: "name",
        value: stage.name,
      });
    }
    seen.add(stage.name);
    const entry = journeyMilestones.indexOf(stage.entersOn as JourneyMilestone);
    if (entry < 0) {
      fail(`expected one of ${journeyMilestones.join(", ")}, got ${quote(stage.entersOn)} at index ${i}`, {
        index: i,
        path: "entersOn",
        value: stage.entersOn,
      });
    }
    if (i === 0 && entry !== 0) {
      fail(`expected the first stage to enter on "engaged", got ${quote(stage.entersOn)} at index 0`, {
        index: 0,
        path: "entersOn",
        value: stage.entersOn,
      });
    }
    if (i > 0 && entry <= entries[i - 1]!) {
      fail(`expected milestones in increasing order, got ${quote(stage.entersOn)} at index ${i}`, {
        index: i,
        path: "entersOn",
        value: stage.entersOn,
      });
    }
    if (typeof stage.description !== "string") {
      fail(`expected a description (a string), got ${quote(stage.description)} at index ${i}`, {
        index: i,
        path: "description",
        value: stage.description,
      });
    }
    entries.push(entry);
  }
  const stageAtMilestone: number[] = [];
  let s = 0;
  for (let m = 0; m < journeyMilestones.length; m++) {
    while (s + 1 < entries.length && entries[s + 1]! <= m) s++;
    stageAtMilestone.push(s);
  }
  return {
    id: definition.id,
    description: definition.description,
    stages: stages.map((stage) => ({ ...stage })),
    stageNames: stages.map((stage) => stage.name),
    entries,
    stageAtMilestone,
  };
}

function describeStages<S extends string>(
  names: readonly S[],
  entersOn: readonly JourneyMilestone[],
  descriptions: readonly string[],
): JourneyStageDefinition<S>[] {
  return names.map((name, i) => ({ name, entersOn: entersOn[i]!, description: descriptions[i]! }));
}

/**
 * Seed 002's six-stage cycle, touchpoint's default model: awareness, consideration, decision,
 * purchase, retention, advocacy, one stage per milestone.
 *
 * @example
 * ```ts
 * import { defaultJourneyModel } from "touchpoint/journey";
 *
 * defaultJourneyModel.stageNames; // => ["awareness", "consideration", "decision", "purchase", "retention", "advocacy"]
 * ```
 *
 * @category Models
 */
export const defaultJourneyModel: JourneyModel<JourneyStage> = defineJourneyModel({
  id: "default",
  description: "Seed 002's six-stage customer interaction cycle.",
  stages: describeStages(journeyStages, journeyMilestones, [
    "Knows of us: has interacted, not yet evaluating.",
    "Evaluating whether we fit their needs.",
    "Has decided to buy; the deal is being closed.",
    "Has bought; the first purchase is being delivered.",
    "A returning customer: bought again or stayed active after the first purchase.",
    "Recommends us: a promoter score, a referral or a positive public review.",
  ]),
});

/**
 * Seed 000's five-stage cycle: awareness, consideration, acquisition (decided to buy), experience
 * (after the purchase), loyalty (an advocate).
 *
 * @example
 * ```ts
 * import { acquisitionJourneyModel, journeyStageMapping, defaultJourneyModel } from "touchpoint/journey";
 *
 * journeyStageMapping(acquisitionJourneyModel, defaultJourneyModel).experience; // => ["purchase", "retention"]
 * ```
 *
 * @category Models
 */
export const acquisitionJourneyModel: JourneyModel<AcquisitionJourneyStage> = defineJourneyModel({
  id: "acquisition",
  description: "Seed 000's five-stage cycle: awareness, consideration, acquisition, experience, loyalty.",
  stages: describeStages(
    acquisitionJourneyStages,
    ["engaged", "evaluating", "deciding", "purchased", "advocating"],
    [
      "Knows of us: has interacted, not yet evaluating.",
      "Evaluating whether we fit their needs.",
      "Has evaluated us and is ready to buy.",
      "Has bought; the relationship deepens through help and support.",
      "Has become an advocate of the brand.",
    ],
  ),
});

/**
 * The five-stage cycle of seeds 001 and 004: awareness, consideration, conversion (decided to buy),
 * retention (after the sale), advocacy.
 *
 * @example
 * ```ts
 * import { conversionJourneyModel, journeyStageMapping, defaultJourneyModel } from "touchpoint/journey";
 *
 * journeyStageMapping(defaultJourneyModel, conversionJourneyModel).decision; // => ["conversion"]
 * journeyStageMapping(defaultJourneyModel, conversionJourneyModel).purchase; // => ["retention"]
 * ```
 *
 * @category Models
 */
export const conversionJourneyModel: JourneyModel<ConversionJourneyStage> = defineJourneyModel({
  id: "conversion",
  description:
    "The five-stage cycle of seeds 001 and 004: awareness, consideration, conversion, retention, advocacy.",
  stages: describeStages(
    conversionJourneyStages,
    ["engaged", "evaluating", "deciding", "purchased", "advocating"],
    [
      "Early in the buying journey, looking for information.",
      "Evaluating the fit of our products.",
      "In the last stage of the sales cycle: ready to buy.",
      "After the sale: kept happy with support and feedback.",
      "Loyal and recommending us through referrals or social shares.",
    ],
  ),
});

/**
 * Returns, for each stage of `from`, the stages of `to` that cover the same milestones: the
 * declared mapping that makes figures of two models comparable.
 *
 * @remarks
 * Stage `s` of `from` covers milestones `[entersOn(s), entersOn(next))`; it maps to every stage of
 * `to` that covers one of them. A coarse stage maps to several fine ones and several fine stages map
 * to the same coarse one.
 *
 * @param from - the model whose stages are mapped
 * @param to - the model they are mapped onto
 * @returns a record from each stage of `from` to the stages of `to`, in order
 *
 * @throws {@link TouchpointError} `invalid_model` when `from` or `to` is not a journey model
 *
 * @example
 * ```ts
 * import { acquisitionJourneyModel, defaultJourneyModel, journeyStageMapping } from "touchpoint/journey";
 *
 * const mapping = journeyStageMapping(acquisitionJourneyModel, defaultJourneyModel);
 * mapping.acquisition; // => ["decision"]
 * mapping.loyalty; // => ["advocacy"]
 * journeyStageMapping(defaultJourneyModel, acquisitionJourneyModel).retention; // => ["experience"]
 * ```
 *
 * @category Models
 */
export function journeyStageMapping<F extends string, T extends string>(
  from: JourneyModel<F>,
  to: JourneyModel<T>,
): Record<F, T[]> {
  checkJourneyModel("journeyStageMapping", "from", from);
  checkJourneyModel("journeyStageMapping", "to", to);
  const out = {} as Record<F, T[]>;
  for (let i = 0; i < from.stageNames.length; i++) {
    const lo = from.entries[i]!;
    const hi = i + 1 < from.entries.length ? from.entries[i + 1]! : journeyMilestones.length;
    const targets: T[] = [];
    for (let m = lo; m < hi; m++) {
      const name = to.stageNames[to.stageAtMilestone[m]!]!;
      if (!targets.includes(name)) targets.push(name);
    }
    out[from.stageNames[i]!] = targets;
  }
  return out;
}
