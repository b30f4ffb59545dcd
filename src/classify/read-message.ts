/*
 * One analysis of a message read three ways. `classifyInteraction`, `detectSignals` and
 * `classifyScenario` each run the analysis pass over the text; a caller that wants all three of the
 * same message (the warehouse's `classify`, a conversation's opening) would run it three times.
 * Here it runs once, with the cues collected (what the scenario needs; the other two ignore them),
 * and each reading is made by the same function the public one calls, so the results are theirs.
 * Internal: not exported from touchpoint/classify.
 */
import { analyze, rawOf } from "./analyze.js";
import type { ClassificationResult } from "./classify-interaction.js";
import { DEFAULT_THRESHOLD, resultOf } from "./classify-interaction.js";
import { type ScenarioInput, type ScenarioResult, scenarioOf } from "./classify-scenario.js";
import { SIGNAL_THRESHOLD, type SignalsResult, signalsOf } from "./detect-signals.js";
import type { InteractionType } from "../schemas/vocabulary.js";

/** What {@link readMessage} returns: the three readings of one message. */
export interface MessageReading {
  /** `classifyInteraction(text)` without the sentences and sentiment. */
  readonly interaction: ClassificationResult<InteractionType>;
  /** `detectSignals(text)`. */
  readonly signals: SignalsResult;
  /** `classifyScenario(input)`. */
  readonly scenario: ScenarioResult;
}

/**
 * The interaction type, the signals and the scenario of `input.text` (with `input`'s lexicon, length
 * and facts, and the default thresholds), from one analysis pass.
 */
export function readMessage(input: ScenarioInput): MessageReading {
  const a = analyze(input.text, input.lexicon, input.maxLength, true);
  const interaction = resultOf(rawOf(a, -1), a, -1, DEFAULT_THRESHOLD);
  const signals = signalsOf(a, SIGNAL_THRESHOLD);
  const scenario = scenarioOf(a, input);
  return { interaction, signals, scenario };
}
