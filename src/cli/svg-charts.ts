/*
 * Charts as inline SVG strings for the HTML report: lines and areas over time, vertical bars
 * (histograms, survey answers), horizontal bars (mixes, the lifecycle funnel) and small multiples.
 *
 * Why hand-written SVG rather than a charting library: the report must open offline, print, and read
 * without JavaScript. Libraries that draw in the browser (Chart.js, ECharts, Plotly) need their
 * script to run, so a mailed or printed report would show nothing without it, and they weigh
 * 60–1,000 kB minified, where these few shapes take a few hundred lines. Libraries that render on the
 * server (Vega with a headless canvas) would pull a large runtime dependency into the cli for the
 * same rectangles and paths.
 *
 * What the charts promise: every drawn value is written as a `data-value` attribute next to its
 * `data-series` and `data-x` (full precision, as in the JSON report), so a test or a reader's script
 * can check the picture against the numbers; every bucket has a hover target whose `<title>` reads
 * its numbers aloud (a native tooltip, no script); colours come from the page's CSS variables, so
 * the same SVG follows the light and dark themes and prints in ink.
 */
import { escapeHtml } from "../internal/html.js";

/** The drawing area: the viewBox is W×H; the plot sits inside the margins. */
const W = 420;
const H = 200;
const M = { top: 10, right: 10, bottom: 24, left: 44 };

/** One line (or filled area) of a chart. */
export interface Series {
  /** Machine name, written as `data-series`. */
  key: string;
  /** Reader's name, for titles and the legend. */
  name: string;
  /** One value per x position; `null` leaves a gap. */
  values: readonly (number | null)[];
  /** The palette slot, 1–4 (CSS classes `s1`–`s4`). */
  tone: 1 | 2 | 3 | 4;
  /** Fill the area under the line. */
  area?: boolean;
}

/** How values map to the y axis and read as text. */
export interface ValueAxis {
  /** `log` for durations that span orders of magnitude; values ≤ 0 are not drawn on it. */
  kind: "linear" | "log";
  /** Formats a value for titles (and ticks, unless `tickFormat` is given). */
  format: (v: number) => string;
  /** Formats a tick, where space is short. */
  tickFormat?: (v: number) => string;
  /** The tick values; chosen from the data unless given. */
  ticks?: readonly number[];
  /** Forces the lower end (linear axes start at 0 unless the data go below). */
  min?: number;
  /** Forces the upper end (100 for percentages). */
  max?: number;
}

const r1 = (v: number) => Math.round(v * 10) / 10;
const attr = (v: string) => escapeHtml(v);

/** Round tick values for a linear axis from lo to hi. */
export function linearTicks(lo: number, hi: number, count = 4): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * mag >= raw) ?? 10) * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

const MIN = 60_000;
/** Durations a reader says, for ticks on a time axis. */
const DURATION_LADDER = [
  1000,
  10_000,
  30_000,
  MIN,
  2 * MIN,
  5 * MIN,
  10 * MIN,
  15 * MIN,
  30 * MIN,
  60 * MIN,
  2 * 60 * MIN,
  4 * 60 * MIN,
  8 * 60 * MIN,
  24 * 60 * MIN,
  2 * 24 * 60 * MIN,
  4 * 24 * 60 * MIN,
  7 * 24 * 60 * MIN,
  14 * 24 * 60 * MIN,
  30 * 24 * 60 * MIN,
];

/** A round duration in a tick's few characters: `30 s`, `15 min`, `4 h`, `2 d`. */
export function shortDuration(ms: number): string {
  const round = (v: number) => String(Number(v.toPrecision(2)));
  if (ms < MIN) return `${round(ms / 1000)} s`;
  if (ms < 60 * MIN) return `${round(ms / MIN)} min`;
  if (ms < 24 * 60 * MIN) return `${round(ms / (60 * MIN))} h`;
  return `${round(ms / (24 * 60 * MIN))} d`;
}

/** Tick values for durations (milliseconds) between lo and hi: at most `count` rungs of the ladder. */
export function durationTicks(lo: number, hi: number, count = 5): number[] {
  const inside = DURATION_LADDER.filter((d) => d >= lo * 0.999 && d <= hi * 1.001);
  const below = DURATION_LADDER.filter((d) => d < lo).at(-1);
  const above = DURATION_LADDER.find((d) => d > hi);
  const all = [...(below === undefined ? [] : [below]), ...inside, ...(above === undefined ? [] : [above])];
  if (all.length <= count) return all;
  const stride = Math.ceil((all.length - 1) / (count - 1));
  return all.filter((_, i) => i % stride === 0 || i === all.length - 1);
}

interface Mapper {
  y: (v: number) => number;
  ticks: number[];
  drawable: (v: number | null) => v is number;
}

function mapperOf(values: readonly (number | null)[], axis: ValueAxis, top: number, bottom: number): Mapper {
  const data = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (axis.kind === "log") {
    const positive = data.filter((v) => v > 0);
    const lo = axis.min ?? Math.min(...positive, Number.POSITIVE_INFINITY);
    const hi = axis.max ?? Math.max(...positive, Number.NEGATIVE_INFINITY);
    const ticks = [...(axis.ticks ?? (positive.length > 0 ? durationTicks(lo, hi) : []))];
    const a = Math.log(Math.min(lo, ...ticks));
    const b = Math.log(Math.max(hi, ...ticks));
    const span = b - a || 1;
    return {
      y: (v) => bottom - ((Math.log(v) - a) / span) * (bottom - top),
      ticks,
      drawable: (v): v is number => v !== null && v > 0,
    };
  }
  const lo = axis.min ?? Math.min(0, ...data);
  const hi0 = axis.max ?? Math.max(...data, lo + 1);
  const ticks = [...(axis.ticks ?? linearTicks(lo, hi0))];
  const hi = Math.max(hi0, ...ticks);
  const span = hi - lo || 1;
  return {
    y: (v) => bottom - ((v - lo) / span) * (bottom - top),
    ticks,
    drawable: (v): v is number => v !== null && Number.isFinite(v),
  };
}

function open(id: string, label: string, height = H): string {
  return `<svg class="chart" viewBox="0 0 ${W} ${height}" role="img" aria-label="${attr(label)}" data-chart="${attr(id)}">`;
}

function yAxis(m: Mapper, axis: ValueAxis, x0: number, x1: number): string {
  return m.ticks
    .map((t) => {
      const y = r1(m.y(t));
      return `<line class="gl" x1="${x0}" x2="${x1}" y1="${y}" y2="${y}"/><text class="tick" x="${x0 - 4}" y="${y + 3.5}" text-anchor="end">${escapeHtml((axis.tickFormat ?? axis.format)(t))}</text>`;
    })
    .join("");
}

/** At most `count` evenly spread indexes of n positions, always the first and the last. */
function labelIndexes(n: number, count: number): number[] {
  if (n <= count) return [...Array(n).keys()];
  const out: number[] = [];
  for (let k = 0; k < count; k++) out.push(Math.round((k * (n - 1)) / (count - 1)));
  return [...new Set(out)];
}

/**
 * Lines (or areas) over the same x positions, with a y axis, x labels, a marker with `data-*`
 * attributes for every value, and one hover column per x position whose title lists every series.
 */
export function lineChart(options: {
  id: string;
  label: string;
  x: readonly string[];
  xLabel?: (x: string) => string;
  series: readonly Series[];
  axis: ValueAxis;
}): string {
  const { id, label, x, series, axis } = options;
  const xLabel = options.xLabel ?? ((v: string) => v);
  const top = M.top;
  const bottom = H - M.bottom;
  const left = M.left;
  const right = W - M.right;
  const m = mapperOf(
    series.flatMap((s) => s.values),
    axis,
    top,
    bottom,
  );
  const n = x.length;
  const step = n > 1 ? (right - left) / (n - 1) : 0;
  const xAt = (i: number) => (n > 1 ? left + i * step : (left + right) / 2);
  const parts = [open(id, label), yAxis(m, axis, left, right)];
  for (const i of labelIndexes(n, 5)) {
    const anchor = n === 1 ? "middle" : i === 0 ? "start" : i === n - 1 ? "end" : "middle";
    parts.push(
      `<text class="tick" x="${r1(xAt(i))}" y="${H - 8}" text-anchor="${anchor}">${escapeHtml(xLabel(x[i] as string))}</text>`,
    );
  }
  for (const s of series) {
    // A path per run of drawable values: a gap in the data is a gap in the line.
    const runs: string[] = [];
    let run: string[] = [];
    let runStart = 0;
    const flush = (end: number) => {
      if (run.length === 0) return;
      const d = `M${run.join("L")}`;
      if (s.area)
        runs.push(
          `<path class="area f${s.tone}" d="${d}L${r1(xAt(end))},${bottom}L${r1(xAt(runStart))},${bottom}Z"/>`,
        );
      runs.push(`<path class="line s${s.tone}" d="${d}"/>`);
      run = [];
    };
    s.values.forEach((v, i) => {
      if (m.drawable(v)) {
        if (run.length === 0) runStart = i;
        run.push(`${r1(xAt(i))},${r1(m.y(v))}`);
      } else flush(i - 1);
    });
    flush(s.values.length - 1);
    parts.push(runs.join(""));
    const dots = s.values
      .map((v, i) =>
        m.drawable(v)
          ? `<circle class="pt f${s.tone}" cx="${r1(xAt(i))}" cy="${r1(m.y(v))}" r="${n > 60 ? 1.5 : 2.5}" data-series="${attr(s.key)}" data-x="${attr(x[i] as string)}" data-value="${v}"/>`
          : "",
      )
      .join("");
    parts.push(`<g>${dots}</g>`);
  }
  // Hover columns: a native tooltip with every series' value at that x.
  const half = n > 1 ? step / 2 : (right - left) / 2;
  const hits = x
    .map((xv, i) => {
      const text = `${xLabel(xv)}: ${series
        .map((s) => {
          const v = s.values[i];
          return `${s.name} ${v === null || v === undefined ? "–" : axis.format(v)}`;
        })
        .join(", ")}`;
      return `<rect class="hit" x="${r1(xAt(i) - half)}" y="${top}" width="${r1(2 * half)}" height="${bottom - top}"><title>${escapeHtml(text)}</title></rect>`;
    })
    .join("");
  parts.push(`<g>${hits}</g></svg>`);
  return parts.join("");
}

/** Vertical bars, one per label (a histogram's bins, a survey's answers). */
export function barChart(options: {
  id: string;
  label: string;
  labels: readonly string[];
  values: readonly number[];
  tone?: 1 | 2 | 3 | 4;
  /** Per-bar tones (NPS detractors, passives, promoters); overrides `tone`. */
  tones?: readonly (1 | 2 | 3 | 4)[];
  format?: (v: number) => string;
  /** Label every bar (short labels) or only some. */
  everyLabel?: boolean;
  /** Shorter labels for the axis than for titles and `data-x`. */
  axisLabels?: readonly string[];
}): string {
  const { id, label, labels, values } = options;
  const format = options.format ?? ((v: number) => String(v));
  const top = M.top + 10;
  const bottom = H - M.bottom;
  const left = 34;
  const right = W - M.right;
  const hi = Math.max(1, ...values);
  const m = mapperOf([0, hi], { kind: "linear", format }, top, bottom);
  const n = labels.length;
  const slot = (right - left) / Math.max(1, n);
  const width = Math.max(1, slot * 0.78);
  const parts = [open(id, label), yAxis(m, { kind: "linear", format }, left, right)];
  const shown = new Set(options.everyLabel ? [...Array(n).keys()] : labelIndexes(n, 7));
  labels.forEach((l, i) => {
    const v = values[i] ?? 0;
    const xMid = left + slot * (i + 0.5);
    const y = m.y(v);
    const tone = options.tones?.[i] ?? options.tone ?? 1;
    parts.push(
      `<rect class="bar f${tone}" x="${r1(xMid - width / 2)}" y="${r1(y)}" width="${r1(width)}" height="${r1(bottom - y)}" data-series="${attr(id)}" data-x="${attr(l)}" data-value="${v}"><title>${escapeHtml(`${l}: ${format(v)}`)}</title></rect>`,
    );
    if (shown.has(i))
      parts.push(
        `<text class="tick" x="${r1(xMid)}" y="${H - 8}" text-anchor="middle">${escapeHtml(options.axisLabels?.[i] ?? l)}</text>`,
      );
  });
  parts.push("</svg>");
  return parts.join("");
}

/**
 * Horizontal bars with their labels and values written beside them; `centred` draws a funnel (each
 * bar centred, shrinking stage by stage).
 */
export function hbarChart(options: {
  id: string;
  label: string;
  rows: readonly { label: string; value: number; note?: string }[];
  tone?: 1 | 2 | 3 | 4;
  centred?: boolean;
  format?: (v: number) => string;
}): string {
  const { id, label, rows } = options;
  const format = options.format ?? ((v: number) => String(v));
  const rowH = 22;
  const height = Math.max(rowH, rows.length * rowH) + 6;
  const labelW = 128;
  const valueW = 86;
  const x0 = labelW;
  const x1 = W - valueW;
  const hi = Math.max(1, ...rows.map((r) => r.value));
  const parts = [open(id, label, height)];
  rows.forEach((r, i) => {
    const y = 3 + i * rowH;
    const w = ((x1 - x0) * r.value) / hi;
    const x = options.centred ? x0 + (x1 - x0 - w) / 2 : x0;
    const text = `${format(r.value)}${r.note ? ` ${r.note}` : ""}`;
    parts.push(
      `<text class="lbl" x="${labelW - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(r.label)}</text>`,
      `<rect class="bar f${options.tone ?? 1}" x="${r1(x)}" y="${y + 3}" width="${r1(Math.max(w, r.value > 0 ? 1 : 0))}" height="${rowH - 6}" data-series="${attr(id)}" data-x="${attr(r.label)}" data-value="${r.value}"><title>${escapeHtml(`${r.label}: ${text}`)}</title></rect>`,
      `<text class="val" x="${x1 + 6}" y="${y + 15}">${escapeHtml(text)}</text>`,
    );
  });
  parts.push("</svg>");
  return parts.join("");
}

/**
 * A small multiple: one series in a compact frame, on an axis shared with its neighbours (give
 * `axis.min` and `axis.max`). To stay light when a report has a dozen of them, the values are
 * written once, as a JSON array in the line's `data-values` (nulls for gaps), and the frame's
 * title gives the first, last, lowest and highest value.
 */
export function miniChart(options: {
  id: string;
  label: string;
  x: readonly string[];
  xLabel?: (x: string) => string;
  series: Series;
  axis: ValueAxis;
}): string {
  const { id, label, x, series, axis } = options;
  const xLabel = options.xLabel ?? ((v: string) => v);
  const w = 200;
  const h = 56;
  const top = 5;
  const bottom = h - 5;
  const left = 3;
  const right = w - 3;
  const bounds = [
    ...(axis.min === undefined ? [] : [axis.min]),
    ...(axis.max === undefined ? [] : [axis.max]),
  ];
  const m = mapperOf([...series.values, ...bounds], { ...axis, ticks: [] }, top, bottom);
  const n = x.length;
  const step = n > 1 ? (right - left) / (n - 1) : 0;
  const xAt = (i: number) => (n > 1 ? left + i * step : (left + right) / 2);
  let d = "";
  let pen = false;
  series.values.forEach((v, i) => {
    if (m.drawable(v)) {
      d += `${pen ? "L" : "M"}${r1(xAt(i))},${r1(m.y(v))}`;
      pen = true;
    } else pen = false;
  });
  const known = series.values.filter((v): v is number => v !== null && Number.isFinite(v));
  const first = series.values.findIndex((v) => v !== null);
  const lastIndex = series.values.length - 1 - [...series.values].reverse().findIndex((v) => v !== null);
  const summary =
    known.length === 0
      ? `${label}: no data`
      : `${label}: ${xLabel(x[first] as string)} ${axis.format(series.values[first] as number)}, ${xLabel(x[lastIndex] as string)} ${axis.format(series.values[lastIndex] as number)}; lowest ${axis.format(Math.min(...known))}, highest ${axis.format(Math.max(...known))}`;
  return [
    `<svg class="chart mini" viewBox="0 0 ${w} ${h}" role="img" aria-label="${attr(label)}" data-chart="${attr(id)}">`,
    `<title>${escapeHtml(summary)}</title>`,
    `<line class="gl" x1="${left}" x2="${right}" y1="${bottom}" y2="${bottom}"/>`,
    `<path class="line s${series.tone}" d="${d}" data-series="${attr(series.key)}" data-values="${attr(JSON.stringify(series.values))}"/>`,
    "</svg>",
  ].join("");
}

/** Round ticks for a linear duration axis from 0 to hi (milliseconds): steps of a readable unit. */
export function durationTicksLinear(hi: number, count = 4): number[] {
  if (!(hi > 0)) return [0];
  const step = DURATION_LADDER.find((d) => d * count >= hi) ?? (DURATION_LADDER.at(-1) as number);
  const ticks: number[] = [];
  for (let v = 0; v <= hi + step * 0.999 && ticks.length <= count + 1; v += step) ticks.push(v);
  return ticks;
}
