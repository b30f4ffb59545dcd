/*
 * The three ways to run the conversation machine, for tests that prove they agree:
 * a live actor under fake timers, the server-side step loop with a simulated scheduler, and the
 * pure transition loop with clock ticks at every deadline (what replayConversation does).
 */
import {
  type ConversationEmitted,
  type ConversationEvent,
  type ConversationMachine,
  type ConversationMachineInput,
  type ConversationSnapshot,
  conversationMachine,
  initialStep,
  nextDeadline,
  persist,
  restore,
  type StepResult,
  step,
} from "touchpoint/conversation";
import { createActor, initialTransition, transition } from "xstate";
import { vi } from "vitest";
import { collect } from "./helpers.js";

export const emittedTypes = [
  "sla.warning",
  "sla.breached",
  "conversation.handoff",
  "conversation.resolved",
  "survey.requested",
  "conversation.reopened",
  "conversation.abandoned",
  "conversation.closed",
] as const;

export interface RunOutcome {
  emitted: ConversationEmitted[];
  snapshot: ConversationSnapshot;
}

function inputOf(input: Partial<ConversationMachineInput>): ConversationMachineInput {
  return { conversationId: "c-1", startedAt: 0, ...input };
}

/** A live actor under vitest fake timers; each event is sent when the fake clock reaches its `at`. */
export function runLive(
  events: readonly ConversationEvent[],
  input: Partial<ConversationMachineInput> = {},
  until?: number,
  machine: ConversationMachine = conversationMachine,
): RunOutcome {
  const full = inputOf(input);
  vi.useFakeTimers({ now: Number(full.startedAt), toFake: ["setTimeout", "clearTimeout", "Date"] });
  try {
    const actor = createActor(machine, { input: full });
    const emitted: ConversationEmitted[] = [];
    for (const type of emittedTypes) actor.on(type, (e) => emitted.push(e as ConversationEmitted));
    actor.start();
    for (const event of events) {
      const wait = event.at - Date.now();
      if (wait > 0) vi.advanceTimersByTime(wait);
      if (actor.getSnapshot().status !== "active") break;
      actor.send(event);
    }
    if (until !== undefined && until > Date.now()) vi.advanceTimersByTime(until - Date.now());
    const snapshot = actor.getSnapshot();
    actor.stop();
    return { emitted, snapshot };
  } finally {
    vi.useRealTimers();
  }
}

/** The server-side loop: step() per event, a simulated scheduler delivering the wake-ups. */
export function runServer(
  events: readonly ConversationEvent[],
  input: Partial<ConversationMachineInput> = {},
  until?: number,
  machine: ConversationMachine = conversationMachine,
): RunOutcome {
  const jobs = new Map<string, number>();
  const emitted: ConversationEmitted[] = [];
  let stored: unknown;
  const apply = (result: StepResult) => {
    emitted.push(...result.emitted);
    for (const id of result.cancelled) jobs.delete(id);
    for (const s of result.scheduled) jobs.set(s.id, s.at);
    stored = JSON.stringify(result.snapshot);
  };
  apply(initialStep(inputOf(input), { machine }));
  const drain = (t: number) => {
    for (;;) {
      let next: [string, number] | undefined;
      for (const job of jobs) if (job[1] <= t && (next === undefined || job[1] < next[1])) next = job;
      if (next === undefined) return;
      jobs.delete(next[0]);
      apply(step(stored, { type: "clock.tick", at: next[1] }, { machine }));
    }
  };
  for (const event of events) {
    drain(event.at);
    apply(step(stored, event, { machine }));
  }
  if (until !== undefined) drain(until);
  return { emitted, snapshot: restore(stored, machine) };
}

/** Pure transitions with a clock tick at every deadline before each event (as replayConversation). */
export function runTicked(
  events: readonly ConversationEvent[],
  input: Partial<ConversationMachineInput> = {},
  until?: number,
  machine: ConversationMachine = conversationMachine,
): RunOutcome {
  const emitted: ConversationEmitted[] = [];
  let [snapshot, actions] = initialTransition(machine, inputOf(input));
  collect(actions, emitted);
  const tickUntil = (t: number) => {
    for (let next = nextDeadline(snapshot); next !== null && next <= t; next = nextDeadline(snapshot)) {
      [snapshot, actions] = transition(machine, snapshot, { type: "clock.tick", at: next });
      collect(actions, emitted);
    }
  };
  for (const event of events) {
    tickUntil(event.at);
    [snapshot, actions] = transition(machine, snapshot, event);
    collect(actions, emitted);
  }
  if (until !== undefined) tickUntil(until);
  return { emitted, snapshot };
}

/** The same as runTicked, but persisted and restored (through JSON) after every step. */
export function runTickedWithRestores(
  events: readonly ConversationEvent[],
  input: Partial<ConversationMachineInput> = {},
  until?: number,
): RunOutcome {
  const emitted: ConversationEmitted[] = [];
  let [snapshot, actions] = initialTransition(conversationMachine, inputOf(input));
  collect(actions, emitted);
  const roundTrip = () => {
    snapshot = restore(JSON.stringify(persist(snapshot)));
  };
  const tickUntil = (t: number) => {
    for (let next = nextDeadline(snapshot); next !== null && next <= t; next = nextDeadline(snapshot)) {
      roundTrip();
      [snapshot, actions] = transition(conversationMachine, snapshot, { type: "clock.tick", at: next });
      collect(actions, emitted);
    }
  };
  for (const event of events) {
    tickUntil(event.at);
    roundTrip();
    [snapshot, actions] = transition(conversationMachine, snapshot, event);
    collect(actions, emitted);
  }
  if (until !== undefined) tickUntil(until);
  return { emitted, snapshot };
}
