// The report behind `touchpoint analyze`, on three conversations whose figures are worked out by
// hand below from the definitions the report states (Zendesk's first reply and one-touch, SLA
// compliance as hits over decided targets, CSAT as percent 4–5, NPS as promoters − detractors).
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/cli/analyze.js";
import { type Conversation, conversationSchema } from "touchpoint/schemas";

const at = (time: string) => `2026-03-02T${time}:00Z`;
const MIN = 60_000;

const conversations: Conversation[] = [
  {
    // Chat, normal. First reply 09:10 (10 min); waits 09:15→09:20 and 09:25→09:30 (5 min each);
    // resolved at 09:40 (40 min); four agent replies, so not one-touch.
    id: "A",
    channel: "chat",
    createdAt: at("09:00"),
    messages: [
      { author: "customer", at: at("09:00"), text: "How do I export my invoices as a spreadsheet?" },
      { author: "agent", at: at("09:10"), text: "Hi, thanks for getting in touch." },
      {
        author: "agent",
        at: at("09:11"),
        text: "From what I understand, you need every invoice in one file?",
      },
      { author: "customer", at: at("09:15"), text: "Yes, exactly." },
      { author: "agent", at: at("09:20"), text: "I suggest the Export button on the Billing page." },
      { author: "customer", at: at("09:25"), text: "Yes please, that would be great." },
      { author: "agent", at: at("09:30"), text: "Here it is: the file is attached." },
    ],
    statusChanges: [
      { at: at("09:10"), to: "open", by: "agent" },
      { at: at("09:40"), to: "resolved", by: "agent" },
    ],
    surveys: [
      { kind: "csat", score: 5 },
      { kind: "nps", score: 9 },
    ],
  },
  {
    // Email, urgent. First reply 12:00 (2 h: the urgent 1 h target is missed); resolved 12:30
    // (2 h 30 min, within the 4 h target); one agent reply: one-touch.
    id: "B",
    channel: "email",
    priority: "urgent",
    createdAt: at("10:00"),
    messages: [
      { author: "customer", at: at("10:00"), text: "I was charged twice this month." },
      { author: "agent", at: at("12:00"), text: "I have refunded the second charge." },
    ],
    statusChanges: [
      { at: at("12:00"), to: "open", by: "agent" },
      { at: at("12:30"), to: "resolved", by: "agent" },
    ],
    surveys: [
      { kind: "csat", score: 2 },
      { kind: "ces", score: 6 },
    ],
  },
  {
    // Email, low, never answered: counted as unanswered, still open, and listed for attention.
    id: "C",
    channel: "email",
    priority: "low",
    createdAt: at("11:00"),
    messages: [{ author: "customer", at: at("11:00"), text: "Which plan includes phone support?" }],
  },
].map((c) => conversationSchema.parse(c));

describe("analyze", () => {
  const report = analyze(conversations);

  it("takes the latest event as the instant the figures hold at", () => {
    expect(report.asOf).toBe(Date.parse(at("12:30")));
    expect(report.period).toEqual({ from: Date.parse(at("09:00")), to: Date.parse(at("11:00")) });
  });

  it("computes the totals as the definitions give them", () => {
    const t = report.total;
    expect(t.conversations).toBe(3);
    expect(t.resolved).toBe(2);
    expect(t.unanswered).toBe(1);
    // Percentiles come from a DDSketch at 1 % (Masson, Rim & Lee 2019): the value of rank
    // floor(p * (n - 1)) within 1 %, so the median of two is the shorter one; mean, min and max exact.
    const near = (value: number | undefined, expected: number) =>
      expect(Math.abs((value ?? Number.NaN) - expected)).toBeLessThanOrEqual(0.01 * expected);
    near(t.firstResponse?.median, 10 * MIN); // 10 and 120 minutes
    expect(t.firstResponse).toMatchObject({ count: 2, mean: 65 * MIN, min: 10 * MIN, max: 120 * MIN });
    near(t.firstResponse?.p90, 10 * MIN);
    expect(t.nextResponse).toMatchObject({ count: 2, mean: 5 * MIN });
    near(t.nextResponse?.median, 5 * MIN);
    near(t.resolution?.median, 40 * MIN); // 40 and 150 minutes
    expect(t.resolution?.mean).toBe(95 * MIN);
    // Intercom's definition by default: A and B were each closed once, their replies from one
    // (unnamed) agent. Zendesk's one-touch: only B, with its single reply.
    expect(report.fcrDefinition).toBe("closed-on-first-contact");
    expect(t.fcr).toBe(100);
    expect(analyze(conversations, { fcr: "one-touch" }).total.fcr).toBe(50);
    expect(analyze(conversations, { fcr: "single-reply" }).total.fcr).toBe(50);
    // A: first response, two next responses and resolution hit; B: first response missed,
    // resolution hit; C: both still running. 5 hits of 6 decided.
    expect(t.sla).toBeCloseTo((100 * 5) / 6, 10);
    expect([t.csat, t.csatAnswers]).toEqual([50, 2]);
    expect([t.nps, t.npsAnswers]).toEqual([100, 1]);
    expect([t.ces, t.cesAnswers]).toEqual([6, 1]);
  });

  it("splits by channel, largest segment first", () => {
    expect(report.segments.map((s) => [s.segment, s.conversations])).toEqual([
      ["email", 2],
      ["chat", 1],
    ]);
    expect(report.segments[0]?.firstResponse?.median).toBe(120 * MIN);
    expect(analyze(conversations, { by: "priority" }).segments.map((s) => s.segment)).toEqual([
      "low",
      "normal",
      "urgent",
    ]);
    expect(analyze(conversations, { by: "week" }).segments.map((s) => s.segment)).toEqual([
      "week of 2026-03-02",
    ]);
    expect(analyze(conversations, { by: "agent" }).segments.map((s) => s.segment)).toEqual(["(unassigned)"]);
  });

  it("replays each conversation and lists the open one with its next step", () => {
    expect(report.lifecycle.status).toEqual({ active: 1, resolved: 2, closed: 0, abandoned: 0 });
    expect(report.attention).toHaveLength(1);
    const c = report.attention[0]!;
    expect(c).toMatchObject({
      id: "C",
      channel: "email",
      priority: "low",
      stage: "greeting",
      waitingMinutes: 90,
    });
    expect(c.slaBreached).toBe(false);
    expect(c.action.length).toBeGreaterThan(0);
  });

  it("applies SLA targets of the caller's to the metrics and to the replay alike", () => {
    // A 5-minute first response target for normal priority: A's 10 minutes now miss it.
    const strict = analyze(conversations, { targets: { normal: { firstResponseMs: 5 * MIN } } });
    expect(strict.total.sla).toBeCloseTo((100 * 4) / 6, 10);
    expect(analyze(conversations, { attention: 0 }).attention).toEqual([]);
  });

  it("reports an empty export without NaN", () => {
    const empty = analyze([]);
    expect(empty.period).toBeNull();
    expect(empty.total).toMatchObject({
      conversations: 0,
      firstResponse: null,
      csat: null,
      nps: null,
      sla: null,
    });
    expect(JSON.stringify(empty)).not.toContain("NaN");
  });
});
