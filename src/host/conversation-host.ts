import { initialStep, type StepOptions, step } from "../conversation/step.js";
import type { ConversationMachineInput } from "../conversation/conversation-input.js";
import type { ConversationEmitted, ConversationEvent } from "../conversation/conversation-types.js";
import type { HostMachine } from "./host-types.js";

/**
 * The conversation machine as a {@link HostMachine}.
 *
 * @category Host
 */
export type ConversationHostMachine = HostMachine<
  ConversationEvent,
  ConversationEmitted,
  ConversationMachineInput
>;

/**
 * Returns the conversation machine of touchpoint/conversation as a {@link HostMachine}: its
 * `initialStep` and `step`, with the machine you give.
 *
 * @remarks
 * `step` restores the stored envelope with touchpoint/conversation's `restore`, so a snapshot saved
 * by an older version of the machine is migrated when it is loaded and saved in the current format
 * by the same commit. Wake-ups are `clock.tick` events at the SLA, silence and auto-close instants.
 *
 * @param options - the machine (one from `createConversationMachine` or `provide()`); the default one when absent
 * @returns the host machine
 *
 * @example
 * ```ts
 * import { conversationHost } from "touchpoint/host";
 *
 * const machine = conversationHost();
 * const first = machine.start({ conversationId: "c-1", startedAt: 0, priority: "urgent" });
 * first.scheduled[0]?.event; // => { type: "clock.tick", at: 2700000 }
 * machine.step(first.snapshot, { type: "agent.greet", at: 60_000 }).cancelled.length; // => 1
 * ```
 *
 * @category Host
 */
export function conversationHost(options: StepOptions = {}): ConversationHostMachine {
  return {
    name: "conversation",
    start: (input) => initialStep(input, options),
    step: (stored, event) => step(stored, event, options),
  };
}
