import { addBusinessTime } from "../metrics/add-business-time.js";
import { businessDuration } from "../metrics/business-duration.js";
import type { BusinessSchedule } from "../metrics/business-schedule.js";
import type { SlaSchedule } from "./sla-clock.js";

/**
 * Returns an SLA schedule that counts business hours only, from a touchpoint/metrics business
 * schedule, for {@link createConversationMachine}.
 *
 * @remarks
 * Due times are `addBusinessTime(start, target)` and the time left at a pause is
 * `businessDuration(pausedAt, dueAt)`, the same functions `slaCompliance` uses, so the machine's
 * deadlines agree with the calculator's (Zendesk and Freshdesk let each SLA target count business
 * or calendar hours, notes/helpdesk-anchors.md §2.2, §2.3).
 *
 * @param schedule - a schedule from touchpoint/metrics' `businessSchedule`
 * @returns the SLA schedule
 *
 * @example
 * ```ts
 * import { businessSchedule } from "touchpoint/metrics";
 * import { businessHoursSchedule, createConversationMachine } from "touchpoint/conversation";
 * import { initialTransition } from "xstate";
 *
 * const nineToFive = [{ start: "09:00", end: "17:00" }];
 * const hours = businessSchedule({
 *   timeZone: "UTC",
 *   hours: { monday: nineToFive, tuesday: nineToFive, wednesday: nineToFive, thursday: nineToFive, friday: nineToFive },
 * });
 * const machine = createConversationMachine({ schedule: businessHoursSchedule(hours) });
 * // Urgent (1 h first response), in on Friday 6 March 2026 at 16:30: half an hour on Friday, half on Monday.
 * const [s] = initialTransition(machine, { conversationId: "c-1", startedAt: "2026-03-06T16:30:00Z", priority: "urgent" });
 * new Date(s.context.sla.firstResponse.dueAt ?? 0).toISOString(); // => "2026-03-09T09:30:00.000Z"
 * ```
 *
 * @category Conversation
 */
export function businessHoursSchedule(schedule: BusinessSchedule): SlaSchedule {
  return {
    add: (start, ms) => addBusinessTime(start, ms, schedule),
    elapsed: (start, end) => (end > start ? businessDuration(start, end, schedule) : 0),
  };
}
