/**
 * The HTML report at scale: the report of 1,000,000 conversations, its size, the CPU time to write
 * it, and the time Chromium takes to open it; and what the report's charts cost inside an analysis.
 *
 * The million-conversation report object is synthetic, built on this branch without the 1M analysis
 * (which needs the streaming command): 1,000,000 seeded conversations' facts over a year (days with
 * a weekly rhythm, log-normal first response and resolution times, CSAT/NPS/CES answers, 200 agents
 * of Zipf-like sizes, `--by agent`) folded by the report's own aggregates, the rest of the report
 * (types, lifecycle, attention) scaled from the sample export's analysis, and 50,000 rejected
 * records of 25 causes. What makes the page large is the number of buckets, segments and causes,
 * not of conversations, so the shape is the one a real 1M export gives.
 *
 * Open time: Chromium (Debian's, headless, through playwright-core) loads the file; the figures are
 * the navigation's load event and first contentful paint, median of interleaved rounds, beside an
 * empty page opened in the same rounds (the browser's own floor). Wall-clock: the load average is
 * written beside them.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { analyze, type Report } from "../src/cli/analyze.js";
import { DistributionsAggregate } from "../src/cli/distributions.js";
import { formatJson, type ReportInput } from "../src/cli/format-report.js";
import { InsightsAggregate, MAX_SEGMENT_TRENDS } from "../src/cli/insights.js";
import { addRejection, causeGroups, emptyCauses } from "../src/cli/rejections.js";
import { formatHtml } from "../src/cli/report-html.js";
import { TrendsAggregate } from "../src/cli/trends.js";
import { conversationSchema, validateBatch } from "../src/schemas/index.js";
import type { Bench } from "./run.js";
import { fmt, keep } from "./lib/measure.js";
import { random } from "./lib/random.js";

const N = Number(process.env.BENCH_N ?? 1_000_000);
const AGENTS = 200;
const CHROMIUM = "/usr/bin/chromium";
const MIN = 60_000;
const DAY = 86_400_000;

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

function sampleConversations() {
  const raw = JSON.parse(
    fs.readFileSync(new URL("../examples/data/conversations.json", import.meta.url), "utf8"),
  );
  return validateBatch(conversationSchema, raw).data;
}

/** The 1M-conversation report object (see the module comment). */
function millionReport(base: Report): { report: Report; input: ReportInput; foldMs: number } {
  const next = random(1_000_000);
  const logNormal = (medianMs: number, spread: number) => {
    // Box–Muller from two uniforms.
    const z = Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
    return Math.round(medianMs * Math.exp(spread * z));
  };
  const start = Date.parse("2026-01-05T00:00:00Z");
  const total = new TrendsAggregate();
  const agents = Array.from({ length: AGENTS }, () => new TrendsAggregate());
  const dist = new DistributionsAggregate();
  const t0 = cpuMs();
  for (let i = 0; i < N; i++) {
    let day = Math.floor(next() * 364);
    if (day % 7 >= 5 && next() < 0.6) day -= 2; // fewer at weekends
    const createdAt = start + day * DAY + Math.floor(next() * DAY);
    const answered = next() < 0.97;
    const firstResponseMs = answered ? logNormal(12 * MIN, 1.6) : null;
    const resolvedNow = next() < 0.9;
    const resolutionMs = resolvedNow ? (firstResponseMs ?? 0) + logNormal(3 * 60 * MIN, 1.4) : null;
    const resolvedAt = resolutionMs === null ? null : createdAt + resolutionMs;
    const surveyAt = (resolvedAt ?? createdAt) + 3_600_000;
    const csat = next() < 0.35 ? [{ score: 1 + Math.floor(next() ** 0.6 * 5), min: 1, max: 5 }] : [];
    const nps = next() < 0.2 ? [Math.floor(next() ** 0.7 * 11)] : [];
    const ces = next() < 0.15 ? [{ score: 1 + Math.floor(next() * 7), min: 1, max: 7 }] : [];
    const slaDecided = answered ? 2 : 1;
    const facts = {
      createdAt,
      firstResponseMs,
      resolvedAt,
      resolutionMs,
      backlog:
        resolvedAt === null
          ? [{ at: createdAt, delta: 1 as const }]
          : [
              { at: createdAt, delta: 1 as const },
              { at: resolvedAt, delta: -1 as const },
            ],
      slaHit: next() < 0.92 ? slaDecided : slaDecided - 1,
      slaDecided,
      csat: csat.map((a) => ({ at: surveyAt, satisfied: a.score >= 4 })),
      nps: nps.map((score) => ({ at: surveyAt, score })),
      ces: ces.map((a) => ({ at: surveyAt, score: a.score })),
    };
    total.add(facts);
    agents[Math.min(AGENTS - 1, Math.floor(AGENTS * next() ** 2.2))]!.add(facts);
    const status = !resolvedNow
      ? next() < 0.5
        ? "active"
        : "abandoned"
      : next() < 0.8
        ? "closed"
        : "resolved";
    dist.add({
      firstResponseMs,
      resolutionMs,
      csat,
      nps,
      ces,
      status,
      furthestStage: (["greeting", "understanding", "proposing", "delivering", "closing"] as const)[
        Math.min(4, Math.floor(next() * 6))
      ] as "greeting",
      handoffs: next() < 0.15 ? 1 : 0,
      reopens: next() < 0.07 ? 1 : 0,
    });
  }
  const span = total.span();
  const sized = agents
    .map((t, k) => ({ segment: `agent-${String(k + 1).padStart(3, "0")}`, trend: t.finalize(span) }))
    .sort(
      (a, b) =>
        b.trend.points.reduce((n, p) => n + p.opened, 0) - a.trend.points.reduce((n, p) => n + p.opened, 0),
    );
  const insights = {
    trend: total.finalize(span),
    segmentTrends: sized.slice(0, MAX_SEGMENT_TRENDS),
    segmentsLeftOut: AGENTS - MAX_SEGMENT_TRENDS,
    distributions: dist.finalize(),
  };
  const foldMs = cpuMs() - t0;
  const scale = N / base.total.conversations;
  const scaled = <T extends Record<string, number>>(r: T) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, Math.round(v * scale)])) as T;
  const report: Report = {
    ...base,
    by: "agent",
    total: {
      ...base.total,
      segment: "all",
      conversations: N,
      resolved: Math.round(base.total.resolved * scale),
    },
    segments: sized.map(({ segment, trend }) => ({
      ...base.total,
      segment,
      conversations: trend.points.reduce((n, p) => n + p.opened, 0),
    })),
    types: scaled(base.types),
    scenarios: scaled(base.scenarios),
    signals: base.signals.map((s) => ({ ...s, conversations: Math.round(s.conversations * scale) })),
    lifecycle: {
      ...base.lifecycle,
      status: scaled(base.lifecycle.status),
      stage: scaled(base.lifecycle.stage),
    },
    insights,
  };
  // As the command keeps them: every rejection counted by cause, the first 20 by position listed.
  const causes = emptyCauses();
  const rejected: ReportInput["rejected"] = [];
  const REJECTED = 50_000;
  for (let k = 0; k < REJECTED; k++) {
    const cause = k % 25;
    const r = {
      index: k * 20 + cause,
      id: `T-${k}`,
      problem: `messages.${k % 9}.at: expected a time at or after createdAt (cause ${cause}, a message dated before its conversation)`,
    };
    addRejection(causes, r);
    if (rejected.length < 20) rejected.push(r);
  }
  return {
    report,
    input: {
      source: "export-2026.jsonl",
      records: N + REJECTED,
      rejected,
      rejectedCount: REJECTED,
      duplicateMessages: 0,
      causes: causeGroups(causes),
    },
    foldMs,
  };
}

async function openTimes(files: { name: string; file: string }[], rounds: number) {
  const { chromium } = await import("playwright-core");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--no-first-run",
    ],
  });
  const times = new Map(files.map((f) => [f.name, { load: [] as number[], paint: [] as number[] }]));
  for (let r = 0; r < rounds + 1; r++) {
    for (const f of files) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.goto(`file://${f.file}`, { waitUntil: "load" });
      const t = await page.evaluate(() => {
        const nav = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return { load: nav.loadEventEnd, paint: fcp?.startTime ?? Number.NaN };
      });
      await page.close();
      if (r === 0) continue; // warm-up round
      times.get(f.name)!.load.push(t.load);
      times.get(f.name)!.paint.push(t.paint);
    }
  }
  await browser.close();
  return times;
}

const bench: Bench = {
  title: "HTML report (touchpoint analyze --format html)",
  async run() {
    const sample = sampleConversations();
    const base = analyze(sample);
    const lines: string[] = [];

    // What the charts cost inside an analysis: the insights fold against the whole analysis.
    const rec = { status: "closed" as const, stages: [], handoffs: [], reopens: 0 };
    const foldRounds: number[] = [];
    const analyzeRounds: number[] = [];
    for (let r = 0; r < 5; r++) {
      let t = cpuMs();
      keep(analyze(sample));
      analyzeRounds.push(cpuMs() - t);
      t = cpuMs();
      const g = new InsightsAggregate({ policy: { targets: {} } });
      for (const c of sample) g.add(c, rec, c.channel);
      keep(g.finalize());
      foldRounds.push(cpuMs() - t);
    }
    const ratios = foldRounds.map((f, i) => f / (analyzeRounds[i] as number));
    lines.push(
      "What the charts cost in an analysis (the sample export, 238 conversations, 5 interleaved rounds, CPU time):",
      "",
      "| part | ms CPU per run | share of the analysis |",
      "|---|---:|---:|",
      `| \`analyze\` (classify, replay, metrics, charts' fold) | ${median(analyzeRounds).toFixed(1)} | 100 % |`,
      `| the charts' fold alone (\`InsightsAggregate.add\` × 238 + \`finalize\`) | ${median(foldRounds).toFixed(1)} | ${(100 * median(ratios)).toFixed(1)} % |`,
      "",
    );

    const { report, input, foldMs } = millionReport(base);
    const htmlRounds: number[] = [];
    let html = "";
    for (let r = 0; r < 5; r++) {
      const t = cpuMs();
      html = formatHtml(report, input);
      htmlRounds.push(cpuMs() - t);
    }
    const json = formatJson(report, input);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "touchpoint-report-bench-"));
    const files = [
      { name: "1M-conversation report", file: path.join(dir, "million.html") },
      { name: "empty page", file: path.join(dir, "empty.html") },
    ];
    fs.writeFileSync(files[0]!.file, html);
    fs.writeFileSync(files[1]!.file, "<!doctype html><title>empty</title><p>empty</p>");
    const bytes = Buffer.byteLength(html);
    lines.push(
      `The report of ${fmt(N)} conversations (synthetic facts over 52 weeks, \`--by agent\` with ${AGENTS} agents, 50,000 rejected records of 25 causes; see the bench's module comment):`,
      "",
      "| measure | value | budget |",
      "|---|---:|---:|",
      `| HTML size | ${(bytes / 1e6).toFixed(3)} MB (${(gzipSync(html).length / 1e3).toFixed(0)} kB gzipped) | < 2 MB |`,
      `| JSON report size, for comparison (the rejected records by cause, the first 20 listed) | ${(Buffer.byteLength(json) / 1e6).toFixed(2)} MB | |`,
      `| folding the 1M conversations' facts into the aggregates | ${(foldMs / 1000).toFixed(2)} s CPU (${fmt((N / foldMs) * 1000)} conversations/s) | |`,
      `| \`formatHtml\` of the 1M report | ${median(htmlRounds).toFixed(0)} ms CPU (median of 5) | |`,
    );
    if (fs.existsSync(CHROMIUM)) {
      const rounds = 7;
      const times = await openTimes(files, rounds);
      const m = times.get(files[0]!.name)!;
      const e = times.get(files[1]!.name)!;
      lines.push(
        `| Chromium: load event of the 1M report (median of ${rounds}) | ${median(m.load).toFixed(0)} ms (empty page ${median(e.load).toFixed(0)} ms) | < 1,000 ms |`,
        `| Chromium: first contentful paint of the 1M report | ${median(m.paint).toFixed(0)} ms (empty page ${Number.isNaN(median(e.paint)) ? "not reported: nothing to paint" : `${median(e.paint).toFixed(0)} ms`}) | |`,
      );
    } else lines.push(`| Chromium open time | not measured: ${CHROMIUM} is missing | < 1,000 ms |`);
    lines.push(
      "",
      `Load average during the run: ${os
        .loadavg()
        .map((l) => l.toFixed(2))
        .join(", ")} (2 cores shared).`,
    );
    fs.rmSync(dir, { recursive: true, force: true });
    return lines.join("\n");
  },
};

export default bench;
