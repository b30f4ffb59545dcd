import {
  conversionJourneyModel,
  createJourneyMachine,
  type JourneyEmitted,
  type JourneyEvent,
  journeyFromInteractions,
} from "touchpoint/journey";
import { createActor } from "xstate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DAY, where } from "./helpers.js";

describe("journeyFromInteractions", () => {
  it("returns null for an empty history", () => {
    expect(journeyFromInteractions([])).toBeNull();
  });

  it("starts the journey at the first event and applies it", () => {
    const snapshot = journeyFromInteractions([{ type: "journey.purchase", at: 7 }], { customerId: "c-1" });
    expect(snapshot?.context).toMatchObject({
      customerId: "c-1",
      startedAt: 7,
      stage: "purchase",
      purchases: 1,
    });
  });

  it("delivers the inactivity checks a scheduler would have delivered between events", () => {
    const machine = createJourneyMachine(conversionJourneyModel, {
      atRiskAfter: 30 * DAY,
      churnAfter: 60 * DAY,
    });
    const snapshot = journeyFromInteractions(
      [
        { type: "journey.purchase", at: 0 },
        // 100 days of silence: at risk on day 30, churned on day 60; this message is ignored.
        { type: "journey.interaction", at: 100 * DAY },
        { type: "journey.repurchase", at: 101 * DAY },
      ],
      { machine },
    );
    expect(snapshot?.context).toMatchObject({
      churns: 1,
      winBacks: 1,
      stage: "retention",
      stageSince: 101 * DAY,
    });
  });

  it("applies deadlines up to the report date with `until`", () => {
    const events: JourneyEvent[] = [{ type: "journey.interaction", at: 0 }];
    expect(journeyFromInteractions(events)?.context.riskReasons).toEqual([]);
    expect(journeyFromInteractions(events, { until: 90 * DAY })?.context.riskReasons).toEqual(["inactivity"]);
  });

  it("starts in a given stage", () => {
    const snapshot = journeyFromInteractions([{ type: "journey.referral", at: 1 }], { stage: "retention" });
    expect(snapshot?.context.stage).toBe("advocacy");
  });
});

describe("replay agrees with a live actor", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  // The same history twice: replayed with the pure API, and sent to a live actor whose timers run
  // on a fake clock set to each event's time. Deadlines far beyond one JS timer (90 and 365 days)
  // exercise the split waits.
  const history: JourneyEvent[] = [
    { type: "journey.interaction", at: 0 },
    { type: "journey.purchase", at: 3 * DAY },
    { type: "journey.interaction", at: 200 * DAY },
    { type: "journey.interaction", at: 300 * DAY },
    { type: "journey.repurchase", at: 800 * DAY },
    { type: "journey.survey", at: 801 * DAY, response: { kind: "nps", score: 10 } },
  ];
  const machine = createJourneyMachine(conversionJourneyModel, {
    churnAfter: 365 * DAY,
  });

  it("reaches the same snapshot and emits the same events", () => {
    const liveEmitted: JourneyEmitted<string>[] = [];
    const replayed = journeyFromInteractions(history, { machine, until: 900 * DAY });

    vi.useFakeTimers({ now: 0 });
    const actor = createActor(machine, { input: { at: 0 } });
    actor.on("*", (e) => liveEmitted.push(e as JourneyEmitted<string>));
    actor.start();
    for (const event of history) {
      vi.advanceTimersByTime(event.at - Date.now());
      actor.send(event);
    }
    vi.advanceTimersByTime(900 * DAY - Date.now());
    const live = actor.getSnapshot();
    actor.stop();

    expect(where(live)).toBe(where(replayed!));
    expect(live.context).toEqual(replayed!.context);
    // By hand: bought on day 3 (retention in this model); at risk 90 days after each activity
    // (93, 290, 390, 891), cleared by the messages on days 200 and 300; churned 365 days after the
    // last activity (665); won back on day 800 into retention (no stage change); a promoter on 801.
    expect(liveEmitted.map((e) => `${e.type}@${e.at / DAY}`)).toEqual([
      "journey.stage.changed@3",
      "journey.risk.changed@93",
      "journey.risk.changed@200",
      "journey.risk.changed@290",
      "journey.risk.changed@300",
      "journey.risk.changed@390",
      "journey.churned@665",
      "journey.wonback@800",
      "journey.stage.changed@801",
      "journey.risk.changed@891",
    ]);
  });
});
