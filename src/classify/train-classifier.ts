import { checkList, checkOptional, checkOptions, fail } from "../internal/args.js";
import { TouchpointError, quote } from "../internal/errors.js";
import { type InteractionType, interactionTypes } from "../schemas/vocabulary.js";
import { analyze, type Evidence, window } from "./analyze.js";
import type { ClassificationResult, RankedLabel } from "./classify-interaction.js";
import { messageRaw } from "./classify-interaction.js";
import type { Lexicon } from "./lexicon.js";
import { K_EMOJI, K_NUMBER, K_PUNCT, K_WORD, lastScan, normAt, scan } from "./tokenize.js";
import { mulberry32 } from "../internal/random.js";

/**
 * One labelled example for {@link trainClassifier}.
 *
 * @category Training
 */
export interface TrainingExample<L extends string = string> {
  /** The message. */
  text: string;
  /** Its label (any label set: interaction types, intents, teams). */
  label: L;
}

/** Options of {@link trainClassifier}. @category Training */
export interface TrainClassifierOptions {
  /** Passes over the data (default 15). */
  epochs?: number;
  /** Adagrad base learning rate (default 0.1). */
  learningRate?: number;
  /** L2 penalty per update on the weights a message touches (default 1e-4). */
  l2?: number;
  /** Drop words and bigrams seen in fewer examples than this (default 1: keep all). */
  minCount?: number;
  /** Add word bigrams to the unigrams (default true). */
  bigrams?: boolean;
  /** Add the built-in classifier's cue scores (question, complaint, suggestion, praise, sentiment) as features (default true). */
  cueFeatures?: boolean;
  /** Weight classes inversely to their frequency, which favours macro-F1 (default true). */
  balanced?: boolean;
  /** Minimum probability for a label to be listed in `ranked`; below it for all, the label is `"unknown"` (default 0). */
  threshold?: number;
  /** Seed of the shuffling between epochs (default 1). */
  seed?: number;
  /** The lexicon for the cue features; the built-in English one by default. */
  lexicon?: Lexicon;
}

/**
 * A trained model serialised to plain JSON, as {@link TrainedClassifier.toJSON} writes it and
 * {@link loadClassifier} reads it.
 *
 * @category Training
 */
export interface ClassifierJson {
  /** Format identifier. */
  format: "touchpoint-classifier";
  /** Format version. */
  version: 1;
  /** The labels, in weight-column order. */
  labels: string[];
  /** The feature names, in weight-row order. */
  features: string[];
  /** `weights[f][l]`: the weight of feature `f` for label `l`. */
  weights: number[][];
  /** One bias per label. */
  bias: number[];
  /** Whether bigrams and cue features are extracted. */
  bigrams: boolean;
  /** Whether the built-in cue scores are features. */
  cueFeatures: boolean;
  /** Default threshold. */
  threshold: number;
}

/**
 * A model made by {@link trainClassifier} or {@link loadClassifier}.
 *
 * @category Training
 */
export interface TrainedClassifier<L extends string = string> {
  /** The labels it knows. */
  readonly labels: readonly L[];
  /** Classifies a message: same result shape as the built-in classifiers; evidence = top features. */
  classify(text: string): ClassificationResult<L>;
  /** The model as plain JSON, for {@link loadClassifier}. */
  toJSON(): ClassifierJson;
}

interface Feature {
  name: string;
  value: number;
  start: number;
  end: number;
}

function extract(
  text: string,
  bigrams: boolean,
  cueFeatures: boolean,
  lexicon: Lexicon | undefined,
): Feature[] {
  const input = window(text, undefined);
  const out: Feature[] = [];
  const seen = new Set<string>();
  const add = (name: string, value: number, start: number, end: number): void => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, value, start, end });
  };
  // one scan serves both: the analysis for the cue features, then its tokens for the words
  const a = cueFeatures ? analyze(input, lexicon) : null;
  const b = a === null ? scan(input, null) : lastScan();
  let prev = -1;
  let prevNorm = "";
  for (let k = 0; k < b.n; k++) {
    const kind = b.kind[k] as number;
    const norm = normAt(input, k);
    if (kind === K_WORD || kind === K_NUMBER || kind === K_EMOJI || norm === "?" || norm === "!") {
      const w = kind === K_NUMBER ? "<num>" : norm;
      const start = b.start[k] as number;
      const end = b.end[k] as number;
      add(`w:${w}`, 1, start, end);
      if (bigrams)
        add(`b:${prev < 0 ? "<s>" : prevNorm} ${w}`, 1, prev < 0 ? start : (b.start[prev] as number), end);
      prev = k;
      prevNorm = w;
    } else if (kind === K_PUNCT && (norm === "." || norm === ",")) {
      prev = -1;
    }
  }
  if (a !== null) {
    const raw = messageRaw(a);
    for (const type of interactionTypes) {
      const v = 1 - Math.exp(-raw[type as InteractionType]);
      if (v > 0) add(`c:${type}`, v, 0, text.length);
    }
    if (a.valence > 0) add("c:pos", a.valence / Math.sqrt(a.valence * a.valence + 15), 0, text.length);
    if (a.valence < 0) add("c:neg", -a.valence / Math.sqrt(a.valence * a.valence + 15), 0, text.length);
  }
  return out;
}

class Model<L extends string> implements TrainedClassifier<L> {
  readonly labels: readonly L[];
  private readonly index: Map<string, number>;
  constructor(
    labels: readonly L[],
    private readonly features: string[],
    private readonly weights: Float64Array,
    private readonly bias: Float64Array,
    private readonly bigrams: boolean,
    private readonly cueFeatures: boolean,
    private readonly threshold: number,
    private readonly lexicon: Lexicon | undefined,
  ) {
    this.labels = labels;
    this.index = new Map(features.map((f, i) => [f, i]));
  }

  classify(text: string): ClassificationResult<L> {
    const input = typeof text === "string" ? text : String(text);
    const k = this.labels.length;
    const feats = extract(input, this.bigrams, this.cueFeatures, this.lexicon);
    const rows: { f: Feature; row: number }[] = [];
    const logits = Array.from(this.bias);
    for (const f of feats) {
      const row = this.index.get(f.name);
      if (row === undefined) continue;
      rows.push({ f, row });
      for (let l = 0; l < k; l++)
        logits[l] = (logits[l] as number) + (this.weights[row * k + l] as number) * f.value;
    }
    const probs = softmax(logits);
    const scores = {} as Record<L, number>;
    const ranked: RankedLabel<L>[] = [];
    for (let l = 0; l < k; l++) {
      const label = this.labels[l] as L;
      scores[label] = probs[l] as number;
      if ((probs[l] as number) >= this.threshold) ranked.push({ label, score: probs[l] as number });
    }
    ranked.sort((a, b) => b.score - a.score);
    const top = ranked[0];
    if (!top) return { label: "unknown", confidence: 0, scores, ranked, evidence: [] };
    const li = this.labels.indexOf(top.label);
    const evidence: Evidence[] = [];
    for (const { f, row } of rows) {
      // how much the feature favours the primary label over the average of the others
      let others = 0;
      for (let l = 0; l < k; l++) if (l !== li) others += this.weights[row * k + l] as number;
      const w = ((this.weights[row * k + li] as number) - (k > 1 ? others / (k - 1) : 0)) * f.value;
      if (w > 0) evidence.push({ cue: f.name, kind: "feature", span: [f.start, f.end], weight: w });
    }
    evidence.sort((a, b) => b.weight - a.weight);
    if (evidence.length > 8) evidence.length = 8;
    return { label: top.label, confidence: top.score, scores, ranked, evidence };
  }

  toJSON(): ClassifierJson {
    const k = this.labels.length;
    const weights: number[][] = [];
    for (let f = 0; f < this.features.length; f++) {
      const row: number[] = [];
      for (let l = 0; l < k; l++) row.push(round(this.weights[f * k + l] as number));
      weights.push(row);
    }
    return {
      format: "touchpoint-classifier",
      version: 1,
      labels: [...this.labels],
      features: [...this.features],
      weights,
      bias: Array.from(this.bias, round),
      bigrams: this.bigrams,
      cueFeatures: this.cueFeatures,
      threshold: this.threshold,
    };
  }
}

function round(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

function softmax(logits: number[]): number[] {
  let max = Number.NEGATIVE_INFINITY;
  for (const x of logits) if (x > max) max = x;
  let sum = 0;
  const out = logits.map((x) => {
    const e = Math.exp(x - max);
    sum += e;
    return e;
  });
  return out.map((e) => e / sum);
}

/** The numeric options are finite (counts whole and positive), the switches booleans. */
function checkTrainingOptions(options: TrainClassifierOptions): void {
  const fn = "trainClassifier";
  for (const key of ["epochs", "minCount"] as const) {
    const v = options[key];
    if (v !== undefined && !(Number.isSafeInteger(v) && v >= 1))
      fail("invalid_option", fn, `options.${key}`, v, "a whole number from 1");
  }
  for (const key of ["learningRate", "l2", "threshold", "seed"] as const) {
    const v = options[key];
    if (v !== undefined && !(typeof v === "number" && Number.isFinite(v)))
      fail("invalid_option", fn, `options.${key}`, v, "a finite number");
  }
  for (const key of ["bigrams", "cueFeatures", "balanced"] as const) {
    checkOptional(fn, `options.${key}`, options[key], "true or false", "boolean");
  }
  checkOptional(fn, "options.lexicon", options.lexicon, "a lexicon from createLexicon()", "object");
}

/**
 * Returns a classifier trained on labelled messages: multinomial logistic regression over words, word
 * bigrams and the built-in cue scores, with the same result shape as {@link classifyInteraction}.
 *
 * @remarks
 * Softmax regression (maximum entropy) fitted by stochastic gradient descent with Adagrad step sizes
 * (Duchi, Hazan & Singer 2011) and an L2 penalty, classes weighted inversely to their frequency. Features
 * are binary word and bigram indicators plus, by default, the built-in classifier's four type scores and
 * sentiment, so a small team history starts from what the rules know. The evidence of a prediction is
 * the features that favour its label most (weight for the label minus the mean weight for the others).
 * Deterministic for a given seed; the model serialises to JSON with `toJSON()`.
 *
 * @param examples - labelled messages (at least one; any label set)
 * @param options - epochs, learning rate, penalty, feature choices, threshold, seed
 * @returns the trained model
 * @throws TouchpointError `no_examples` when `examples` is empty, `invalid_example` when an example has
 * no string text or label; `invalid_input` when `examples` is not an array; `invalid_option` for an option of the wrong type (`epochs`, `minCount` whole numbers from 1, the rates finite)
 *
 * @example
 * ```ts
 * import { trainClassifier, loadClassifier } from "touchpoint/classify";
 *
 * const model = trainClassifier([
 *   { text: "where is my parcel", label: "shipping" },
 *   { text: "my parcel has not arrived", label: "shipping" },
 *   { text: "the parcel tracking page is empty", label: "shipping" },
 *   { text: "I was charged twice on my card", label: "billing" },
 *   { text: "please refund the double charge", label: "billing" },
 *   { text: "my invoice shows the wrong amount", label: "billing" },
 * ]);
 * model.classify("has my parcel shipped yet").label; // => "shipping"
 * loadClassifier(model.toJSON()).classify("a wrong charge on my invoice").label; // => "billing"
 * trainClassifier([]); // throws no_examples
 * ```
 *
 * @category Training
 */
export function trainClassifier<L extends string>(
  examples: readonly TrainingExample<L>[],
  options: TrainClassifierOptions = {},
): TrainedClassifier<L> {
  options = checkOptions("trainClassifier", options);
  checkList("trainClassifier", "examples", examples);
  checkTrainingOptions(options);
  if (examples.length === 0)
    throw new TouchpointError("no_examples", "trainClassifier: expected at least one example, got []");
  const epochs = options.epochs ?? 15;
  const lr = options.learningRate ?? 0.1;
  const l2 = options.l2 ?? 1e-4;
  const minCount = options.minCount ?? 1;
  const bigrams = options.bigrams ?? true;
  const cueFeatures = options.cueFeatures ?? true;
  const balanced = options.balanced ?? true;
  const threshold = options.threshold ?? 0;
  const random = mulberry32(options.seed ?? 1);

  const labels: L[] = [];
  const labelIndex = new Map<L, number>();
  const docs: { feats: Feature[]; y: number }[] = [];
  const df = new Map<string, number>();
  for (let i = 0; i < examples.length; i++) {
    const ex = examples[i] as TrainingExample<L>;
    if (
      ex === null ||
      typeof ex !== "object" ||
      typeof ex.text !== "string" ||
      typeof ex.label !== "string"
    ) {
      throw new TouchpointError(
        "invalid_example",
        `trainClassifier: expected { text: string, label: string }, got ${quote(ex)} at index ${i}`,
        { index: i, value: ex },
      );
    }
    let y = labelIndex.get(ex.label);
    if (y === undefined) {
      y = labels.length;
      labels.push(ex.label);
      labelIndex.set(ex.label, y);
    }
    const feats = extract(ex.text, bigrams, cueFeatures, options.lexicon);
    for (const f of feats) df.set(f.name, (df.get(f.name) ?? 0) + 1);
    docs.push({ feats, y });
  }
  const features: string[] = [];
  const index = new Map<string, number>();
  for (const [name, count] of df) {
    if (count >= minCount || name.startsWith("c:")) {
      index.set(name, features.length);
      features.push(name);
    }
  }
  const k = labels.length;
  const weights = new Float64Array(features.length * k);
  const g2 = new Float64Array(features.length * k);
  const bias = new Float64Array(k);
  const g2b = new Float64Array(k);
  const counts = new Array<number>(k).fill(0);
  for (const d of docs) counts[d.y] = (counts[d.y] as number) + 1;
  const classWeight = counts.map((c) => (balanced ? docs.length / (k * c) : 1));
  const rows = docs.map((d) => {
    const r: { row: number; value: number }[] = [];
    for (const f of d.feats) {
      const row = index.get(f.name);
      if (row !== undefined) r.push({ row, value: f.value });
    }
    return r;
  });
  const order = docs.map((_, i) => i);
  const logits = new Array<number>(k).fill(0);
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const t = order[i] as number;
      order[i] = order[j] as number;
      order[j] = t;
    }
    for (const di of order) {
      const d = docs[di] as { y: number };
      const r = rows[di] as { row: number; value: number }[];
      for (let l = 0; l < k; l++) logits[l] = bias[l] as number;
      for (const { row, value } of r)
        for (let l = 0; l < k; l++)
          logits[l] = (logits[l] as number) + (weights[row * k + l] as number) * value;
      const p = softmax(logits);
      const cw = classWeight[d.y] as number;
      for (let l = 0; l < k; l++) {
        const err = cw * ((p[l] as number) - (l === d.y ? 1 : 0));
        g2b[l] = (g2b[l] as number) + err * err;
        bias[l] = (bias[l] as number) - (lr * err) / Math.sqrt((g2b[l] as number) + 1e-8);
        for (const { row, value } of r) {
          const at = row * k + l;
          const g = err * value + l2 * (weights[at] as number);
          g2[at] = (g2[at] as number) + g * g;
          weights[at] = (weights[at] as number) - (lr * g) / Math.sqrt((g2[at] as number) + 1e-8);
        }
      }
    }
  }
  return new Model(labels, features, weights, bias, bigrams, cueFeatures, threshold, options.lexicon);
}

/**
 * Returns the classifier stored in a JSON object written by {@link TrainedClassifier.toJSON}.
 *
 * @remarks
 * Checks the format and the shapes (one weight row per feature, one column per label) and throws on a
 * mismatch; the model then classifies exactly as the one that was saved (weights rounded to 5 decimals).
 *
 * @param json - the object from `toJSON()` (or `JSON.parse` of its string form)
 * @param options - the lexicon for the cue features, if the model was trained with a custom one
 * @returns the model
 * @throws TouchpointError `invalid_model` when the object is not a touchpoint classifier of a known version
 *
 * @example
 * ```ts
 * import { loadClassifier } from "touchpoint/classify";
 *
 * const model = loadClassifier({
 *   format: "touchpoint-classifier", version: 1, labels: ["yes", "no"],
 *   features: ["w:sure", "w:nope"], weights: [[2, -2], [-2, 2]], bias: [0, 0],
 *   bigrams: false, cueFeatures: false, threshold: 0,
 * });
 * model.classify("sure thing").label; // => "yes"
 * loadClassifier({ format: "other" }); // throws invalid_model
 * ```
 *
 * @category Training
 */
export function loadClassifier<L extends string = string>(
  json: unknown,
  options: { lexicon?: Lexicon } = {},
): TrainedClassifier<L> {
  const j = json as Partial<ClassifierJson> | null;
  const bad = (why: string): never => {
    throw new TouchpointError(
      "invalid_model",
      `loadClassifier: expected a touchpoint-classifier version 1 model, ${why}`,
      { value: json },
    );
  };
  if (j === null || typeof j !== "object" || j.format !== "touchpoint-classifier")
    return bad(`got format ${quote(j?.format)}`);
  if (j.version !== 1) return bad(`got version ${quote(j.version)}`);
  const labels = j.labels;
  const features = j.features;
  if (!Array.isArray(labels) || labels.length === 0 || !labels.every((l) => typeof l === "string"))
    return bad("got no labels");
  if (!Array.isArray(features) || !Array.isArray(j.weights) || j.weights.length !== features.length)
    return bad("got weights that do not match the features");
  if (!Array.isArray(j.bias) || j.bias.length !== labels.length)
    return bad("got a bias that does not match the labels");
  const k = labels.length;
  const weights = new Float64Array(features.length * k);
  for (let f = 0; f < features.length; f++) {
    const row = j.weights[f];
    if (!Array.isArray(row) || row.length !== k)
      return bad(`got a weight row of the wrong length at index ${f}`);
    for (let l = 0; l < k; l++) weights[f * k + l] = Number(row[l]);
  }
  return new Model(
    labels as L[],
    features.map(String),
    weights,
    Float64Array.from(j.bias, Number),
    j.bigrams === true,
    j.cueFeatures === true,
    typeof j.threshold === "number" ? j.threshold : 0,
    options.lexicon,
  );
}
