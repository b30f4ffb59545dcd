/**
 * The aggregate behind every rate of counts (response, retention, churn, conversion): the state
 * has the same fields as the calculator's input and merging adds them, so the merged rate is the
 * pooled rate of all the parts. Internal to the area.
 */
import type { Aggregate } from "./aggregate.js";
import { stateCount } from "./survey-checks.js";

/** A counts aggregate over the fields `keys`; `check` validates one input (with its index). */
export function countsAggregate<K extends string, R>(
  fn: string,
  keys: readonly K[],
  check: (value: Readonly<Record<K, number>>, index: number | undefined) => void,
  finalize: (state: Record<K, number>) => R,
): Aggregate<Readonly<Record<K, number>>, R, Record<K, number>> {
  const add = (state: Record<K, number>, value: Readonly<Record<K, number>>): void => {
    for (const k of keys) state[k] += value[k];
  };
  return {
    initialState: () => {
      const state = {} as Record<K, number>;
      for (const k of keys) state[k] = 0;
      return state;
    },
    aggregate: (state, value) => {
      if (value == null) return state;
      check(value, undefined);
      add(state, value);
      return state;
    },
    aggregateAll: (state, values) => {
      // Check everything before adding anything, so a bad record leaves the state as it was.
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value != null) check(value, i);
      }
      for (let i = 0; i < values.length; i++) {
        const value = values[i];
        if (value != null) add(state, value);
      }
      return state;
    },
    merge: (state, partial) => {
      const counts = {} as Record<K, number>;
      for (const k of keys) counts[k] = stateCount(fn, partial, k);
      add(state, counts);
      return state;
    },
    finalize,
  };
}
