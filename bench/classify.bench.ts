/**
 * touchpoint/classify: speed on 200-character messages against the anchors (NLP.js NLU, natural's
 * BayesClassifier, wink-naive-bayes-text-classifier), and quality on every shared evaluation set the
 * machine has (../shared/data): the built-in classifier untrained, the trained model and the anchors by
 * 5-fold cross-validation on the same folds, in the same run. Sets that are missing are skipped.
 *
 * Environment: CLASSIFY_BENCH_DATA overrides the data folder; CLASSIFY_BENCH_QUICK=1 runs speed only.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { classifyAct, classifyInteraction, detectSignals, trainClassifier } from "../src/classify/index.js";
import {
  type ClassifierName,
  type EvalMap,
  evaluate,
  loadItems,
  type Scores,
  trainAnchor,
} from "../scripts/eval.js";
import type { Bench } from "./run.js";
import { fmt, keep, measure } from "./lib/measure.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const dataDir = process.env.CLASSIFY_BENCH_DATA ?? path.resolve(here, "../../shared/data");

/** Invented customer messages, padded or cut to 200 characters. */
function messages(count: number): string[] {
  const openers = [
    "Hi team, the export keeps failing when I open the monthly report",
    "Could you please add a way to pay by bank transfer next time",
    "Thanks so much for sorting out my account yesterday, you were great",
    "How long does delivery to Lisbon usually take for a large order",
    "I was charged twice for the same subscription and nobody replies",
    "It would be really nice if the mobile app remembered my filters",
  ];
  const fillers = [
    " and I have tried twice already.",
    " Any idea what is going on?",
    " Cheers.",
    " This is urgent for our team!",
  ];
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let m = `${openers[i % openers.length]}${fillers[(i * 7) % fillers.length]} (ref ${1000 + i})`;
    while (m.length < 200) m += ` ${fillers[(i + m.length) % fillers.length]}`;
    out.push(m.slice(0, 200));
  }
  return out;
}

type Impl = { name: string; texts: string[]; run: (t: string) => unknown };

interface Row {
  name: string;
  /** Median CPU milliseconds per message. */
  cpuMs: number;
  /** Median wall-clock milliseconds per message. */
  wallMs: number;
  /** Median over rounds of this implementation's CPU time over the baseline's in the same round. */
  ratio: number;
}

const median = (xs: number[]): number => {
  const sorted = xs.slice().sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};

/**
 * Runs every implementation once per round, in turn, and returns each one's median round per message,
 * in CPU time (`process.cpuUsage`: what the process itself spent, so other jobs on a shared machine
 * do not count) and in wall-clock time, with the median of its per-round ratio to the baseline (the
 * implementations of one round ran seconds apart, under the same load).
 */
async function interleaved(impls: Impl[], baseline: string, rounds = 11): Promise<Row[]> {
  const cpu = impls.map(() => [] as number[]);
  const wall = impls.map(() => [] as number[]);
  for (let round = -1; round < rounds; round++) {
    for (let k = 0; k < impls.length; k++) {
      const impl = impls[k] as Impl;
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      for (const t of impl.texts) {
        const r = impl.run(t);
        keep(r instanceof Promise ? await r : r);
      }
      const t1 = performance.now();
      const c1 = process.cpuUsage(c0);
      if (round >= 0) {
        (cpu[k] as number[]).push((c1.user + c1.system) / 1000 / impl.texts.length);
        (wall[k] as number[]).push((t1 - t0) / impl.texts.length);
      }
    }
  }
  const b = impls.findIndex((i) => i.name === baseline);
  return impls.map((impl, k) => ({
    name: impl.name,
    cpuMs: median(cpu[k] as number[]),
    wallMs: median(wall[k] as number[]),
    ratio: median((cpu[k] as number[]).map((x, r) => x / ((cpu[b] as number[])[r] as number))),
  }));
}

/** A markdown table of interleaved rows: CPU time, wall-clock rate, and the ratio to the baseline. */
function speedTable(rows: Row[], baseline: string): string {
  const lines = [
    `| implementation | CPU ms per message | messages/s (CPU) | messages/s (wall clock) | × ${baseline} (CPU, median of rounds) | ${baseline} ÷ it |`,
    "|---|---:|---:|---:|---:|---:|",
  ];
  for (const r of rows)
    lines.push(
      `| ${r.name} | ${r.cpuMs.toFixed(4)} | ${fmt((1 / r.cpuMs) * 1000)} | ${fmt((1 / r.wallMs) * 1000)} | ${r.ratio.toFixed(2)} | ${(1 / r.ratio).toFixed(2)} |`,
    );
  return lines.join("\n");
}

/** The same comparison on real tweets to brands (complaints set), each anchor trained on the set itself. */
async function realSpeed(): Promise<string> {
  const file = path.join(dataDir, "complaints-twitter-preotiuc2019/dev.jsonl");
  if (!fs.existsSync(file)) return "(complaints-twitter set not found: real-text speed skipped)";
  const map = JSON.parse(
    fs.readFileSync(path.join(here, "maps", "complaints-twitter.json"), "utf8"),
  ) as EvalMap;
  const { items } = loadItems(file, map);
  const texts = items.map((i) => i.text);
  const model = trainClassifier(items.map((i) => ({ text: i.text, label: i.gold[0] as string })));
  const nlu = await trainAnchor("nlpjs", items);
  const mean = texts.reduce((a, t) => a + t.length, 0) / texts.length;
  const rows = await interleaved(
    [
      { name: "touchpoint classifyInteraction", texts, run: (t) => classifyInteraction(t).label },
      { name: "touchpoint trained model", texts, run: (t) => model.classify(t).label },
      { name: "NLP.js NluNeural process", texts, run: (t) => nlu.predict(t) },
    ],
    "NLP.js NluNeural process",
    7,
  );
  return [
    `### Speed on real text: ${texts.length} tweets to brands (complaints-twitter dev, mean ${mean.toFixed(0)} characters)`,
    "",
    speedTable(rows, "NLP.js NluNeural process"),
    "",
    "The trained model and NLP.js were trained on the same tweets (speed only; quality is measured by cross-validation below).",
  ].join("\n");
}

/** The 1-, 5- and 15-minute load averages, for the record (the machine is shared). */
function load(): string {
  return os
    .loadavg()
    .map((x) => x.toFixed(2))
    .join(", ");
}

async function speed(): Promise<string> {
  const loadBefore = load();
  const msgs = messages(2000);
  const trainSet = msgs.map((text, i) => ({
    text,
    label: ["complaint", "suggestion", "praise", "question"][i % 4] as string,
  }));
  const model = trainClassifier(trainSet);

  // The anchors as eval trains them (scripts/eval.ts), on 400 of the same messages.
  const anchorSet = trainSet.slice(0, 400).map((e) => ({ text: e.text, gold: [e.label] }));
  const bayes = await trainAnchor("natural", anchorSet);
  const wink = await trainAnchor("wink", anchorSet);
  const nlu = await trainAnchor("nlpjs", anchorSet);

  const batch = msgs.slice(0, 1000);
  const small = batch.slice(0, 200);
  // Every implementation runs once per round, in turn, so that a busy shared machine slows them alike;
  // the median round per implementation is reported, per message.
  const impls: { name: string; texts: string[]; run: (t: string) => unknown }[] = [
    { name: "touchpoint classifyInteraction", texts: batch, run: (t) => classifyInteraction(t).label },
    { name: "touchpoint detectSignals", texts: batch, run: (t) => detectSignals(t).sentiment },
    { name: "touchpoint classifyAct", texts: batch, run: (t) => classifyAct(t).act },
    { name: "touchpoint trained model", texts: batch, run: (t) => model.classify(t).label },
    { name: "NLP.js NluNeural process", texts: batch, run: (t) => nlu.predict(t) },
    { name: "wink-naive-bayes predict", texts: small, run: (t) => wink.predict(t) },
    { name: "natural BayesClassifier classify", texts: small, run: (t) => bayes.predict(t) },
  ];
  const rows = await interleaved(impls, "NLP.js NluNeural process");
  const real = await realSpeed();

  const big = "not great but would be nice if ".repeat(Math.ceil((1 << 20) / 31)).slice(0, 1 << 20);
  const oneMb = measure("1 MB, default maxLength (20,000)", () => classifyInteraction(big), { rounds: 5 });
  const oneMbAll = measure(
    "1 MB, maxLength: Infinity",
    () => classifyInteraction(big, { maxLength: Number.POSITIVE_INFINITY }),
    { rounds: 3 },
  );
  const loadAfter = load();
  return [
    "### Speed: 1,000 invented 200-character messages, one core",
    "",
    `Load average (1, 5, 15 min) on ${os.cpus().length} cores: ${loadBefore} before the speed runs, ${loadAfter} after.`,
    "",
    speedTable(rows, "NLP.js NluNeural process"),
    "",
    "The anchors were trained on 400 of the same messages; wink and natural are timed on 200 of them. NLP.js's `process` is async and awaited per message, as a bot would call it.",
    "",
    real,
    "",
    "### Long input",
    "",
    `| input | ms |`,
    `|---|---:|`,
    `| ${oneMb.name} | ${oneMb.ms.toFixed(1)} |`,
    `| ${oneMbAll.name} | ${oneMbAll.ms.toFixed(1)} |`,
  ].join("\n");
}

interface SetSpec {
  name: string;
  file: string;
  map: string;
  anchors: boolean;
  limit?: number;
}

const sets: SetSpec[] = [
  {
    name: "complaints-twitter dev (complaint vs not)",
    file: "complaints-twitter-preotiuc2019/dev.jsonl",
    map: "complaints-twitter.json",
    anchors: true,
  },
  {
    name: "SemEval-2019 task 9 dev (suggestion vs not)",
    file: "semeval2019-task9-suggestion/dev.jsonl",
    map: "semeval2019-task9.json",
    anchors: true,
  },
  {
    name: "SemEval-2019 task 9 train (suggestion vs not)",
    file: "semeval2019-task9-suggestion/train.jsonl",
    map: "semeval2019-task9.json",
    anchors: true,
  },
  {
    name: "IJCNLP-2017 dev (praise / complaint / suggestion)",
    file: "ijcnlp2017-customer-feedback-en/dev.jsonl",
    map: "ijcnlp2017.json",
    anchors: true,
  },
  {
    name: "MAIA-DQE dev, customer sentences (signals)",
    file: "maia-dqe-customer-support-emotion/dev.jsonl",
    map: "maia-emotion.json",
    anchors: true,
  },
  {
    name: "MAIA-DQE train, customer sentences (signals; cross-check, never used for rules)",
    file: "maia-dqe-customer-support-emotion/train.jsonl",
    map: "maia-emotion.json",
    anchors: false,
  },
  {
    name: "Bitext 8K, problem reports vs requests (complaint over-detection; cross-check)",
    file: "bitext-customer-service-8k/all.jsonl",
    map: "bitext-complaints.json",
    anchors: false,
  },
  {
    name: "SGD train, first 5,000 turns (dialogue acts)",
    file: "sgd-dialogue-acts/train.jsonl",
    map: "sgd-acts.json",
    anchors: false,
    limit: 5000,
  },
];

function row(s: Scores, focus: string | null): string {
  const f = (x: number) => x.toFixed(3);
  const cls = focus ? s.perClass.find((c) => c.label === focus) : undefined;
  return `| ${s.classifier} | ${f(s.accuracy)} | ${f(s.macroF1)} | ${cls ? f(cls.f1) : "–"} | ${fmt(s.throughput)} | ${s.trainSeconds > 0 ? s.trainSeconds.toFixed(1) : "–"} |`;
}

async function quality(): Promise<string> {
  const out: string[] = [];
  for (const spec of sets) {
    const file = path.join(dataDir, spec.file);
    if (!fs.existsSync(file)) {
      out.push(`### ${spec.name}\n\n(skipped: ${spec.file} not found)\n`);
      continue;
    }
    const map = JSON.parse(fs.readFileSync(path.join(here, "maps", spec.map), "utf8")) as EvalMap;
    const { items, targets, excluded } = loadItems(file, map, spec.limit);
    const focus =
      targets.includes("complaint") && targets.length === 2
        ? "complaint"
        : targets.includes("suggestion") && targets.length === 2
          ? "suggestion"
          : null;
    const results: Scores[] = [await evaluate(items, targets, map, "builtin", 5, 1)];
    if (map.output === undefined && targets.includes("praise")) {
      const forced = await evaluate(items, targets, { ...map, forced: true }, "builtin", 5, 1);
      results.push({ ...forced, classifier: "builtin (forced choice)" });
    }
    if (spec.anchors) {
      for (const c of ["trained", "nlpjs", "natural", "wink"] as ClassifierName[])
        results.push(await evaluate(items, targets, map, c, 5, 1));
    }
    out.push(
      `### ${spec.name}`,
      "",
      `n = ${items.length} (${excluded} excluded by the map), map bench/maps/${spec.map}. builtin: untrained, every record; others: 5-fold CV, seed 1, same folds.`,
      "",
      `| classifier | accuracy | macro-F1 | ${focus ? `${focus} F1` : "–"} | msg/s | training s |`,
      "|---|---:|---:|---:|---:|---:|",
      ...results.map((r) => row(r, focus)),
      "",
    );
  }
  return out.join("\n");
}

const bench: Bench = {
  title: "classify: speed and quality against NLP.js, natural and wink",
  async run() {
    const parts = [await speed()];
    if (process.env.CLASSIFY_BENCH_QUICK !== "1") parts.push(await quality());
    return parts.join("\n\n");
  },
};
export default bench;
