import { describe, expect, it } from "vitest";
import { type Aggregate, createAccumulator, csatAggregate, npsAggregate } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("createAccumulator", () => {
  it("adds, merges and reports", () => {
    const monday = createAccumulator(csatAggregate()).addAll([5, 4, 2]);
    const tuesday = createAccumulator(csatAggregate()).add(5);
    expect(monday.merge(tuesday).result()).toBe(75);
    expect(tuesday.result()).toBe(100);
  });

  it("restores a saved state without aliasing it", () => {
    const saved = { promoters: 1, passives: 0, detractors: 0 };
    const acc = createAccumulator(npsAggregate(), saved).add(0);
    expect(saved).toEqual({ promoters: 1, passives: 0, detractors: 0 });
    expect(acc.result()).toBe(0);
  });

  it("merges another accumulator's state or the accumulator itself", () => {
    const a = createAccumulator(npsAggregate()).add(10);
    const b = createAccumulator(npsAggregate()).add(0);
    expect(a.merge(b.toJSON()).result()).toBe(0);
    expect(a.merge(b).result()).toBe(-100 / 3);
  });

  it("refuses states saved with other options", () => {
    const tenPoint = createAccumulator(csatAggregate({ scale: { min: 1, max: 10 } }))
      .add(10)
      .toJSON();
    expect(errorOf(() => createAccumulator(csatAggregate(), tenPoint)).code).toBe("incompatible_state");
  });

  it("runs a user's own aggregate, with or without aggregateAll", () => {
    // The maximum, written against the protocol only.
    const maxAggregate: Aggregate<number, number | null, { max: number | null }> = {
      initialState: () => ({ max: null }),
      aggregate: (state, value) => {
        if (value != null && (state.max === null || value > state.max)) state.max = value;
        return state;
      },
      merge: (state, partial) => {
        if (partial.max !== null && (state.max === null || partial.max > state.max)) state.max = partial.max;
        return state;
      },
      finalize: (state) => state.max,
    };
    const a = createAccumulator(maxAggregate).addAll([3, null, 9, 4]);
    const b = createAccumulator(maxAggregate).add(7);
    expect(a.merge(b).result()).toBe(9);
    expect(createAccumulator(maxAggregate).result()).toBeNull();
  });
});
