/*
 * Two of the three faces of a report: a plain-text page for the terminal and JSON (the Report as
 * is, with the input summary); the HTML page is report-html.ts. Numbers are rounded only here and
 * there; the Report keeps full precision.
 */
import type { Summary } from "../metrics/index.js";
import { fcrLegend, type Report, type SegmentFigures } from "./analyze.js";
import { type RejectionGroup, rejectionLabel } from "./rejections.js";
import { sparkline } from "./sparkline.js";
import type { TrendPoint } from "./trends.js";

/** Where the report's data came from and what was rejected. */
export interface ReportInput {
  /** The file or files read. */
  source: string;
  /** Records read. */
  records: number;
  /** Records rejected, each with its position in the input and why: the first ones by position. */
  rejected: { index: number; id: string | null; problem: string }[];
  /** How many records were rejected in all (the list above is a sample when there are more). */
  rejectedCount: number;
  /** Messages counted once because their id repeated inside a conversation. */
  duplicateMessages: number;
  /** Every rejected record grouped by cause: exact counts, the first positions of each. */
  causes: RejectionGroup[];
}

/** C0 and C1 control characters but newline and tab. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is its job.
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Control characters of the data (an ANSI escape in an id or a tag) written as `\x1b`, so the text
 * report cannot move the cursor or recolour a terminal. Newlines and tabs are kept.
 */
export function escapeControls(text: string): string {
  return text.replace(CONTROLS, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
}

/** A value from the data on one line of the text report: every control character escaped. */
function one(text: string): string {
  return escapeControls(text).replace(/[\n\t]/g, (c) => (c === "\n" ? "\\n" : "\\t"));
}

export function analysedLine(report: Report, input: ReportInput): string {
  const period = report.period ? `${date(report.period.from)} to ${date(report.period.to)} UTC` : "no data";
  const duplicates =
    input.duplicateMessages > 0 ? `; ${input.duplicateMessages} repeated messages counted once` : "";
  return `${input.records} records, ${input.records - input.rejectedCount} analysed, ${input.rejectedCount} rejected${duplicates}; created ${period}; figures as of ${report.asOf === null ? "–" : `${date(report.asOf)} UTC`}`;
}

/** A share of a total in whole percent, `<1 %` rather than a misleading `0 %` for a few of many. */
export function share(n: number, total: number): string {
  if (total === 0 || n === 0) return "0 %";
  const p = Math.round((100 * n) / total);
  if (p === 0) return "<1 %";
  if (p === 100 && n < total) return ">99 %";
  return `${p} %`;
}

/** `1 h 05 min`, `12 min`, `45 s`, or `–` for no value. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "–";
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${String(m % 60).padStart(2, "0")} min`;
  return `${(h / 24).toFixed(1)} d`;
}

export function pct(value: number | null): string {
  return value === null ? "–" : `${value.toFixed(1)} %`;
}

export function num(value: number | null, digits = 0): string {
  return value === null ? "–" : value.toFixed(digits);
}

function withCount(value: string, n: number): string {
  return n === 0 ? "–" : `${value} (${n})`;
}

const dur = (s: Summary | null, key: "median" | "p90") => formatDuration(s?.[key]);

/** The metrics table's columns: header and how to read a row. */
export function metricColumns(report: Report, business: boolean): [string, (f: SegmentFigures) => string][] {
  const columns: [string, (f: SegmentFigures) => string][] = [
    [report.by === "none" ? "" : report.by, (f) => f.segment],
    ["conv.", (f) => String(f.conversations)],
    ["resolved", (f) => String(f.resolved)],
    ["FRT median", (f) => dur(f.firstResponse, "median")],
    ["FRT p90", (f) => dur(f.firstResponse, "p90")],
  ];
  if (business) columns.push(["FRT business median", (f) => dur(f.firstResponseBusiness, "median")]);
  columns.push(
    ["unanswered", (f) => String(f.unanswered)],
    ["NRT median", (f) => dur(f.nextResponse, "median")],
    ["resolution median", (f) => dur(f.resolution, "median")],
    ["resolution p90", (f) => dur(f.resolution, "p90")],
  );
  if (business) columns.push(["resolution business median", (f) => dur(f.resolutionBusiness, "median")]);
  columns.push(
    ["FCR", (f) => pct(f.fcr)],
    ["SLA met", (f) => pct(f.sla)],
    ["CSAT (n)", (f) => withCount(pct(f.csat), f.csatAnswers)],
    ["NPS (n)", (f) => withCount(num(f.nps), f.npsAnswers)],
    ["CES (n)", (f) => withCount(num(f.ces, 2), f.cesAnswers)],
  );
  return columns;
}

function textTable(header: string[], rows: string[][], rightAlignFrom = 1): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i >= rightAlignFrom ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd();
  return [line(header), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)].join("\n");
}

export function date(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 16);
}

function mix<K extends string>(counts: Record<K, number>): [string, string][] {
  const total = Object.values<number>(counts).reduce((a, b) => a + b, 0);
  return (Object.entries(counts) as [K, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => [k, `${n} (${share(n, total)})`]);
}

/** The trend rows of both reports: a label, the value of each point, and how to print it. */
export const trendRows: {
  key: string;
  label: string;
  value: (p: TrendPoint) => number | null;
  format: (v: number) => string;
}[] = [
  { key: "opened", label: "opened", value: (p) => p.opened, format: (v) => String(v) },
  { key: "resolved", label: "resolved", value: (p) => p.resolved, format: (v) => String(v) },
  { key: "backlog", label: "backlog", value: (p) => p.backlog, format: (v) => String(v) },
  {
    key: "frt-median",
    label: "FRT median",
    value: (p) => p.firstResponse?.median ?? null,
    format: formatDuration,
  },
  {
    key: "resolution-median",
    label: "resolution median",
    value: (p) => p.resolution?.median ?? null,
    format: formatDuration,
  },
  { key: "sla", label: "SLA met", value: (p) => p.sla, format: (v) => pct(v) },
  { key: "csat", label: "CSAT", value: (p) => p.csat, format: (v) => pct(v) },
  { key: "nps", label: "NPS", value: (p) => p.nps, format: (v) => num(v) },
];

/** Options of {@link formatText}. */
export interface TextOptions {
  /** Draw each trend as a sparkline (a terminal); plain ranges otherwise. */
  sparklines?: boolean;
  /** The terminal's width, to fit the sparklines (80 unless given). */
  columns?: number | undefined;
}

function textTrend(report: Report, options: TextOptions): string[] {
  const { granularity, points } = report.insights.trend;
  if (points.length < 2) return [];
  const width = Math.max(20, (options.columns ?? 80) - 20 - 36);
  const shown = options.sparklines ? points.slice(-width) : points;
  const heading = `Trend by ${granularity} (${points.length} ${granularity}s from ${points[0]?.start}${shown.length < points.length ? `; the last ${shown.length} drawn` : ""})`;
  const out = ["", heading, ""];
  for (const row of trendRows) {
    const values = points.map(row.value);
    const known = values.filter((v): v is number => v !== null);
    if (known.length === 0) continue;
    const last = [...values].reverse().find((v) => v !== null) as number;
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (const v of known) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const range = `last ${row.format(last)}, range ${row.format(lo)} to ${row.format(hi)}`;
    const line = options.sparklines ? `${sparkline(shown.map(row.value))}  ${range}` : range;
    out.push(`  ${row.label.padEnd(18)}${line}`);
  }
  return out;
}

export function hasBusiness(report: Report): boolean {
  return report.total.firstResponseBusiness !== null || report.total.resolutionBusiness !== null;
}

/** The rejected records by cause, for the end of the text report. */
function textRejections(input: ReportInput): string[] {
  if (input.rejectedCount === 0) return [];
  const out = ["", `Rejected records (${input.rejectedCount}, kept out of every figure above), by cause`, ""];
  for (const g of input.causes) {
    const more = g.count - g.examples.length;
    out.push(`  ${g.count} × ${one(g.cause)}`);
    if (g.examples.length > 0)
      out.push(
        `    ${g.examples.map((r) => one(rejectionLabel(r))).join(", ")}${more > 0 ? `, and ${more} more` : ""}`,
      );
  }
  if (input.rejectedCount > input.rejected.length)
    out.push(
      "",
      `  The first few of each cause are listed; --rejected-out <file> writes all ${input.rejectedCount}.`,
    );
  return out;
}

/** The report as a plain-text page for a terminal (sparklines only when `options.sparklines`). */
export function formatText(report: Report, input: ReportInput, options: TextOptions = {}): string {
  const out: string[] = [];
  out.push(`touchpoint analyze: ${one(input.source)}`);
  out.push(analysedLine(report, input));

  const columns = metricColumns(report, hasBusiness(report));
  out.push("", `Metrics by ${report.by}`, "");
  out.push(
    textTable(
      columns.map(([h]) => h),
      [...report.segments, report.total].map((f) => columns.map(([, get]) => one(get(f)))),
    ),
  );
  out.push(
    "",
    "FRT first response time (public human replies; bots and private notes excluded); NRT next response time;",
    `resolution: creation to first resolution; FCR: ${fcrLegend[report.fcrDefinition]}, reopened counts as not resolved on first contact;`,
    "SLA met: targets hit out of targets decided; CSAT: percent satisfied; CES: mean on 1–7;",
    `percentiles (median, p90) within ${report.percentileAccuracy * 100} % of the time of their rank.`,
  );
  out.push(...textTrend(report, options));

  out.push("", "What the conversations were about (all of the customer's messages)", "");
  const types = mix(report.types);
  const scen = mix(report.scenarios);
  const rows: string[][] = [];
  for (let i = 0; i < Math.max(types.length, scen.length); i++) {
    rows.push([...(types[i] ?? ["", ""]), ...(scen[i] ?? ["", ""])]);
  }
  out.push(textTable(["type", "conversations", "scenario", "conversations"], rows, 99));
  if (report.signals.length > 0) {
    out.push(
      "",
      `Signals: ${report.signals.map((s) => `${s.signal} ${s.conversations}${s.rising > 0 ? ` (rising in ${s.rising})` : ""}`).join(", ")} (conversations)`,
    );
  }

  const l = report.lifecycle;
  out.push("", "Lifecycle (the conversation machine, replayed from the messages)", "");
  out.push(
    `  ${Object.entries(l.status)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}; hand-offs ${l.handoffs}, reopens ${l.reopens}, rejected proposals ${l.rejectedProposals}`,
  );
  const activeStages = Object.entries(l.stage).filter(([, n]) => n > 0);
  if (activeStages.length > 0)
    out.push(`  active by stage: ${activeStages.map(([k, n]) => `${k} ${n}`).join(", ")}`);
  out.push(
    `  median time in stage: ${Object.entries(l.medianStageMinutes)
      .map(([k, m]) => `${k} ${m === null ? "–" : formatDuration(m * 60_000)}`)
      .join(", ")}`,
  );

  out.push(
    "",
    `Needs attention (${report.needingAttention} open conversations; ${report.attention.length === report.needingAttention ? "all" : `the ${report.attention.length} most pressing`}, most pressing first)`,
    "",
  );
  if (report.attention.length === 0) out.push("  nothing open");
  for (const a of report.attention) {
    const flags = [a.slaBreached ? "SLA breached" : "", a.escalate ? "escalate" : ""]
      .filter(Boolean)
      .join(", ");
    out.push(
      `  ${one(a.id)}  ${one(a.channel)}, ${a.priority}, ${a.scenario}, in ${a.stage}, waiting ${formatDuration(a.waitingMinutes * 60_000)}${flags ? ` [${flags}]` : ""}`,
    );
    out.push(`    ${one(a.playbook)}: ${one(a.action)}`);
    if (a.why.length > 0) out.push(`    why: ${one(a.why.join("; "))}`);
  }
  out.push(...textRejections(input));
  return `${out.join("\n")}\n`;
}

/** The report and its input summary as JSON. */
export function formatJson(report: Report, input: ReportInput): string {
  return `${JSON.stringify({ input, ...report }, null, 2)}\n`;
}
