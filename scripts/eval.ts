/**
 * `npm run eval -- --data FILE.jsonl --map MAP.json [--classifier builtin|trained|natural|nlpjs|wink]
 *  [--folds 5] [--seed 1] [--forced] [--limit N] [--split tune|held-out] [--train-options JSON] [--json]`
 *
 * Scores a classifier on any JSON Lines file of `{ "text": ..., "label": ... }` records and prints
 * accuracy, macro-F1, per-class precision / recall / F1, the confusion matrix and throughput.
 *
 * The map (bench/maps/*.json) says how the dataset's labels become ours:
 *   labels     dataset label → our label, or null to exclude the record, or a list of our labels that
 *              are all acceptable (the first is the default gold)
 *   unmapped   "exclude" (default) or "other": what happens to a label the map does not name
 *   multi      { "field": "labels" } (an array field) or { "field": "label", "separator": "|" } for
 *              multi-label records: the prediction is correct when it matches any mapped label of the
 *              record; otherwise the gold is the first mapped label
 *   filter     { field: value, ... }: keep only records whose fields equal these values
 *   output     "interaction" (default), "signal", "act" or "scenario" (classifyScenario on the text
 *              alone): which built-in classifier answers
 *   forced     true: the built-in classifier picks the best-scoring target label even under its
 *              threshold (forced choice), instead of answering "unknown"
 * Predictions outside the target labels count as "other" when "other" is a target, else as errors.
 * `--split tune` keeps four fifths of the records (a seeded shuffle, seed 1), `--split held-out` the
 * other fifth: read the tuning part's errors, report both.
 *
 * `builtin` is untrained and scored on every record. `trained` (touchpoint's trainClassifier) and the
 * anchors (natural's BayesClassifier, NLP.js's neural NLU, wink-naive-bayes-text-classifier) are scored
 * by k-fold cross-validation on the same folds (deterministic shuffle by --seed).
 *
 * `npm run eval -- --dialogue --data FILE.jsonl --map MAP.json ...` replays whole dialogues through
 * the conversation machine instead (scripts/eval-dialogue.ts).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import {
  type ActName,
  classifyAct,
  classifyInteraction,
  classifyScenario,
  detectSignals,
  type SignalName,
  type TrainClassifierOptions,
  trainClassifier,
} from "../src/classify/index.js";
import { mulberry32 } from "../src/internal/random.js";
import { dialogueMain } from "./eval-dialogue.js";

const require = createRequire(import.meta.url);

export interface EvalMap {
  description?: string;
  labels: Record<string, string | readonly string[] | null>;
  unmapped?: "exclude" | "other";
  multi?: { field: string; separator?: string };
  filter?: Record<string, string | number | boolean>;
  output?: "interaction" | "signal" | "act" | "scenario";
  forced?: boolean;
}

export interface Item {
  text: string;
  /** Acceptable gold labels (first is the default). */
  gold: string[];
  speaker?: string;
}

export type ClassifierName = "builtin" | "trained" | "natural" | "nlpjs" | "wink";

export interface Scores {
  classifier: string;
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: { label: string; precision: number; recall: number; f1: number; support: number }[];
  confusion: { labels: string[]; predicted: string[]; matrix: number[][] };
  /** Messages classified per second (prediction only). */
  throughput: number;
  /** Seconds spent training, summed over folds (0 for builtin). */
  trainSeconds: number;
}

export function loadItems(
  dataFile: string,
  map: EvalMap,
  limit = Number.POSITIVE_INFINITY,
  split?: "tune" | "held-out",
): { items: Item[]; targets: string[]; excluded: number } {
  const lines = fs.readFileSync(dataFile, "utf8").split("\n");
  const items: Item[] = [];
  let excluded = 0;
  const targets = new Set<string>();
  for (const v of Object.values(map.labels))
    if (v !== null) for (const t of typeof v === "string" ? [v] : v) targets.add(t);
  const mapOne = (label: string): readonly string[] => {
    if (Object.hasOwn(map.labels, label)) {
      const v = map.labels[label] ?? null;
      return v === null ? [] : typeof v === "string" ? [v] : v;
    }
    return map.unmapped === "other" ? ["other"] : [];
  };
  if (map.unmapped === "other") targets.add("other");
  for (const line of lines) {
    if (items.length >= limit) break;
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as Record<string, unknown>;
    if (map.filter && Object.entries(map.filter).some(([k, v]) => rec[k] !== v)) continue;
    const field = map.multi ? rec[map.multi.field] : undefined;
    const raw: string[] = Array.isArray(field)
      ? (field as string[])
      : map.multi?.separator !== undefined && typeof field === "string"
        ? field.split(map.multi.separator)
        : [String(rec.label)];
    const gold: string[] = [];
    for (const l of raw) for (const m of mapOne(l)) if (!gold.includes(m)) gold.push(m);
    if (gold.length === 0) {
      excluded++;
      continue;
    }
    items.push({
      text: String(rec.text ?? ""),
      gold,
      ...(typeof rec.speaker === "string" ? { speaker: rec.speaker } : {}),
    });
  }
  if (split !== undefined) {
    const fold = foldsOf(items.length, 5, 1);
    const kept = items.filter((_, i) => (fold[i] === 0) === (split === "held-out"));
    return { items: kept, targets: [...targets].sort(), excluded };
  }
  return { items, targets: [...targets].sort(), excluded };
}

function builtinPredict(map: EvalMap, targets: string[]): (item: Item) => string {
  const other = targets.includes("other") ? "other" : "unknown";
  const output = map.output ?? "interaction";
  if (output === "signal") {
    return (item) => {
      const r = detectSignals(item.text);
      for (const s of r.signals) if (targets.includes(s.signal)) return s.signal;
      return other;
    };
  }
  if (output === "scenario") {
    return (item) => {
      const s = classifyScenario(item.text).scenario;
      return targets.includes(s) ? s : other;
    };
  }
  if (output === "act") {
    return (item) => {
      const r = classifyAct(item.text, {
        speaker: item.speaker === "SYSTEM" || item.speaker === "agent" ? "agent" : "customer",
      });
      return targets.includes(r.act) ? (r.act as ActName) : other;
    };
  }
  return (item) => {
    const r = classifyInteraction(item.text);
    if (map.forced) {
      let best = "unknown";
      let bestScore = 0;
      for (const t of targets) {
        const s = (r.scores as Record<string, number>)[t];
        if (s !== undefined && s > bestScore) {
          best = t;
          bestScore = s;
        }
      }
      return best === "unknown" ? other : best;
    }
    return targets.includes(r.label) ? r.label : other;
  };
}

/** Deterministic fold of each item: a seeded shuffle dealt round-robin. */
export function foldsOf(n: number, k: number, seed: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  const random = mulberry32(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const fold = new Array<number>(n).fill(0);
  order.forEach((idx, pos) => {
    fold[idx] = pos % k;
  });
  return fold;
}

let trainOptions: TrainClassifierOptions = {};

/** A trained classifier under evaluation: the label it gives a text. */
export type Predictor = { predict(text: string): Promise<string> | string };

/** Trains touchpoint's model or one of the anchors (natural, NLP.js, wink) on `train`, as eval and the bench both do. */
export async function trainAnchor(name: ClassifierName, train: Item[]): Promise<Predictor> {
  switch (name) {
    case "trained": {
      const model = trainClassifier(
        train.map((i) => ({ text: i.text, label: i.gold[0] as string })),
        trainOptions,
      );
      return { predict: (text) => model.classify(text).label };
    }
    case "natural": {
      const natural = require("natural") as {
        BayesClassifier: new () => {
          addDocument(t: string, l: string): void;
          train(): void;
          classify(t: string): string;
        };
      };
      const c = new natural.BayesClassifier();
      for (const i of train) c.addDocument(i.text, i.gold[0] as string);
      c.train();
      return { predict: (text) => c.classify(text) };
    }
    case "wink": {
      const make = require("wink-naive-bayes-text-classifier") as () => {
        definePrepTasks(t: unknown[]): void;
        defineConfig(c: unknown): void;
        learn(t: string, l: string): void;
        consolidate(): void;
        predict(t: string): string;
      };
      const nlp = require("wink-nlp-utils") as {
        string: { lowerCase: unknown; tokenize0: unknown };
        tokens: { removeWords: unknown; stem: unknown };
      };
      const c = make();
      c.definePrepTasks([
        nlp.string.lowerCase,
        nlp.string.tokenize0,
        nlp.tokens.removeWords,
        nlp.tokens.stem,
      ]);
      c.defineConfig({ considerOnlyPresence: true, smoothingFactor: 0.5 });
      for (const i of train) c.learn(i.text, i.gold[0] as string);
      c.consolidate();
      return {
        predict: (text) => {
          try {
            return c.predict(text);
          } catch {
            return "unknown";
          }
        },
      };
    }
    case "nlpjs": {
      const { containerBootstrap } = require("@nlpjs/core") as { containerBootstrap: () => Promise<unknown> };
      const { NluNeural } = require("@nlpjs/nlu") as {
        NluNeural: new (
          s: unknown,
        ) => {
          train(corpus: { utterance: string; intent: string }[]): Promise<unknown>;
          process(t: string): Promise<{ classifications: { intent: string; score: number }[] }>;
        };
      };
      const container = await containerBootstrap();
      const nlu = new NluNeural({ locale: "en", log: false, container });
      await nlu.train(train.map((i) => ({ utterance: i.text, intent: i.gold[0] as string })));
      return {
        predict: async (text) => {
          const r = await nlu.process(text);
          return r.classifications[0]?.intent ?? "unknown";
        },
      };
    }
    case "builtin":
      throw new Error("builtin is not trained");
  }
}

export async function evaluate(
  items: Item[],
  targets: string[],
  map: EvalMap,
  classifier: ClassifierName,
  folds: number,
  seed: number,
): Promise<Scores> {
  const predictions = new Array<string>(items.length).fill("unknown");
  let predictSeconds = 0;
  let trainSeconds = 0;
  if (classifier === "builtin") {
    const predict = builtinPredict(map, targets);
    for (let i = 0; i < Math.min(items.length, 200); i++) predict(items[i] as Item); // warm-up
    const t0 = performance.now();
    for (let i = 0; i < items.length; i++) predictions[i] = predict(items[i] as Item);
    predictSeconds = (performance.now() - t0) / 1000;
  } else {
    const fold = foldsOf(items.length, folds, seed);
    for (let f = 0; f < folds; f++) {
      const train = items.filter((_, i) => fold[i] !== f);
      const t0 = performance.now();
      const model = await trainAnchor(classifier, train);
      trainSeconds += (performance.now() - t0) / 1000;
      const t1 = performance.now();
      for (let i = 0; i < items.length; i++) {
        if (fold[i] === f) predictions[i] = await model.predict((items[i] as Item).text);
      }
      predictSeconds += (performance.now() - t1) / 1000;
    }
  }
  return score(classifier, items, predictions, targets, predictSeconds, trainSeconds);
}

export function score(
  classifier: string,
  items: Item[],
  predictions: string[],
  targets: string[],
  predictSeconds: number,
  trainSeconds: number,
): Scores {
  const predictedLabels = [...targets];
  for (const p of predictions) if (!predictedLabels.includes(p)) predictedLabels.push(p);
  const matrix = targets.map(() => predictedLabels.map(() => 0));
  let correct = 0;
  items.forEach((item, i) => {
    const p = predictions[i] as string;
    const gold = item.gold.includes(p) ? p : (item.gold[0] as string);
    if (gold === p) correct++;
    const row = matrix[targets.indexOf(gold)];
    if (row) row[predictedLabels.indexOf(p)] = (row[predictedLabels.indexOf(p)] ?? 0) + 1;
  });
  const perClass = targets.map((label, r) => {
    const tp = matrix[r]?.[r] ?? 0;
    const support = (matrix[r] ?? []).reduce((a, b) => a + b, 0);
    let predicted = 0;
    for (const row of matrix) predicted += row[r] ?? 0;
    const precision = predicted === 0 ? 0 : tp / predicted;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  return {
    classifier,
    n: items.length,
    accuracy: items.length === 0 ? 0 : correct / items.length,
    macroF1: perClass.reduce((a, c) => a + c.f1, 0) / Math.max(1, perClass.length),
    perClass,
    confusion: { labels: targets, predicted: predictedLabels, matrix },
    throughput: predictSeconds > 0 ? items.length / predictSeconds : 0,
    trainSeconds,
  };
}

export function report(s: Scores): string {
  const f = (x: number) => x.toFixed(3);
  const lines = [
    `classifier: ${s.classifier}   n = ${s.n}`,
    `accuracy ${f(s.accuracy)}   macro-F1 ${f(s.macroF1)}   throughput ${Math.round(s.throughput).toLocaleString("en")} msg/s${s.trainSeconds > 0 ? `   training ${s.trainSeconds.toFixed(1)} s` : ""}`,
    "",
    "| class | precision | recall | F1 | support |",
    "|---|---:|---:|---:|---:|",
    ...s.perClass.map(
      (c) => `| ${c.label} | ${f(c.precision)} | ${f(c.recall)} | ${f(c.f1)} | ${c.support} |`,
    ),
    "",
    `confusion (rows gold, columns predicted)`,
    `| gold \\ predicted | ${s.confusion.predicted.join(" | ")} |`,
    `|---|${s.confusion.predicted.map(() => "---:").join("|")}|`,
    ...s.confusion.labels.map((l, r) => `| ${l} | ${(s.confusion.matrix[r] ?? []).join(" | ")} |`),
  ];
  return lines.join("\n");
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  if (process.argv.includes("--dialogue")) {
    dialogueMain(arg, process.argv.includes("--json"));
    return;
  }
  const data = arg("data");
  const mapFile = arg("map");
  if (!data || !mapFile) {
    console.error(
      "usage: npm run eval -- --data FILE.jsonl --map MAP.json [--classifier builtin|trained|natural|nlpjs|wink] [--folds 5] [--seed 1] [--forced] [--json]",
    );
    process.exit(2);
  }
  const map = JSON.parse(fs.readFileSync(mapFile, "utf8")) as EvalMap;
  if (process.argv.includes("--forced")) map.forced = true;
  const classifier = (arg("classifier") ?? "builtin") as ClassifierName;
  const folds = Number(arg("folds") ?? 5);
  const seed = Number(arg("seed") ?? 1);
  trainOptions = JSON.parse(arg("train-options") ?? "{}") as TrainClassifierOptions;
  const split = arg("split");
  if (split !== undefined && split !== "tune" && split !== "held-out") {
    console.error(`eval: expected --split tune or held-out, got ${JSON.stringify(split)}`);
    process.exit(2);
  }
  const { items, targets, excluded } = loadItems(
    data,
    map,
    Number(arg("limit") ?? Number.POSITIVE_INFINITY),
    split,
  );
  const s = await evaluate(items, targets, map, classifier, folds, seed);
  if (process.argv.includes("--json")) {
    console.log(JSON.stringify(s, null, 2));
    return;
  }
  console.log(
    `data: ${data}   map: ${mapFile}   excluded by the map: ${excluded}   unmapped labels: ${map.unmapped ?? "exclude"}${map.forced ? "   forced choice" : ""}${split ? `   split: ${split}` : ""}`,
  );
  console.log(
    classifier === "builtin"
      ? "untrained, scored on every record"
      : `${folds}-fold cross-validation, seed ${seed}`,
  );
  console.log(report(s));
}

const invokedDirectly = process.argv[1]?.endsWith("eval.ts") ?? false;
if (invokedDirectly) await main();
export type { SignalName };
