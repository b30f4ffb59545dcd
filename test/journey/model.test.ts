import {
  acquisitionJourneyModel,
  conversionJourneyModel,
  defaultJourneyModel,
  defineJourneyModel,
  journeyMilestones,
  journeyStageMapping,
} from "touchpoint/journey";
import { acquisitionJourneyStages, conversionJourneyStages, journeyStages } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";

describe("preset models", () => {
  it("use the vocabulary tuples of the seeds", () => {
    // Seed 002: six stages; seed 000: five (acquisition, experience, loyalty); seeds 001 and 004: five (conversion).
    expect(defaultJourneyModel.stageNames).toEqual(journeyStages);
    expect(acquisitionJourneyModel.stageNames).toEqual(acquisitionJourneyStages);
    expect(conversionJourneyModel.stageNames).toEqual(conversionJourneyStages);
  });

  it("give every stage a description", () => {
    for (const model of [defaultJourneyModel, acquisitionJourneyModel, conversionJourneyModel]) {
      for (const stage of model.stages) expect(stage.description.length).toBeGreaterThan(10);
    }
  });

  it("map the default model one stage per milestone", () => {
    expect(defaultJourneyModel.entries).toEqual([0, 1, 2, 3, 4, 5]);
    expect(defaultJourneyModel.stageAtMilestone).toEqual([0, 1, 2, 3, 4, 5]);
    expect(journeyMilestones).toHaveLength(6);
  });
});

describe("journeyStageMapping", () => {
  it.each([
    // Seed 000: acquisition = "ready to buy"; experience = "after the purchase"; loyalty = "an advocate".
    [
      acquisitionJourneyModel,
      {
        awareness: ["awareness"],
        consideration: ["consideration"],
        acquisition: ["decision"],
        experience: ["purchase", "retention"],
        loyalty: ["advocacy"],
      },
    ],
    // Seeds 001/004: conversion = "the last stage of the sales cycle"; retention = "after the sale".
    [
      conversionJourneyModel,
      {
        awareness: ["awareness"],
        consideration: ["consideration"],
        conversion: ["decision"],
        retention: ["purchase", "retention"],
        advocacy: ["advocacy"],
      },
    ],
  ])("maps %# onto the default model", (model, expected) => {
    expect(journeyStageMapping(model, defaultJourneyModel)).toEqual(expected);
  });

  it("maps the default model onto a preset", () => {
    expect(journeyStageMapping(defaultJourneyModel, conversionJourneyModel)).toEqual({
      awareness: ["awareness"],
      consideration: ["consideration"],
      decision: ["conversion"],
      purchase: ["retention"],
      retention: ["retention"],
      advocacy: ["advocacy"],
    });
  });

  it("is the identity for a model onto itself", () => {
    const mapping = journeyStageMapping(acquisitionJourneyModel, acquisitionJourneyModel);
    for (const stage of acquisitionJourneyModel.stageNames) expect(mapping[stage]).toEqual([stage]);
  });
});

describe("defineJourneyModel", () => {
  const stage = (name: string, entersOn: (typeof journeyMilestones)[number]) => ({
    name,
    entersOn,
    description: name,
  });

  it.each<[string, Parameters<typeof defineJourneyModel>[0], string]>([
    [
      "no stages",
      { id: "m", description: "", stages: [] },
      "defineJourneyModel: expected at least one stage, got []",
    ],
    [
      "a bad id",
      { id: "a.b", description: "", stages: [stage("a", "engaged")] },
      'defineJourneyModel: expected an id of letters, digits, "-" or "_", got "a.b"',
    ],
    [
      "a first stage after engaged",
      { id: "m", description: "", stages: [stage("a", "evaluating")] },
      'defineJourneyModel: expected the first stage to enter on "engaged", got "evaluating" at index 0',
    ],
    [
      "milestones out of order",
      {
        id: "m",
        description: "",
        stages: [stage("a", "engaged"), stage("b", "purchased"), stage("c", "deciding")],
      },
      'defineJourneyModel: expected milestones in increasing order, got "deciding" at index 2',
    ],
    [
      "a duplicate name",
      { id: "m", description: "", stages: [stage("a", "engaged"), stage("a", "purchased")] },
      'defineJourneyModel: expected unique stage names, got "a" twice at index 1',
    ],
    [
      "a reserved name",
      { id: "m", description: "", stages: [stage("churned", "engaged")] },
      'defineJourneyModel: expected a stage name of letters, digits, "-" or "_" that is not reserved, got "churned" at index 0',
    ],
    [
      "an unknown milestone",
      { id: "m", description: "", stages: [stage("a", "engaged"), stage("b", "happy" as "purchased")] },
      'defineJourneyModel: expected one of engaged, evaluating, deciding, purchased, retained, advocating, got "happy" at index 1',
    ],
  ])("rejects %s", (_name, definition, message) => {
    expect(() => defineJourneyModel(definition)).toThrow(message);
    try {
      defineJourneyModel(definition);
    } catch (error) {
      expect((error as { code: string }).code).toBe("invalid_model");
    }
  });

  it("fills the milestone table of a sparse model", () => {
    const model = defineJourneyModel({
      id: "two",
      description: "prospects and customers",
      stages: [stage("prospect", "engaged"), stage("customer", "purchased")],
    });
    expect(model.stageAtMilestone).toEqual([0, 0, 0, 1, 1, 1]);
    expect(journeyStageMapping(model, defaultJourneyModel)).toEqual({
      prospect: ["awareness", "consideration", "decision"],
      customer: ["purchase", "retention", "advocacy"],
    });
  });
});
