import { checkSnapshot } from "../internal/args.js";
import { checkOptions } from "../internal/args.js";
import type { ConversationStage } from "../schemas/vocabulary.js";
import type { ConversationContext, Handler } from "./conversation-types.js";

/**
 * What the agent or bot should do now, as a code a UI or a playbook can key on.
 *
 * @remarks
 * `greet`, `understand` (ask questions), `restate` ("from what I understand ..."), `clarify`
 * (answer the customer's question about a restatement or a proposal), `propose`,
 * `propose_alternative` (after a rejection), `deliver`, `ask_anything_else`, `say_goodbye`, `wait`
 * (the customer holds the turn, or the conversation is resolved), `none` (closed or abandoned).
 *
 * @category Next step
 */
export type NextAction =
  | "greet"
  | "understand"
  | "restate"
  | "clarify"
  | "propose"
  | "propose_alternative"
  | "deliver"
  | "ask_anything_else"
  | "say_goodbye"
  | "wait"
  | "none";

/** One item of a stage checklist. @category Next step */
export interface ChecklistItem {
  /** A stable id, for playbooks to attach templates to. */
  id: string;
  /** What to do, in a sentence. */
  text: string;
}

/** One checklist item and whether the conversation shows it done. @category Next step */
export interface ChecklistEntry extends ChecklistItem {
  /** Whether the snapshot shows it done. */
  done: boolean;
}

/**
 * The checklist of each stage of seed 003's lifecycle, in our own words.
 *
 * @remarks
 * Seed 003 ("The Customer Interaction Lifecycle"): say hello and invite the customer to explain;
 * ask questions to learn the facts and how the customer feels, then repeat it back ("from what I
 * understand") so you are on the same page; propose a solution, being open about what you cannot
 * do; deliver it with clarity about what happens next; ask whether there is anything else, say
 * goodbye warmly and mention the survey.
 *
 * @example
 * ```ts
 * import { stageChecklists } from "touchpoint/conversation";
 *
 * stageChecklists.understanding.map((item) => item.id); // => ["ask", "restate", "confirm"]
 * ```
 *
 * @category Next step
 */
export const stageChecklists: Readonly<Record<ConversationStage, readonly ChecklistItem[]>> = {
  greeting: [
    { id: "greet", text: "Greet the customer warmly, by name when you know it." },
    { id: "invite", text: "Invite them to say what they need." },
  ],
  understanding: [
    { id: "ask", text: "Ask open questions until you know the facts and how the customer feels." },
    { id: "restate", text: 'Restate the problem in your own words ("From what I understand ...").' },
    { id: "confirm", text: "Get the customer's confirmation that you have it right." },
  ],
  proposing: [
    { id: "propose", text: "Propose a solution; say plainly what you cannot do and focus on what you can." },
    { id: "decide", text: "Ask whether the solution works for them." },
    { id: "alternative", text: "If it does not, offer an alternative." },
  ],
  delivering: [
    { id: "deliver", text: "Do what was agreed." },
    { id: "clarify", text: "Say exactly what happens next and when, so nothing is left unclear." },
    { id: "anything_else", text: "Ask whether there is anything else you can help with." },
  ],
  closing: [
    { id: "anything_else", text: "Make sure nothing else is open." },
    { id: "goodbye", text: "Say goodbye warmly and remind them you are there if they need you." },
    { id: "survey", text: "Mention the short survey that follows." },
  ],
};

/**
 * What {@link nextStep} returns.
 *
 * @category Next step
 */
export interface NextStep {
  /** The stage (the last one once resolved, closed or abandoned). */
  stage: ConversationStage;
  /** The full state path below `stage`, e.g. `understanding.restated`, or `resolved`, `closed`, `abandoned`. */
  phase: string;
  /** Who should act now: the `agent`, the `bot`, the `customer` (the team waits), or `none`. */
  actor: "agent" | "bot" | "customer" | "none";
  /** Who handles the conversation. */
  handler: Handler;
  /** What to do. */
  action: NextAction;
  /** The current stage's checklist with what is done. */
  checklist: ChecklistEntry[];
  /** `breached` when an SLA target of the team is missed, `at_risk` after its warning, else `normal`. */
  urgency: "normal" | "at_risk" | "breached";
  /** The nearest due time the team is racing (first or next response, resolution), or `null`. */
  dueAt: number | null;
}

/**
 * A playbook's hook into {@link nextStep}: receives the stage checklist's step and the context,
 * returns the step to show (add items, swap the action, attach templates through ids).
 *
 * @category Next step
 */
export type NextStepExtension = (step: NextStep, context: ConversationContext) => NextStep;

/** Options of {@link nextStep}. @category Next step */
export interface NextStepOptions {
  /** Scenario-specific steps layered over the stage checklist (the playbooks area supplies these). */
  extend?: NextStepExtension;
}

function stagePath(
  value: unknown,
  context: ConversationContext,
): { phase: string; sub: string | null; turn: string | null } {
  if (typeof value === "string") return { phase: value, sub: null, turn: null };
  const active = (value as { active?: { stage?: unknown; turn?: unknown } }).active;
  // Version 3 keeps the turn in context. Before, it was a region of the state value: version 2's
  // customer turn is `{ awaitingCustomer: "paused" | "watching" }`, version 1 had the bare name.
  const t = active?.turn;
  const turn =
    typeof t === "string"
      ? t
      : t !== null && typeof t === "object"
        ? (Object.keys(t)[0] ?? null)
        : (context.turn ?? null);
  const stage = active?.stage;
  if (typeof stage === "string") return { phase: stage, sub: null, turn };
  const [name, sub] = Object.entries((stage ?? {}) as Record<string, string>)[0] ?? ["greeting", ""];
  return { phase: `${name}.${sub}`, sub, turn };
}

function doneFlags(context: ConversationContext, stage: ConversationStage, sub: string | null): Set<string> {
  const done = new Set<string>();
  const replied = context.humanReplies + context.botReplies > 0;
  switch (stage) {
    case "greeting":
      if (replied) done.add("greet");
      break;
    case "understanding":
      if (context.customerMessages > 0) done.add("ask");
      if (sub === "restated") done.add("restate");
      break;
    case "proposing": {
      if (sub === "awaitingDecision") done.add("propose");
      const last = context.proposals[context.proposals.length - 1];
      if (last !== undefined && last.outcome === "rejected") {
        done.add("propose");
        done.add("decide");
      }
      break;
    }
    case "delivering":
      if (hasDelivered(context)) {
        done.add("deliver");
        done.add("clarify");
      }
      break;
    case "closing":
      done.add("anything_else");
      break;
    default: {
      const never: never = stage;
      return never;
    }
  }
  return done;
}

/**
 * Returns what the agent or bot should do now in the current stage: who acts, the action, the
 * stage checklist with what is done, and how urgent it is.
 *
 * @remarks
 * The stage checklists are {@link stageChecklists} (seed 003's lifecycle). The action follows the
 * state: greet in greeting; ask, then restate, in understanding (clarify if the customer answered
 * a restatement without confirming it); propose, or an alternative after a rejection; deliver, then,
 * once the customer has answered the delivery, ask "anything else?"; say goodbye. When the customer holds the turn the team waits. Urgency
 * comes from the SLA clocks the team is racing. `options.extend` lets a playbook refine the step
 * for a scenario without touching the machine.
 *
 * @param snapshot - a snapshot of the conversation machine (or anything with its `value` and `context`)
 * @param options - `extend`: a playbook hook
 * @returns the next step
 *
 * @example
 * ```ts
 * import { initialTransition, transition } from "xstate";
 * import { conversationMachine, nextStep } from "touchpoint/conversation";
 *
 * let [s] = initialTransition(conversationMachine, { conversationId: "c-1", startedAt: 0 });
 * nextStep(s).action; // => "greet"
 * [s] = transition(conversationMachine, s, { type: "agent.greet", at: 1000 });
 * nextStep(s).actor; // => "customer"
 * [s] = transition(conversationMachine, s, { type: "customer.message", at: 2000 });
 * nextStep(s).action; // => "understand"
 * nextStep(s).checklist.map((item) => item.done); // => [true, false, false]
 * nextStep(s, { extend: (step) => ({ ...step, action: "restate" }) }).action; // => "restate"
 * ```
 *
 * @category Next step
 */
export function nextStep(
  snapshot: { value: unknown; context: ConversationContext },
  options: NextStepOptions = {},
): NextStep {
  checkSnapshot("nextStep", snapshot);
  options = checkOptions("nextStep", options);
  const context = snapshot.context;
  const { phase, sub, turn } = stagePath(snapshot.value, context);
  const stage = context.stage;
  const done = doneFlags(context, stage, sub);
  const checklist = stageChecklists[stage].map((item) => ({ ...item, done: done.has(item.id) }));
  let actor: NextStep["actor"];
  let action: NextAction;
  if (phase === "closed" || phase === "abandoned") {
    actor = "none";
    action = "none";
  } else if (phase === "resolved" || turn === "awaitingCustomer") {
    actor = phase === "resolved" ? "none" : "customer";
    action = "wait";
  } else {
    actor = context.handler === "bot" ? "bot" : "agent";
    action = actionFor(stage, sub, context);
  }
  let urgency: NextStep["urgency"] = "normal";
  let dueAt: number | null = null;
  for (const clock of [context.sla.firstResponse, context.sla.nextResponse, context.sla.resolution]) {
    if (clock.status !== "running") continue;
    if (clock.breached) urgency = "breached";
    else if (clock.warned && urgency === "normal") urgency = "at_risk";
    if (clock.dueAt !== null && (dueAt === null || clock.dueAt < dueAt)) dueAt = clock.dueAt;
  }
  const step: NextStep = { stage, phase, actor, handler: context.handler, action, checklist, urgency, dueAt };
  return options.extend === undefined ? step : options.extend(step, context);
}

/**
 * The team has replied since delivering began: the stage is entered on the customer's acceptance,
 * which gives the team the turn, so the team holding it again since a later instant means a reply
 * passed it to the customer and a message of theirs passed it back.
 */
function hasDelivered(context: ConversationContext): boolean {
  const visit = context.timeline[context.timeline.length - 1];
  return (
    visit !== undefined &&
    visit.stage === "delivering" &&
    context.awaitingAgentSince !== null &&
    context.awaitingAgentSince > visit.enteredAt
  );
}

function actionFor(stage: ConversationStage, sub: string | null, context: ConversationContext): NextAction {
  switch (stage) {
    case "greeting":
      return "greet";
    case "understanding":
      return sub === "restated" ? "clarify" : context.customerMessages > 1 ? "restate" : "understand";
    case "proposing":
      if (sub === "awaitingDecision") return "clarify";
      return context.proposals[context.proposals.length - 1]?.outcome === "rejected"
        ? "propose_alternative"
        : "propose";
    case "delivering":
      return hasDelivered(context) ? "ask_anything_else" : "deliver";
    case "closing":
      return "say_goodbye";
    default: {
      const never: never = stage;
      return never;
    }
  }
}
