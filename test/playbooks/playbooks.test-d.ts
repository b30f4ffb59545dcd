import {
  type InteractionTypePlaybooks,
  interactionTypePlaybooks,
  type Playbook,
  type PlaybookFollowUp,
  type PlaybookFollowUpPatch,
  type PlaybookPatch,
  type PlaybookStep,
  type PlaybookStepPatch,
  recommend,
  renderTemplate,
  type ScenarioPlaybooks,
  scenarioPlaybooks,
  type TemplatePlaceholders,
} from "touchpoint/playbooks";
import type { InteractionResult, ScenarioResult, SignalsResult } from "touchpoint/classify";
import type {
  ConversationContext,
  ConversationSnapshot,
  NextStep,
  NextStepExtension,
} from "touchpoint/conversation";
import {
  type NextPlaybookStepInput,
  nextPlaybookStep,
  type PlaybookNextStep,
  type PlaybookNextStepExtension,
  playbookExtension,
  type RecommendClassification,
  type RecommendConversation,
  type RecommendInput,
} from "touchpoint/playbooks";
import type { ConversationStage, InteractionType, Scenario } from "touchpoint/schemas";

import { describe, expectTypeOf, it } from "vitest";

const p = scenarioPlaybooks.frustration;

describe("the vocabulary is exhaustive at compile time", () => {
  it("a scenario without a playbook does not compile", () => {
    // @ts-expect-error: "loyalty" has no playbook
    const missing: Record<Scenario, Playbook> = {
      "information-seeking": p,
      evaluation: p,
      onboarding: p,
      experience: p,
      "quick-resolution": p,
      frustration: p,
      confusion: p,
    };
    void missing;
    expectTypeOf(scenarioPlaybooks).toEqualTypeOf<ScenarioPlaybooks>();
    expectTypeOf<keyof ScenarioPlaybooks>().toEqualTypeOf<Scenario>();
  });

  it("an interaction type without a playbook does not compile", () => {
    // @ts-expect-error: "praise" has no playbook
    const missing: Record<InteractionType, Playbook> = { question: p, complaint: p, suggestion: p };
    void missing;
    expectTypeOf<keyof InteractionTypePlaybooks>().toEqualTypeOf<InteractionType>();
    expectTypeOf(interactionTypePlaybooks.praise).toEqualTypeOf<Playbook>();
  });

  it("a playbook without a step for every stage does not compile", () => {
    const { closing: _closing, ...fourSteps } = p.steps;
    // @ts-expect-error: the closing step is missing
    const broken: Playbook = { ...p, steps: fourSteps };
    void broken;
    expectTypeOf<keyof Playbook["steps"]>().toEqualTypeOf<ConversationStage>();
  });

  it("a step without a chat, email or phone variant does not compile", () => {
    // @ts-expect-error: no phone variant
    const step: PlaybookStep = { action: "a", checklist: ["b"], template: { chat: "c", email: "d" } };
    void step;
  });

  it("a follow-up is optional, and without a chat, email or phone variant does not compile", () => {
    const { followUp: _f, ...plain } = p.steps.proposing;
    const step: PlaybookStep = plain;
    const followUp: PlaybookFollowUp = {
      action: "a",
      // @ts-expect-error: no phone variant
      template: { chat: "c", email: "d" },
    };
    const patch: PlaybookStepPatch = { followUp: { template: { sms: "only this one" } } };
    void step;
    void followUp;
    void patch;
    expectTypeOf<PlaybookStep["followUp"]>().toEqualTypeOf<PlaybookFollowUp | undefined>();
    expectTypeOf<PlaybookPatch>().toExtend<{
      steps?: { proposing?: { followUp?: PlaybookFollowUpPatch } };
    }>();
  });

  it("an unknown signal or metric does not compile", () => {
    // @ts-expect-error: not a signal of touchpoint/classify
    const r: Playbook["recognize"] = { ...p.recognize, signals: ["anger"] };
    // @ts-expect-error: not a calculator of touchpoint/metrics
    const m: Playbook["metrics"] = [{ name: "happiness", why: "x" }];
    void r;
    void m;
  });
});

describe("template placeholders are part of the template's type", () => {
  it("extracts the names of a literal template", () => {
    expectTypeOf<TemplatePlaceholders<"Hi {{customerFirstName}}, I'm {{agentName}}">>().toEqualTypeOf<
      "customerFirstName" | "agentName"
    >();
    expectTypeOf<TemplatePlaceholders<"no placeholders">>().toEqualTypeOf<never>();
    expectTypeOf<TemplatePlaceholders<"{{{{escaped}} {{agentName}}">>().toEqualTypeOf<"agentName">();
    expectTypeOf<TemplatePlaceholders<string>>().toEqualTypeOf<string>();
  });

  it("a missing variable of a literal template is a compile error", () => {
    renderTemplate("Hi {{customerFirstName}}", { customerFirstName: "Ana" });
    // @ts-expect-error: agentName is missing
    renderTemplate("Hi {{customerFirstName}}, I'm {{agentName}}", { customerFirstName: "Ana" });
    // @ts-expect-error: a value must be a string or a number
    renderTemplate("Hi {{customerFirstName}}", { customerFirstName: true });
  });

  it("a non-literal template takes any names", () => {
    const text: string = p.steps.greeting.template.chat;
    renderTemplate(text, { customerFirstName: "Ana", anything: "else" });
    renderTemplate(recommend({ stage: "greeting" }).template, { customerFirstName: "Ana" });
  });
});

describe("recommend takes the other areas' outputs as they are", () => {
  it("accepts every classifier result of touchpoint/classify", () => {
    expectTypeOf<ScenarioResult>().toExtend<RecommendClassification>();
    expectTypeOf<InteractionResult>().toExtend<RecommendClassification>();
    expectTypeOf<SignalsResult>().toExtend<RecommendClassification>();
  });

  it("accepts the conversation machine's context", () => {
    expectTypeOf<ConversationContext>().toExtend<RecommendConversation>();
  });
});

describe("nextPlaybookStep fills the conversation machine's nextStep", () => {
  it("playbookExtension is a NextStepExtension of touchpoint/conversation", () => {
    expectTypeOf(playbookExtension()).toEqualTypeOf<PlaybookNextStepExtension>();
    expectTypeOf<PlaybookNextStepExtension>().toExtend<NextStepExtension>();
  });

  it("returns the machine's step with the playbook's fields", () => {
    expectTypeOf<PlaybookNextStep>().toExtend<NextStep>();
    expectTypeOf(nextPlaybookStep).toBeCallableWith({} as ConversationSnapshot);
    expectTypeOf(nextPlaybookStep).returns.toEqualTypeOf<PlaybookNextStep>();
    expectTypeOf<PlaybookNextStep["handoffTo"]>().toEqualTypeOf<"human" | "escalated" | null>();
    expectTypeOf<PlaybookNextStep["followUp"]>().toEqualTypeOf<PlaybookFollowUp | null>();
    expectTypeOf<PlaybookNextStep["playbookAction"]>().toEqualTypeOf<string>();
  });

  it("takes recommend's input, less what the snapshot gives", () => {
    expectTypeOf<NextPlaybookStepInput>().toEqualTypeOf<Omit<RecommendInput, "stage" | "conversation">>();
    // @ts-expect-error: the stage comes from the snapshot
    nextPlaybookStep({} as ConversationSnapshot, { stage: "closing" });
  });
});
