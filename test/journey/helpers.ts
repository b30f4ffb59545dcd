import { type AnyStateMachine, initialTransition, type SnapshotFrom, transition } from "xstate";
import type { JourneyEmitted, JourneyEvent, JourneyMachine } from "touchpoint/journey";

export const DAY = 86_400_000;

/** The events emitted by a list of actions returned by `transition()`. */
export function emitted(actions: readonly { type: string; params?: unknown }[]): JourneyEmitted<string>[] {
  return actions
    .filter((a) => a.type === "xstate.emit")
    .map((a) => (a.params as { event: JourneyEmitted<string> }).event);
}

/** Runs events through the pure API and returns the final snapshot and everything emitted. */
export function run<S extends string>(
  machine: JourneyMachine<S>,
  events: readonly JourneyEvent[],
  input: { at: number; customerId?: string; stage?: S } = { at: 0 },
): {
  snapshot: SnapshotFrom<JourneyMachine<S>>;
  emitted: JourneyEmitted<string>[];
  steps: SnapshotFrom<JourneyMachine<S>>[];
} {
  let [snapshot, actions] = initialTransition(machine, input);
  const all = emitted(actions);
  const steps = [snapshot];
  for (const event of events) {
    [snapshot, actions] = transition(machine, snapshot, event);
    all.push(...emitted(actions));
    steps.push(snapshot);
  }
  return { snapshot, emitted: all, steps };
}

/** The state value of a snapshot in a short form: `stage/health` or `churned`. */
export function where(snapshot: SnapshotFrom<AnyStateMachine>): string {
  const value = snapshot.value as "churned" | { active: { stage: string; health: string } };
  return value === "churned" ? "churned" : `${value.active.stage}/${value.active.health}`;
}
