/**
 * A small, honest timer for benchmarks: warm up, then run rounds of the function and report the
 * median round, so one GC pause does not decide a ratio. Results are compared in the same process
 * and the same run, never against figures from another day.
 */
import os from "node:os";

export interface Measurement {
  name: string;
  /** Median milliseconds of one call. */
  ms: number;
  /** Calls per second at the median. */
  hz: number;
  rounds: number;
}

export interface MeasureOptions {
  /** Rounds to time after warm-up. */
  rounds?: number;
  /** Untimed warm-up calls. */
  warmup?: number;
}

/** Times `fn` (one call = one unit of work) and returns the median over `rounds`. */
export function measure(name: string, fn: () => unknown, options: MeasureOptions = {}): Measurement {
  const rounds = options.rounds ?? 7;
  const warmup = options.warmup ?? 2;
  let sink: unknown;
  for (let i = 0; i < warmup; i++) sink = fn();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = process.hrtime.bigint();
    sink = fn();
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  keep(sink);
  times.sort((a, b) => a - b);
  const ms = times[Math.floor(times.length / 2)] ?? Number.NaN;
  return { name, ms, hz: 1000 / ms, rounds };
}

let kept: unknown;
/** Keeps a value alive so the optimiser cannot drop the work that made it. */
export function keep(value: unknown): void {
  kept = value;
}
export function kept_(): unknown {
  return kept;
}

/** A markdown table of measurements, with each row's ratio to the named baseline. */
export function table(rows: Measurement[], baseline: string, unit = "call"): string {
  const base = rows.find((r) => r.name === baseline);
  const lines = [`| implementation | ms per ${unit} | ${unit}s/s | × ${baseline} |`, "|---|---:|---:|---:|"];
  for (const r of rows) {
    const ratio = base ? (r.ms / base.ms).toFixed(2) : "–";
    lines.push(`| ${r.name} | ${r.ms.toFixed(3)} | ${fmt(r.hz)} | ${ratio} |`);
  }
  return lines.join("\n");
}

export function fmt(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return n.toFixed(2);
}

export function machine(): string {
  const cpu = os.cpus()[0]?.model ?? "unknown CPU";
  return `Node ${process.version}, ${os.cpus().length} × ${cpu}, ${os.platform()} ${os.arch()}`;
}

/** A measurement from {@link interleave}: CPU time, and the median per-round ratio to the first. */
export interface Interleaved extends Measurement {
  /** Median over rounds of this function's CPU time over the first function's in the same round. */
  ratio: number;
}

/**
 * Times the functions in turn, once each per round (the order rotating between rounds), in CPU
 * time (`process.cpuUsage`: what this process spent, so other jobs on a shared machine do not
 * count), and returns each one's median round with the median of its per-round ratio to the first
 * function: the functions of one round ran within milliseconds of each other, under the same load
 * and heap.
 */
export function interleave(
  fns: readonly (readonly [name: string, fn: () => unknown])[],
  options: MeasureOptions = {},
): Interleaved[] {
  const rounds = options.rounds ?? 15;
  const warmup = options.warmup ?? 3;
  const times = fns.map(() => [] as number[]);
  let sink: unknown;
  for (let round = -warmup; round < rounds; round++) {
    for (let j = 0; j < fns.length; j++) {
      const k = (j + Math.max(0, round)) % fns.length;
      const fn = (fns[k] as readonly [string, () => unknown])[1];
      const c0 = process.cpuUsage();
      sink = fn();
      const c1 = process.cpuUsage(c0);
      if (round >= 0) (times[k] as number[]).push((c1.user + c1.system) / 1000);
    }
  }
  keep(sink);
  const median = (xs: readonly number[]) =>
    xs.slice().sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const first = times[0] as number[];
  return fns.map(([name], k) => {
    const own = times[k] as number[];
    const ms = median(own);
    return { name, ms, hz: 1000 / ms, rounds, ratio: median(own.map((x, r) => x / (first[r] as number))) };
  });
}

/** A markdown table of interleaved measurements, in CPU time, with the per-round ratios. */
export function interleavedTable(rows: readonly Interleaved[], unit = "call"): string {
  const lines = [
    `| implementation | CPU ms per ${unit} | ${unit}s/s (CPU) | × ${rows[0]?.name ?? ""} |`,
    "|---|---:|---:|---:|",
  ];
  for (const r of rows)
    lines.push(`| ${r.name} | ${r.ms.toFixed(3)} | ${fmt(r.hz)} | ${r.ratio.toFixed(2)} |`);
  return lines.join("\n");
}
