/*
 * The report as one HTML page a support lead opens in a browser: headline figures, trends by day or
 * week, distributions, the lifecycle funnel, segments as small multiples, the open conversations that
 * need attention, and the rejected records grouped by cause, last.
 *
 * One file with its style inline, no script and no external resource: it opens offline, can be mailed
 * or archived, prints, and reads the same with JavaScript off. Every chart is inline SVG
 * (svg-charts.ts) drawn from the Report object itself, so what is drawn is what the JSON report
 * says; each chart keeps its numbers in `data-value` attributes, in hover titles and in a table
 * under it. Light or dark follows the reader's `prefers-color-scheme`; print uses the light palette.
 * Wide tables scroll inside their own box, so the page never scrolls sideways, down to a 390 px phone.
 * The segment selector of the small multiples is a row of radio buttons styled as tabs: CSS alone
 * shows the chosen panel, and print shows them all.
 */
import { escapeHtml } from "../internal/html.js";
import { fcrLegend, type Report } from "./analyze.js";
import { timeBinLabels, timeBinShortLabels } from "./distributions.js";
import {
  analysedLine,
  formatDuration,
  hasBusiness,
  metricColumns,
  num,
  pct,
  type ReportInput,
  share,
  trendRows,
} from "./format-report.js";
import { rejectionLabel } from "./rejections.js";
import {
  barChart,
  durationTicksLinear,
  hbarChart,
  lineChart,
  miniChart,
  type Series,
  shortDuration,
  type ValueAxis,
} from "./svg-charts.js";
import type { Trend, TrendPoint } from "./trends.js";

const h = escapeHtml;

const CSS = [
  ":root{color-scheme:light dark;--bg:#fff;--fg:#1c2128;--muted:#59626e;--line:#e1e4e8;--card:#f5f6f8;--c1:#2463d1;--c2:#d2691e;--c3:#2e8540;--c4:#9b3c8c;--bad:#b3261e}",
  "@media (prefers-color-scheme:dark){:root{--bg:#14171b;--fg:#e6e8eb;--muted:#9ba4ae;--line:#2d333b;--card:#1c2026;--c1:#74a7ff;--c2:#ffa45c;--c3:#73c982;--c4:#e28ad3;--bad:#ff8a80}}",
  "*{box-sizing:border-box}html{-webkit-text-size-adjust:100%}",
  "body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,sans-serif}",
  "main{max-width:1200px;margin:0 auto;padding:1rem}",
  "h1{font-size:1.45rem;margin:.2rem 0}h2{font-size:1.15rem;margin:2rem 0 .7rem;padding-bottom:.3rem;border-bottom:1px solid var(--line)}",
  "p{margin:.4rem 0}.note,.sub{color:var(--muted);font-size:.88rem}.sub{overflow-wrap:anywhere}",
  ".kpis{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,8.4rem),1fr));gap:.6rem;margin-top:1rem}",
  ".kpi{background:var(--card);border-radius:8px;padding:.55rem .7rem;min-width:0}.kpi span{display:block;color:var(--muted);font-size:.82rem}",
  ".kpi b{display:block;font-size:1.3rem;white-space:nowrap}.kpi small{color:var(--muted);font-size:.78rem}",
  ".charts{display:grid;align-items:start;grid-template-columns:repeat(auto-fill,minmax(min(100%,24rem),1fr));gap:.9rem}",
  "figure{margin:0;background:var(--card);border-radius:8px;padding:.7rem;min-width:0;break-inside:avoid}",
  "figcaption{font-weight:600;margin-bottom:.35rem}figcaption .note{font-weight:400}",
  "svg.chart{display:block;width:100%;height:auto}",
  ".tick,.val{fill:var(--muted);font-size:11px}.lbl{fill:var(--fg);font-size:11px}.gl{stroke:var(--line);stroke-width:1}",
  ".line{fill:none;stroke-width:2;stroke-linejoin:round}.mini .line{stroke-width:1.5}.area{opacity:.16;stroke:none}",
  ".s1{stroke:var(--c1)}.s2{stroke:var(--c2)}.s3{stroke:var(--c3)}.s4{stroke:var(--c4)}",
  ".f1{fill:var(--c1)}.f2{fill:var(--c2)}.f3{fill:var(--c3)}.f4{fill:var(--c4)}",
  ".hit{fill:transparent}.hit:hover{fill:var(--fg);fill-opacity:.07}",
  ".legend{display:flex;flex-wrap:wrap;gap:.2rem .9rem;font-size:.82rem;color:var(--muted);margin:.1rem 0 .3rem}",
  ".key{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;vertical-align:-1px;margin-right:.3rem}",
  ".k1{background:var(--c1)}.k2{background:var(--c2)}.k3{background:var(--c3)}.k4{background:var(--c4)}",
  ".scroll{overflow-x:auto;max-width:100%}",
  "table{border-collapse:collapse;font-variant-numeric:tabular-nums;font-size:.9rem;margin:.3rem 0}",
  "th,td{padding:.28rem .55rem;border-bottom:1px solid var(--line);text-align:right;white-space:nowrap}",
  "th{font-weight:600;color:var(--muted)}th:first-child,td:first-child{text-align:left}",
  ".scroll th:first-child,.scroll td:first-child{position:sticky;left:0;background:var(--bg)}",
  "figure .scroll th:first-child,figure .scroll td:first-child{background:var(--card)}",
  "tfoot td{font-weight:600;border-top:2px solid var(--muted);border-bottom:0}",
  "details{margin-top:.35rem}summary{cursor:pointer;color:var(--muted);font-size:.85rem}",
  ".tabs input{position:absolute;opacity:0;pointer-events:none}",
  ".tabs label{display:inline-block;padding:.2rem .7rem;margin:0 .35rem .5rem 0;border:1px solid var(--line);border-radius:99px;cursor:pointer;font-size:.88rem}",
  ".tabs input:checked+label{background:var(--fg);color:var(--bg);border-color:var(--fg)}.tabs input:focus-visible+label{outline:2px solid var(--c1);outline-offset:2px}",
  `${["opened", "frt-median", "resolution-median", "sla", "csat"]
    .map((k) => `#sm-${k}:checked~#panel-${k}`)
    .join(",")}{display:grid}`,
  ".panel{display:none;grid-template-columns:repeat(auto-fill,minmax(min(100%,11rem),1fr));gap:.6rem}",
  ".small{background:var(--card);border-radius:8px;padding:.45rem .55rem;min-width:0}.small div{display:flex;justify-content:space-between;gap:.4rem;font-size:.85rem}",
  ".small b{overflow:hidden;text-overflow:ellipsis;white-space:nowrap}.small span{color:var(--muted);white-space:nowrap}",
  ".items{padding-left:1.1rem}.items li{margin:.45rem 0;overflow-wrap:anywhere}.flag{color:var(--bad);font-weight:600}",
  "code{font-size:.85em;overflow-wrap:anywhere}",
  "@media print{:root{--bg:#fff;--fg:#000;--muted:#444;--line:#ccc;--card:#fff;--c1:#1f4fb0;--c2:#c05a10;--c3:#236b33;--c4:#7d2f71}",
  "main{max-width:none;padding:0}figure,.small{border:1px solid #ccc}.panel{display:grid!important;margin-bottom:.6rem}.tabs label{display:none}",
  ".panel::before{content:attr(data-title);grid-column:1/-1;font-weight:600}h2{break-after:avoid}}",
].join("");

/** `2 Mar`, with the year when the report spans more than one. */
function dayLabel(multiYear: boolean): (iso: string) => string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  return (iso) => {
    const [y, m, d] = iso.split("-");
    return `${Number(d)} ${months[Number(m) - 1]}${multiYear ? ` ${y?.slice(2)}` : ""}`;
  };
}

function table(header: string[], rows: string[][], footer?: string[]): string {
  const head = `<thead><tr>${header.map((c) => `<th>${h(c)}</th>`).join("")}</tr></thead>`;
  const body = `<tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${h(c)}</td>`).join("")}</tr>`).join("")}</tbody>`;
  const foot = footer ? `<tfoot><tr>${footer.map((c) => `<td>${h(c)}</td>`).join("")}</tr></tfoot>` : "";
  return `<div class="scroll"><table>${head}${body}${foot}</table></div>`;
}

function figure(title: string, note: string, chart: string, numbers: string, legend = ""): string {
  return `<figure><figcaption>${h(title)}${note ? ` <span class="note">${h(note)}</span>` : ""}</figcaption>${legend}${chart}<details><summary>Numbers</summary>${numbers}</details></figure>`;
}

function legendOf(series: readonly Series[]): string {
  if (series.length < 2) return "";
  return `<p class="legend">${series.map((s) => `<span><i class="key k${s.tone}"></i>${h(s.name)}</span>`).join("")}</p>`;
}

/** A duration axis: logarithmic when the values span more than a factor of 20. */
function durationAxis(values: readonly (number | null)[]): ValueAxis {
  const known = values.filter((v): v is number => v !== null && v > 0);
  const log = known.length > 1 && Math.max(...known) / Math.min(...known) > 20;
  if (log) return { kind: "log", format: formatDuration, tickFormat: shortDuration };
  const hi = Math.max(0, ...known);
  return {
    kind: "linear",
    format: formatDuration,
    tickFormat: shortDuration,
    ticks: durationTicksLinear(hi),
  };
}

const percentAxis: ValueAxis = { kind: "linear", format: (v) => `${Math.round(v)} %`, min: 0, max: 100 };

function trendSection(report: Report): string {
  const trend = report.insights.trend;
  const pts = trend.points;
  if (pts.length === 0) return "";
  const x = pts.map((p) => p.start);
  const multiYear = (x[0] ?? "").slice(0, 4) !== (x.at(-1) ?? "").slice(0, 4);
  const xLabel = dayLabel(multiYear);
  const col = (f: (p: TrendPoint) => number | null) => pts.map(f);
  const charts: string[] = [];
  const add = (id: string, title: string, note: string, series: Series[], axis: ValueAxis) => {
    const chart = lineChart({ id, label: `${title} by ${trend.granularity}`, x, xLabel, series, axis });
    const rows = pts.map((p, i) => [
      p.start,
      ...series.map((s) => {
        const v = s.values[i];
        return v === null || v === undefined ? "–" : axis.format(v);
      }),
    ]);
    charts.push(
      figure(
        title,
        note,
        chart,
        table([trend.granularity, ...series.map((s) => s.name)], rows),
        legendOf(series),
      ),
    );
  };
  add(
    "trend-volume",
    "Conversations",
    "",
    [
      { key: "opened", name: "opened", values: col((p) => p.opened), tone: 1 },
      { key: "resolved", name: "resolved", values: col((p) => p.resolved), tone: 3 },
      {
        key: "backlog",
        name: "backlog (open at the end)",
        values: col((p) => p.backlog),
        tone: 2,
        area: true,
      },
    ],
    { kind: "linear", format: (v) => String(Math.round(v * 100) / 100) },
  );
  const frt = [
    {
      key: "frt-median",
      name: "median",
      values: col((p) => p.firstResponse?.median ?? null),
      tone: 1 as const,
    },
    { key: "frt-p90", name: "p90", values: col((p) => p.firstResponse?.p90 ?? null), tone: 2 as const },
  ];
  add("trend-frt", "First response time", "by creation", frt, durationAxis(frt.flatMap((s) => s.values)));
  const res = [
    {
      key: "resolution-median",
      name: "median",
      values: col((p) => p.resolution?.median ?? null),
      tone: 1 as const,
    },
    { key: "resolution-p90", name: "p90", values: col((p) => p.resolution?.p90 ?? null), tone: 2 as const },
  ];
  add(
    "trend-resolution",
    "Resolution time",
    "by resolution",
    res,
    durationAxis(res.flatMap((s) => s.values)),
  );
  add(
    "trend-sla",
    "SLA met",
    "targets hit of decided",
    [{ key: "sla", name: "SLA met", values: col((p) => p.sla), tone: 3 }],
    percentAxis,
  );
  add(
    "trend-csat",
    "CSAT",
    "percent satisfied",
    [{ key: "csat", name: "CSAT", values: col((p) => p.csat), tone: 4 }],
    percentAxis,
  );
  add(
    "trend-nps",
    "NPS",
    "promoters − detractors",
    [{ key: "nps", name: "NPS", values: col((p) => p.nps), tone: 1 }],
    {
      kind: "linear",
      format: (v) => String(Math.round(v)),
      min: -100,
      max: 100,
      ticks: [-100, -50, 0, 50, 100],
    },
  );
  const all = table(
    [
      trend.granularity,
      "opened",
      "resolved",
      "backlog",
      "FRT median",
      "FRT p90",
      "resolution median",
      "resolution p90",
      "SLA met",
      "CSAT (n)",
      "NPS (n)",
      "CES (n)",
    ],
    pts.map((p) => [
      p.start,
      String(p.opened),
      String(p.resolved),
      String(p.backlog),
      formatDuration(p.firstResponse?.median),
      formatDuration(p.firstResponse?.p90),
      formatDuration(p.resolution?.median),
      formatDuration(p.resolution?.p90),
      pct(p.sla),
      p.csatAnswers === 0 ? "–" : `${pct(p.csat)} (${p.csatAnswers})`,
      p.npsAnswers === 0 ? "–" : `${num(p.nps)} (${p.npsAnswers})`,
      p.cesAnswers === 0 ? "–" : `${num(p.ces, 2)} (${p.cesAnswers})`,
    ]),
  );
  const span = trend.granularity === "week" ? "weeks run Monday to Sunday, UTC" : "UTC days";
  return `<section id="trends"><h2>Trends by ${trend.granularity}</h2><p class="note">${pts.length} ${trend.granularity}s from ${h(x[0] ?? "")} (${span}). Hover a chart for its numbers; percentiles are sketch estimates within 1 %.</p><div class="charts">${charts.join("")}</div><details><summary>Every ${trend.granularity} in one table</summary>${all}</details></section>`;
}

function kpis(report: Report): string {
  const t = report.total;
  const pts = report.insights.trend.points;
  const x = pts.map((p) => p.start);
  const tile = (
    key: string,
    label: string,
    value: string,
    raw: number | null,
    extra: string,
    row?: (typeof trendRows)[number],
  ) => {
    let spark = "";
    if (row && pts.length > 1) {
      const values = pts.map(row.value);
      const axis: ValueAxis = { kind: "linear", format: row.format };
      spark = miniChart({
        id: `kpi-${key}`,
        label: `${label} by ${report.insights.trend.granularity}`,
        x,
        series: { key: row.key, name: label, values, tone: 1 },
        axis,
      });
    }
    return `<div class="kpi" data-kpi="${h(key)}" data-value="${raw ?? ""}"><span>${h(label)}</span><b>${h(value)}</b>${extra ? `<small>${h(extra)}</small>` : ""}${spark}</div>`;
  };
  const row = (key: string) => trendRows.find((r) => r.key === key);
  return `<section class="kpis" aria-label="Headline figures">${[
    tile(
      "conversations",
      "Conversations",
      String(t.conversations),
      t.conversations,
      `${t.resolved} resolved`,
      row("opened"),
    ),
    tile(
      "frt-median",
      "First response, median",
      formatDuration(t.firstResponse?.median),
      t.firstResponse?.median ?? null,
      `p90 ${formatDuration(t.firstResponse?.p90)}`,
      row("frt-median"),
    ),
    tile(
      "resolution-median",
      "Resolution, median",
      formatDuration(t.resolution?.median),
      t.resolution?.median ?? null,
      `p90 ${formatDuration(t.resolution?.p90)}`,
      row("resolution-median"),
    ),
    tile("sla", "SLA met", pct(t.sla), t.sla, "", row("sla")),
    tile("csat", "CSAT", pct(t.csat), t.csat, `${t.csatAnswers} answers`, row("csat")),
    tile("nps", "NPS", num(t.nps), t.nps, `${t.npsAnswers} answers`, row("nps")),
    tile("ces", "CES", num(t.ces, 2), t.ces, `${t.cesAnswers} answers, 1–7`),
    tile(
      "fcr",
      "First contact resolution",
      pct(t.fcr),
      t.fcr,
      fcrLegend[report.fcrDefinition].split(" (")[0] ?? "",
    ),
  ].join("")}</section>`;
}

function countRows(
  entries: [string, number][],
  total: number,
): { label: string; value: number; note: string }[] {
  return entries.map(([label, value]) => ({ label, value, note: `(${share(value, total)})` }));
}

function hbarFigure(
  id: string,
  title: string,
  note: string,
  rows: { label: string; value: number; note: string }[],
  tone: 1 | 2 | 3 | 4,
  centred = false,
): string {
  const chart = hbarChart({ id, label: title, rows, tone, centred });
  return figure(
    title,
    note,
    chart,
    table(
      ["", "conversations", "share"],
      rows.map((r) => [r.label, String(r.value), r.note.slice(1, -1)]),
    ),
  );
}

function distributionSection(report: Report): string {
  const d = report.insights.distributions;
  const figs: string[] = [];
  const hist = (id: string, title: string, note: string, counts: number[], tone: 1 | 2 | 3 | 4) => {
    const chart = barChart({
      id,
      label: title,
      labels: [...timeBinLabels],
      axisLabels: [...timeBinShortLabels],
      values: counts,
      tone,
    });
    const total = counts.reduce((a, b) => a + b, 0);
    figs.push(
      figure(
        title,
        note,
        chart,
        table(
          ["time", "conversations", "share"],
          counts.map((n, i) => [timeBinLabels[i] as string, String(n), share(n, total)]),
        ),
      ),
    );
  };
  hist("dist-frt", "First response time", "conversations per bin, log-spaced", d.firstResponse, 1);
  hist("dist-resolution", "Resolution time", "conversations per bin, log-spaced", d.resolution, 3);
  const answers = (
    id: string,
    title: string,
    labels: string[],
    counts: number[],
    tones: (1 | 2 | 3 | 4)[],
  ) => {
    const total = counts.reduce((a, b) => a + b, 0);
    const chart = barChart({ id, label: title, labels, values: counts, tones, everyLabel: true });
    figs.push(
      figure(
        title,
        `${total} answers`,
        chart,
        table(
          ["answer", "answers", "share"],
          counts.map((n, i) => [labels[i] as string, String(n), share(n, total)]),
        ),
      ),
    );
  };
  for (const [scale, counts] of Object.entries(d.csat)) {
    const [min, max] = scale.split("-").map(Number) as [number, number];
    const threshold = max - min + 1 <= 3 ? max : max - 1;
    const labels = counts.map((_, i) => String(min + i));
    answers(
      `dist-csat-${scale}`,
      `CSAT answers (${min}–${max})`,
      labels,
      counts,
      labels.map((l) => (Number(l) >= threshold ? 3 : 2)),
    );
  }
  if (d.nps.some((n) => n > 0)) {
    const labels = d.nps.map((_, i) => String(i));
    answers(
      "dist-nps",
      "NPS answers (0–6 detractors, 7–8 passives, 9–10 promoters)",
      labels,
      d.nps,
      labels.map((_, i) => (i >= 9 ? 3 : i >= 7 ? 1 : 2)),
    );
  }
  for (const [scale, counts] of Object.entries(d.ces)) {
    const [min, max] = scale.split("-").map(Number) as [number, number];
    answers(
      `dist-ces-${scale}`,
      `CES answers (${min}–${max})`,
      counts.map((_, i) => String(min + i)),
      counts,
      counts.map(() => 4),
    );
  }
  const mixOf = (counts: Record<string, number>) => {
    const entries = Object.entries(counts)
      .filter(([, n]) => n > 0)
      .sort((a, b) => b[1] - a[1]);
    return countRows(entries, report.total.conversations);
  };
  figs.push(hbarFigure("mix-types", "Why they came", "type of the opening message", mixOf(report.types), 1));
  figs.push(hbarFigure("mix-scenarios", "Scenarios", "", mixOf(report.scenarios), 4));
  if (report.signals.length > 0)
    figs.push(
      hbarFigure(
        "mix-signals",
        "Signals",
        "conversations whose opening shows each",
        countRows(
          report.signals.slice(0, 12).map((s) => [s.signal, s.conversations]),
          report.total.conversations,
        ),
        2,
      ),
    );
  return `<section id="distributions"><h2>Distributions</h2><div class="charts">${figs.join("")}</div></section>`;
}

function lifecycleSection(report: Report): string {
  const d = report.insights.distributions;
  const l = report.lifecycle;
  const n = report.total.conversations;
  const done = d.status.resolved + d.status.closed;
  const funnel = [
    ...Object.entries(d.reached).map(([stage, count]) => ({
      label: stage,
      value: count,
      note: `(${share(count, n)})`,
    })),
    { label: "resolved or closed", value: done, note: `(${share(done, n)})` },
  ];
  const figs = [
    hbarFigure("funnel", "Lifecycle funnel", "conversations that got at least this far", funnel, 1, true),
    hbarFigure(
      "status",
      "Where they are now",
      "the machine's status",
      countRows(Object.entries(d.status), n),
      3,
    ),
    hbarFigure(
      "abandoned-at",
      "Abandoned at",
      `${d.status.abandoned} abandoned, by furthest stage`,
      countRows(
        Object.entries(d.abandonedAt).filter(([, count]) => count > 0),
        d.status.abandoned,
      ),
      2,
    ),
  ];
  const counts = (id: string, title: string, values: number[]) => {
    const labels = ["none", "1", "2", "3 or more"];
    const rows = countRows(
      values.map((v, i) => [labels[i] as string, v]),
      n,
    );
    figs.push(hbarFigure(id, title, "conversations with", rows, 4));
  };
  counts("handoffs", `Hand-offs (${l.handoffs} in all)`, d.handoffs);
  counts("reopens", `Reopens (${l.reopens} in all)`, d.reopens);
  const stages = table(
    ["stage", "reached", "active now", "median time in stage"],
    Object.entries(l.stage).map(([stage, active]) => {
      const m = l.medianStageMinutes[stage as keyof typeof l.medianStageMinutes];
      return [
        stage,
        String(d.reached[stage as keyof typeof d.reached]),
        String(active),
        m === null ? "–" : formatDuration(m * 60_000),
      ];
    }),
  );
  return `<section id="lifecycle"><h2>Lifecycle</h2><p class="note">As touchpoint's conversation machine replays each conversation from its messages. Rejected proposals: ${l.rejectedProposals}.</p><div class="charts">${figs.join("")}</div>${stages}</section>`;
}

function segmentSection(report: Report): string {
  const business = hasBusiness(report);
  const columns = metricColumns(report, business);
  const metrics = table(
    columns.map(([c]) => c),
    report.segments.map((f) => columns.map(([, get]) => get(f))),
    columns.map(([, get]) => get(report.total)),
  );
  const parts = [`<section id="segments"><h2>By ${h(report.by)}</h2>${metrics}`];
  parts.push(
    `<p class="note">FRT: first response time (public human replies; bots and private notes excluded). NRT: next response time. Resolution: creation to first resolution. FCR: ${h(fcrLegend[report.fcrDefinition])}, reopened counts as not resolved on first contact. SLA met: targets hit out of targets decided. CSAT: percent satisfied. CES: mean on 1–7. The last row is all conversations together.</p>`,
  );
  const trends = report.insights.segmentTrends;
  if (trends.length > 1) {
    const g = trends[0]?.trend.granularity ?? "day";
    const x = (trends[0] as { trend: Trend }).trend.points.map((p) => p.start);
    const multiYear = (x[0] ?? "").slice(0, 4) !== (x.at(-1) ?? "").slice(0, 4);
    const xLabel = dayLabel(multiYear);
    const metricsShown = trendRows.filter((r) =>
      ["opened", "frt-median", "resolution-median", "sla", "csat"].includes(r.key),
    );
    parts.push(`<h3>Each ${h(report.by)} by ${g}</h3><div class="tabs">`);
    metricsShown.forEach((r, i) => {
      parts.push(
        `<input type="radio" name="sm" id="sm-${r.key}"${i === 0 ? " checked" : ""}><label for="sm-${r.key}">${h(r.label)}</label>`,
      );
    });
    for (const r of metricsShown) {
      const all = trends.flatMap((t) => t.trend.points.map(r.value)).filter((v): v is number => v !== null);
      const isPct = r.key === "sla" || r.key === "csat";
      const axis: ValueAxis = {
        kind: "linear",
        format: r.format,
        min: isPct ? 0 : Math.min(0, ...all),
        max: isPct ? 100 : Math.max(1, ...all),
      };
      const cards = trends.map((t) => {
        const values = t.trend.points.map(r.value);
        // Opened: the segment's total; the others: the latest bucket that has a value.
        const last = [...values].reverse().find((v) => v !== null);
        const headline =
          r.key === "opened"
            ? `${values.reduce<number>((n, v) => n + (v ?? 0), 0)} in all`
            : last === undefined || last === null
              ? "–"
              : `last ${r.format(last)}`;
        const chart = miniChart({
          id: `seg-${r.key}-${t.segment}`,
          label: `${r.label}, ${t.segment}`,
          x,
          xLabel,
          series: { key: r.key, name: r.label, values, tone: 1 },
          axis,
        });
        return `<div class="small" data-segment="${h(t.segment)}"><div><b>${h(t.segment)}</b><span>${h(headline)}</span></div>${chart}</div>`;
      });
      parts.push(`<div class="panel" id="panel-${r.key}" data-title="${h(r.label)}">${cards.join("")}</div>`);
    }
    parts.push("</div>");
    parts.push(
      `<p class="note">One frame per ${h(report.by)}, largest first, on a shared scale; at the top right, the conversations opened in all, or the latest ${g}'s figure.${report.insights.segmentsLeftOut > 0 ? ` ${report.insights.segmentsLeftOut} smaller ${h(report.by)}s are in the table only.` : ""}</p>`,
    );
  }
  parts.push("</section>");
  return parts.join("");
}

function attentionSection(report: Report): string {
  const items = report.attention.map((a) => {
    const flags = [a.slaBreached ? "SLA breached" : "", a.escalate ? "escalate" : ""]
      .filter(Boolean)
      .join(", ");
    return (
      `<li><strong>${h(a.id)}</strong> ${h(a.channel)}, ${h(a.priority)}, ${h(a.scenario)}, in ${h(a.stage)}, waiting ${h(formatDuration(a.waitingMinutes * 60_000))}` +
      (flags ? ` <span class="flag">${h(flags)}</span>` : "") +
      `<br>${h(a.playbook)}: ${h(a.action)}` +
      (a.why.length > 0 ? `<br><span class="note">why: ${h(a.why.join("; "))}</span>` : "") +
      "</li>"
    );
  });
  const some =
    report.needingAttention > report.attention.length
      ? `<p class="note">The ${report.attention.length} most pressing; --attention-out &lt;file&gt; writes them all.</p>`
      : "";
  return `<section id="attention"><h2>Needs attention (${report.needingAttention})</h2>${some}${items.length === 0 ? "<p>Nothing open.</p>" : `<ul class="items">${items.join("")}</ul>`}</section>`;
}

function rejectedSection(input: ReportInput): string {
  if (input.rejectedCount === 0) return "";
  const items = input.causes.map((g) => {
    const more = g.count - g.examples.length;
    const examples =
      g.examples.length === 0
        ? ""
        : `<br><span class="note">${h(g.examples.map(rejectionLabel).join(", "))}${more > 0 ? `, and ${more} more` : ""}</span>`;
    return `<li data-count="${g.count}"><strong>${g.count} ×</strong> <code>${h(g.cause)}</code>${examples}</li>`;
  });
  return `<section id="rejected"><h2>Rejected records (${input.rejectedCount})</h2><p class="note">Kept out of every figure above, grouped by cause, with the first few of each. <code>--rejected-out &lt;file&gt;</code> writes every one of them as JSON Lines; <code>--format json</code> gives the groups and the first ${input.rejected.length} by position.</p><ul class="items">${items.join("")}</ul></section>`;
}

/** The report as one self-contained HTML page: inline style and SVG, no script, no external resource. */
export function formatHtml(report: Report, input: ReportInput): string {
  return `${[
    "<!doctype html>",
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    `<title>Support report: ${h(input.source)}</title>`,
    `<style>${CSS}</style>`,
    "</head><body><main>",
    `<h1>Support report</h1><p class="sub">${h(input.source)}</p>`,
    `<p>${h(analysedLine(report, input))}${input.rejectedCount > 0 ? " (the rejected records are listed at the end)" : ""}.</p>`,
    kpis(report),
    trendSection(report),
    distributionSection(report),
    lifecycleSection(report),
    segmentSection(report),
    attentionSection(report),
    rejectedSection(input),
    `<p class="note">Written by touchpoint analyze. Durations are calendar time unless a column says business.</p>`,
    "</main></body></html>",
  ].join("\n")}\n`;
}
