import {
  type ConversationEmitted,
  type ConversationEvent,
  conversationMachine,
  initialStep,
  nextDeadline,
  persist,
  restoreActor,
  type StepResult,
  step,
} from "touchpoint/conversation";
import { createActor, SimulatedClock } from "xstate";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DAY, HOUR, happyPath, MIN } from "./helpers.js";
import { emittedTypes, runLive, runServer, runTicked } from "./runners.js";

afterEach(() => {
  vi.useRealTimers();
});

describe("live actor: timers armed from the deadlines in context (fake timers)", () => {
  it("emits the first-response warning at 75 % and the breach just after the due time", () => {
    vi.useFakeTimers({ now: 0 });
    const actor = createActor(conversationMachine, {
      input: { conversationId: "c-1", startedAt: 0, priority: "urgent" },
    });
    const seen: [string, number][] = [];
    actor.on("sla.warning", (e) => seen.push([`warning@${Date.now()}`, e.at]));
    actor.on("sla.breached", (e) => seen.push([`breached@${Date.now()}`, e.at]));
    actor.start();
    vi.advanceTimersByTime(45 * MIN - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([[`warning@${45 * MIN}`, 45 * MIN]]);
    vi.advanceTimersByTime(15 * MIN + 1);
    expect(seen.at(-1)).toEqual([`breached@${60 * MIN + 1}`, 60 * MIN + 1]);
    actor.stop();
  });

  it("lets a consumer replace a named delay with provide() (here: the SLA timer after one second)", () => {
    vi.useFakeTimers({ now: 0 });
    const fast = conversationMachine.provide({ delays: { slaDeadline: 1000 } });
    const actor = createActor(fast, { input: { conversationId: "c-1", startedAt: 0 } }).start();
    const warnings: ConversationEmitted[] = [];
    actor.on("sla.warning", (e) => warnings.push(e));
    vi.advanceTimersByTime(1000);
    // The timer fired early; the fact still carries the deadline it stands for (6 h of 8 h, normal).
    expect(warnings).toEqual([
      { type: "sla.warning", conversationId: "c-1", kind: "firstResponse", at: 6 * HOUR, dueAt: 8 * HOUR },
    ]);
    actor.stop();
  });

  it("waits out a deadline longer than one JavaScript timer (Zendesk allows auto-close up to 28 days)", () => {
    vi.useFakeTimers({ now: 0 });
    const actor = createActor(conversationMachine, {
      input: { conversationId: "c-1", startedAt: 0, autoCloseAfterMs: 28 * DAY },
    }).start();
    actor.send({ type: "agent.resolve", at: 0 });
    // setTimeout holds at most 2^31 − 1 ms (24.8 days); the machine re-arms instead of closing early.
    vi.advanceTimersByTime(27 * DAY);
    expect(actor.getSnapshot().value).toBe("resolved");
    vi.advanceTimersByTime(DAY);
    expect(actor.getSnapshot().value).toBe("closed");
    expect(actor.getSnapshot().context.closedAt).toBe(28 * DAY);
    actor.stop();
  });

  it("abandons at the silence instant when the silence outlasts one JavaScript timer and an SLA timer fires meanwhile", () => {
    // Regression (version 2 abandoned a day early here): a capped timer fires early and reads its
    // instant from the time of the last event, so it is re-armed whenever time moves.
    vi.useFakeTimers({ now: 0 });
    const actor = createActor(conversationMachine, {
      input: {
        conversationId: "c-1",
        startedAt: 0,
        priority: "low",
        handler: "bot",
        abandonAfterMs: 30 * DAY,
      },
    }).start();
    const seen: [number, string, number][] = [];
    for (const type of emittedTypes) actor.on(type, (e) => seen.push([Date.now(), e.type, e.at]));
    actor.send({ type: "agent.greet", at: 0, by: "agent" }); // a human takes over from the bot
    actor.send({ type: "customer.message", at: 0 });
    // The bot's answer leaves the next-response clock running: its timer fires during the silence.
    actor.send({ type: "agent.message", at: 0, by: "bot" });
    vi.advanceTimersByTime(31 * DAY);
    expect(seen.map((s) => s[1])).toEqual([
      "conversation.handoff",
      "sla.warning",
      "sla.breached",
      "conversation.abandoned",
    ]);
    expect(seen.filter(([now, , at]) => now !== at)).toEqual([]);
    expect(seen.at(-1)).toEqual([30 * DAY, "conversation.abandoned", 30 * DAY]);
    actor.stop();
  });

  it("abandons a silent conversation with SimulatedClock", () => {
    const clock = new SimulatedClock();
    const actor = createActor(conversationMachine, {
      clock,
      input: { conversationId: "c-1", startedAt: 0, abandonAfterMs: 10 * MIN },
    }).start();
    actor.send({ type: "agent.greet", at: 0 });
    clock.increment(10 * MIN);
    expect(actor.getSnapshot().value).toBe("abandoned");
    expect(actor.getSnapshot().status).toBe("done");
  });

  it("emits every warning and breach of an instant shared by two clocks when the one SLA timer fires", () => {
    vi.useFakeTimers({ now: 0 });
    // First response and resolution both 1 h: both warn at 45 min and breach 1 ms after 1 h.
    const actor = createActor(conversationMachine, {
      input: { conversationId: "c-1", startedAt: 0, targets: { firstResponseMs: HOUR, resolutionMs: HOUR } },
    });
    const seen: [number, string, string, number][] = [];
    actor.on("sla.warning", (e) => seen.push([Date.now(), e.type, e.kind, e.at]));
    actor.on("sla.breached", (e) => seen.push([Date.now(), e.type, e.kind, e.at]));
    actor.start();
    vi.advanceTimersByTime(45 * MIN - 1);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(seen).toEqual([
      [45 * MIN, "sla.warning", "firstResponse", 45 * MIN],
      [45 * MIN, "sla.warning", "resolution", 45 * MIN],
    ]);
    vi.advanceTimersByTime(15 * MIN);
    expect(seen.length).toBe(2);
    vi.advanceTimersByTime(1);
    expect(seen.slice(2)).toEqual([
      [HOUR + 1, "sla.breached", "firstResponse", HOUR + 1],
      [HOUR + 1, "sla.breached", "resolution", HOUR + 1],
    ]);
    actor.stop();
  });

  it("fires each SLA instant of every clock at its own time, one timer re-armed after each", () => {
    vi.useFakeTimers({ now: 0 });
    const actor = createActor(conversationMachine, {
      input: { conversationId: "c-1", startedAt: 0, priority: "urgent" },
    });
    const seen: [number, string, string][] = [];
    actor.on("sla.warning", (e) => seen.push([Date.now(), e.kind, "warning"]));
    actor.on("sla.breached", (e) => seen.push([Date.now(), e.kind, "breached"]));
    actor.start();
    vi.advanceTimersByTime(DAY);
    // urgent: 1 h first response, 4 h resolution, warnings at 75 %; breaches 1 ms after due.
    expect(seen).toEqual([
      [45 * MIN, "firstResponse", "warning"],
      [HOUR + 1, "firstResponse", "breached"],
      [3 * HOUR, "resolution", "warning"],
      [4 * HOUR + 1, "resolution", "breached"],
    ]);
    actor.stop();
  });

  it("keeps a running SLA clock's timers while the customer holds the turn (a bot replied for a human)", () => {
    vi.useFakeTimers({ now: 0 });
    const actor = createActor(conversationMachine, {
      input: { conversationId: "c-1", startedAt: 0, priority: "urgent" },
    }).start();
    const breaches: ConversationEmitted[] = [];
    actor.on("sla.breached", (e) => breaches.push(e));
    actor.send({ type: "customer.message", at: 0 });
    vi.advanceTimersByTime(MIN);
    // A bot's answer is not a first response (bots never count): the 1 h clock runs on.
    actor.send({ type: "agent.message", at: MIN, by: "bot" });
    expect(actor.getSnapshot().context.turn).toBe("awaitingCustomer");
    vi.advanceTimersByTime(HOUR);
    expect(breaches.map((e) => e.type === "sla.breached" && [e.kind, e.at])).toEqual([
      ["firstResponse", HOUR + 1],
    ]);
    // A human reply meets the clock: nothing of the team's is due while the customer answers, only
    // the customer's silence (a day by default).
    actor.send({ type: "agent.message", at: 2 * HOUR, by: "agent" });
    expect(actor.getSnapshot().context.turn).toBe("awaitingCustomer");
    expect(nextDeadline(actor.getSnapshot())).toBe(2 * HOUR + DAY);
    actor.stop();
  });

  it("re-arms timers after restore when sent a clock tick (XState does not persist timers)", () => {
    vi.useFakeTimers({ now: 0 });
    const first = createActor(conversationMachine, {
      input: { conversationId: "c-1", startedAt: 0, priority: "urgent" },
    }).start();
    first.send({ type: "customer.message", at: 0 });
    vi.advanceTimersByTime(10 * MIN);
    const saved = JSON.stringify(persist(first));
    first.stop();

    const second = restoreActor(saved).start();
    const breaches: ConversationEmitted[] = [];
    second.on("sla.breached", (e) => breaches.push(e));
    second.send({ type: "clock.tick", at: Date.now() });
    vi.advanceTimersByTime(50 * MIN + 1);
    expect(breaches.map((e) => e.type === "sla.breached" && e.kind)).toEqual(["firstResponse"]);
    second.stop();
  });
});

describe("server-side: step() hands back wake-ups and emitted events", () => {
  it("schedules one SLA wake-up, at the earliest warning or breach ahead, and the next one when it fires", () => {
    let result = initialStep({ conversationId: "c-1", startedAt: 0, priority: "urgent" });
    const slaId = "xstate.after.slaDeadline.conversation.active";
    expect(result.scheduled).toEqual([
      { id: slaId, at: 45 * MIN, event: { type: "clock.tick", at: 45 * MIN } },
    ]);
    expect(result.cancelled).toEqual([]);
    // Deliver each wake-up at its instant: urgent is 1 h first response, 4 h resolution, warnings
    // at 75 %, breaches 1 ms after due; each fires what fell due and schedules the next.
    const fired: [number, string[]][] = [];
    for (let i = 0; i < 10 && result.scheduled.length > 0; i++) {
      const wake = result.scheduled[0] as (typeof result.scheduled)[number];
      expect(result.scheduled).toEqual([wake]);
      expect(wake.id).toBe(slaId);
      result = step(result.snapshot, wake.event);
      fired.push([wake.at, result.emitted.map((e) => `${e.type} ${"kind" in e ? e.kind : ""} ${e.at}`)]);
    }
    expect(fired).toEqual([
      [45 * MIN, [`sla.warning firstResponse ${45 * MIN}`]],
      [HOUR + 1, [`sla.breached firstResponse ${HOUR + 1}`]],
      [3 * HOUR, [`sla.warning resolution ${3 * HOUR}`]],
      [4 * HOUR + 1, [`sla.breached resolution ${4 * HOUR + 1}`]],
    ]);
    // Nothing of the SLA is left ahead: the timer is cancelled, not re-armed.
    expect(result.cancelled).toEqual([slaId]);
  });

  it("emits every warning of an instant shared by two clocks from one wake-up", () => {
    const first = initialStep({
      conversationId: "c-1",
      startedAt: 0,
      targets: { firstResponseMs: HOUR, resolutionMs: HOUR },
    });
    expect(first.scheduled.map((s) => s.at)).toEqual([45 * MIN]);
    const warned = step(first.snapshot, (first.scheduled[0] as (typeof first.scheduled)[number]).event);
    expect(warned.emitted.map((e) => e.type === "sla.warning" && [e.kind, e.at])).toEqual([
      ["firstResponse", 45 * MIN],
      ["resolution", 45 * MIN],
    ]);
    expect(warned.scheduled.map((s) => s.at)).toEqual([HOUR + 1]);
  });

  it("pauses the resolution wake-ups while the customer holds the turn", () => {
    const first = initialStep({ conversationId: "c-1", startedAt: 0, priority: "urgent" });
    const replied = step(first.snapshot, { type: "agent.greet", at: MIN });
    const ids = replied.scheduled.map((s) => s.id.split(".")[2]);
    expect(ids).toEqual(["customerSilence"]);
    expect(replied.cancelled).toEqual(["xstate.after.slaDeadline.conversation.active"]);
  });

  it("schedules the wake-ups of a clock still running while the customer holds the turn", () => {
    // The host's scheduler: one job per timer id, replaced when scheduled again, dropped when cancelled.
    const jobs = new Map<string, number>();
    const apply = (result: StepResult) => {
      for (const id of result.cancelled) jobs.delete(id);
      for (const s of result.scheduled) jobs.set(s.id, s.at);
      return result;
    };
    const first = apply(initialStep({ conversationId: "c-1", startedAt: 0, priority: "urgent" }));
    const botted = apply(step(first.snapshot, { type: "agent.message", at: MIN, by: "bot" }));
    const pending = () => [...jobs].map(([id, at]) => [id.split(".")[2], at]);
    expect(pending()).toEqual([
      ["slaDeadline", 45 * MIN],
      ["customerSilence", MIN + DAY],
    ]);
    // The SLA timer keeps its instant (a bot's reply meets nothing), so it is not booked again.
    expect(botted.scheduled.map((s) => [s.id.split(".")[2], s.at])).toEqual([["customerSilence", MIN + DAY]]);
    expect(botted.cancelled).toEqual([]);
    // The next wake-up after the warning is the breach, still watched while the customer holds the turn.
    const warned = apply(step(botted.snapshot, { type: "clock.tick", at: 45 * MIN }));
    expect(warned.emitted.map((e) => e.type)).toEqual(["sla.warning"]);
    expect(warned.scheduled.map((s) => [s.id.split(".").slice(2).join("."), s.at])).toContainEqual([
      "slaDeadline.conversation.active",
      HOUR + 1,
    ]);
    expect(pending()).toEqual([
      ["slaDeadline", HOUR + 1],
      ["customerSilence", MIN + DAY],
    ]);
  });

  it("ignores what is not an event of the machine, including XState's reserved wildcard type", () => {
    const first = initialStep({ conversationId: "c-1", startedAt: 0 });
    for (const junk of [{ type: "*", at: 5 }, { type: 42 }, null, "agent.greet"]) {
      const result = step(first.snapshot, junk as never);
      expect(result.snapshot).toEqual(first.snapshot);
      expect(result.emitted).toEqual([]);
    }
  });

  it("reports done once closed", () => {
    let result = initialStep({ conversationId: "c-1", startedAt: 0 });
    for (const event of happyPath()) result = step(result.snapshot, event);
    result = step(result.snapshot, { type: "clock.tick", at: 5 * DAY });
    expect(result.status).toBe("done");
    expect(result.emitted.map((e) => e.type)).toEqual(["conversation.closed"]);
  });
});

describe("the same transcript gives the same facts live, server-side and ticked", () => {
  const scenarios: [string, ConversationEvent[], Record<string, unknown>, number][] = [
    ["happy path, then auto-close", happyPath(), { priority: "urgent" }, 6 * DAY],
    [
      "slow answers: warnings and breaches of every clock",
      [
        { type: "customer.message", at: 0 },
        { type: "agent.greet", at: 2 * HOUR },
        { type: "customer.message", at: 3 * HOUR },
        { type: "agent.restate", at: 5 * HOUR },
        { type: "customer.confirm", at: 6 * HOUR },
        { type: "agent.propose", at: 9 * HOUR },
      ],
      { priority: "urgent" },
      2 * DAY,
    ],
    [
      "bot, escalation, reopen",
      [
        { type: "customer.message", at: 0 },
        { type: "agent.greet", at: 1000 },
        { type: "customer.escalate", at: MIN },
        { type: "agent.message", at: 30 * MIN, by: "agent" },
        { type: "agent.resolve", at: 40 * MIN },
        { type: "customer.message", at: 2 * HOUR },
        { type: "agent.message", at: 5 * HOUR },
      ],
      { priority: "high", handler: "bot" },
      3 * DAY,
    ],
  ];

  it.each(scenarios)("%s", (_name, events, input, until) => {
    const live = runLive(events, input, until);
    const server = runServer(events, input, until);
    const ticked = runTicked(events, input, until);
    expect(server.emitted).toEqual(live.emitted);
    expect(ticked.emitted).toEqual(live.emitted);
    expect(server.snapshot.value).toEqual(live.snapshot.value);
    expect(ticked.snapshot.value).toEqual(live.snapshot.value);
    expect(ticked.snapshot.context).toEqual(server.snapshot.context);
    // Live context may have advanced `now` at a fired timer's instant; everything else is equal.
    expect({ ...live.snapshot.context, now: 0 }).toEqual({ ...ticked.snapshot.context, now: 0 });
    expect(live.emitted.length).toBeGreaterThan(0);
    expect(new Set(live.emitted.map((e) => e.type)).size).toBeLessThanOrEqual(emittedTypes.length);
  });
});
