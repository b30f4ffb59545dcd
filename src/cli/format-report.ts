/*
 * The three faces of a report: a plain-text page for the terminal, a self-contained HTML page
 * (no scripts, no external assets: it opens offline and can be mailed), and JSON (the Report as is,
 * with the input summary). Numbers are rounded only here; the Report keeps full precision.
 */
import { escapeHtml } from "../internal/html.js";
import type { Summary } from "../metrics/index.js";
import { fcrLegend, type Report, type SegmentFigures } from "./analyze.js";

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

function analysedLine(report: Report, input: ReportInput): string {
  const period = report.period ? `${date(report.period.from)} to ${date(report.period.to)} UTC` : "no data";
  const duplicates =
    input.duplicateMessages > 0 ? `; ${input.duplicateMessages} repeated messages counted once` : "";
  return `${input.records} records, ${input.records - input.rejectedCount} analysed, ${input.rejectedCount} rejected${duplicates}; created ${period}; figures as of ${report.asOf === null ? "–" : `${date(report.asOf)} UTC`}`;
}

function sampleNote(input: ReportInput): string {
  return input.rejectedCount > input.rejected.length
    ? ` the first ${input.rejected.length} of ${input.rejectedCount} by position (--rejected-out writes them all)`
    : "";
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

function pct(value: number | null): string {
  return value === null ? "–" : `${value.toFixed(1)} %`;
}

function num(value: number | null, digits = 0): string {
  return value === null ? "–" : value.toFixed(digits);
}

function withCount(value: string, n: number): string {
  return n === 0 ? "–" : `${value} (${n})`;
}

const dur = (s: Summary | null, key: "median" | "p90") => formatDuration(s?.[key]);

/** The metrics table's columns: header and how to read a row. */
function metricColumns(report: Report, business: boolean): [string, (f: SegmentFigures) => string][] {
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

function date(ms: number): string {
  return new Date(ms).toISOString().replace("T", " ").slice(0, 16);
}

function mix<K extends string>(counts: Record<K, number>): [string, string][] {
  const total = Object.values<number>(counts).reduce((a, b) => a + b, 0);
  return (Object.entries(counts) as [K, number][])
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([k, n]) => [k, `${n} (${total === 0 ? 0 : Math.round((100 * n) / total)} %)`]);
}

function hasBusiness(report: Report): boolean {
  return report.total.firstResponseBusiness !== null || report.total.resolutionBusiness !== null;
}

/** The report as a plain-text page for a terminal. */
export function formatText(report: Report, input: ReportInput): string {
  const out: string[] = [];
  out.push(`touchpoint analyze: ${one(input.source)}`);
  out.push(analysedLine(report, input));
  if (input.rejected.length > 0) {
    out.push("", `Rejected records (kept out of every figure below)${sampleNote(input)}:`);
    for (const r of input.rejected)
      out.push(`  #${r.index}${r.id ? ` (${one(r.id)})` : ""}: ${escapeControls(r.problem)}`);
  }

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
  return `${out.join("\n")}\n`;
}

function htmlTable(header: string[], rows: string[][]): string {
  const head = header.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  const body = rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join("")}</tr>`).join("\n");
  return `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/** The report as one self-contained HTML page (no scripts, no external resources). */
export function formatHtml(report: Report, input: ReportInput): string {
  const columns = metricColumns(report, hasBusiness(report));
  const l = report.lifecycle;
  const parts = [
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>touchpoint report: ${escapeHtml(input.source)}</title>`,
    "<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem;color:#1b1b1b}h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:2rem}" +
      "table{border-collapse:collapse;margin:.5rem 0}th,td{padding:.25rem .6rem;border-bottom:1px solid #ddd;text-align:right}" +
      "th:first-child,td:first-child{text-align:left}tbody tr:last-child{font-weight:600}.note{color:#555;font-size:.9em}" +
      ".flag{color:#a00;font-weight:600}ul{padding-left:1.2rem}</style>",
    "</head><body>",
    `<h1>touchpoint report: ${escapeHtml(input.source)}</h1>`,
    `<p>${escapeHtml(analysedLine(report, input))}.</p>`,
  ];
  if (input.rejected.length > 0) {
    parts.push(
      `<h2>Rejected records</h2>${input.rejectedCount > input.rejected.length ? `<p class="note">${escapeHtml(sampleNote(input).trim())}</p>` : ""}<ul>`,
    );
    for (const r of input.rejected)
      parts.push(`<li>#${r.index}${r.id ? ` (${escapeHtml(r.id)})` : ""}: ${escapeHtml(r.problem)}</li>`);
    parts.push("</ul>");
  }
  parts.push(
    `<h2>Metrics by ${escapeHtml(report.by)}</h2>`,
    htmlTable(
      columns.map(([h]) => h),
      [...report.segments, report.total].map((f) => columns.map(([, get]) => get(f))),
    ),
    `<p class="note">FRT: first response time (public human replies). NRT: next response time. Resolution: creation to first resolution. FCR: ${escapeHtml(fcrLegend[report.fcrDefinition])}. SLA met: targets hit out of targets decided.</p>`,
    "<h2>What customers wrote</h2>",
    htmlTable(["type", "conversations"], mix(report.types)),
    htmlTable(["scenario", "conversations"], mix(report.scenarios)),
    htmlTable(
      ["signal", "conversations"],
      report.signals.map((s) => [s.signal, String(s.conversations)]),
    ),
    "<h2>Lifecycle</h2>",
    htmlTable(
      ["status", "conversations"],
      Object.entries(l.status).map(([k, n]) => [k, String(n)]),
    ),
    htmlTable(
      ["stage", "active now", "median time in stage"],
      Object.entries(l.stage).map(([k, n]) => {
        const m = l.medianStageMinutes[k as keyof typeof l.medianStageMinutes];
        return [k, String(n), m === null ? "–" : formatDuration(m * 60_000)];
      }),
    ),
    `<p>Hand-offs ${l.handoffs}, reopens ${l.reopens}, rejected proposals ${l.rejectedProposals}.</p>`,
    `<h2>Needs attention (${report.needingAttention})</h2>${report.needingAttention > report.attention.length ? `<p class="note">the ${report.attention.length} most pressing</p>` : ""}<ul>`,
  );
  for (const a of report.attention) {
    const flags = [a.slaBreached ? "SLA breached" : "", a.escalate ? "escalate" : ""]
      .filter(Boolean)
      .join(", ");
    parts.push(
      `<li><strong>${escapeHtml(a.id)}</strong> ${escapeHtml(a.channel)}, ${escapeHtml(a.priority)}, ${escapeHtml(a.scenario)}, in ${escapeHtml(a.stage)}, waiting ${escapeHtml(formatDuration(a.waitingMinutes * 60_000))}` +
        (flags ? ` <span class="flag">${escapeHtml(flags)}</span>` : "") +
        `<br>${escapeHtml(a.playbook)}: ${escapeHtml(a.action)}` +
        (a.why.length > 0 ? `<br><span class="note">why: ${escapeHtml(a.why.join("; "))}</span>` : "") +
        "</li>",
    );
  }
  parts.push("</ul></body></html>");
  return `${parts.join("\n")}\n`;
}

/** The report and its input summary as JSON. */
export function formatJson(report: Report, input: ReportInput): string {
  return `${JSON.stringify({ input, ...report }, null, 2)}\n`;
}
