// The vocabularies the hostile generators draw from, read from the library itself.
export { handlers } from "../../src/conversation/index.js";
export { journeyEventTypes } from "../../src/journey/index.js";

import type { ConversationEventType } from "../../src/conversation/index.js";

/** Every event type the conversation machine understands, for the random, graph-walking and hostile tests. */
export const conversationEventTypes = [
  "customer.message",
  "customer.confirm",
  "customer.correct",
  "customer.accept",
  "customer.reject",
  "customer.more",
  "customer.done",
  "customer.escalate",
  "agent.greet",
  "agent.ask",
  "agent.message",
  "agent.restate",
  "agent.propose",
  "agent.deliver",
  "agent.close",
  "agent.goodbye",
  "agent.resolve",
  "agent.note",
  "handoff",
  "clock.tick",
] as const satisfies readonly ConversationEventType[];
// A new event type that is missing here fails to compile, so the random tests cannot miss it.
const everyKind: ConversationEventType extends (typeof conversationEventTypes)[number] ? true : false = true;
void everyKind;
