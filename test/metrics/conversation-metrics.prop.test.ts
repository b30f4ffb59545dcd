import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  businessSchedule,
  firstContactResolution,
  firstResponseTimes,
  handleTimes,
  type MetricConversation,
  type MetricMessage,
  type MetricStatusChange,
  nextResponseTimes,
  resolutionTimes,
  slaCompliance,
} from "touchpoint/metrics";

const M = 60_000;
const start = Date.UTC(2026, 2, 2);
const nineToFive = [{ start: "09:00", end: "17:00" }];
const schedule = businessSchedule({
  timeZone: "Europe/London",
  hours: {
    monday: nineToFive,
    tuesday: nineToFive,
    wednesday: nineToFive,
    thursday: nineToFive,
    friday: nineToFive,
  },
});

const conversation: fc.Arbitrary<MetricConversation> = fc
  .record({
    created: fc.integer({ min: 0, max: 60 * 24 * 60 }),
    messages: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 600 }),
        author: fc.constantFrom("customer" as const, "agent" as const, "bot" as const, "system" as const),
        visibility: fc.constantFrom("public" as const, "private" as const),
        authorId: fc.constantFrom("a", "b"),
      }),
      { maxLength: 12 },
    ),
    changes: fc.array(
      fc.record({
        gap: fc.integer({ min: 0, max: 900 }),
        to: fc.constantFrom(
          "new" as const,
          "open" as const,
          "pending" as const,
          "on-hold" as const,
          "resolved" as const,
          "closed" as const,
        ),
        by: fc.constantFrom("agent" as const, "bot" as const, "customer" as const),
      }),
      { maxLength: 8 },
    ),
    priority: fc.constantFrom("low" as const, "normal" as const, "high" as const, "urgent" as const),
  })
  .map(({ created, messages, changes, priority }) => {
    const createdAt = start + created * M;
    let t = createdAt;
    const ms: MetricMessage[] = messages.map((m) => {
      t += m.gap * M;
      return { author: m.author, visibility: m.visibility, authorId: m.authorId, at: t };
    });
    t = createdAt;
    const cs: MetricStatusChange[] = changes.map((c) => {
      t += c.gap * M;
      return { at: t, to: c.to, by: c.by };
    });
    return { createdAt, priority, messages: ms, statusChanges: cs };
  });

const conversations = fc.array(conversation, { maxLength: 25 });

describe("conversation time metrics properties", () => {
  it("first response: every conversation is counted once, business ≤ calendar, ordered summary", () => {
    fc.assert(
      fc.property(conversations, (cs) => {
        const r = firstResponseTimes(cs, { schedule });
        expect(r.answered + r.unanswered).toBe(cs.length);
        expect(r.conversations).toHaveLength(cs.length);
        for (const c of r.conversations) {
          if (c.calendar === null) continue;
          expect(c.calendar).toBeGreaterThanOrEqual(0);
          expect(c.business).not.toBeNull();
          expect(c.business!).toBeLessThanOrEqual(c.calendar);
        }
        if (r.calendar === null) expect(r.answered).toBe(0);
        else {
          expect(r.calendar.count).toBe(r.answered);
          const { min, median, p90, p95, max } = r.calendar;
          expect(min <= median && median <= p90 && p90 <= p95 && p95 <= max).toBe(true);
        }
      }),
    );
  });

  it("per-conversation values do not depend on the rest of the input (split and concatenate = one pass)", () => {
    fc.assert(
      fc.property(conversations, fc.nat(), (cs, cut) => {
        const k = cs.length === 0 ? 0 : cut % (cs.length + 1);
        const whole = firstResponseTimes(cs).conversations.map((c) => c.calendar);
        const parts = [
          ...firstResponseTimes(cs.slice(0, k)).conversations,
          ...firstResponseTimes(cs.slice(k)).conversations,
        ].map((c) => c.calendar);
        expect(parts).toEqual(whole);
        const reversed = firstResponseTimes([...cs].reverse());
        expect(reversed.calendar).toEqual(firstResponseTimes(cs).calendar);
      }),
    );
  });

  it("resolution: first ≤ full; handle time ≤ full resolution time", () => {
    fc.assert(
      fc.property(conversations, (cs) => {
        const r = resolutionTimes(cs);
        const h = handleTimes(cs);
        expect(r.resolved + r.unresolved).toBe(cs.length);
        cs.forEach((_, i) => {
          const first = r.first.conversations[i]!.calendar;
          const full = r.full.conversations[i]!.calendar;
          if (first !== null && full !== null) expect(first).toBeLessThanOrEqual(full);
          const handle = h.conversations[i]!.calendar;
          if (handle !== null && full !== null) expect(handle).toBeLessThanOrEqual(full);
        });
      }),
    );
  });

  it("next response: waits start after the first response and answered waits are non-negative", () => {
    fc.assert(
      fc.property(conversations, (cs) => {
        const first = firstResponseTimes(cs);
        const next = nextResponseTimes(cs, { schedule });
        let waits = 0;
        next.conversations.forEach((c, i) => {
          const end = first.conversations[i]!.end;
          if (end === null) expect(c.waits).toEqual([]);
          for (const w of c.waits) {
            waits++;
            expect(w.start).toBeGreaterThanOrEqual(end!);
            if (w.calendar !== null) {
              expect(w.calendar).toBeGreaterThanOrEqual(0);
              expect(w.business!).toBeLessThanOrEqual(w.calendar);
            }
          }
        });
        expect(next.answered + next.unanswered + next.resolvedWithoutReply).toBe(waits);
      }),
    );
  });

  it("FCR: a rate in [0, 100]; a single-reply resolution is always one-touch", () => {
    fc.assert(
      fc.property(
        conversations,
        fc.constantFrom("not-fcr" as const, "by-definition" as const),
        (cs, reopened) => {
          const oneTouch = firstContactResolution(cs, { definition: "one-touch", reopened });
          const single = firstContactResolution(cs, { definition: "single-reply", reopened });
          const intercom = firstContactResolution(cs, { definition: "closed-on-first-contact", reopened });
          for (const r of [oneTouch, single, intercom]) {
            expect(r.fcr).toBeLessThanOrEqual(r.resolved);
            expect(r.resolved + r.unresolved).toBe(cs.length);
            if (r.rate !== null) expect(r.rate >= 0 && r.rate <= 100).toBe(true);
          }
          single.outcomes.forEach((o, i) => {
            if (o === "fcr") expect(oneTouch.outcomes[i]).toBe("fcr");
          });
        },
      ),
    );
  });

  it("SLA: every target is hit, missed, active or cancelled; an unreachable target is never missed", () => {
    fc.assert(
      fc.property(conversations, (cs) => {
        const tight = { within: 30 * M };
        const all = { firstResponse: tight, nextResponse: tight, resolution: tight };
        const r = slaCompliance(cs, { schedule, targets: { low: all, normal: all, high: all, urgent: all } });
        const targets = r.conversations.reduce((n, c) => n + 2 + c.nextResponse.length, 0);
        const { hit, missed, active, cancelled } = r.overall;
        expect(hit + missed + active + cancelled).toBe(targets);
        for (const c of r.conversations) {
          for (const o of [c.firstResponse!, c.resolution!, ...c.nextResponse]) {
            expect(o.breach).toBe(o.status === "missed" ? o.elapsed - 30 * M : 0);
            expect(o.elapsed).toBeGreaterThanOrEqual(0);
          }
        }
        const loose = { within: 1e13 };
        const never = { firstResponse: loose, nextResponse: loose, resolution: loose };
        expect(
          slaCompliance(cs, { targets: { low: never, normal: never, high: never, urgent: never } }).overall
            .missed,
        ).toBe(0);
      }),
    );
  });
});
