/**
 * The worked examples of docs/warehouse-bigquery.md and docs/warehouse-snowflake.md compute the
 * figures of `touchpoint analyze --by week --fcr one-touch` on the sample export.
 *
 * The sample export is laid out as a Zendesk connector lands tickets (ticket, ticket_comment, user,
 * ticket_field_history) plus the survey tool's answers; then each step of the docs' SQL is carried
 * out here in the order the SQL does it: step 1 builds each ticket's conversation JSON as
 * TO_JSON_STRING(STRUCT(...)) / OBJECT_CONSTRUCT would (same keys, same ordering, NULLs), step 2
 * calls tp_conversation_record through the sandbox with the latest event as `as_of`, steps 3 and 4
 * group the records by segment and fold them with the pack's aggregates through each warehouse's
 * protocol. No SQL engine runs the joins: they are plain lookups, and what needs checking is that the
 * functions, fed what the SQL feeds them, give the command's numbers.
 */
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { Parser } from "node-sql-parser";
import { run } from "../../src/cli/main.js";
import { memoryIo } from "../cli/memory-io.js";
import { declarations } from "../../src/warehouse/declarations.js";
import { type Pack, pack, sampleRecords } from "./pack.js";

let p: Pack;
beforeAll(async () => {
  p = await pack();
}, 60_000);

// ----- The sample export as a Zendesk connector lands it. -----------------------------------------

interface RawMessage {
  author: string;
  authorId: string;
  at: string;
  text: string;
  visibility?: string;
}
interface RawConversation {
  id: string;
  channel: string;
  priority?: string;
  createdAt: string;
  status?: string;
  customerId?: string;
  assigneeId?: string;
  messages?: RawMessage[];
  statusChanges?: { at: string; from?: string; to: string; by?: string }[];
  surveys?: { kind: string; score: number; at?: string; customerId?: string }[];
}

const toZendeskStatus = (s: string | undefined) =>
  s === "resolved" ? "solved" : s === "on-hold" ? "hold" : (s ?? null);
const toZendeskChannel = (c: string) => (c === "phone" ? "voice" : c === "social" ? "facebook" : c);

function land(records: readonly RawConversation[]) {
  const ticket: Record<string, unknown>[] = [];
  const ticketComment: Record<string, unknown>[] = [];
  const user = new Map<string, { id: string; role: string; name: string }>();
  const history: Record<string, unknown>[] = [];
  const response: Record<string, unknown>[] = [];
  const addUser = (id: string, role: string, name: string) => {
    if (!user.has(id)) user.set(id, { id, role, name });
  };
  addUser("agent-unassigned", "agent", "Support");
  let commentId = 0;
  for (const c of records) {
    ticket.push({
      id: c.id,
      created_at: Date.parse(c.createdAt),
      status: toZendeskStatus(c.status),
      priority: c.priority ?? null,
      via_channel: toZendeskChannel(c.channel),
      requester_id: c.customerId ?? null,
      assignee_id: c.assigneeId ?? null,
    });
    if (c.customerId) addUser(c.customerId, "end-user", c.customerId);
    for (const m of c.messages ?? []) {
      addUser(
        m.authorId,
        m.author === "customer" ? "end-user" : "agent",
        m.author === "bot" ? "Answer Bot" : m.authorId,
      );
      ticketComment.push({
        id: ++commentId,
        ticket_id: c.id,
        user_id: m.authorId,
        created: Date.parse(m.at),
        public: m.visibility !== "private",
        body: m.text,
      });
    }
    for (const s of c.statusChanges ?? []) {
      const by =
        s.by === "customer"
          ? c.customerId
          : s.by === "bot"
            ? "assistant"
            : (c.assigneeId ?? "agent-unassigned");
      history.push({
        ticket_id: c.id,
        field_name: "status",
        updated: Date.parse(s.at),
        value: toZendeskStatus(s.to),
        user_id: by ?? null,
      });
    }
    for (const s of c.surveys ?? [])
      response.push({
        ticket_id: c.id,
        kind: s.kind,
        score: s.score,
        answered_at: s.at === undefined ? null : Date.parse(s.at),
        respondent_id: s.customerId ?? null,
      });
  }
  return { ticket, ticketComment, user: [...user.values()], history, response };
}

type Tables = ReturnType<typeof land>;
type Dialect = "bigquery" | "snowflake";

// ----- Step 1: each ticket as a conversation. -----------------------------------------------------

const iso = (t: unknown) => (t === null ? null : new Date(t as number).toISOString());
const fromZendeskStatus = (s: unknown) => (s === "solved" ? "resolved" : s === "hold" ? "on-hold" : s);
const fromZendeskChannel = (c: unknown) =>
  c === "voice" ? "phone" : c === "facebook" || c === "twitter" ? "social" : c;
/** ORDER BY with NULLs first, as both warehouses sort NULL first in ascending order... for BigQuery; Snowflake sorts them last. */
const byKeys =
  (nullsFirst: boolean, ...keys: string[]) =>
  (a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const k of keys) {
      const x = a[k] as number | null;
      const y = b[k] as number | null;
      if (x === y) continue;
      if (x === null) return nullsFirst ? -1 : 1;
      if (y === null) return nullsFirst ? 1 : -1;
      return x < y ? -1 : 1;
    }
    return 0;
  };

/** Drops NULL values from an object, as Snowflake's OBJECT_CONSTRUCT does. */
const construct = (dialect: Dialect, o: Record<string, unknown>) =>
  dialect === "bigquery" ? o : Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null));

function conversations(t: Tables, dialect: Dialect): { ticketId: string; conversation: unknown }[] {
  const nullsFirst = dialect === "bigquery";
  const role = new Map(
    t.user.map((u) => [u.id, u.role === "end-user" ? "customer" : u.name === "Answer Bot" ? "bot" : "agent"]),
  );
  return t.ticket.map((ticket) => {
    const messages = t.ticketComment
      .filter((c) => c.ticket_id === ticket.id && role.has(c.user_id as string))
      .sort(byKeys(nullsFirst, "created", "id"))
      .map((c) =>
        construct(dialect, {
          author: role.get(c.user_id as string),
          authorId: c.user_id,
          at: iso(c.created),
          text: c.body,
          visibility: c.public ? null : "private",
        }),
      );
    const changes = t.history
      .filter((h) => h.ticket_id === ticket.id && h.field_name === "status")
      .sort(byKeys(nullsFirst, "updated"));
    const statusChanges = changes.map((h, i) =>
      construct(dialect, {
        at: iso(h.updated),
        from: i === 0 ? "new" : fromZendeskStatus(changes[i - 1]!.value),
        to: fromZendeskStatus(h.value),
        by: role.get(h.user_id as string) ?? "system",
      }),
    );
    const surveys = t.response
      .filter((r) => r.ticket_id === ticket.id)
      .sort(byKeys(nullsFirst, "answered_at"))
      .map((r) =>
        construct(dialect, {
          kind: r.kind,
          score: r.score,
          at: iso(r.answered_at),
          customerId: r.respondent_id,
        }),
      );
    const conversation = construct(dialect, {
      id: ticket.id,
      channel: fromZendeskChannel(ticket.via_channel),
      priority: ticket.priority ?? "normal",
      createdAt: iso(ticket.created_at),
      status: fromZendeskStatus(ticket.status),
      customerId: ticket.requester_id,
      assigneeId: ticket.assignee_id,
      messages,
      statusChanges,
      surveys,
    });
    return {
      ticketId: ticket.id as string,
      conversation: dialect === "bigquery" ? JSON.stringify(conversation) : conversation,
    };
  });
}

// ----- Step 2: replay and measure. -----------------------------------------------------------------

function latest(t: Tables): number {
  const times = [
    ...t.ticket.map((r) => r.created_at),
    ...t.ticketComment.map((r) => r.created),
    ...t.history.map((r) => r.updated),
    ...t.response.map((r) => r.answered_at),
  ].filter((v): v is number => typeof v === "number");
  return Math.max(...times);
}

type Json = Record<string, unknown>;

function records(t: Tables, dialect: Dialect): Json[] {
  const fn = p[dialect].scalar("tp_conversation_record");
  const asOf = new Date(latest(t));
  const options = dialect === "bigquery" ? '{"fcr":"one-touch"}' : { fcr: "one-touch" };
  return conversations(t, dialect).map(({ conversation }) => {
    const out = fn(conversation, null, asOf, options);
    return (dialect === "bigquery" ? JSON.parse(out as string) : out) as Json;
  });
}

// ----- Steps 3 and 4: group and aggregate with the pack's aggregates. ------------------------------

/** Folds one group through the warehouse's aggregate protocol: `name(args...)` over the rows. */
function aggregateOver(dialect: Dialect, name: string, rows: readonly unknown[][]): unknown {
  if (dialect === "bigquery") {
    // Two workers, the partial state crossing as JSON to the one that finalises.
    const [a, b] = [
      p.bigquery.udaf(name, p.bigquery.workers(2)[0]),
      p.bigquery.udaf(name, p.bigquery.workers(2)[1]),
    ];
    const sa = a.initialState();
    const sb = b.initialState();
    for (const [i, row] of rows.entries()) {
      if (i % 2 === 0) a.aggregate(sa, ...row);
      else b.aggregate(sb, ...row);
    }
    a.merge(sa, JSON.parse(JSON.stringify(sb)));
    const result = a.finalize(sa);
    return typeof result === "string" ? JSON.parse(result) : result;
  }
  const f = p.snowflake.functions.get(name)!;
  const names = f.args.slice(1).map((x) => x.name);
  const partition = rows.map((row) => ({
    GROUP_KEY: "g",
    ...Object.fromEntries(names.map((n, i) => [n, row[i]])),
  }));
  if (partition.length === 0) return null;
  return p.snowflake.table(name, [partition])[0]?.RESULT ?? null;
}

interface Figures {
  conversations: number;
  resolved: number;
  firstResponse: unknown;
  unanswered: number;
  nextResponse: unknown;
  resolution: unknown;
  fcr: unknown;
  sla: unknown;
  csat: unknown;
  csatAnswers: number;
  nps: unknown;
  npsAnswers: number;
  ces: unknown;
  cesAnswers: number;
}

function dashboard(rs: readonly Json[], dialect: Dialect): Map<string, Figures> {
  const ok = rs.filter((r) => r.error === undefined);
  const segments = new Map<string, Json[]>();
  for (const r of ok)
    for (const s of [r.week as string, "all"]) segments.set(s, [...(segments.get(s) ?? []), r]);
  const out = new Map<string, Figures>();
  for (const [segment, group] of segments) {
    const surveys = group.flatMap((r) => r.surveys as Json[]);
    const kindScore = (kind: string) => surveys.map((s) => [s.kind === kind ? s.score : null]);
    out.set(segment, {
      conversations: group.length,
      resolved: group.filter((r) => r.resolved).length,
      firstResponse: aggregateOver(
        dialect,
        "tp_durations",
        group.map((r) => [r.firstResponseMs]),
      ),
      unanswered: group.filter((r) => r.firstResponseMs === null).length,
      nextResponse: aggregateOver(
        dialect,
        "tp_durations",
        group.flatMap((r) => (r.nextResponseMs as number[]).map((w) => [w])),
      ),
      resolution: aggregateOver(
        dialect,
        "tp_durations",
        group.map((r) => [r.resolutionMs]),
      ),
      fcr: aggregateOver(
        dialect,
        "tp_rate",
        group.map((r) => [r.fcr === "fcr" ? 1 : 0, r.resolved ? 1 : 0]),
      ),
      sla: aggregateOver(
        dialect,
        "tp_rate",
        group.map((r) => [r.slaHit, (r.slaHit as number) + (r.slaMissed as number)]),
      ),
      csat: aggregateOver(
        dialect,
        "tp_csat",
        surveys.map((s) => [s.kind === "csat" ? s.score : null, s.scaleMin, s.scaleMax]),
      ),
      csatAnswers: surveys.filter((s) => s.kind === "csat").length,
      nps: aggregateOver(dialect, "tp_nps", kindScore("nps")),
      npsAnswers: surveys.filter((s) => s.kind === "nps").length,
      ces: aggregateOver(dialect, "tp_ces", kindScore("ces")),
      cesAnswers: surveys.filter((s) => s.kind === "ces").length,
    });
  }
  return out;
}

function countBy(values: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const v of values) out[v] = (out[v] ?? 0) + 1;
  return out;
}

// ----- The command's report on the same export. --------------------------------------------------

async function commandReport(): Promise<Json> {
  const m = memoryIo({ "sample.json": JSON.stringify(sampleRecords) });
  const code = await run(
    ["analyze", "sample.json", "--by", "week", "--fcr", "one-touch", "--format", "json", "--attention", "0"],
    m.io,
  );
  expect(code).toBe(0);
  const stdout = m.out();
  return JSON.parse(stdout) as Json;
}

/**
 * A tp_durations result in the report's shape: the report states the sketch's accuracy once, as
 * `percentileAccuracy`, where the aggregate gives it with each summary.
 */
function sketchSummary(value: unknown, accuracy: unknown): unknown {
  if (value === null) return null;
  const { relativeAccuracy, ...summary } = value as Json;
  expect(relativeAccuracy).toBe(accuracy);
  return summary;
}

const nonZero = (o: Record<string, number>) => Object.fromEntries(Object.entries(o).filter(([, n]) => n > 0));

describe.each(["bigquery", "snowflake"] as const)("the %s worked example", (dialect) => {
  let report: Json;
  let rs: Json[];
  beforeAll(async () => {
    report = await commandReport();
    rs = records(land(sampleRecords as unknown as RawConversation[]), dialect);
  }, 120_000);

  it("rejects the records the command rejects, and says why", () => {
    const rejected = (report.input as { rejected: { id: string }[] }).rejected.map((r) => r.id);
    expect(rs.filter((r) => r.error !== undefined).map((r) => r.id)).toEqual(rejected);
  });

  it("gives the command's figures for every week and for all conversations", () => {
    const figures = dashboard(rs, dialect);
    const expected = [report.total as Json, ...(report.segments as Json[])];
    expect([...figures.keys()].sort()).toEqual(
      expected.map((s) => (s.segment as string).replace("week of ", "")).sort(),
    );
    for (const segment of expected) {
      const got = figures.get((segment.segment as string).replace("week of ", ""))!;
      const { segment: _name, firstResponseBusiness, resolutionBusiness, ...want } = segment;
      expect(firstResponseBusiness).toBeNull();
      expect(resolutionBusiness).toBeNull();
      const sketched = { ...got } as Record<string, unknown>;
      for (const key of ["firstResponse", "nextResponse", "resolution"] as const)
        sketched[key] = sketchSummary(got[key], report.percentileAccuracy);
      expect(sketched, segment.segment as string).toEqual(want);
    }
  });

  it("gives the command's mix of types, scenarios and signals, and its lifecycle", () => {
    const ok = rs.filter((r) => r.error === undefined);
    const reading = ok.map(
      (r) =>
        r.conversation as { type: string; scenario: string; signals: { signal: string; rising: boolean }[] },
    );
    expect(countBy(reading.map((o) => o.type))).toEqual(nonZero(report.types as Record<string, number>));
    expect(countBy(reading.map((o) => o.scenario))).toEqual(
      nonZero(report.scenarios as Record<string, number>),
    );
    const signals = countBy(reading.flatMap((o) => o.signals.map((s) => s.signal)));
    const rising = countBy(reading.flatMap((o) => o.signals.filter((s) => s.rising).map((s) => s.signal)));
    const reported = report.signals as { signal: string; conversations: number; rising: number }[];
    expect(signals).toEqual(Object.fromEntries(reported.map((s) => [s.signal, s.conversations])));
    expect(rising).toEqual(nonZero(Object.fromEntries(reported.map((s) => [s.signal, s.rising]))));
    const lifecycle = report.lifecycle as Json;
    expect(countBy(ok.map((r) => r.status as string))).toEqual(
      nonZero(lifecycle.status as Record<string, number>),
    );
    expect(countBy(ok.filter((r) => r.status === "active").map((r) => r.stage as string))).toEqual(
      nonZero(lifecycle.stage as Record<string, number>),
    );
    const sum = (k: string) => ok.reduce((s, r) => s + (r[k] as number), 0);
    expect(sum("handoffs")).toBe(lifecycle.handoffs);
    expect(sum("reopens")).toBe(lifecycle.reopens);
    expect(sum("rejectedProposals")).toBe(lifecycle.rejectedProposals);
    const medians: Record<string, unknown> = {};
    for (const stage of Object.keys(lifecycle.medianStageMinutes as Json)) {
      const visits = ok.flatMap((r) =>
        (r.stageMinutes as { stage: string; minutes: number; ms: number }[]).filter((v) => v.stage === stage),
      );
      // The command sketches milliseconds (the sketch's buckets depend on the unit), so does the SQL.
      const summary = sketchSummary(
        aggregateOver(
          dialect,
          "tp_durations",
          visits.map((v) => [v.ms]),
        ),
        report.percentileAccuracy,
      ) as { median: number } | null;
      medians[stage] = summary === null ? null : summary.median / 60_000;
    }
    expect(medians).toEqual(lifecycle.medianStageMinutes);
  });
});

describe("the worked examples' SQL", () => {
  const docs = {
    bigquery: fs.readFileSync(new URL("../../docs/warehouse-bigquery.md", import.meta.url), "utf8"),
    snowflake: fs.readFileSync(new URL("../../docs/warehouse-snowflake.md", import.meta.url), "utf8"),
  };
  const blocks = (text: string) => [...text.matchAll(/```sql\n([\s\S]*?)```/g)].map((m) => m[1] as string);

  it.each(["bigquery", "snowflake"] as const)("%s: lists every function of the pack", (dialect) => {
    for (const d of declarations)
      expect(docs[dialect], d.name).toContain(dialect === "bigquery" ? d.name : d.name.toUpperCase());
  });

  it("bigquery: the dashboard queries parse as BigQuery SQL (node-sql-parser; it has no CREATE FUNCTION)", () => {
    const parser = new Parser();
    const selects = blocks(docs.bigquery)
      .flatMap((b) => b.split(/;\s*\n/))
      .map((s) => s.replace(/--.*$/gm, "").trim())
      .filter((s) => /^(WITH|SELECT)\b/.test(s));
    expect(selects.length).toBeGreaterThanOrEqual(4);
    const failures: string[] = [];
    for (const s of selects) {
      try {
        parser.astify(s, { database: "bigquery" });
      } catch (error) {
        failures.push(`${s.slice(0, 60)}: ${(error as Error).message.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
