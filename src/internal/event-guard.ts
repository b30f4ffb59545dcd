/**
 * A gate in front of a machine's `transition`, so that what a host forwards cannot break the
 * promises the machines make: they never throw, ignore what they do not understand, and every
 * snapshot they reach persists and restores.
 *
 * Why a gate and not guards on each transition: XState evaluates a machine's guards and actions
 * against whatever event object arrives, and its own `xstate.*` events change the actor itself
 * (`xstate.stop` stops it, an unhandled `xstate.error.*` puts it in `error`). Both the live actor and
 * the pure `transition()` call `machine.transition(snapshot, event, scope)`, so one wrapper there
 * covers both; `provide()` builds a new machine, so it is wrapped as well.
 *
 * The gate lets through: the machine's own delayed events (`xstate.after.*`, which a server-side
 * host delivers from its scheduler), XState's internal `xstate.init`, and every event the
 * machine's `check` accepts, as `check` returns it (it may normalise: fill in defaults, drop a time
 * out of range so that the event counts as the machine's current time, as a missing time does). It
 * returns the snapshot unchanged for anything else: non-objects, other `xstate.*` events (a host
 * forwarding `xstate.stop` or `xstate.error.*`), and events of a known type whose fields are invalid.
 * `xstate.stop` is among those ignored: the machine's state is kept, while a live actor still stops
 * itself when its own `stop()` enqueues that event (XState's Actor does that after the transition),
 * so a stopped actor's snapshot is the state it stopped in, which persists and restores.
 */

/** What the gate needs of a machine: XState's `StateMachine` has both methods. */
interface GatedMachine {
  transition(snapshot: unknown, event: unknown, scope: unknown): unknown;
  provide(implementations: unknown): unknown;
}

/** Returns the event to process, or `undefined` to ignore it. */
export type EventCheck = (event: { readonly type: string } & Record<string, unknown>) => object | undefined;

const gated = new WeakSet<object>();

/** Wraps `machine.transition` (and `provide`, recursively) with `check`; returns the same machine. */
export function gateEvents<M>(machine: M, check: EventCheck): M {
  const m = machine as unknown as GatedMachine;
  if (gated.has(m)) return machine;
  gated.add(m);
  const transition = m.transition.bind(m);
  const provide = m.provide.bind(m);
  m.transition = (snapshot, event, scope) => {
    const admitted = admitEvent(event, check);
    return admitted === undefined ? snapshot : transition(snapshot, admitted, scope);
  };
  m.provide = (implementations) => gateEvents(provide(implementations), check);
  return machine;
}

/** The event as the gate passes it to the machine (`check` applied), or `undefined` when the gate ignores it. */
export function admitEvent(event: unknown, check: EventCheck): object | undefined {
  if (typeof event !== "object" || event === null) return undefined;
  const type = (event as { type?: unknown }).type;
  if (typeof type !== "string") return undefined;
  if (type.startsWith("xstate.")) {
    if (type === "xstate.init") return event;
    if (!type.startsWith("xstate.after.")) return undefined;
    return withEventTime(event);
  }
  return check(event as { readonly type: string } & Record<string, unknown>);
}

/** The earliest and latest instants touchpoint accepts: 1970 to the end of year 9999 (as timestampSchema). */
export const MIN_INSTANT = 0;
export const MAX_INSTANT = 253_402_300_799_999;

/** The event without its `at` when that is not a valid event time (it then counts as the machine's current time). */
export function withEventTime<E extends object>(event: E): E {
  if (isEventTime((event as { at?: unknown }).at)) return event;
  const { at: _dropped, ...rest } = event as { at?: unknown };
  return rest as E;
}

/** Whether `event` is an object whose `at` is a time within 1970–9999 (not absent). */
export function hasEventTime(event: unknown): boolean {
  if (typeof event !== "object" || event === null) return false;
  const at = (event as { at?: unknown }).at;
  return at !== undefined && isEventTime(at);
}

/** Whether `at` is absent or a finite number of epoch milliseconds within 1970–9999. */
export function isEventTime(at: unknown): boolean {
  return at === undefined || (typeof at === "number" && at >= MIN_INSTANT && at <= MAX_INSTANT);
}
