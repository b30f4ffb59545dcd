/**
 * The mergeable-aggregate protocol every touchpoint aggregate follows, and the accumulator that
 * wraps one for everyday use.
 *
 * Why this shape: BigQuery's JavaScript user-defined aggregate functions call four exported
 * functions, `initialState()`, `aggregate(state, value)`, `merge(state, partialState)` and
 * `finalize(state)`, over a state that must survive JSON serialisation between workers; the
 * functions may update the state in place. Spark, Flink and DuckDB aggregates have the same four
 * parts (init, update, combine, finalise). Making that the primitive means one definition serves
 * the in-process accumulator, a shard-per-day batch job and a warehouse UDAF without glue; the
 * calculators (`nps`, `csat`, ...) run the very same code through `aggregateAll`, so a figure
 * computed in one pass, merged from partial states or finalised in a warehouse cannot disagree.
 *
 * States are plain JSON objects (numbers, arrays, nested objects; no Map, no class, no
 * Infinity), so `JSON.parse(JSON.stringify(state))` is the identity and partial states can be stored
 * in a table or sent over the wire.
 */
import { checkList, fail, isRecord } from "../internal/args.js";

/**
 * A mergeable aggregate in the shape of a BigQuery JavaScript UDAF: four functions over a
 * JSON-serialisable state.
 *
 * @remarks
 * The contract, the same as BigQuery's (https://cloud.google.com/bigquery/docs/user-defined-aggregates):
 * `initialState()` returns an empty state; `aggregate(state, value)` folds one value in and
 * `merge(state, partialState)` folds another partial state in, both updating `state` in place and
 * also returning it; `finalize(state)` turns a state into the result and does not change it.
 * `null` and `undefined` values are skipped, as SQL aggregates skip NULL.
 *
 * For any split of the data into parts, finalising the merge of the parts' states gives the result
 * of one pass over all of it: exactly for counts, proportions, and means of integers (sums stay below
 * 2^53); a mean of fractional values can differ in the last bits, since floating-point addition is
 * not associative.
 *
 * In BigQuery: the functions do not use `this` and the state is plain JSON, so no `serialize` or
 * `deserialize` is needed. Bundle a module such as the one below (esbuild, ES module output) and use
 * it as the body of `CREATE TEMP AGGREGATE FUNCTION nps(score FLOAT64) RETURNS FLOAT64
 * LANGUAGE js AS r'''…'''`. Declare numeric arguments `FLOAT64`: JavaScript UDFs take no `INT64`.
 *
 * ```js
 * import { npsAggregate } from "touchpoint/metrics";
 * const { initialState, aggregate, merge, finalize } = npsAggregate();
 * export { initialState, aggregate, merge, finalize };
 * ```
 *
 * @typeParam V - the value folded in by `aggregate`
 * @typeParam R - the result of `finalize`
 * @typeParam S - the JSON-serialisable state
 *
 * @example
 * ```ts
 * import { npsAggregate } from "touchpoint/metrics";
 *
 * const { initialState, aggregate, merge, finalize } = npsAggregate();
 * const workerA = initialState();
 * aggregate(workerA, 10);
 * aggregate(workerA, 9);
 * const workerB = initialState();
 * aggregate(workerB, 3);
 * aggregate(workerB, 8);
 * const total = merge(initialState(), JSON.parse(JSON.stringify(workerA)));
 * merge(total, JSON.parse(JSON.stringify(workerB)));
 * finalize(total); // => 25
 * ```
 *
 * @category Accumulators
 */
export interface Aggregate<V, R, S> {
  /** Returns a new empty state. */
  readonly initialState: () => S;
  /** Folds one value into `state` (in place) and returns `state`; `null` and `undefined` are skipped. */
  readonly aggregate: (state: S, value: V | null | undefined) => S;
  /** Folds a partial state into `state` (in place) and returns `state`; `partialState` is not changed. */
  readonly merge: (state: S, partialState: S) => S;
  /** Returns the result a state stands for, without changing it. */
  readonly finalize: (state: S) => R;
  /**
   * Folds every value of a list into `state` (in place) in one tight loop and returns `state`,
   * leaving it unchanged if a value is bad. Optional: without it, an accumulator's `addAll` calls
   * `aggregate` for each value. Not part of BigQuery's protocol.
   */
  readonly aggregateAll?: (state: S, values: ArrayLike<V | null | undefined>) => S;
}

/**
 * A stateful, mergeable accumulator around an {@link Aggregate}: add values, merge other
 * accumulators or stored states, read the result, save the state as JSON.
 *
 * @typeParam V - the value added
 * @typeParam R - the result
 * @typeParam S - the JSON-serialisable state
 *
 * @category Accumulators
 */
export interface Accumulator<V, R, S> {
  /** Adds one value (`null` and `undefined` are skipped) and returns the accumulator. */
  add(value: V | null | undefined): this;
  /** Adds every value of a list and returns the accumulator. */
  addAll(values: ArrayLike<V | null | undefined>): this;
  /** Merges another accumulator of the same aggregate, or a state it saved, and returns this one. */
  merge(other: Accumulator<V, R, S> | S): this;
  /** The result of everything added and merged so far. */
  result(): R;
  /** A JSON-serialisable copy of the state; `createAccumulator(aggregate, state)` restores it. */
  toJSON(): S;
}

/** `aggregate` when it has the four functions of an {@link Aggregate}, else a TouchpointError `invalid_input`. */
export function checkAggregate(fn: string, path: string, aggregate: unknown): void {
  const a = isRecord(aggregate) ? aggregate : {};
  if (
    typeof a.initialState !== "function" ||
    typeof a.aggregate !== "function" ||
    typeof a.merge !== "function" ||
    typeof a.finalize !== "function" ||
    (a.aggregateAll !== undefined && typeof a.aggregateAll !== "function")
  ) {
    fail(
      "invalid_input",
      fn,
      path,
      aggregate,
      "an aggregate { initialState, aggregate, merge, finalize } such as npsAggregate()",
    );
  }
}

class AccumulatorImpl<V, R, S> implements Accumulator<V, R, S> {
  readonly #aggregate: Aggregate<V, R, S>;
  #state: S;

  constructor(aggregate: Aggregate<V, R, S>, state: S | undefined) {
    this.#aggregate = aggregate;
    this.#state = aggregate.initialState();
    // Restoring through merge validates the saved state against this aggregate's options and
    // copies it, so the caller's object is never aliased.
    if (state !== undefined) aggregate.merge(this.#state, state);
  }

  add(value: V | null | undefined): this {
    this.#aggregate.aggregate(this.#state, value);
    return this;
  }

  addAll(values: ArrayLike<V | null | undefined>): this {
    checkList("addAll", "values", values);
    const { aggregate, aggregateAll } = this.#aggregate;
    if (aggregateAll !== undefined) aggregateAll(this.#state, values);
    else for (let i = 0; i < values.length; i++) aggregate(this.#state, values[i]);
    return this;
  }

  merge(other: Accumulator<V, R, S> | S): this {
    const partial =
      other instanceof AccumulatorImpl ? (other as AccumulatorImpl<V, R, S>).#state : (other as S);
    // Merging an accumulator into itself would double-count through aliasing; copy first.
    this.#aggregate.merge(this.#state, partial === this.#state ? this.toJSON() : partial);
    return this;
  }

  result(): R {
    return this.#aggregate.finalize(this.#state);
  }

  toJSON(): S {
    return this.#aggregate.merge(this.#aggregate.initialState(), this.#state);
  }
}

/**
 * Returns a mergeable accumulator for an aggregate, empty or restored from a saved state.
 *
 * @remarks
 * The accumulator is a thin stateful wrapper: `add` calls the aggregate's `aggregate`, `merge` its
 * `merge`, `result` its `finalize`. `toJSON` returns a copy of the state, so `JSON.stringify(acc)`
 * saves it and `createAccumulator(aggregate, JSON.parse(text))` restores it. A restored state is
 * merged into a fresh one, so a state saved with other options (another CSAT scale, another sketch
 * accuracy) is rejected.
 *
 * @param aggregate - the aggregate to run, such as `npsAggregate()` or `csatAggregate({ ... })`
 * @param state - a state saved by `toJSON()`, to continue from
 * @returns a new accumulator
 * @throws {@link TouchpointError} `incompatible_state` when `state` was saved with other options,
 *   `invalid_state` when it is not a state of this aggregate;
 *   `invalid_input` when `aggregate` lacks one of `initialState`, `aggregate`, `merge`, `finalize`,
 *   and from `addAll` when `values` is not an array
 *
 * @example
 * ```ts
 * import { createAccumulator, csatAggregate } from "touchpoint/metrics";
 *
 * const monday = createAccumulator(csatAggregate()).addAll([5, 4, 2]);
 * const tuesday = createAccumulator(csatAggregate()).add(5);
 * const saved = JSON.stringify(tuesday);
 * monday.merge(createAccumulator(csatAggregate(), JSON.parse(saved))).result(); // => 75
 * ```
 *
 * @category Accumulators
 */
export function createAccumulator<V, R, S>(aggregate: Aggregate<V, R, S>, state?: S): Accumulator<V, R, S> {
  checkAggregate("createAccumulator", "aggregate", aggregate);
  return new AccumulatorImpl(aggregate, state);
}
