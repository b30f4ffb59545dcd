import {
  acquisitionJourneyModel,
  createJourneyMachine,
  type JourneyContext,
  type JourneyMachine,
  journeyFromInteractions,
  journeyMachine,
  restoreJourney,
} from "touchpoint/journey";
import type { AcquisitionJourneyStage, JourneyStage } from "touchpoint/schemas";
import { createActor, initialTransition } from "xstate";
import { describe, expectTypeOf, it } from "vitest";

describe("journey types", () => {
  it("types the stage by the model", () => {
    const machine = createJourneyMachine(acquisitionJourneyModel);
    expectTypeOf(machine).toEqualTypeOf<JourneyMachine<AcquisitionJourneyStage>>();
    const [snapshot] = initialTransition(machine, { at: 0 });
    expectTypeOf(snapshot.context.stage).toEqualTypeOf<AcquisitionJourneyStage>();
    expectTypeOf(snapshot.context).toEqualTypeOf<JourneyContext<AcquisitionJourneyStage>>();
    expectTypeOf(journeyMachine).toEqualTypeOf<JourneyMachine<JourneyStage>>();
  });

  it("accepts only the stages of the model as input", () => {
    initialTransition(journeyMachine, { at: 0, stage: "purchase" });
    // @ts-expect-error: "loyalty" is a stage of seed 000's model, not of the default one
    initialTransition(journeyMachine, { at: 0, stage: "loyalty" });
  });

  it("requires a time on every event", () => {
    const actor = createActor(journeyMachine, { input: { at: 0 } });
    actor.send({ type: "journey.purchase", at: 1 });
    // @ts-expect-error: time comes from events
    actor.send({ type: "journey.purchase" });
    // @ts-expect-error: not an event of the machine
    actor.send({ type: "journey.teleport", at: 1 });
  });

  it("types emitted events", () => {
    const actor = createActor(journeyMachine, { input: { at: 0 } });
    actor.on("journey.stage.changed", (event) => {
      expectTypeOf(event.to).toEqualTypeOf<JourneyStage>();
    });
    actor.on("journey.risk.changed", (event) => {
      expectTypeOf(event.atRisk).toEqualTypeOf<boolean>();
    });
  });

  it("lets provide() override only declared implementations", () => {
    journeyMachine.provide({ guards: { isAdvocacyEvidence: () => true }, delays: { inactivityRisk: 1000 } });
    // @ts-expect-error: no such guard
    journeyMachine.provide({ guards: { isVip: () => true } });
    // @ts-expect-error: no such delay
    journeyMachine.provide({ delays: { nope: 5 } });
  });

  it("returns typed snapshots from replay and restore", () => {
    expectTypeOf(journeyFromInteractions([]))
      .extract<object>()
      .toHaveProperty("context")
      .toEqualTypeOf<JourneyContext<JourneyStage>>();
    expectTypeOf(restoreJourney(journeyMachine, "{}").context.highestStage).toEqualTypeOf<JourneyStage>();
  });
});
