import {
  acquisitionJourneyModel,
  createJourneyMachine,
  type JourneyEvent,
  journeyMachine,
  persistJourney,
  restoreJourney,
} from "touchpoint/journey";
import { initialTransition, transition } from "xstate";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { createMachinePersistence, ENVELOPE_SCHEMA_VERSION } from "../../src/internal/machine-persistence.js";
import { DAY, emitted } from "./helpers.js";

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

describe("createMachinePersistence (generic envelope)", () => {
  // Version 1 stored `count`; version 2 renamed it `total`; version 3 added `unit`.
  const v3 = createMachinePersistence({
    fn: "restoreCounter",
    machineId: "counter",
    machineVersion: 3,
    snapshotSchema: z.object({ total: z.number(), unit: z.string() }),
    migrations: {
      1: (s) => {
        const { count, ...rest } = s as { count: number };
        return { ...rest, total: count };
      },
      2: (s) => ({ ...(s as object), unit: "items" }),
    },
  });

  it("wraps a snapshot with its versions", () => {
    expect(v3.persist({ total: 2, unit: "x" }, 1000)).toEqual({
      schemaVersion: ENVELOPE_SCHEMA_VERSION,
      machineId: "counter",
      machineVersion: 3,
      savedAt: 1000,
      snapshot: { total: 2, unit: "x" },
    });
  });

  it("round-trips through JSON text", () => {
    const text = JSON.stringify(v3.persist({ total: 2, unit: "x" }, 1000));
    expect(v3.restore(text)).toEqual({ total: 2, unit: "x" });
  });

  it("migrates an old snapshot one version at a time", () => {
    const old = {
      schemaVersion: 1,
      machineId: "counter",
      machineVersion: 1,
      savedAt: 0,
      snapshot: { count: 7 },
    };
    expect(v3.restore(old)).toEqual({ total: 7, unit: "items" });
  });

  it.each<[string, unknown, string]>([
    ["text that is not JSON", "{nope", "snapshot_invalid"],
    ["an object that is not an envelope", { snapshot: {} }, "snapshot_invalid"],
    [
      "another machine's envelope",
      { schemaVersion: 1, machineId: "other", machineVersion: 3, savedAt: 0, snapshot: {} },
      "snapshot_machine_mismatch",
    ],
    [
      "a newer machine version",
      { schemaVersion: 1, machineId: "counter", machineVersion: 4, savedAt: 0, snapshot: {} },
      "snapshot_version_unsupported",
    ],
    [
      "a newer envelope version",
      { schemaVersion: 2, machineId: "counter", machineVersion: 3, savedAt: 0, snapshot: {} },
      "snapshot_version_unsupported",
    ],
    [
      "a snapshot that fails the schema",
      { schemaVersion: 1, machineId: "counter", machineVersion: 3, savedAt: 0, snapshot: { total: "2" } },
      "snapshot_invalid",
    ],
    [
      "a migration that throws",
      { schemaVersion: 1, machineId: "counter", machineVersion: 1, savedAt: 0, snapshot: null },
      "snapshot_migration_failed",
    ],
  ])("rejects %s", (_name, raw, code) => {
    expect(codeOf(() => v3.restore(raw))).toBe(code);
  });

  it("rejects a version with no migration path", () => {
    const gap = createMachinePersistence({
      fn: "restoreGap",
      machineId: "gap",
      machineVersion: 2,
      snapshotSchema: z.object({}),
    });
    expect(() =>
      gap.restore({ schemaVersion: 1, machineId: "gap", machineVersion: 1, savedAt: 0, snapshot: {} }),
    ).toThrow('restoreGap: no migration from version 1 to 2 of "gap", got version 1');
  });

  it("names the machine and the field in its messages", () => {
    expect(() =>
      v3.restore({ schemaVersion: 1, machineId: "other", machineVersion: 3, savedAt: 0, snapshot: {} }),
    ).toThrow('restoreCounter: expected a snapshot of machine "counter", got one of "other"');
  });
});

describe("persistJourney / restoreJourney", () => {
  const history: JourneyEvent[] = [
    { type: "journey.evaluation", at: DAY },
    { type: "journey.purchase", at: 2 * DAY },
    { type: "journey.survey", at: 3 * DAY, response: { kind: "nps", score: 3 } },
    { type: "journey.cancellation", at: 4 * DAY },
    { type: "journey.winback", at: 5 * DAY },
    { type: "journey.referral", at: 6 * DAY },
  ];

  it("continues identically after a JSON round trip at every step", () => {
    let [direct] = initialTransition(journeyMachine, { at: 0, customerId: "c-1" });
    for (let cut = 0; cut <= history.length; cut++) {
      let [live] = initialTransition(journeyMachine, { at: 0, customerId: "c-1" });
      for (let i = 0; i < cut; i++) [live] = transition(journeyMachine, live, history[i]!);
      let restored = restoreJourney(journeyMachine, JSON.stringify(persistJourney(journeyMachine, live)));
      const actionsLive: unknown[] = [];
      const actionsRestored: unknown[] = [];
      for (let i = cut; i < history.length; i++) {
        let a: Parameters<typeof emitted>[0];
        [live, a] = transition(journeyMachine, live, history[i]!);
        actionsLive.push(...emitted(a));
        [restored, a] = transition(journeyMachine, restored, history[i]!);
        actionsRestored.push(...emitted(a));
      }
      expect(restored.value).toEqual(live.value);
      expect(restored.context).toEqual(live.context);
      expect(actionsRestored).toEqual(actionsLive);
      direct = live;
    }
    expect(direct.context.stage).toBe("advocacy");
  });

  it("stamps the model in the machine id and uses the machine's clock as savedAt", () => {
    const machine = createJourneyMachine(acquisitionJourneyModel);
    const [snapshot] = initialTransition(machine, { at: 42 });
    const saved = persistJourney(machine, snapshot);
    expect(saved).toMatchObject({
      schemaVersion: 1,
      machineId: "journey/acquisition",
      machineVersion: 1,
      savedAt: 42,
    });
    expect(persistJourney(machine, snapshot, 99).savedAt).toBe(99);
  });

  it("keeps the model id through provide()", () => {
    const provided = journeyMachine.provide({ guards: { hasPurchased: () => true } });
    const [snapshot] = initialTransition(provided, { at: 0 });
    expect(persistJourney(provided, snapshot).machineId).toBe("journey/default");
  });

  it.each<[string, (saved: Record<string, unknown>) => unknown, string]>([
    [
      "a stage the model does not have",
      (s) => ({
        ...s,
        snapshot: { ...(s.snapshot as object), value: { active: { stage: "loyalty", health: "healthy" } } },
      }),
      "snapshot_invalid",
    ],
    [
      "a state value that disagrees with context",
      (s) => ({
        ...s,
        snapshot: { ...(s.snapshot as object), value: { active: { stage: "advocacy", health: "healthy" } } },
      }),
      "snapshot_invalid",
    ],
    [
      "a context field of the wrong type",
      (s) => {
        const snap = s.snapshot as { context: object };
        return { ...s, snapshot: { ...snap, context: { ...snap.context, purchases: "two" } } };
      },
      "snapshot_invalid",
    ],
    ["a newer machine version", (s) => ({ ...s, machineVersion: 2 }), "snapshot_version_unsupported"],
  ])("rejects %s", (_name, tamper, code) => {
    const [snapshot] = initialTransition(journeyMachine, { at: 0 });
    const saved = JSON.parse(JSON.stringify(persistJourney(journeyMachine, snapshot)));
    expect(codeOf(() => restoreJourney(journeyMachine, tamper(saved)))).toBe(code);
  });

  it("refuses a snapshot of another model's machine", () => {
    const [snapshot] = initialTransition(journeyMachine, { at: 0 });
    const saved = persistJourney(journeyMachine, snapshot);
    expect(() => restoreJourney(createJourneyMachine(acquisitionJourneyModel), saved)).toThrow(
      'restoreJourney: expected a snapshot of machine "journey/acquisition", got one of "journey/default"',
    );
  });
});
