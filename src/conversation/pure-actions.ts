/*
 * The pure form of the conversation machine's actions, keyed by the XState implementation they
 * stand for: conversation-machine.ts registers one for every action it declares, and the replay's
 * fast runner (fast-runner.ts) runs the pure form instead of resolving the XState action. An
 * implementation a host passed to `machine.provide()` has none, so the fast runner declines that
 * machine and the replay goes through XState.
 */
import type { ConversationContext, ConversationEmitted } from "./conversation-types.js";

/** An action as a pure function: the context after it and what it emitted. */
export type PureAction = (
  context: ConversationContext,
  event: { type: string },
  params: unknown,
) => { context: ConversationContext; emitted: readonly ConversationEmitted[] };

const registry = new WeakMap<object, PureAction>();

/** Records `pure` as the pure form of the XState action `implementation`. */
export function registerPure(implementation: unknown, pure: PureAction): void {
  if ((typeof implementation === "function" || typeof implementation === "object") && implementation !== null)
    registry.set(implementation, pure);
}

/** The pure form of `implementation`, if it has one. */
export function pureOf(implementation: unknown): PureAction | undefined {
  if ((typeof implementation === "function" || typeof implementation === "object") && implementation !== null)
    return registry.get(implementation);
  return undefined;
}
