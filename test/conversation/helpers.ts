import { initialTransition, transition } from "xstate";
import {
  type ConversationEmitted,
  type ConversationEvent,
  type ConversationMachine,
  type ConversationMachineInput,
  type ConversationSnapshot,
  conversationMachine,
} from "touchpoint/conversation";

export const MIN = 60_000;
export const HOUR = 60 * MIN;
export const DAY = 24 * HOUR;

/** Every event type the machine understands (one list, shared with the hostile generators). */
export { conversationEventTypes as eventKinds } from "../hostile/vocab.js";

/** Runs events through the pure API; returns the final snapshot and everything emitted. */
export function run(
  events: readonly ConversationEvent[],
  input: Partial<ConversationMachineInput> = {},
  machine: ConversationMachine = conversationMachine,
): { snapshot: ConversationSnapshot; emitted: ConversationEmitted[]; snapshots: ConversationSnapshot[] } {
  const emitted: ConversationEmitted[] = [];
  let [snapshot, actions] = initialTransition(machine, { conversationId: "c-1", startedAt: 0, ...input });
  const snapshots = [snapshot];
  collect(actions, emitted);
  for (const event of events) {
    [snapshot, actions] = transition(machine, snapshot, event);
    collect(actions, emitted);
    snapshots.push(snapshot);
  }
  return { snapshot, emitted, snapshots };
}

export function collect(
  actions: readonly { type: string; params?: unknown }[],
  into: ConversationEmitted[],
): void {
  for (const a of actions) {
    if (a.type === "xstate.emit") into.push((a.params as { event: ConversationEmitted }).event);
  }
}

/** The stage part of a snapshot's value, as a dotted path, or the top-level state name. */
export function stageOf(snapshot: ConversationSnapshot): string {
  const value = snapshot.value as unknown;
  if (typeof value === "string") return value;
  const stage = (value as { active: { stage: unknown } }).active.stage;
  if (typeof stage === "string") return stage;
  const [name, sub] = Object.entries(stage as Record<string, string>)[0] ?? ["", ""];
  return `${name}.${sub}`;
}

/** Who holds the turn (`context.turn`: `awaitingAgent` or `awaitingCustomer`), or `null` once the conversation left `active`. */
export function turnOf(snapshot: ConversationSnapshot): string | null {
  return typeof snapshot.value === "string" ? null : snapshot.context.turn;
}

/** Who handles the conversation (`context.handler`) while it is active, or `null` after. */
export function handlerOf(snapshot: ConversationSnapshot): string | null {
  return typeof snapshot.value === "string" ? null : snapshot.context.handler;
}

/** The happy path of seed 003: greet, understand (restate + confirm), propose, deliver, close. */
export function happyPath(t0 = 0): ConversationEvent[] {
  return [
    { type: "customer.message", at: t0 },
    { type: "agent.greet", at: t0 + 2 * MIN },
    { type: "customer.message", at: t0 + 4 * MIN },
    { type: "agent.restate", at: t0 + 6 * MIN },
    { type: "customer.confirm", at: t0 + 7 * MIN },
    { type: "agent.propose", at: t0 + 9 * MIN },
    { type: "customer.accept", at: t0 + 10 * MIN },
    { type: "agent.deliver", at: t0 + 12 * MIN },
    { type: "agent.close", at: t0 + 13 * MIN },
    { type: "customer.done", at: t0 + 14 * MIN },
  ];
}
