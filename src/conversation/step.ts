import { checkSnapshot } from "../internal/args.js";
import { checkOptions } from "../internal/args.js";
import { initialTransition, transition } from "xstate";
import { NEVER, nextInstant } from "./conversation-effects.js";
import type { ConversationMachineInput } from "./conversation-input.js";
import { parseConversationInput } from "./conversation-input.js";
import type { ConversationMachine, ConversationSnapshot } from "./conversation-machine.js";
import { conversationMachine } from "./conversation-machine.js";
import type { ClockTickEvent, ConversationEmitted, ConversationEvent } from "./conversation-types.js";
import type { PersistedConversation } from "./persistence.js";
import { persist, restore } from "./persistence.js";

/**
 * A wake-up the host must schedule: at `at`, send `event` (a `clock.tick`) to {@link step}.
 *
 * @category Server-side
 */
export interface ScheduledTick {
  /** The timer's id; a later step that schedules the same id replaces the job, one that cancels it drops it. */
  id: string;
  /** When to send the event (epoch ms). */
  at: number;
  /** The event to send then. */
  event: ClockTickEvent;
}

/**
 * What {@link step} and {@link initialStep} return: the next snapshot to store, the facts to put in
 * the outbox and the wake-ups to put in the scheduler.
 *
 * @category Server-side
 */
export interface StepResult {
  /** The next snapshot in its versioned envelope; store it as is. */
  snapshot: PersistedConversation;
  /** The events the machine emitted (SLA warnings and breaches, hand-offs, survey, ...), in order. */
  emitted: ConversationEmitted[];
  /**
   * Wake-ups to (re)schedule, one per timer id. A timer whose instant this step did not move is not
   * listed: the job already scheduled for it stands.
   */
  scheduled: ScheduledTick[];
  /** Timer ids to cancel (no replacement scheduled). */
  cancelled: string[];
  /** `done` once the conversation is closed or abandoned; later events change nothing. */
  status: "active" | "done";
}

/** Options of {@link step} and {@link initialStep}. @category Server-side */
export interface StepOptions {
  /** The machine (one from {@link createConversationMachine} or `provide()`); {@link conversationMachine} by default. */
  machine?: ConversationMachine;
}

interface ExecutableLike {
  type: string;
  params?: unknown;
}

function collect(snapshot: ConversationSnapshot, actions: readonly ExecutableLike[]): StepResult {
  const emitted: ConversationEmitted[] = [];
  const scheduled = new Map<string, ScheduledTick>();
  const cancelled = new Set<string>();
  for (const action of actions) {
    const params = action.params as
      | { event?: ConversationEmitted; id?: string; delay?: number; sendId?: string }
      | undefined;
    switch (action.type) {
      case "xstate.emit":
        if (params?.event !== undefined) emitted.push(params.event);
        break;
      case "xstate.raise":
        if (params?.id !== undefined && typeof params.delay === "number") {
          scheduled.delete(params.id);
          cancelled.delete(params.id);
          if (params.delay >= NEVER) {
            cancelled.add(params.id);
          } else {
            const at = snapshot.context.now + params.delay;
            scheduled.set(params.id, { id: params.id, at, event: { type: "clock.tick", at } });
          }
        }
        break;
      case "xstate.cancel":
        if (params?.sendId !== undefined) {
          scheduled.delete(params.sendId);
          cancelled.add(params.sendId);
        }
        break;
      default:
        break;
    }
  }
  return {
    snapshot: persist(snapshot),
    emitted,
    scheduled: [...scheduled.values()],
    cancelled: [...cancelled],
    status: snapshot.status === "done" ? "done" : "active",
  };
}

/**
 * Starts a conversation server-side: returns its first snapshot, in an envelope to store, and the
 * wake-ups to schedule.
 *
 * @remarks
 * The pure `initialTransition()` of XState (notes/toolchain.md §1.7): no actor, no timer. The
 * delayed events XState would arm come back as `scheduled` wake-ups, each a `clock.tick` to send
 * at its instant; a timer with nothing to wait for is listed in `cancelled`. The SLA clocks share
 * one wake-up (the `slaDeadline` timer), at the earliest warning or breach still ahead; the step it
 * triggers emits everything due at that instant and schedules the next one.
 *
 * @param input - the machine input ({@link conversationMachineInputSchema})
 * @param options - the machine to run
 * @returns snapshot, emitted events, wake-ups, cancelled timer ids, status
 * @throws {@link TouchpointError} `invalid_input` for input the schema rejects
 *
 * @example
 * ```ts
 * import { initialStep } from "touchpoint/conversation";
 *
 * const first = initialStep({ conversationId: "c-1", startedAt: 0, priority: "urgent" });
 * // The first-response warning (75 % of 1 h) comes first; the later deadlines follow from it.
 * first.scheduled.map((s) => s.at); // => [2700000]
 * first.scheduled[0]?.id; // => "xstate.after.slaDeadline.conversation.active"
 * first.status; // => "active"
 * initialStep({ conversationId: "", startedAt: 0 }); // throws invalid_input
 * ```
 *
 * @category Server-side
 */
export function initialStep(input: ConversationMachineInput, options: StepOptions = {}): StepResult {
  options = checkOptions("initialStep", options);
  const machine = options.machine ?? conversationMachine;
  // Validate first: XState turns a throwing context factory into an error snapshot, not a throw.
  parseConversationInput(input);
  const [snapshot, actions] = initialTransition(machine, input);
  return collect(snapshot, actions as readonly ExecutableLike[]);
}

/**
 * Runs one event against a stored snapshot, server-side: returns the next snapshot to store, the
 * emitted events for the outbox and the wake-ups for the scheduler.
 *
 * @remarks
 * The per-request loop of notes/toolchain.md §1.7: restore the envelope, `transition()`, persist.
 * XState keeps no timers here; the host's scheduler does, and sends each wake-up's `clock.tick`
 * back through `step` at its instant. Because deadlines are instants in context and `clock.tick`
 * does what a live timer would, a conversation run this way emits exactly what a live actor emits.
 *
 * @param stored - the envelope from a previous step (an object or its JSON text)
 * @param event - the event, with its time `at`
 * @param options - the machine to run
 * @returns snapshot, emitted events, wake-ups, cancelled timer ids, status
 * @throws {@link TouchpointError} the errors of {@link restore} for a stored snapshot that cannot be read
 *
 * @example
 * ```ts
 * import { initialStep, step } from "touchpoint/conversation";
 *
 * const first = initialStep({ conversationId: "c-1", startedAt: 0, priority: "urgent" });
 * // Nobody answered: the scheduler sends the first wake-up (the warning at 75 % of 1 h).
 * const warned = step(JSON.stringify(first.snapshot), first.scheduled[0]!.event);
 * warned.emitted; // => [{ type: "sla.warning", conversationId: "c-1", kind: "firstResponse", at: 2700000, dueAt: 3600000 }]
 * warned.scheduled.map((s) => s.at); // => [3600001]
 * const answered = step(warned.snapshot, { type: "agent.greet", at: 3_000_000 });
 * answered.snapshot.snapshot.context.firstResponseAt; // => 3000000
 * ```
 *
 * @category Server-side
 */
export function step(stored: unknown, event: ConversationEvent, options: StepOptions = {}): StepResult {
  options = checkOptions("step", options);
  const machine = options.machine ?? conversationMachine;
  const current = restore(stored, machine);
  // Events come from the network here: XState throws on an event typed `*` (and on non-objects);
  // the machine ignores what it does not know, so step() does too.
  const type = typeof event === "object" && event !== null ? (event as { type?: unknown }).type : undefined;
  if (typeof type !== "string" || type === "*") return collect(current, []);
  const [snapshot, actions] = transition(machine, current, event);
  return collect(snapshot, actions as readonly ExecutableLike[]);
}

/**
 * The next instant at which time alone changes something: an SLA warning or breach, the customer's
 * silence running out, or a resolved conversation's auto-close. `null` when nothing is pending.
 *
 * @remarks
 * What a host scheduler (or {@link replayConversation}) needs to deliver a `clock.tick` exactly when
 * a live timer would fire. A breach counts from the first millisecond after the due time, since a
 * reply at the due time is in time.
 *
 * @param snapshot - a conversation snapshot
 * @returns the instant (epoch ms), or `null`
 *
 * @example
 * ```ts
 * import { initialTransition } from "xstate";
 * import { conversationMachine, nextDeadline } from "touchpoint/conversation";
 *
 * const [s] = initialTransition(conversationMachine, { conversationId: "c-1", startedAt: 0, priority: "urgent" });
 * nextDeadline(s); // => 2700000
 * ```
 *
 * @category Server-side
 */
export function nextDeadline(snapshot: ConversationSnapshot): number | null {
  checkSnapshot("nextDeadline", snapshot);
  if (snapshot.status !== "active") return null;
  return nextInstant(snapshot.context, snapshot.value === "resolved");
}
