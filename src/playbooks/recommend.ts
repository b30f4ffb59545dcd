import { builtinPlaybooks } from "./builtin-playbooks.js";
import type { Recommendation, RecommendInput } from "./recommend-from.js";
import { recommendFrom } from "./recommend-from.js";

export type {
  Recommendation,
  RecommendAlternative,
  RecommendClassification,
  RecommendConversation,
  RecommendedTemplate,
  RecommendInput,
  RecommendSignals,
  SignalStrength,
} from "./recommend-from.js";
export { recommendFrom, resolveTemplate } from "./recommend-from.js";

/**
 * Returns the playbook for a conversation, the step for its current stage, the template for its
 * channel, whether to escalate, and the reasons for each choice.
 *
 * @remarks
 * Each playbook of the library is scored against what is known, with the terms of its `recognize`
 * section: the scenario matches (8), the interaction type matches (4, plus 1 when it is the
 * playbook's own id, so the generic type playbook wins over scenarios that merely list the type), each
 * recognised signal adds twice its strength, and the journey stage adds 1. The best score wins; ties go
 * to the earlier playbook in the library (built-in ones first, {@link extendPlaybooks} appends). When
 * nothing scores, the `question` playbook (understand first) is used. So a classifier's scenario decides
 * when there is one; without it the interaction type does, and signals tip the balance (a complaint
 * with strong frustration gets the frustration playbook). A team's playbook that handles the same
 * scenario as a built-in one wins when it also recognises a signal that is present and the built-in
 * one does not.
 *
 * The step is the playbook's step for the current stage. The template is the step's variant for the
 * channel, or its closest written variant ({@link channelFallbacks}: SMS reads like chat, video like
 * phone). Escalation holds when any of the playbook's `escalation.when` conditions does. With a
 * `language`, each playbook id is taken in that language when the library has it, else in the same
 * primary language, else in English.
 *
 * Takes plain data, so it works with a classifier's results, a conversation machine's context, or
 * neither; it never reads a clock.
 *
 * @param input - the stage and channel, and whatever is known of the conversation
 * @returns the playbook, step, template, escalation advice and reasons
 * @throws TouchpointError `missing_stage` when neither `stage` nor `conversation.stage` is given,
 *   `empty_library` when `playbooks` is empty
 *
 * @example
 * ```ts
 * import { recommend, renderTemplate } from "touchpoint/playbooks";
 *
 * const advice = recommend({ scenario: "frustration", stage: "proposing", channel: "chat", rejections: 2 });
 * advice.playbook.id; // => "frustration"
 * advice.template.variant; // => "chat"
 * advice.escalate; // => true
 * advice.nextStage; // => "delivering"
 *
 * recommend({ type: "complaint", signals: [{ signal: "frustration", strength: 0.9 }], stage: "greeting" }).playbook.id; // => "frustration"
 * recommend({ type: "complaint", stage: "greeting" }).playbook.id; // => "complaint"
 * recommend({ stage: "closing", channel: "sms" }).template.variant; // => "chat"
 * recommend({ channel: "chat" }); // throws missing_stage
 *
 * const hello = recommend({ type: "question", stage: "greeting", channel: "chat" });
 * renderTemplate(hello.template, { customerFirstName: "Ana", agentName: "Sam" }); // => "Hi Ana! Sam here. What would you like to know?"
 * ```
 *
 * @category Recommend
 */
export function recommend(input: RecommendInput): Recommendation {
  const playbooks = typeof input === "object" && input !== null ? input.playbooks : undefined;
  return recommendFrom(playbooks ?? builtinPlaybooks, input);
}
