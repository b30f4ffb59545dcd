import { describe, expectTypeOf, it } from "vitest";
import {
  type ActName,
  actStages,
  type ClassificationResult,
  classifyAct,
  classifyInteraction,
  classifyScenario,
  type SentenceAct,
  type SignalName,
  trainClassifier,
} from "touchpoint/classify";
import type { ConversationStage, InteractionType, Scenario } from "touchpoint/schemas";

describe("classify types", () => {
  it("labels the built-in result with the interaction vocabulary or unknown", () => {
    expectTypeOf(classifyInteraction("x").label).toEqualTypeOf<InteractionType | "unknown">();
    expectTypeOf(classifyInteraction("x").scores).toEqualTypeOf<Record<InteractionType, number>>();
    expectTypeOf(classifyScenario({ text: "x" }).scenario).toEqualTypeOf<Scenario>();
  });

  it("keeps a trained model's own label set", () => {
    const model = trainClassifier([{ text: "a", label: "billing" as "billing" | "shipping" }]);
    expectTypeOf(model.classify("x")).toEqualTypeOf<ClassificationResult<"billing" | "shipping">>();
    expectTypeOf(model.classify("x").label).toEqualTypeOf<"billing" | "shipping" | "unknown">();
  });

  it("maps every act to a stage: a table missing an act does not compile", () => {
    expectTypeOf(actStages).toEqualTypeOf<{ readonly [A in ActName]: ConversationStage | null }>();
    // @ts-expect-error: "goodbye" and others are missing
    const partial: { readonly [A in ActName]: ConversationStage | null } = { greet: "greeting" };
    void partial;
    expectTypeOf<SignalName>().toEqualTypeOf<
      | "urgency"
      | "frustration"
      | "confusion"
      | "gratitude"
      | "purchase-intent"
      | "comparison"
      | "onboarding"
      | "loyalty"
      | "cancel-intent"
    >();
  });

  it("lists each sentence's act beside the primary one, which keeps its type", () => {
    expectTypeOf(classifyAct("x").act).toEqualTypeOf<ActName>();
    expectTypeOf(classifyAct("x").acts).toEqualTypeOf<SentenceAct[]>();
    expectTypeOf<SentenceAct>().toEqualTypeOf<{ act: ActName; span: readonly [number, number] }>();
  });
});
