import { checkFunction, checkIterable } from "../internal/args.js";
import { type Aggregate, checkAggregate } from "./aggregate.js";

/**
 * Returns one aggregate's result per segment of the records, computed in a single pass.
 *
 * @remarks
 * Each record goes to the segment `key(record, index)` names (a channel, a priority, an agent, an
 * ISO week, any string or number) and its value, `value(record)`, is folded into that segment's
 * state; then every state is finalised. One pass, one state per segment, so it is as cheap as the
 * aggregate itself and any aggregate of this area works: NPS by channel, CSAT by agent, durations by
 * priority. A `value` of `null` or `undefined` (a conversation without a rating) is skipped, but its
 * segment still appears (with the aggregate's empty result, usually `null`). Segments keep the order
 * in which their first record came. Keys are compared as `Map` keys (SameValueZero).
 *
 * To segment data spread over workers, run the aggregate per (segment, worker) and merge the states
 * of each segment with the aggregate's `merge`.
 *
 * @param records - the records, in any order
 * @param key - names a record's segment
 * @param aggregate - the aggregate to compute per segment, such as `npsAggregate()`
 * @param value - picks the value to aggregate from a record; the record itself unless given
 * @returns a `Map` from segment key to result
 * @throws {@link TouchpointError} `invalid_input` when `records` is not iterable, `key` or `value` not a
 *   function, or `aggregate` not an aggregate; and whatever the aggregate throws for a bad value
 *
 * @example
 * ```ts
 * import { csatAggregate, npsAggregate, segmentBy } from "touchpoint/metrics";
 *
 * const surveys = [
 *   { channel: "email", nps: 10, csat: 5 },
 *   { channel: "chat", nps: 3, csat: 2 },
 *   { channel: "email", nps: 6, csat: 4 },
 *   { channel: "chat", nps: 9, csat: null },
 * ];
 * const byChannel = segmentBy(surveys, (s) => s.channel, npsAggregate(), (s) => s.nps);
 * byChannel.get("email"); // => 0
 * [...byChannel.keys()]; // => ["email", "chat"]
 * segmentBy(surveys, (s) => s.channel, csatAggregate(), (s) => s.csat).get("chat"); // => 0
 * ```
 *
 * @category Accumulators
 */
export function segmentBy<T, K, V, R, S>(
  records: Iterable<T>,
  key: (record: T, index: number) => K,
  aggregate: Aggregate<V, R, S>,
  value: (record: T) => V | null | undefined = (record) => record as unknown as V,
): Map<K, R> {
  checkIterable("segmentBy", "records", records);
  checkFunction("segmentBy", "key", key, "invalid_input");
  checkAggregate("segmentBy", "aggregate", aggregate);
  checkFunction("segmentBy", "value", value, "invalid_input");
  const states = new Map<K, S>();
  let index = 0;
  for (const record of records) {
    const k = key(record, index++);
    let state = states.get(k);
    if (state === undefined) {
      state = aggregate.initialState();
      states.set(k, state);
    }
    aggregate.aggregate(state, value(record));
  }
  const results = new Map<K, R>();
  for (const [k, state] of states) results.set(k, aggregate.finalize(state));
  return results;
}
