/*
 * The bridge between the conversation machine's `nextStep` and the playbooks: the machine knows the
 * stage, whose turn it is, what the stage checklist shows done and how urgent the SLA clocks are;
 * the playbook knows what this kind of conversation needs at that stage. A bot or helpdesk UI asks
 * once and gets both.
 *
 * Only the stable parts of the conversation area are read: `nextStep` and its `extend` hook, the
 * `NextStep` it returns, and `context.stage` / `context.channel`. The other facts recommend uses
 * (rejections, reopens, SLA clocks) are passed on as the context has them, through the optional
 * fields of `RecommendConversation`, so a change to the machine's bookkeeping cannot break this file.
 * `nextStep` is imported from its own file, which imports nothing at runtime, so the playbooks bundle
 * stays free of xstate.
 */
import { checkSnapshot } from "../internal/args.js";
import type {
  ChecklistEntry,
  ConversationContext,
  Handler,
  NextAction,
  NextStep,
} from "../conversation/index.js";
import { nextStep } from "../conversation/next-step.js";
import type { Playbook, PlaybookFollowUp, PlaybookStep } from "./playbook-types.js";
import {
  type RecommendedTemplate,
  type RecommendInput,
  type Recommendation,
  recommend,
  resolveTemplate,
} from "./recommend.js";

/** The machine's actions for a stage's second turn, which a step's follow-up answers. */
const followUpActions: readonly NextAction[] = ["propose_alternative", "ask_anything_else"];

/**
 * What {@link nextPlaybookStep} and {@link playbookExtension} need besides the snapshot: what the
 * classifier found and what else is known. The same fields as {@link RecommendInput}, less the stage
 * and the conversation, which come from the snapshot.
 *
 * @category Next step
 */
export type NextPlaybookStepInput = Omit<RecommendInput, "stage" | "conversation">;

/**
 * One item of the merged checklist: the conversation machine's stage checklist first, then the
 * playbook's points for the stage.
 *
 * @category Next step
 */
export interface PlaybookChecklistEntry extends ChecklistEntry {
  /** `stage` for the machine's own item (its `done` comes from the snapshot), `playbook` for a point of the playbook's step. */
  source: "stage" | "playbook";
}

/**
 * What {@link nextPlaybookStep} returns: the conversation machine's next step, with the playbook's
 * step, template and escalation advice for the current stage.
 *
 * @category Next step
 */
export interface PlaybookNextStep extends NextStep {
  /** The stage checklist (done as the snapshot shows it), then the playbook's points for the stage (ids `<playbook>.<stage>.<n>`, never marked done: the machine cannot see them). */
  checklist: PlaybookChecklistEntry[];
  /** The playbook chosen for the conversation. */
  playbook: Playbook;
  /** The playbook's step for the current stage, as the playbook has it: what to do, the points to cover, the templates. */
  playbookStep: PlaybookStep;
  /** The step's follow-up when the machine's action is `propose_alternative` or `ask_anything_else` and the step has one (`template` and `playbookAction` are then its own), else `null`. */
  followUp: PlaybookFollowUp | null;
  /** What to do now, in the playbook's words: the follow-up's action when `followUp` is set, else the step's. */
  playbookAction: string;
  /** What to say next, for the conversation's channel, ready for `renderTemplate`: the follow-up's template when `followUp` is set, else the step's. */
  template: RecommendedTemplate;
  /** Whether to hand the conversation on now: the playbook's escalation conditions hold and it is not yet with the escalated tier. */
  escalate: boolean;
  /** The handler to hand to when `escalate` is true (a bot hands to a `human`, a human to the `escalated` tier), else `null`. */
  handoffTo: Exclude<Handler, "bot"> | null;
  /** The escalation conditions that hold, in words (they may hold while `escalate` is false, once the conversation is already escalated). */
  escalationReasons: string[];
  /** Why this playbook, step, template and escalation advice, in words. */
  reasons: string[];
  /** Everything {@link recommend} said, alternatives and scores included. */
  recommendation: Recommendation;
}

/**
 * The hook {@link playbookExtension} returns: a `NextStepExtension` of touchpoint/conversation whose
 * result carries the playbook's advice.
 *
 * @category Next step
 */
export type PlaybookNextStepExtension = (step: NextStep, context: ConversationContext) => PlaybookNextStep;

/**
 * Returns a hook for touchpoint/conversation's `nextStep(snapshot, { extend })` that adds the
 * scenario's playbook to the machine's step: the playbook's step for the stage, its template for the
 * channel (its follow-up's, on the turn after a rejection or after the delivery), its checklist points
 * and its escalation advice.
 *
 * @remarks
 * The playbook is chosen by {@link recommend} from `input` (a classifier's results, signals, journey
 * stage, language, a team's library) and the conversation's context (stage, channel, rejections,
 * reopens, SLA clocks). An SLA clock that the step reports `breached` counts as a breach. Escalation is
 * advised when any of the playbook's conditions holds and the conversation is not already with the
 * escalated tier; `handoffTo` names the next tier up, the `to` of the machine's `handoff` event. When
 * the machine's action is `propose_alternative` or `ask_anything_else` and the step has a `followUp`,
 * its action and template are used (`followUp`, `playbookAction`, `template`); otherwise the step's. The
 * machine's own fields (`action`, `actor`, `urgency`, ...) are kept as they are. The hook reads no clock
 * and changes nothing; it can be made once and reused for every snapshot of a conversation, or made
 * again when a new customer message changes the classification.
 *
 * @param input - what is known of the conversation besides its snapshot (every field optional)
 * @returns a hook to pass as `nextStep`'s `extend` option
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from "xstate";
 * import { conversationMachine, nextStep } from "touchpoint/conversation";
 * import { playbookExtension } from "touchpoint/playbooks";
 *
 * let [s] = initialTransition(conversationMachine, { conversationId: "c-1", startedAt: 0, channel: "email" });
 * [s] = transition(conversationMachine, s, { type: "customer.message", at: 1000 });
 * const extend = playbookExtension({ scenario: "evaluation" });
 * nextStep(s, { extend }).action; // => "greet"
 *
 * // nextStep is typed to return a NextStep; call the hook yourself to keep the playbook's fields typed.
 * const next = extend(nextStep(s), s.context);
 * next.playbook.id; // => "evaluation"
 * next.template.variant; // => "email"
 * next.checklist.map((item) => item.source); // => ["stage", "stage", "playbook", "playbook"]
 * ```
 *
 * @category Next step
 */
export function playbookExtension(input: NextPlaybookStepInput = {}): PlaybookNextStepExtension {
  return (step, context) => {
    const recommendation = recommend({
      ...input,
      stage: step.stage,
      conversation: context,
      slaBreached: input.slaBreached ?? (step.urgency === "breached" ? true : undefined),
    });
    const { playbook, step: playbookStep } = recommendation;
    const reasons = [...recommendation.reasons];
    let followUp: PlaybookFollowUp | null = null;
    let template = recommendation.template;
    if (followUpActions.includes(step.action)) {
      if (playbookStep.followUp === undefined) {
        reasons.push(`action "${step.action}": the step has no follow-up; using its template`);
      } else {
        followUp = playbookStep.followUp;
        reasons.push(`action "${step.action}": the step's follow-up: ${followUp.action}`);
        template = resolveTemplate(
          followUp.template,
          template.channel,
          template.variables,
          input.escape,
          reasons,
        );
      }
    }
    let handoffTo: PlaybookNextStep["handoffTo"] = null;
    if (recommendation.escalate) {
      if (step.handler === "escalated") {
        reasons.push(
          "the escalation conditions hold, but the conversation is already with the escalated tier",
        );
      } else {
        handoffTo = step.handler === "bot" ? "human" : "escalated";
        reasons.push(`hand off to ${handoffTo === "human" ? "a human agent" : "the escalated tier"}`);
      }
    }
    const checklist: PlaybookChecklistEntry[] = [
      ...step.checklist.map((item) => ({ ...item, source: "stage" as const })),
      ...playbookStep.checklist.map((text, i) => ({
        id: `${playbook.id}.${step.stage}.${i}`,
        text,
        done: false,
        source: "playbook" as const,
      })),
    ];
    return {
      ...step,
      checklist,
      playbook,
      playbookStep,
      followUp,
      playbookAction: followUp?.action ?? playbookStep.action,
      template,
      escalate: handoffTo !== null,
      handoffTo,
      escalationReasons: recommendation.escalationReasons,
      reasons,
      recommendation,
    };
  };
}

/**
 * Returns what to do now in a conversation, in one call: the conversation machine's next step (who
 * acts, the action, the stage checklist, the SLA urgency) with the scenario playbook's step, its
 * template for the channel and whether to escalate.
 *
 * @remarks
 * The same as `nextStep(snapshot, { extend: playbookExtension(input) })` of touchpoint/conversation,
 * typed with the playbook's fields. Pass what the classifiers found in `input.classification`
 * (`classifyScenario`, `classifyInteraction` and `detectSignals` results fit as they are); the stage,
 * channel, rejections, reopens and SLA clocks come from the snapshot. When the customer holds the
 * turn (`actor` is `"customer"`), the template is the one for the team's next turn in the stage.
 *
 * The template and the playbook's action follow the machine's `action`: for `propose_alternative`
 * (proposing, after the customer rejected a proposal) and `ask_anything_else` (delivering, once the
 * customer has answered the delivery) they are the step's `followUp` (`followUp` is set, `template`
 * is its variant for the channel, `playbookAction` its action); for any other action, or a step
 * without a follow-up, they are the step's own (`followUp` is `null`). `playbookStep` is always the
 * step as the playbook has it.
 *
 * @param snapshot - a snapshot of the conversation machine (or anything with its `value` and `context`)
 * @param input - what is known of the conversation besides its snapshot (every field optional)
 * @returns the machine's next step with the playbook's advice
 * @throws TouchpointError `empty_library` when `input.playbooks` is empty
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from "xstate";
 * import { conversationMachine } from "touchpoint/conversation";
 * import { nextPlaybookStep, renderTemplate } from "touchpoint/playbooks";
 *
 * let [s] = initialTransition(conversationMachine, { conversationId: "c-1", startedAt: 0, channel: "chat" });
 * [s] = transition(conversationMachine, s, { type: "customer.message", at: 1000 });
 * const classification = { scenario: "frustration", signals: [{ signal: "frustration", strength: 0.6 }] } as const;
 *
 * const hello = nextPlaybookStep(s, { classification });
 * hello.action; // => "greet"
 * hello.playbook.id; // => "frustration"
 * hello.escalate; // => false
 * renderTemplate(hello.template, { customerFirstName: "Dana", agentName: "Lee" }); // => "Hi Dana, I'm Lee. I can see this has gone badly and I'm sorry. I'm on it now."
 *
 * const angrier = nextPlaybookStep(s, { classification, signals: { "cancel-intent": 0.7 } });
 * angrier.escalate; // => true
 * angrier.handoffTo; // => "escalated"
 * angrier.escalationReasons; // => ['signal "cancel-intent" at 0.70 (threshold 0.5)']
 *
 * // The customer turns the first proposal down: the step's follow-up offers something else.
 * const events = [
 *   { type: "agent.greet", at: 2000 },
 *   { type: "customer.message", at: 3000 },
 *   { type: "agent.restate", at: 4000 },
 *   { type: "customer.confirm", at: 5000 },
 *   { type: "agent.propose", at: 6000 },
 *   { type: "customer.reject", at: 7000 },
 * ] as const;
 * for (const event of events) [s] = transition(conversationMachine, s, event);
 * const other = nextPlaybookStep(s, { classification });
 * other.action; // => "propose_alternative"
 * other.playbookAction === other.playbookStep.followUp?.action; // => true
 * renderTemplate(other.template, {}); // => "I understand, and I'm sorry. Could we send a replacement by express at our cost instead? Or tell me what would put it right."
 * ```
 *
 * @category Next step
 */
export function nextPlaybookStep(
  snapshot: { value: unknown; context: ConversationContext },
  input: NextPlaybookStepInput = {},
): PlaybookNextStep {
  checkSnapshot("nextPlaybookStep", snapshot);
  return playbookExtension(input)(nextStep(snapshot), snapshot.context);
}
