/*
 * Runs the conversation machine without an actor, for replay: XState's own `getInitialSnapshot`
 * and `transition` on one actor scope kept per machine, emitted events collected as they resolve.
 * Replay uses it for a machine the fast runner (fast-runner.ts) declines, and the fast runner's
 * tests use it as the reference.
 *
 * Why: XState's pure `transition()` builds a fresh inert actor (and its system) for every event,
 * about 15 µs each here, and a live actor on a clock that never fires still books and cancels
 * every delayed event in its scheduler (about 1 µs each, two or three an event). A replay
 * needs neither: it delivers `clock.tick` at every deadline itself. The machine, its guards,
 * actions and delays run exactly as in an actor; only the timers XState would arm are dropped.
 */
import { type AnyActorScope, createActor, type ExecutableActionObject } from "xstate";
import type { ConversationMachineInput } from "./conversation-input.js";
import type { ConversationMachine, ConversationSnapshot } from "./conversation-machine.js";
import type { ConversationEmitted, ConversationEvent } from "./conversation-types.js";

/** Starts and steps one machine, collecting what it emits into `emitted`. */
export interface MachineRunner {
  /** Where emitted events go; set it before each run. */
  emitted: ConversationEmitted[];
  /** The initial snapshot for `input` (status `error`, with the cause, when the input is invalid). */
  start(input: ConversationMachineInput): ConversationSnapshot;
  /** The snapshot after `event`. */
  send(snapshot: ConversationSnapshot, event: ConversationEvent): ConversationSnapshot;
}

const runners = new WeakMap<ConversationMachine, MachineRunner>();

/** The runner of `machine`, made once: the scope holds no state between runs. */
export function runnerOf(machine: ConversationMachine): MachineRunner {
  const known = runners.get(machine);
  if (known !== undefined) return known;
  // Never started, so it runs nothing itself; it only lends the scope a `self` and a system.
  const self = createActor(machine, { input: undefined as never });
  const runner: MachineRunner = {
    emitted: [],
    start: (input) => {
      try {
        return machine.getInitialSnapshot(scope, input);
      } catch (error) {
        // Older XState 5 versions (5.20.0) throw from the context factory where later ones give a snapshot
        // in status `error`: the same outcome either way, for every peer version we declare.
        return { status: "error", error, value: {}, context: undefined } as unknown as ConversationSnapshot;
      }
    },
    send: (snapshot, event) => machine.transition(snapshot, event, scope),
  };
  const scope: AnyActorScope = {
    self,
    id: "",
    sessionId: "",
    logger: () => {},
    defer: () => {},
    emit: () => {},
    system: self.system,
    stopChild: () => {},
    actionExecutor: (action: ExecutableActionObject) => {
      switch (action.type) {
        case "xstate.emit":
          runner.emitted.push((action.params as { event: ConversationEmitted }).event);
          return;
        // Delayed events and their cancellations: the replay ticks at the deadlines instead.
        case "xstate.raise":
        case "xstate.cancel":
          return;
        default:
          // Anything else (an action a host provided with `machine.provide()`) runs, as in an actor.
          action.exec?.(action.info, action.params);
      }
    },
  };
  runners.set(machine, runner);
  return runner;
}
