import { checkList, checkRecord, fail, isRecord } from "../internal/args.js";
import { quote, TouchpointError } from "../internal/errors.js";
import type { Channel, ConversationStage, InteractionType, Scenario } from "../schemas/vocabulary.js";
import { channels, conversationStages } from "../schemas/vocabulary.js";
import type { ChannelTemplates, EscalationTrigger, Playbook, PlaybookStep } from "./playbook-types.js";
import { channelFallbacks, type PlaybookJourneyStage, type PlaybookSignal } from "./playbook-vocabulary.js";
import type { ResolvedTemplate } from "./render-template.js";

/**
 * A signal with its strength, as `detectSignals(...).signals` lists them.
 *
 * @category Recommend
 */
export interface SignalStrength {
  /** The signal. */
  signal: PlaybookSignal;
  /** Its strength in [0, 1]. */
  strength: number;
}

/**
 * Signals, in any of the shapes touchpoint/classify produces: names (strength 1), `{ signal,
 * strength }` entries, or a record of strengths.
 *
 * @category Recommend
 */
export type RecommendSignals =
  | readonly (PlaybookSignal | SignalStrength)[]
  | Partial<Record<PlaybookSignal, number>>;

/**
 * What {@link recommend} reads from a classifier's result. `classifyScenario`, `classifyInteraction`
 * and `detectSignals` results all fit as they are.
 *
 * @category Recommend
 */
export interface RecommendClassification {
  /** The scenario (`classifyScenario`). */
  scenario?: Scenario | undefined;
  /** The interaction type (`classifyScenario`). */
  type?: InteractionType | "unknown" | undefined;
  /** The interaction type (`classifyInteraction`). */
  label?: InteractionType | "unknown" | string | undefined;
  /** The signals found (`detectSignals`). */
  signals?: readonly SignalStrength[] | undefined;
  /** Every signal's strength (`detectSignals`). */
  strengths?: Partial<Record<PlaybookSignal, number>> | undefined;
}

/**
 * What {@link recommend} reads from a conversation: the conversation machine's context fits as it is.
 *
 * @category Recommend
 */
export interface RecommendConversation {
  /** The current stage. */
  stage?: ConversationStage | undefined;
  /** The channel, when known. */
  channel?: Channel | null | undefined;
  /** Rejected proposals in a row. */
  rejections?: number | undefined;
  /** How many times the conversation was reopened. */
  reopens?: number | undefined;
  /** The SLA clocks; any with `breached: true` counts as an SLA breach. */
  sla?:
    | Partial<
        Record<
          string,
          {
            /** Whether this clock's target was missed. */
            breached: boolean;
          }
        >
      >
    | undefined;
}

/**
 * What {@link recommend} needs: where the conversation is, and what it is about. Every field is
 * plain data; fields given directly win over the same fact read from `classification` or `conversation`.
 *
 * @category Recommend
 */
export interface RecommendInput {
  /** The conversation stage (or `conversation.stage`); one of the two is required. */
  stage?: ConversationStage | undefined;
  /** The channel (or `conversation.channel`); chat when neither is known. */
  channel?: Channel | null | undefined;
  /** The scenario, when known. */
  scenario?: Scenario | null | undefined;
  /** The interaction type, when known (`"unknown"` is ignored). */
  type?: InteractionType | "unknown" | null | undefined;
  /** The signals, when known. */
  signals?: RecommendSignals | undefined;
  /** The customer's journey stage, in any of the three journey models. */
  journeyStage?: PlaybookJourneyStage | null | undefined;
  /** One or more classifier results to read scenario, type and signals from. */
  classification?: RecommendClassification | readonly RecommendClassification[] | undefined;
  /** The conversation's state (the conversation machine's context fits). */
  conversation?: RecommendConversation | undefined;
  /** Rejected proposals in a row (overrides `conversation.rejections`). */
  rejections?: number | undefined;
  /** Reopens so far (overrides `conversation.reopens`). */
  reopens?: number | undefined;
  /** Earlier contacts about the same issue. */
  previousContacts?: number | undefined;
  /** Minutes the customer has waited for an answer. */
  waitingMinutes?: number | undefined;
  /** Whether an SLA was breached (overrides `conversation.sla`). */
  slaBreached?: boolean | undefined;
  /** The language wanted, a BCP 47 tag (default `"en"`). */
  language?: string | undefined;
  /** The playbook library (default {@link builtinPlaybooks}). */
  playbooks?: readonly Playbook[] | undefined;
  /** How values are escaped when the template is rendered (default `"html"` for email, `"none"` otherwise). */
  escape?: "html" | "none" | undefined;
}

/**
 * The template {@link recommend} chose, ready for {@link renderTemplate}.
 *
 * @category Recommend
 */
export interface RecommendedTemplate extends ResolvedTemplate {
  /** The conversation's channel. */
  channel: Channel;
  /** The variant used: the channel itself when the step has one for it, else its closest ({@link channelFallbacks}). */
  variant: Channel;
}

/**
 * A playbook that scored but was not chosen.
 *
 * @category Recommend
 */
export interface RecommendAlternative {
  /** Its id. */
  id: string;
  /** Its score. */
  score: number;
}

/**
 * What {@link recommend} returns.
 *
 * @category Recommend
 */
export interface Recommendation {
  /** The chosen playbook. */
  playbook: Playbook;
  /** The current stage. */
  stage: ConversationStage;
  /** What to do at this stage. */
  step: PlaybookStep;
  /** What to say, for the channel. */
  template: RecommendedTemplate;
  /** The stage that normally follows, or `null` at closing. */
  nextStage: ConversationStage | null;
  /** Whether the playbook says to escalate now. */
  escalate: boolean;
  /** The escalation conditions that hold, in words (empty when `escalate` is false). */
  escalationReasons: string[];
  /** Why this playbook, step and template, in words. */
  reasons: string[];
  /** The chosen playbook's score (see {@link recommend}). */
  score: number;
  /** The other playbooks that scored above zero, best first. */
  alternatives: RecommendAlternative[];
}

/**
 * The variant of `templates` for `channel`, or its closest written one ({@link channelFallbacks}),
 * ready to render; says so in `reasons` when it falls back. Shared with nextPlaybookStep, which
 * resolves a step's follow-up the same way.
 */
export function resolveTemplate(
  templates: ChannelTemplates,
  channel: Channel,
  variables: readonly string[],
  escaping: RecommendInput["escape"],
  reasons: string[],
): RecommendedTemplate {
  let variant: Channel = channel;
  let text = templates[channel];
  if (text === undefined) {
    variant = channelFallbacks[channel];
    text = templates[variant as keyof ChannelTemplates] as string;
    reasons.push(`no "${channel}" variant; using the "${variant}" one, the closest in style`);
  }
  return { text, channel, variant, variables, escape: escaping ?? (variant === "email" ? "html" : "none") };
}

const SCENARIO_WEIGHT = 8;
const TYPE_WEIGHT = 4;
const SIGNAL_WEIGHT = 2;
const JOURNEY_WEIGHT = 1;
const OWN_BONUS = 1;

function classificationsOf(input: RecommendInput): readonly RecommendClassification[] {
  const c = input.classification;
  if (c === undefined) return [];
  return Array.isArray(c) ? (c as readonly RecommendClassification[]) : [c as RecommendClassification];
}

function isInteractionType(value: unknown): value is InteractionType {
  return value === "question" || value === "complaint" || value === "suggestion" || value === "praise";
}

function collectSignals(
  input: RecommendInput,
  classifications: readonly RecommendClassification[],
): Map<string, number> {
  const out = new Map<string, number>();
  const add = (name: string, strength: number) => {
    if (!(strength > 0)) return;
    const s = Math.min(strength, 1);
    if ((out.get(name) ?? 0) < s) out.set(name, s);
  };
  const addAll = (signals: RecommendSignals | undefined) => {
    if (signals === undefined) return;
    if (Array.isArray(signals)) {
      for (const s of signals as readonly (PlaybookSignal | SignalStrength)[]) {
        if (typeof s === "string") add(s, 1);
        else add(s.signal, s.strength);
      }
    } else {
      for (const [name, strength] of Object.entries(signals))
        if (typeof strength === "number") add(name, strength);
    }
  };
  addAll(input.signals);
  for (const c of classifications) {
    addAll(c.signals);
    addAll(c.strengths);
  }
  return out;
}

function pickLanguage(playbooks: readonly Playbook[], language: string): Playbook[] {
  const wanted = language.toLowerCase();
  const primary = wanted.split("-")[0];
  const rank = (p: Playbook): number => {
    const lang = p.language.toLowerCase();
    if (lang === wanted) return 0;
    if (lang.split("-")[0] === primary) return 1;
    if (lang === "en") return 2;
    return 3;
  };
  const best = new Map<string, Playbook>();
  for (const p of playbooks) {
    const current = best.get(p.id);
    if (current === undefined || rank(p) < rank(current)) best.set(p.id, p);
  }
  return [...best.values()];
}

function escalationReason(
  trigger: EscalationTrigger,
  input: RecommendInput,
  signals: Map<string, number>,
): string | null {
  const conversation = input.conversation ?? {};
  switch (trigger.kind) {
    case "signal": {
      const s = signals.get(trigger.signal) ?? 0;
      return s >= trigger.minStrength
        ? `signal "${trigger.signal}" at ${s.toFixed(2)} (threshold ${trigger.minStrength})`
        : null;
    }
    case "rejections": {
      const n = input.rejections ?? conversation.rejections ?? 0;
      return n >= trigger.atLeast
        ? `${n} rejected proposal(s) in a row (threshold ${trigger.atLeast})`
        : null;
    }
    case "reopens": {
      const n = input.reopens ?? conversation.reopens ?? 0;
      return n >= trigger.atLeast ? `reopened ${n} time(s) (threshold ${trigger.atLeast})` : null;
    }
    case "previous-contacts": {
      const n = input.previousContacts ?? 0;
      return n >= trigger.atLeast
        ? `${n} earlier contact(s) about this issue (threshold ${trigger.atLeast})`
        : null;
    }
    case "waiting": {
      const n = input.waitingMinutes ?? 0;
      // Whole minutes in the words; the comparison keeps the exact value.
      return n >= trigger.minutes ? `waited ${Math.floor(n)} minutes (threshold ${trigger.minutes})` : null;
    }
    case "sla-breached": {
      let breached = input.slaBreached;
      if (breached === undefined) {
        breached = false;
        for (const clock of Object.values(conversation.sla ?? {})) if (clock?.breached) breached = true;
      }
      return breached ? "an SLA was breached" : null;
    }
    default: {
      const never: never = trigger;
      return never;
    }
  }
}

const channelSet = new Set<unknown>(channels);
const stageSet = new Set<unknown>(conversationStages);

/** The fields recommend reads, checked as a JavaScript caller or JSON may pass them. */
function checkRecommendInput(input: unknown): void {
  const fn = "recommend";
  const i = checkRecord(fn, "input", input);
  if (i.stage !== undefined && !stageSet.has(i.stage))
    fail("invalid_input", fn, "input.stage", i.stage, `one of ${conversationStages.join(", ")}`);
  if (i.channel !== undefined && i.channel !== null && !channelSet.has(i.channel))
    fail("invalid_input", fn, "input.channel", i.channel, `one of ${channels.join(", ")}`);
  if (i.conversation !== undefined) {
    const c = checkRecord(fn, "input.conversation", i.conversation);
    if (c.stage !== undefined && !stageSet.has(c.stage))
      fail(
        "invalid_input",
        fn,
        "input.conversation.stage",
        c.stage,
        `one of ${conversationStages.join(", ")}`,
      );
  }
  if (i.playbooks !== undefined && !Array.isArray(i.playbooks))
    fail("invalid_input", fn, "input.playbooks", i.playbooks, "an array of playbooks");
  if (i.classification !== undefined && !Array.isArray(i.classification) && !isRecord(i.classification))
    fail(
      "invalid_input",
      fn,
      "input.classification",
      i.classification,
      "a classifier result or an array of them",
    );
  if (Array.isArray(i.classification)) {
    for (const [k, c] of i.classification.entries())
      if (!isRecord(c)) fail("invalid_input", fn, `input.classification.${k}`, c, "a classifier result");
  }
  if (i.signals !== undefined && !isRecord(i.signals) && !Array.isArray(i.signals))
    fail("invalid_input", fn, "input.signals", i.signals, "signal names, or an object of signal strengths");
  if (i.escape !== undefined && i.escape !== "html" && i.escape !== "none")
    fail("invalid_input", fn, "input.escape", i.escape, '"html" or "none"');
  for (const key of ["rejections", "reopens", "previousContacts", "waitingMinutes"] as const) {
    const v = i[key];
    if (v !== undefined && (typeof v !== "number" || !Number.isFinite(v)))
      fail("invalid_input", fn, `input.${key}`, v, "a finite number");
  }
  if (i.language !== undefined && typeof i.language !== "string")
    fail("invalid_input", fn, "input.language", i.language, 'a language tag such as "en"');
}

/**
 * {@link recommend} with the playbook library given: the same choice, without the built-in
 * playbooks' text in the bundle.
 *
 * @remarks
 * `recommend` defaults to {@link builtinPlaybooks}, so a bundle that imports it carries the text of
 * every built-in playbook (most of its size). A team that writes its own library (with
 * {@link definePlaybook}, or loaded and checked elsewhere) imports this instead; `input.playbooks`
 * is not read. With `builtinPlaybooks` it returns what `recommend` returns.
 *
 * @param playbooks - the playbook library, in priority order
 * @param input - the stage and channel, and whatever is known of the conversation (as {@link recommend})
 * @returns the playbook, step, template, escalation advice and reasons
 * @throws TouchpointError `invalid_input` when `playbooks` is not an array, and what {@link recommend}
 *   throws
 *
 * @example
 * ```ts
 * import { builtinPlaybooks, recommendFrom } from "touchpoint/playbooks";
 *
 * // A team's own library (written with definePlaybook, or loaded from its JSON); here, for the
 * // example, the built-in English complaint playbook alone.
 * const library = builtinPlaybooks.filter((p) => p.id === "complaint" && p.language === "en");
 * recommendFrom(library, { type: "complaint", stage: "greeting", channel: "chat" }).playbook.id; // => "complaint"
 * recommendFrom(null as never, { stage: "greeting" }); // throws invalid_input
 * ```
 *
 * @category Recommend
 */
export function recommendFrom(playbooks: readonly Playbook[], input: RecommendInput): Recommendation {
  checkRecommendInput(input);
  checkList("recommendFrom", "playbooks", playbooks);
  const stage = input.stage ?? input.conversation?.stage;
  if (stage === undefined) {
    throw new TouchpointError(
      "missing_stage",
      "recommend: expected a conversation stage in `stage` or `conversation.stage`, got none",
    );
  }
  const library = playbooks;
  if (library.length === 0) {
    throw new TouchpointError(
      "empty_library",
      "recommend: expected at least one playbook in `playbooks`, got an empty list",
    );
  }
  const reasons: string[] = [];
  const classifications = classificationsOf(input);

  let scenario: Scenario | undefined = input.scenario ?? undefined;
  let type: InteractionType | undefined = isInteractionType(input.type) ? input.type : undefined;
  for (const c of classifications) {
    scenario ??= c.scenario;
    if (type === undefined) {
      if (isInteractionType(c.type)) type = c.type;
      else if (isInteractionType(c.label)) type = c.label;
    }
  }
  const signals = collectSignals(input, classifications);
  const journeyStage = input.journeyStage ?? undefined;
  const language = input.language ?? "en";

  const candidates = pickLanguage(library, language);
  const scored = candidates.map((playbook) => {
    const why: string[] = [];
    let score = 0;
    const r = playbook.recognize;
    if (scenario !== undefined && r.scenarios.includes(scenario)) {
      score += SCENARIO_WEIGHT;
      why.push(`scenario "${scenario}" is one it handles`);
    }
    if (type !== undefined && r.types.includes(type)) {
      score += TYPE_WEIGHT + (playbook.id === type ? OWN_BONUS : 0);
      why.push(`interaction type "${type}" is one it handles`);
    }
    for (const name of r.signals) {
      const s = signals.get(name);
      if (s !== undefined) {
        score += SIGNAL_WEIGHT * s;
        why.push(`signal "${name}" (strength ${s.toFixed(2)}) points to it`);
      }
    }
    if (journeyStage !== undefined && r.journeyStages.includes(journeyStage)) {
      score += JOURNEY_WEIGHT;
      why.push(`journey stage "${journeyStage}" is where it usually happens`);
    }
    return { playbook, score, why };
  });

  let best = scored[0] as (typeof scored)[number];
  for (const s of scored) if (s.score > best.score) best = s;
  if (best.score === 0) {
    best = scored.find((s) => s.playbook.id === "question") ?? best;
    reasons.push(
      `nothing known matches a playbook; using "${best.playbook.id}", which starts by understanding what the customer needs`,
    );
  } else {
    reasons.push(`playbook "${best.playbook.id}" scored ${best.score.toFixed(2)}: ${best.why.join("; ")}`);
  }
  const playbook = best.playbook;
  if (playbook.language.toLowerCase() !== language.toLowerCase()) {
    reasons.push(
      `no ${quote(language)} version of "${playbook.id}"; using its ${quote(playbook.language)} version`,
    );
  }

  const step = playbook.steps[stage];
  reasons.push(`stage "${stage}": ${step.action}`);

  const channel: Channel = input.channel ?? input.conversation?.channel ?? "chat";
  if (input.channel == null && input.conversation?.channel == null)
    reasons.push("no channel known; using the chat variant");
  const template = resolveTemplate(step.template, channel, playbook.variables, input.escape, reasons);

  const escalationReasons: string[] = [];
  for (const trigger of playbook.escalation.when) {
    const reason = escalationReason(trigger, input, signals);
    if (reason !== null) escalationReasons.push(reason);
  }
  if (escalationReasons.length > 0) reasons.push(`escalate: ${playbook.escalation.summary}`);

  const index = conversationStages.indexOf(stage);
  const alternatives = scored
    .filter((s) => s !== best && s.score > 0)
    .sort((a, b) => b.score - a.score)
    .map((s) => ({ id: s.playbook.id, score: s.score }));

  return {
    playbook,
    stage,
    step,
    template,
    nextStage: conversationStages[index + 1] ?? null,
    escalate: escalationReasons.length > 0,
    escalationReasons,
    reasons,
    score: best.score,
    alternatives,
  };
}
