// The report's faces beyond the figures: the HTML page draws exactly the JSON report's numbers, the
// text report's sparklines appear only on a terminal, rejected records are grouped by cause, and an
// input that nothing fits fails with the shape it looks like and the --from that reads it.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { run } from "../../src/cli/main.js";
import {
  addRejection,
  causeGroups,
  causeOf,
  emptyCauses,
  groupRejections,
  mergeCauses,
} from "../../src/cli/rejections.js";
import { sparkline } from "../../src/cli/sparkline.js";
import { durationTicks, linearTicks, shortDuration } from "../../src/cli/svg-charts.js";
import type { TrendPoint } from "../../src/cli/trends.js";
import { memoryIo } from "./memory-io.js";

const root = new URL("../../", import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), "utf8");
const SAMPLE = "examples/data/conversations.json";

function io(files: Record<string, string> = {}, terminal?: { columns: number }) {
  return memoryIo({ [SAMPLE]: read(SAMPLE), ...files }, terminal ? { terminal } : {});
}

/** Every element of an SVG chart carrying data-value: its series, x and value. */
function drawn(html: string): Map<string, { series: string; x: string; value: number }[]> {
  const charts = new Map<string, { series: string; x: string; value: number }[]>();
  for (const svg of html.match(/<svg[\s\S]*?<\/svg>/g) ?? []) {
    const id = /data-chart="([^"]*)"/.exec(svg)?.[1] as string;
    const marks = [...svg.matchAll(/data-series="([^"]*)" data-x="([^"]*)" data-value="([^"]*)"/g)].map(
      (m) => ({ series: m[1] as string, x: (m[2] as string).replace(/&amp;/g, "&"), value: Number(m[3]) }),
    );
    charts.set(id, marks);
  }
  return charts;
}

describe("the HTML report", () => {
  // biome-ignore lint/suspicious/noExplicitAny: the JSON report as parsed.
  let report: any;
  let html = "";
  let charts = new Map<string, { series: string; x: string; value: number }[]>();
  beforeAll(async () => {
    const json = io();
    await run(["analyze", SAMPLE, "--format", "json"], json.io);
    report = JSON.parse(json.out());
    const page = io();
    await run(["analyze", SAMPLE, "--format", "html"], page.io);
    html = page.out();
    charts = drawn(html);
  }, 60_000);

  it("is one file: no script, no external resource, light and dark, printable", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).not.toMatch(/<script|src=|href=|url\(|@import/);
    expect(html).toContain("@media (prefers-color-scheme:dark)");
    expect(html).toContain("@media print");
    // The metrics table's total is a footer, not a bolded last body row.
    expect(html).toMatch(/<tfoot><tr><td>all<\/td><td>238<\/td>/);
    expect(html).not.toContain("tbody tr:last-child");
  });

  it("draws the trend's every number as the JSON report holds it", () => {
    const points = report.insights.trend.points as TrendPoint[];
    const expected: [string, string, (p: TrendPoint) => number | null][] = [
      ["trend-volume", "opened", (p) => p.opened],
      ["trend-volume", "resolved", (p) => p.resolved],
      ["trend-volume", "backlog", (p) => p.backlog],
      ["trend-frt", "frt-median", (p) => p.firstResponse?.median ?? null],
      ["trend-frt", "frt-p90", (p) => p.firstResponse?.p90 ?? null],
      ["trend-resolution", "resolution-median", (p) => p.resolution?.median ?? null],
      ["trend-resolution", "resolution-p90", (p) => p.resolution?.p90 ?? null],
      ["trend-sla", "sla", (p) => p.sla],
      ["trend-csat", "csat", (p) => p.csat],
      ["trend-nps", "nps", (p) => p.nps],
    ];
    for (const [chart, series, get] of expected) {
      const marks = (charts.get(chart) ?? []).filter((m) => m.series === series);
      const want = points.flatMap((p) => {
        const v = get(p);
        return v === null ? [] : [{ series, x: p.start, value: v }];
      });
      expect(marks, `${chart} ${series}`).toEqual(want);
      expect(want.length, `${chart} ${series}`).toBeGreaterThan(0);
    }
    // And the trend adds up to the totals of the metrics table.
    const sum = (f: (p: TrendPoint) => number) => points.reduce((n, p) => n + f(p), 0);
    expect(sum((p) => p.opened)).toBe(report.total.conversations);
    expect(sum((p) => p.resolved)).toBe(report.total.resolved);
    expect(sum((p) => p.firstResponse?.count ?? 0)).toBe(report.total.firstResponse.count);
    expect(sum((p) => p.csatAnswers)).toBe(report.total.csatAnswers);
  });

  it("draws the distributions, the funnel and the headline figures as the JSON report holds them", () => {
    const d = report.insights.distributions;
    const values = (chart: string) => (charts.get(chart) ?? []).map((m) => m.value);
    expect(values("dist-frt")).toEqual(d.firstResponse);
    expect(values("dist-resolution")).toEqual(d.resolution);
    expect(values("dist-frt").reduce((a, b) => a + b, 0)).toBe(report.total.firstResponse.count);
    expect(values("dist-resolution").reduce((a, b) => a + b, 0)).toBe(report.total.resolution.count);
    expect(values("dist-csat-1-5")).toEqual(d.csat["1-5"]);
    expect(values("dist-nps")).toEqual(d.nps);
    expect(values("dist-nps").reduce((a, b) => a + b, 0)).toBe(report.total.npsAnswers);
    expect(values("dist-ces-1-7")).toEqual(d.ces["1-7"]);
    expect(values("funnel")).toEqual([...Object.values(d.reached), d.status.resolved + d.status.closed]);
    expect(values("status")).toEqual(Object.values(report.lifecycle.status));
    expect(values("handoffs")).toEqual(d.handoffs);
    expect(values("reopens")).toEqual(d.reopens);
    const types = Object.fromEntries((charts.get("mix-types") ?? []).map((m) => [m.x, m.value]));
    expect(types).toEqual(Object.fromEntries(Object.entries(report.types).filter(([, n]) => n !== 0)));
    const kpi = (key: string) => Number(new RegExp(`data-kpi="${key}" data-value="([^"]*)"`).exec(html)?.[1]);
    expect(kpi("conversations")).toBe(report.total.conversations);
    expect(kpi("frt-median")).toBe(report.total.firstResponse.median);
    expect(kpi("sla")).toBe(report.total.sla);
    expect(kpi("csat")).toBe(report.total.csat);
    expect(kpi("nps")).toBe(report.total.nps);
  });

  it("draws each segment's small multiples from its own trend", () => {
    for (const { segment, trend } of report.insights.segmentTrends) {
      const svg = new RegExp(`data-chart="seg-opened-${segment}"[\\s\\S]*?data-values="([^"]*)"`).exec(html);
      expect(JSON.parse(svg?.[1] as string)).toEqual(trend.points.map((p: { opened: number }) => p.opened));
    }
    expect(report.insights.segmentTrends.map((s: { segment: string }) => s.segment)).toEqual(
      report.segments.map((s: { segment: string }) => s.segment),
    );
  });

  it("lists the rejected records last, grouped by cause", () => {
    expect(html.indexOf('id="rejected"')).toBeGreaterThan(html.indexOf('id="attention"'));
    expect(html).toContain("<strong>1 ×</strong> <code>surveys.#.score: Too big");
  });
});

describe("the text report's trend", () => {
  it("draws sparklines on a terminal and stays plain when piped", async () => {
    const tty = io({}, { columns: 120 });
    await run(["analyze", SAMPLE], tty.io);
    const line = tty
      .out()
      .split("\n")
      .find((l) => l.startsWith("  backlog")) as string;
    expect(line).toMatch(/^ {2}backlog {11}[▁▂▃▄▅▆▇█ ]{28} {2}last 35, range 4 to 37$/);
    const piped = io();
    await run(["analyze", SAMPLE], piped.io);
    expect(piped.out()).toContain("  backlog           last 35, range 4 to 37\n");
    expect(piped.out()).not.toMatch(/[▁▂▃▄▅▆▇█]/);
    // Written to a file, the report is plain too.
    const file = io({}, { columns: 120 });
    await run(["analyze", SAMPLE, "--out", "r.txt"], file.io);
    expect(file.written["r.txt"]).not.toMatch(/[▁▂▃▄▅▆▇█]/);
  }, 60_000);

  it("scales a sparkline from the row's lowest to its highest value", () => {
    expect(sparkline([0, 7, 14])).toBe("▁▅█");
    expect(sparkline([3, null, 3])).toBe("▅ ▅");
    expect(sparkline([null, null])).toBe("  ");
  });
});

describe("rejected records", () => {
  it("group by cause, positions inside lists and line numbers taken out", () => {
    expect(causeOf("messages.12.at: Invalid input")).toBe("messages.#.at: Invalid input");
    expect(causeOf("a.jsonl: line 7 is not JSON: Unexpected token 'x', \"xyz\" is not valid JSON")).toBe(
      "a.jsonl: line # is not JSON",
    );
    const fax = (index: number) => ({
      index,
      id: `T-${index}`,
      problem: 'channel: Invalid option (got "fax")',
    });
    const groups = groupRejections([
      fax(9),
      { index: 2, id: null, problem: "surveys.0.score: Too big (got 11)" },
      fax(4),
      fax(5),
      fax(7),
    ]);
    expect(groups).toEqual([
      { cause: 'channel: Invalid option (got "fax")', count: 4, examples: [fax(4), fax(5), fax(9)] },
      {
        cause: "surveys.#.score: Too big (got 11)",
        count: 1,
        examples: [{ index: 2, id: null, problem: "surveys.0.score: Too big (got 11)" }],
      },
    ]);
  });

  it("fold by cause in bounded memory, with exact counts whatever the split into shards", () => {
    // 40 causes, cause k rejecting k + 1 records, spread over the input; at most 10 kept apart.
    const all: { index: number; id: string | null; problem: string }[] = [];
    for (let k = 0; k < 40; k++)
      for (let n = 0; n <= k; n++)
        all.push({ index: n * 40 + k, id: null, problem: `field${String(k).padStart(2, "0")}: bad` });
    const limit = 10;
    const one = emptyCauses();
    for (const r of all) addRejection(one, r, limit);
    const expected = causeGroups(one, limit);
    // The 10 causes first in string order, each counted exactly, the rest in one group.
    const kept = expected.slice(0, -1);
    expect(kept.map((g) => g.cause).sort()).toEqual(
      Array.from({ length: 10 }, (_, k) => `field${String(k).padStart(2, "0")}: bad`),
    );
    for (const g of kept) expect(g.count).toBe(Number(g.cause.slice(5, 7)) + 1);
    expect(kept[0]?.examples.map((r) => r.index)).toEqual([9, 49, 89]);
    expect(expected.at(-1)?.count).toBe(all.length - kept.reduce((n, g) => n + g.count, 0));
    // Any split, in any order, merges to the same groups.
    for (const shards of [2, 3, 7]) {
      const states = Array.from({ length: shards }, () => emptyCauses());
      const reversed = [...all].reverse();
      for (let i = 0; i < reversed.length; i++)
        addRejection(states[(i * 7919) % shards] as (typeof states)[number], reversed[i]!, limit);
      const merged = emptyCauses();
      for (const st of states.reverse()) mergeCauses(merged, st, limit);
      expect(causeGroups(merged, limit)).toEqual(expected);
    }
  });

  it("come after the metrics in the text report, counted per cause, and go to a file in full", async () => {
    const lines = Array.from({ length: 5 }, (_, k) =>
      JSON.stringify({
        id: `x${k}`,
        channel: k === 0 ? "chat" : "fax",
        createdAt: "2026-03-02T09:00:00Z",
        messages: [{ author: "customer", at: "2026-03-02T09:00:00Z", text: "hello" }],
      }),
    ).join("\n");
    const t = io({ "in.jsonl": lines });
    expect(await run(["analyze", "in.jsonl", "--rejected-out", "rejected.jsonl"], t.io)).toBe(0);
    const text = t.out();
    expect(text.indexOf("Rejected records (4")).toBeGreaterThan(text.indexOf("Metrics by channel"));
    expect(text).toContain("  4 × channel: Invalid option");
    expect(text).toContain("    #1 (x1), #2 (x2), #3 (x3), and 1 more");
    const full = (t.written["rejected.jsonl"] as string)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(full.map((r) => r.index)).toEqual([1, 2, 3, 4]);
  });
});

describe("an input nothing fits", () => {
  const fixture = (name: string) => read(`test/fixtures/helpdesk/${name}`);

  it("fails, says which shape the file looks like and which --from reads it", async () => {
    // The published sample dates its part before the conversation; moved after it, it is readable.
    const intercom = JSON.parse(fixture("intercom-conversation.json"));
    intercom.conversation_parts.conversation_parts.forEach((part: { created_at: number }, k: number) => {
      part.created_at = intercom.created_at + 60 * (k + 1);
    });
    const t = io({ "export.json": JSON.stringify([intercom, intercom]) });
    expect(await run(["analyze", "export.json", "--from", "zendesk"], t.io)).toBe(1);
    expect(t.err()).toContain("every record of export.json was rejected by --from zendesk");
    expect(t.err()).toContain("The records look like Intercom conversations");
    expect(t.err()).toContain("--from intercom reads 2 of the first 2");
    expect(t.err()).toContain("Try: touchpoint analyze export.json --from intercom");
    expect(t.err()).toMatch(/Most common causes:\n {2}2 × /);
    // The file read as it should be is accepted.
    const ok = io({ "export.json": JSON.stringify([intercom]) });
    expect(await run(["analyze", "export.json", "--from", "intercom"], ok.io)).toBe(0);
  });

  it("says so when no source reads the records either", async () => {
    const t = io({ "export.json": JSON.stringify([{ foo: 1, bar: 2 }]) });
    expect(await run(["analyze", "export.json"], t.io)).toBe(1);
    expect(t.err()).toContain("The file holds records with the keys foo, bar");
  });

  it("says an empty export is empty, which is not a rejection", async () => {
    const t = io({ "e.json": "[]" });
    expect(await run(["analyze", "e.json"], t.io)).toBe(2);
    expect(t.err()).toContain("the input is empty");
    expect(t.err()).not.toContain("was rejected");
  });
});

describe("axis ticks", () => {
  it("are round values a reader says", () => {
    expect(linearTicks(0, 37)).toEqual([0, 10, 20, 30]);
    expect(linearTicks(0, 100)).toEqual([0, 25, 50, 75, 100]);
    expect(durationTicks(3 * 60_000, 3 * 3_600_000).map(shortDuration)).toEqual([
      "2 min",
      "10 min",
      "30 min",
      "2 h",
      "4 h",
    ]);
    expect([45_000, 90 * 60_000, 36 * 3_600_000].map(shortDuration)).toEqual(["45 s", "1.5 h", "1.5 d"]);
  });
});
