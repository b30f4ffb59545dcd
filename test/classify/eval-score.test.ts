import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { foldsOf, loadItems, score } from "../../scripts/eval.js";

// The metrics of scripts/eval.ts, checked against values computed by hand.
describe("eval score", () => {
  it("computes accuracy, per-class precision/recall/F1 and macro-F1", () => {
    // gold a a b b b, predicted a b b b a: confusion a → [1, 1], b → [1, 2]
    // a: P = 1/2, R = 1/2, F1 = 1/2; b: P = 2/3, R = 2/3, F1 = 2/3; macro-F1 = 7/12; accuracy = 3/5
    const items = ["a", "a", "b", "b", "b"].map((g) => ({ text: "", gold: [g] }));
    const s = score("x", items, ["a", "b", "b", "b", "a"], ["a", "b"], 1, 0);
    expect(s.accuracy).toBeCloseTo(0.6, 12);
    expect(s.perClass[0]?.f1).toBeCloseTo(0.5, 12);
    expect(s.perClass[1]?.precision).toBeCloseTo(2 / 3, 12);
    expect(s.macroF1).toBeCloseTo(7 / 12, 12);
    expect(s.confusion.matrix).toEqual([
      [1, 1],
      [1, 2],
    ]);
    expect(s.throughput).toBe(5);
  });

  it("counts a multi-label record right when the prediction is any of its labels, and keeps unknown as an error column", () => {
    const items = [
      { text: "", gold: ["praise", "complaint"] },
      { text: "", gold: ["complaint"] },
    ];
    const s = score("x", items, ["complaint", "unknown"], ["complaint", "praise"], 1, 0);
    expect(s.accuracy).toBe(0.5);
    expect(s.confusion.predicted).toEqual(["complaint", "praise", "unknown"]);
    expect(s.confusion.matrix).toEqual([
      [1, 0, 1],
      [0, 0, 0],
    ]);
  });

  it("maps, filters, splits and excludes labels as the map says", () => {
    const file = path.join(os.tmpdir(), `touchpoint-eval-${process.pid}.jsonl`);
    fs.writeFileSync(
      file,
      [
        { text: "one", label: "A|B", speaker: "customer" },
        { text: "two", label: "C", speaker: "customer" },
        { text: "three", label: "A", speaker: "agent" },
        { text: "four", label: "Z", speaker: "customer" },
      ]
        .map((r) => JSON.stringify(r))
        .join("\n"),
    );
    const { items, targets, excluded } = loadItems(file, {
      labels: { A: "ask", B: "inform", C: null },
      multi: { field: "label", separator: "|" },
      filter: { speaker: "customer" },
    });
    fs.unlinkSync(file);
    expect(items.map((i) => i.gold)).toEqual([["ask", "inform"]]);
    expect(targets).toEqual(["ask", "inform"]);
    expect(excluded).toBe(2);
  });

  it("deals every item to one of k folds, evenly", () => {
    const folds = foldsOf(10, 5, 1);
    for (let f = 0; f < 5; f++) expect(folds.filter((x) => x === f).length).toBe(2);
    expect(foldsOf(10, 5, 1)).toEqual(folds);
  });
});
