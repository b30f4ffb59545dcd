import { describe, expect, it } from "vitest";
import { ces, cesAggregate, createAccumulator } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("ces", () => {
  it("reads CES 2.0 answers three ways", () => {
    // Nicereply: CES is the average answer. Zonka Feedback: % answering 5–7 ("agree").
    // CYS Group: index = % easy (6–7) − % difficult (1–3). Hand-computed for these ten answers:
    // sum 47 → mean 4.7; agree {7,7,6,6,5,5} = 60 %; easy {7,7,6,6} = 40 %; difficult {3,2,1} = 30 %.
    expect(ces([7, 7, 6, 6, 5, 5, 4, 3, 2, 2])).toEqual({
      count: 10,
      mean: 4.7,
      agreeing: 60,
      easy: 40,
      difficult: 30,
      index: 10,
    });
  });

  it("takes other scales with the same shape of defaults", () => {
    // 1–5: agree above the midpoint {4, 5}, easy the top two {4, 5}, difficult below the midpoint {1, 2}.
    expect(ces([5, 4, 3, 2, 1], { scale: { min: 1, max: 5 } })).toEqual({
      count: 5,
      mean: 3,
      agreeing: 40,
      easy: 40,
      difficult: 40,
      index: 0,
    });
    expect(ces([7, 4], { agree: 4, easy: 7, difficult: 4 })).toMatchObject({
      agreeing: 100,
      easy: 50,
      difficult: 50,
    });
  });

  it("is null for no answers", () => {
    expect(ces([])).toBeNull();
  });

  it("rejects bad answers and options", () => {
    expect(errorOf(() => ces([7, 8])).message).toBe("ces: expected an integer 1–7, got 8 at index 1");
    expect(errorOf(() => ces([6.5])).code).toBe("not_an_integer");
    expect(errorOf(() => ces([7], { agree: 9 })).code).toBe("invalid_option");
    expect(errorOf(() => ces([7], { easy: 0 })).path).toBe("easy");
    expect(errorOf(() => cesAggregate({ scale: { min: 7, max: 1 } })).code).toBe("invalid_option");
  });

  it("merges to the one-pass result", () => {
    const a = createAccumulator(cesAggregate()).addAll([7, 7, 6]);
    const b = createAccumulator(cesAggregate()).addAll([6, 5, 5, 4, 3, 2, 2]);
    expect(a.merge(b).result()).toEqual(ces([7, 7, 6, 6, 5, 5, 4, 3, 2, 2]));
  });
});
