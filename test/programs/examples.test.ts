// The example programs in examples/, run in process: each main() is given a collecting log, and the
// facts below are checked against its output. Where a figure can be worked out from the inputs by
// another route (the sample export, the fixtures, the example's own data), the test does so itself
// rather than repeating what the program printed.
import { readFileSync } from "node:fs";
import { defaultSlaTargets } from "touchpoint/conversation";
import { builtinPlaybooks } from "touchpoint/playbooks";
import { channels } from "touchpoint/schemas";
import { describe, expect, it } from "vitest";
import { main as classifyInbox, inbox } from "../../examples/classify-inbox.js";
import { main as helpdeskAdapter } from "../../examples/helpdesk-adapter.js";
import { customers, main as journeyFunnel, REPORT_DATE } from "../../examples/journey-funnel.js";
import { main as liveBot } from "../../examples/live-bot.js";
import { chatwootFixture, main as postgresHost } from "../../examples/postgres-host.js";
import { main as replayExport } from "../../examples/replay-export.js";
import { main as serverStep } from "../../examples/server-step.js";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

async function run(main: (log: (line: string) => void) => void | Promise<void>): Promise<string[]> {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  return lines;
}

/** The index of the first line matching `pattern`; fails the test when there is none. */
function indexOf(lines: readonly string[], pattern: RegExp): number {
  const i = lines.findIndex((line) => pattern.test(line));
  expect(i, `no line matches ${pattern}`).toBeGreaterThanOrEqual(0);
  return i;
}

/** "03-02 09:14" (month-day hour:minute, UTC, the examples' clock format) in 2026 → epoch ms. */
const instant = (text: string) => Date.parse(`2026-${text.replace(" ", "T")}:00Z`);
const clockText = (at: number) => new Date(at).toISOString().slice(5, 16).replace("T", " ");

/** Type-7 median (the metrics' definition): the middle value, or the mean of the two middle ones. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = (sorted.length - 1) / 2;
  return (sorted[Math.floor(mid)]! + sorted[Math.ceil(mid)]!) / 2;
}

describe("examples/live-bot.ts", async () => {
  const lines = await run(liveBot);

  it("hands off to a human after the second rejection, then warns on the human's first-response SLA", () => {
    const handoff = indexOf(lines, /conversation\.handoff bot -> human \(repeated_rejections\)/);
    const rejections = lines.slice(0, handoff).filter((l) => l.endsWith("-> customer.reject"));
    expect(rejections).toHaveLength(2);
    const warning = indexOf(lines, /! sla\.warning firstResponse/);
    expect(warning).toBeGreaterThan(handoff);
    expect(lines.filter((l) => l.includes("sla.warning"))).toHaveLength(1);
    expect(lines.some((l) => l.includes("sla.breached"))).toBe(false);
    // The human's clock starts at the hand-off: the warning comes at 75 % of the 12-minute target.
    const handoffAt = instant(/at (\d\d-\d\d \d\d:\d\d)/.exec(lines[handoff]!)![1]!);
    const [, warnAt, dueAt] = /at (\d\d-\d\d \d\d:\d\d), due (\d\d-\d\d \d\d:\d\d)/.exec(lines[warning]!)!;
    expect(instant(warnAt!) - handoffAt).toBe(0.75 * 12 * MINUTE);
    expect(instant(dueAt!) - handoffAt).toBe(12 * MINUTE);
  });

  it("resolves on the customer's thank-you, requests the survey, and closes four days later", () => {
    const resolved = indexOf(lines, /! conversation\.resolved by customer/);
    const survey = indexOf(lines, /! survey\.requested/);
    const closed = indexOf(lines, /! conversation\.closed \(auto_close\)/);
    expect(resolved).toBeLessThan(survey);
    expect(lines[indexOf(lines, /^state: /)]).toBe('state: "resolved"');
    expect(survey).toBeLessThan(closed);
    const resolvedAt = instant(/at (\d\d-\d\d \d\d:\d\d)$/.exec(lines[resolved]!)![1]!);
    const closedAt = instant(/at (\d\d-\d\d \d\d:\d\d)$/.exec(lines[closed]!)![1]!);
    expect(closedAt - resolvedAt).toBe(4 * DAY);
    expect(lines.at(-1)).toBe('state after four quiet days: "closed"');
  });

  it("renders every reply in full, and the first human response is the reply after the hand-off", () => {
    const replies = lines.filter((l) => /^\[[^\]]+\] (bot|agent) \(/.test(l));
    expect(replies.length).toBeGreaterThanOrEqual(6);
    for (const reply of replies) expect(reply).not.toMatch(/\{\{|\}\}/);
    expect(replies[0]).toMatch(/bot \(greet\): .*Ana/);
    const firstAgent = replies.find((l) => / agent \(/.test(l))!;
    const firstAgentAt = /^\[(\d\d-\d\d \d\d:\d\d)\]/.exec(firstAgent)![1];
    expect(lines).toContain(`first human response: ${firstAgentAt}, hand-offs: 1, proposals: 3`);
  });
});

describe("examples/server-step.ts", async () => {
  const lines = await run(serverStep);
  const warnMs = 0.75 * defaultSlaTargets.urgent.firstResponseMs!;
  const start = instant("03-02 14:00");

  it("schedules the first-response warning, then emits it when the worker sends the clock.tick", () => {
    const scheduled = indexOf(
      lines,
      new RegExp(`queue {2}<- wake-up at ${clockText(start + warnMs)} \\(slaDeadline\\)`),
    );
    const tick = lines.indexOf(`[${clockText(start + warnMs)}] EM-301 <- clock.tick`);
    expect(tick).toBeGreaterThan(scheduled);
    expect(lines[tick + 1]).toBe(`    outbox <- sla.warning (firstResponse) at ${clockText(start + warnMs)}`);
    // Nothing was due at the worker's first run, half an hour in.
    const firstRun = indexOf(lines, /worker wakes up/);
    expect(lines[firstRun + 1]).toMatch(/^\[\d\d-\d\d \d\d:\d\d\] worker wakes up/);
  });

  it("breaches the conversation nobody answered, and not the one answered after its warning", () => {
    expect(lines).toContain(
      "outbox: EM-301 sla.warning, EM-302 sla.warning, EM-302 sla.breached, EM-301 conversation.resolved, EM-301 survey.requested",
    );
    // EM-302 opened 10 minutes later: it breaches 1 ms after its hour (shown to the minute).
    expect(lines).toContain(
      `    outbox <- sla.breached (firstResponse) at ${clockText(start + 10 * MINUTE + 60 * MINUTE)}`,
    );
    expect(lines).toContain('stored EM-301: "resolved"');
    expect(lines).toContain('stored EM-302: {"active":{"stage":"greeting"}}');
  });

  it("cancels the SLA job when the agent answers and leaves only the jobs still ahead", () => {
    const greet = lines.indexOf("[03-02 14:52] EM-301 <- agent.greet");
    expect(greet).toBeGreaterThan(0);
    expect(lines.slice(greet, greet + 4)).toContain("    queue  -x slaDeadline cancelled");
    const queued = lines.at(-1)!;
    expect(queued).toMatch(/^queued jobs: /);
    expect(queued).toContain("EM-301 autoClose at 2026-03-06T15:30:00.000Z"); // resolved 15:30, closes 4 days on
    expect(queued).not.toContain("EM-301 slaDeadline");
  });
});

describe("examples/replay-export.ts", async () => {
  const lines = await run(replayExport);
  const raw = JSON.parse(
    readFileSync(new URL("../../examples/data/conversations.json", import.meta.url), "utf8"),
  ) as {
    id: string;
    channel: string;
    createdAt: string;
    messages?: { author: string; visibility?: string; at: string }[];
    surveys?: { kind: string; score: number }[];
  }[];
  // The sample's two broken records, found without the schemas: an unknown channel, a score off its scale.
  const ranges: Record<string, [number, number]> = { csat: [1, 5], nps: [0, 10], ces: [1, 7] };
  const broken = raw.flatMap((c, index) =>
    !(channels as readonly string[]).includes(c.channel) ||
    (c.surveys ?? []).some((s) => s.score < ranges[s.kind]![0] || s.score > ranges[s.kind]![1])
      ? [{ index, id: c.id }]
      : [],
  );
  const valid = raw.filter((_, i) => !broken.some((b) => b.index === i));

  it("reports every record, and each rejected one by position and id", () => {
    expect(broken).toHaveLength(2);
    expect(lines[0]).toBe(`${raw.length} records: ${valid.length} valid, ${broken.length} rejected`);
    for (const b of broken)
      expect(lines.some((l) => l.startsWith(`  rejected #${b.index} (${b.id}): `))).toBe(true);
  });

  it("replays every valid conversation to one of the four outcomes", () => {
    const replayed = lines[indexOf(lines, /^replayed: /)]!;
    const counts = [...replayed.matchAll(/(active|resolved|closed|abandoned) (\d+)/g)].map((m) =>
      Number(m[2]),
    );
    expect(counts).toHaveLength(4);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(valid.length);
  });

  it("gives the median first response time computed from the raw file", () => {
    const waits = valid.flatMap((c) => {
      const reply = (c.messages ?? []).find((m) => m.author === "agent" && m.visibility !== "private");
      return reply === undefined ? [] : [Date.parse(reply.at) - Date.parse(c.createdAt)];
    });
    expect(lines).toContain(
      `first response median (all): ${median(waits)} ms over ${waits.length} answered conversations`,
    );
  });

  it("gives the overall CSAT computed from the raw file (4 and 5 of 5 are satisfied)", () => {
    const scores = valid.flatMap((c) =>
      (c.surveys ?? []).filter((s) => s.kind === "csat").map((s) => s.score),
    );
    const satisfied = (100 * scores.filter((s) => s >= 4).length) / scores.length;
    const all = lines.find((l) => l.startsWith("all "))!;
    expect(all.split(/\s{2,}/)[1]).toBe(String(valid.length));
    expect(all).toContain(`${satisfied.toFixed(1)} % (${scores.length})`);
  });
});

describe("examples/journey-funnel.ts", async () => {
  const lines = await run(journeyFunnel);
  const lastActivity = (c: (typeof customers)[number]) =>
    Math.max(
      ...c.history.filter((e) => !("event" in e) || e.event !== "journey.cancellation").map((e) => e.day),
    );
  const start = Date.UTC(2026, 0, 5);

  it("counts every customer, and as reaching purchase exactly those with a purchase", () => {
    expect(lines).toContain(`Funnel of all ${customers.length} customers:`);
    const bought = customers.filter((c) =>
      c.history.some(
        (e) => "event" in e && (e.event === "journey.purchase" || e.event === "journey.repurchase"),
      ),
    );
    const purchaseRow = lines[indexOf(lines, /^ {2}purchase /)]!.trim().split(/\s+/);
    expect(Number(purchaseRow[1])).toBe(bought.length);
  });

  it("churns the customers who cancelled for good or went quiet for more than 180 days", () => {
    const churned = customers.filter((c) => {
      const last = c.history.at(-1)!;
      return (
        ("event" in last && last.event === "journey.cancellation") ||
        REPORT_DATE - (start + lastActivity(c) * DAY) > 180 * DAY
      );
    });
    expect(churned.length).toBeGreaterThan(0);
    for (const c of customers) {
      const line = lines.find((l) => l.startsWith(`  ${c.id} `) && l.includes(" stage "))!;
      expect(line.includes(" churned;"), c.id).toBe(churned.includes(c));
    }
    expect(lines.find((l) => l.startsWith("  at risk "))).toContain(`churned now ${churned.length},`);
    // cust-03 cancelled, then came back: won back once.
    expect(lines.find((l) => l.startsWith("  cust-03 ") && l.includes(" stage "))).toContain(
      "churns 1, win-backs 1",
    );
  });

  it("puts the detractor at risk and lists a cohort per month of first contact", () => {
    expect(lines.find((l) => l.startsWith("  cust-04 ") && l.includes(" stage "))).toMatch(
      /at risk \(.*detractor/,
    );
    const cohorts = lines.find((l) => l.startsWith("Cohorts by first contact: "))!;
    const total = [...cohorts.matchAll(/\d{4}-\d\d: (\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(total).toBe(customers.length);
  });
});

describe("examples/helpdesk-adapter.ts", async () => {
  const lines = await run(helpdeskAdapter);
  const fixture = (name: string) =>
    JSON.parse(readFileSync(new URL(`../fixtures/helpdesk/${name}`, import.meta.url), "utf8")) as Record<
      string,
      unknown
    >;

  it("refuses the partial page of audits by path, then maps every comment of the audits", () => {
    expect(lines[1]).toContain("audits.next_page [incomplete_page]");
    const audits = (
      fixture("zendesk-ticket-audits.json").audits as { events: { type: string; public?: boolean }[] }[]
    )
      .flatMap((a) => a.events)
      .filter((e) => e.type === "Comment");
    const start = indexOf(lines, /^ {2}conversation 1: email, closed/);
    const after = lines.slice(start + 2);
    const messages = after.slice(
      0,
      after.findIndex((l) => !/^ {2}\[\d+\] /.test(l)),
    );
    expect(messages).toHaveLength(audits.length);
    expect(messages.filter((l) => l.includes(" private: "))).toHaveLength(
      audits.filter((e) => e.public === false).length,
    );
  });

  it("adapts the Chatwoot payloads it can read and names the problems of the one it cannot", () => {
    expect(lines).toContain("  4 payloads: 3 adapted, 1 rejected");
    expect(lines.find((l) => l.startsWith("  rejected #3: "))).toContain(
      "message_type: expected a Chatwoot message_type",
    );
    const content = String(fixture("chatwoot-webhook-message_created.json").content);
    expect(
      lines.some((l) => l.startsWith("  [0] customer public: ") && l.includes(content.slice(0, 40))),
    ).toBe(true);
  });

  it("recommends a built-in playbook for the invented webhook", () => {
    const advice = lines.find((l) => l.startsWith("  playbook "))!;
    const id = /^ {2}playbook ([a-z-]+):/.exec(advice)![1];
    expect(builtinPlaybooks.map((p) => p.id)).toContain(id);
    expect(lines.find((l) => l.startsWith("  conversation 512: chat, open"))).toBeDefined();
  });
});

describe("examples/classify-inbox.ts", async () => {
  const lines = await run(classifyInbox);
  const ranked = lines.filter((l) => /^\s*\d+\. M-\d /.test(l));

  it("ranks every message once, by a score that never increases", () => {
    expect(lines[0]).toBe(`${inbox.length} messages, most pressing first:`);
    expect(ranked.map((l) => /M-\d/.exec(l)![0]).sort()).toEqual(inbox.map((m) => m.id).sort());
    const scores = ranked.map((l) => Number(/score (\d+\.\d+)/.exec(l)![1]));
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it("puts the urgent complaint and the threat to cancel first, the thank-you below them", () => {
    expect(
      ranked
        .slice(0, 2)
        .map((l) => /M-\d/.exec(l)![0])
        .sort(),
    ).toEqual(["M-3", "M-5"]);
    expect(ranked.findIndex((l) => l.includes(" M-4 "))).toBeGreaterThan(1);
  });

  it("explains each rank with a cue found in the message itself", () => {
    for (const m of inbox) {
      const at = lines.findIndex((l) => new RegExp(`^\\s*\\d+\\. ${m.id} `).test(l));
      const why = lines[at + 2]!;
      expect(why).toMatch(/^ {4}why: /);
      const cue = /from "([^"]+)"/.exec(why)?.[1];
      if (cue === undefined) expect(why).toContain("no cue recognised");
      else expect(m.text).toContain(cue);
    }
  });
});

describe("examples/postgres-host.ts", async () => {
  // PGlite unless DATABASE_URL is set; either way the same tables and the same story.
  const lines = await run(postgresHost);
  const sentAt = Date.parse(String(chatwootFixture().created_at));
  const minute = (at: number) => new Date(at).toISOString().slice(0, 16).replace("T", " ");
  const warnMs = 0.75 * defaultSlaTargets.urgent.firstResponseMs!;

  it("applies the Chatwoot webhook once and answers the redelivery as a duplicate", () => {
    expect(lines[indexOf(lines, /webhook message_created #0$/) + 1]).toBe(
      "  -> applied customer.message as version 1",
    );
    expect(lines[indexOf(lines, /the same webhook again/) + 1]).toBe("  -> duplicate: already applied");
  });

  it("delivers the warning at 75 % of the urgent hour and the breach after it, each once", () => {
    const warnings = lines.filter((l) => l.includes("sla.warning"));
    const breaches = lines.filter((l) => l.includes("sla.breached"));
    expect(warnings).toEqual([
      `  outbox -> conversation 0: sla.warning (firstResponse) at ${minute(sentAt + warnMs)}`,
    ]);
    expect(breaches).toEqual([
      `  outbox -> conversation 0: sla.breached (firstResponse) at ${minute(sentAt + defaultSlaTargets.urgent.firstResponseMs!)}`,
    ]);
    expect(lines).toContain(
      `[${minute(sentAt + 30 * MINUTE)}] worker: 0 wake-up(s) delivered, 0 outbox row(s) relayed`,
    );
  });

  it("ends with the agent's reply applied, the SLA wake-up gone and every step recorded once", () => {
    expect(lines).toContain("  -> applied agent.greet as version 4");
    expect(lines.find((l) => l.startsWith("wake-ups: "))).not.toContain("slaDeadline");
    const applied = lines
      .find((l) => l.startsWith("applied: "))!
      .slice(9)
      .split(", ");
    expect(applied).toHaveLength(4);
    expect(new Set(applied).size).toBe(4);
    expect(applied.filter((id) => id.startsWith("chatwoot:message:"))).toEqual([
      "chatwoot:message:0",
      "chatwoot:message:1",
    ]);
  });
});
