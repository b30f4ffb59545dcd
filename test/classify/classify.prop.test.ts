import fc from "fast-check";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  classifyAct,
  classifyInteraction,
  classifyScenario,
  detectSignals,
  trainClassifier,
} from "touchpoint/classify";
import { primaryAct } from "../../src/classify/classify-act.js";
import { analyze } from "../../src/classify/analyze.js";
import { scenarioOf } from "../../src/classify/classify-scenario.js";
import { signalsOf } from "../../src/classify/detect-signals.js";

// Any UTF-16 sequence, lone surrogates and control characters included.
const anyUnits = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
  .map((u) => String.fromCharCode(...u));
// Text built from the pieces the rules react to, to reach the scopes and phrase walks.
const cuey = fc
  .array(
    fc.constantFrom(
      "not",
      "never",
      "but",
      "would",
      "be",
      "great",
      "if",
      "please",
      "add",
      "very",
      "?",
      "!",
      ".",
      ",",
      "😀",
      "😡",
      "\ud800",
      "\udc00",
      "@brand",
      "http://x.y/z",
      " ",
      "\n",
      "...",
      "#",
      "4",
      "times",
      "don't",
      "could you add",
      "WORST",
      "thanks in advance",
      "why",
      "is",
      "you",
      "it's",
      "<b>",
      "&amp;",
      "é",
      "日本",
      ":)",
      ":(",
      "-",
      "'",
      "instead of",
      "cancel",
      "fix",
      "again",
      "From what I understand,",
      "what does",
      "mean",
      "nobody",
      "hasn't replied",
      "you're welcome",
      "help",
      "Shall I",
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(" "));
const texts = fc.oneof(anyUnits, cuey, fc.string({ unit: "binary", maxLength: 100 }));

function checkEvidence(
  text: string,
  evidence: readonly { cue: string; span: readonly [number, number] }[],
): void {
  for (const e of evidence) {
    expect(e.span[0]).toBeGreaterThanOrEqual(0);
    expect(e.span[1]).toBeLessThanOrEqual(text.length);
    expect(text.slice(e.span[0], e.span[1])).toBe(e.cue);
  }
}

describe("the classifiers are total", () => {
  it("classifyInteraction returns a well-formed result for any string", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const r = classifyInteraction(text, { sentences: true });
        expect(["question", "complaint", "suggestion", "praise", "unknown"]).toContain(r.label);
        for (const v of Object.values(r.scores)) expect(v >= 0 && v <= 1).toBe(true);
        expect(r.sentiment >= -1 && r.sentiment <= 1).toBe(true);
        expect(r.confidence >= 0 && r.confidence <= 1).toBe(true);
        checkEvidence(text, r.evidence);
        for (const s of r.sentences) checkEvidence(text, s.evidence);
      }),
      { numRuns: 400 },
    );
  });

  it("detectSignals, classifyAct and classifyScenario never throw", () => {
    fc.assert(
      fc.property(
        texts,
        fc.constantFrom("customer", "agent", "bot") as fc.Arbitrary<"customer" | "agent" | "bot">,
        (text, speaker) => {
          const s = detectSignals(text);
          expect(Number.isFinite(s.sentiment)).toBe(true);
          for (const sig of s.signals) checkEvidence(text, sig.evidence);
          checkEvidence(text, s.evidence);
          const a = classifyAct(text, { speaker });
          expect(a.confidence >= 0 && a.confidence <= 1).toBe(true);
          // the sentences' acts are in text order and inside the input; an utterance with none is other
          let previousEnd = 0;
          for (const s of a.acts) {
            expect(s.span[0]).toBeGreaterThanOrEqual(previousEnd);
            expect(s.span[1]).toBeGreaterThan(s.span[0]);
            expect(s.span[1]).toBeLessThanOrEqual(text.length);
            previousEnd = s.span[1];
          }
          if (a.acts.length === 0) expect(a.act).toBe("other");
          const sc = classifyScenario({ text, customer: { purchases: 1 } });
          checkEvidence(text, sc.evidence);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("a trained model classifies any string", () => {
    const model = trainClassifier([
      { text: "good", label: "a" },
      { text: "bad", label: "b" },
    ]);
    fc.assert(
      fc.property(texts, (text) => {
        const r = model.classify(text);
        expect(["a", "b"]).toContain(r.label);
      }),
      { numRuns: 200 },
    );
  });

  // The tokenizer reuses its buffers from call to call: no call may see another's tokens.
  it("gives the same result whatever was classified before", () => {
    fc.assert(
      fc.property(texts, texts, (a, b) => {
        const first = [classifyInteraction(a, { sentences: true }), detectSignals(a), classifyAct(a)];
        classifyInteraction(b.repeat(40), { maxLength: Number.POSITIVE_INFINITY });
        classifyAct(b);
        expect([classifyInteraction(a, { sentences: true }), detectSignals(a), classifyAct(a)]).toEqual(
          first,
        );
      }),
      { numRuns: 200 },
    );
  });

  it("handles the awkward inputs named in the design", () => {
    const inputs = [
      "",
      "😀",
      "\ud83d",
      "\ude00x",
      "<html><body><p>Refund?</p></body></html>",
      "これはひどい",
      "Ça ne marche pas !",
      "\u0000\u0007",
      "a".repeat(1 << 20),
    ];
    for (const text of inputs) {
      expect(() => classifyInteraction(text)).not.toThrow();
      expect(() => classifyAct(text)).not.toThrow();
      expect(() => detectSignals(text)).not.toThrow();
    }
  });
});

describe("replay's act reader", () => {
  const sample = JSON.parse(
    readFileSync(new URL("../../examples/data/conversations.json", import.meta.url), "utf8"),
  ) as { messages: { author: string; text: string }[] }[];
  const speakerOf = (author: string) =>
    author === "customer" ? "customer" : author === "bot" ? "bot" : "agent";

  it("gives classifyAct's act on every message of the sample export", () => {
    let n = 0;
    for (const c of sample)
      for (const m of c.messages) {
        const speaker = speakerOf(m.author);
        expect(primaryAct(m.text, speaker)).toBe(classifyAct(m.text, { speaker }).act);
        n++;
      }
    expect(n).toBeGreaterThan(1000);
  });

  it("gives classifyAct's act on any text, for every speaker", () => {
    fc.assert(
      fc.property(texts, fc.constantFrom("customer", "agent", "bot"), (text, speaker) => {
        expect(primaryAct(text, speaker as "customer")).toBe(
          classifyAct(text, { speaker: speaker as "customer" }).act,
        );
      }),
      { numRuns: 2000 },
    );
  });
});

describe("classifyConversation's single reading of each turn", () => {
  it("reads the same signals and sentiment as detectSignals, with the scenario of classifyScenario", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const a = analyze(text, undefined, undefined, true);
        const result = scenarioOf(a, { text });
        const signals = signalsOf(a, 1);
        const alone = detectSignals(text);
        expect(signals.strengths).toEqual(alone.strengths);
        expect(signals.sentiment).toBe(alone.sentiment);
        expect(result).toEqual(classifyScenario(text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("linear time", () => {
  const adversarial = [
    "not ".repeat(262_144),
    "would be great if ".repeat(58_255),
    "?".repeat(1 << 20),
    "😀".repeat(1 << 19),
    "\ud800".repeat(1 << 20),
    "<b>".repeat(349_525),
    "@".repeat(1 << 20),
    ":(".repeat(1 << 19),
    "a'".repeat(1 << 19),
    "1,".repeat(1 << 19),
    "http://".repeat(149_796),
    "x".repeat(1 << 20),
  ];

  // A guard, not a benchmark (bench/classify.bench.ts has the figures): a 1 MB string of adversarial
  // content classifies in under 100 ms.
  it.each(adversarial.map((s) => [JSON.stringify(s.slice(0, 12)), s] as const))(
    "1 MB of %s in under 100 ms",
    (_, text) => {
      // best of three, so that a GC pause or a busy shared machine does not decide
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        classifyInteraction(text);
        best = Math.min(best, performance.now() - t0);
      }
      expect(best).toBeLessThan(100);
    },
  );

  it("reading the whole input grows linearly with its length (maxLength: Infinity)", () => {
    const unit = "Why is this not working? It would be great if you could fix it, but thanks anyway! ";
    const time = (n: number): number => {
      const text = unit.repeat(n);
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 3; r++) {
        const t0 = performance.now();
        classifyInteraction(text, { maxLength: Number.POSITIVE_INFINITY });
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time(200);
    const small = time(1000);
    const large = time(8000);
    // 8× the input: linear is ≈ 8×, quadratic would be ≈ 64×; allow noise from a shared machine
    expect(large / small).toBeLessThan(24);
  });

  // Regression: once any code defines a subclass of String (node-redis's VerbatimString, loaded by
  // natural), V8 stops inlining s.charCodeAt(k), and the classifiers ran 2.3× slower; they now read
  // code units from a typed array. Defines the subclass, so it runs last in this file.
  it("keeps its speed after a String subclass is defined", () => {
    const texts = Array.from(
      { length: 400 },
      (_, i) => `My order ${i} still hasn't arrived, what is going on? Thanks`,
    );
    const time = (): number => {
      let best = Number.POSITIVE_INFINITY;
      for (let r = 0; r < 7; r++) {
        const t0 = performance.now();
        for (const t of texts) classifyInteraction(t);
        best = Math.min(best, performance.now() - t0);
      }
      return best;
    };
    time();
    const before = time();
    class Tagged extends String {}
    expect(new Tagged("x").length).toBe(1);
    time();
    const after = time();
    expect(after / before).toBeLessThan(1.7);
  });
});
