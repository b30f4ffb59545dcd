/**
 * Journey: replay a million short customer histories and build the funnel, against XState itself.
 *
 * - fast path: `journeyFunnel` with the default machine (the reducer of journey-fast-replay.ts),
 *   1,000,000 customers in 4 shards of 250,000 whose JSON states are merged, as workers would;
 * - XState path: the same funnel with `journeyMachine.provide({})`, which the fast path does not
 *   recognise, so every step goes through XState's pure `transition()` (a sample, extrapolated);
 * - bare XState: a two-state `setup()` machine with one `assign`, driven through the same number of
 *   transitions per customer (initial + one per event) with the pure API, and with one actor per
 *   customer (`createActor` + `send`): the floor of any XState-based replay.
 */
import { assign, createActor, initialTransition, setup, transition } from "xstate";
import {
  type JourneyEvent,
  type JourneyFunnelState,
  type JourneyHistory,
  journeyFunnel,
  journeyFunnelAccumulator,
  journeyMachine,
} from "../src/journey/index.js";
import { fmt, keep } from "./lib/measure.js";
import type { Bench } from "./run.js";

const DAY = 86_400_000;
const CUSTOMERS = 1_000_000;
const SHARDS = 4;
const SAMPLE = 5_000;
const START = Date.UTC(2026, 0, 1);
const UNTIL = Date.UTC(2027, 0, 1);

/** Deterministic pseudo-random numbers (a 32-bit LCG; quality is irrelevant here, speed and repeatability matter). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1_664_525) + 1_013_904_223) >>> 0;
    return s / 4_294_967_296;
  };
}

/** Short histories: a first interaction, then 1–5 events at gaps of up to 60 days. */
function* histories(count: number, seed: number): Generator<JourneyHistory> {
  const rnd = lcg(seed);
  const segments = ["smb", "mid-market", "enterprise"];
  for (let i = 0; i < count; i++) {
    let at = START + Math.floor(rnd() * 300) * DAY + Math.floor(rnd() * DAY);
    const events: JourneyEvent[] = [{ type: "journey.interaction", at }];
    const k = 1 + Math.floor(rnd() * 5);
    for (let j = 0; j < k; j++) {
      at += Math.floor(rnd() * 60 * DAY);
      const r = rnd();
      let event: JourneyEvent;
      if (r < 0.2) event = { type: "journey.evaluation", at };
      else if (r < 0.32) event = { type: "journey.decision", at };
      else if (r < 0.5) event = { type: "journey.purchase", at };
      else if (r < 0.58) event = { type: "journey.repurchase", at };
      else if (r < 0.63) event = { type: "journey.referral", at };
      else if (r < 0.73)
        event = { type: "journey.survey", at, response: { kind: "nps", score: Math.floor(rnd() * 11) } };
      else if (r < 0.85)
        event = {
          type: "journey.interaction",
          at,
          interaction: { type: rnd() < 0.5 ? "complaint" : "question" },
        };
      else if (r < 0.92) event = { type: "journey.cancellation", at };
      else event = { type: "journey.winback", at };
      events.push(event);
    }
    yield { customerId: `c${i}`, segment: segments[i % 3], events };
  }
}

const bare = setup({
  types: { context: {} as { n: number }, events: {} as { type: "next"; at: number } },
}).createMachine({
  id: "bare",
  context: { n: 0 },
  initial: "a",
  states: {
    a: { on: { next: { target: "b", actions: assign({ n: ({ context }) => context.n + 1 }) } } },
    b: { on: { next: { target: "a", actions: assign({ n: ({ context }) => context.n + 1 }) } } },
  },
});

const inertClock = { setTimeout: () => 0, clearTimeout: () => {} };

function time<T>(fn: () => T): { ms: number; value: T } {
  const t0 = process.hrtime.bigint();
  const value = fn();
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, value };
}

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(0)} MB`;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} kB`;

export default {
  title: "Journey: replay 1M customer histories and build the funnel",
  run() {
    // Generation alone, to subtract from the replay figures.
    let events = 0;
    const generation = time(() => {
      for (const h of histories(CUSTOMERS, 1)) events += h.events.length;
      return events;
    });

    // The fast path, sharded and merged through JSON like workers would.
    const heapBefore = process.memoryUsage().heapUsed;
    let stateBytes = 0;
    const fast = time(() => {
      const states: JourneyFunnelState[] = [];
      const perShard = CUSTOMERS / SHARDS;
      for (let s = 0; s < SHARDS; s++) {
        const shard = journeyFunnelAccumulator({ until: UNTIL, period: "month" });
        for (const h of histories(perShard, 1 + s)) shard.add(h);
        const text = JSON.stringify(shard);
        stateBytes += text.length;
        states.push(JSON.parse(text) as JourneyFunnelState);
      }
      const total = journeyFunnelAccumulator({ until: UNTIL, period: "month" });
      for (const state of states) total.merge(state);
      return total.result();
    });
    const heapAfter = process.memoryUsage().heapUsed;
    const report = fast.value;
    keep(report);

    // The same funnel through XState's pure transition(), on a sample.
    const sample = [...histories(SAMPLE, 99)];
    const viaXState = time(() =>
      journeyFunnel(sample, { until: UNTIL, machine: journeyMachine.provide({}) }),
    );
    const fastSample = time(() => journeyFunnel(sample, { until: UNTIL }));
    if (JSON.stringify(viaXState.value) !== JSON.stringify(fastSample.value)) {
      throw new Error("journey bench: the fast and the XState funnel disagree on the sample");
    }

    // A bare XState machine through the same number of transitions.
    const barePure = time(() => {
      let n = 0;
      for (const h of sample) {
        let [snapshot] = initialTransition(bare);
        for (let i = 0; i < h.events.length; i++)
          [snapshot] = transition(bare, snapshot, { type: "next", at: i });
        n += snapshot.context.n;
      }
      return n;
    });
    const bareActor = time(() => {
      let n = 0;
      for (const h of sample) {
        const actor = createActor(bare, { clock: inertClock }).start();
        for (let i = 0; i < h.events.length; i++) actor.send({ type: "next", at: i });
        n += actor.getSnapshot().context.n;
        actor.stop();
      }
      return n;
    });

    const perCustomer = (ms: number, count: number) => (ms * 1000) / count;
    const replayMs = fast.ms - generation.ms;
    const rows: [string, number, number][] = [
      ["touchpoint fast replay + funnel (1M, 4 shards merged)", perCustomer(replayMs, CUSTOMERS), CUSTOMERS],
      ["touchpoint fast replay + funnel (sample)", perCustomer(fastSample.ms, SAMPLE), SAMPLE],
      ["touchpoint via XState transition() + funnel (sample)", perCustomer(viaXState.ms, SAMPLE), SAMPLE],
      ["bare 2-state XState machine, transition() (sample)", perCustomer(barePure.ms, SAMPLE), SAMPLE],
      [
        "bare 2-state XState machine, one actor per customer (sample)",
        perCustomer(bareActor.ms, SAMPLE),
        SAMPLE,
      ],
    ];
    const base = rows[3]![1];
    const table = [
      "| implementation | µs per customer | customers/s | × bare XState transition() | customers timed |",
      "|---|---:|---:|---:|---:|",
      ...rows.map(
        ([name, us, n]) =>
          `| ${name} | ${us.toFixed(2)} | ${fmt(1e6 / us)} | ${(us / base).toFixed(3)} | ${fmt(n)} |`,
      ),
    ].join("\n");

    const t = report.total;
    const funnelRows = t.stages
      .map(
        (s) =>
          `| ${s.stage} | ${fmt(s.reached)} | ${fmt(s.current)} | ${s.conversion === null ? "–" : `${(s.conversion * 100).toFixed(1)} %`} | ${s.timeInStage === null ? "–" : `${(s.timeInStage.median / DAY).toFixed(1)} / ${(s.timeInStage.p90 / DAY).toFixed(1)}`} |`,
      )
      .join("\n");

    return [
      `${fmt(CUSTOMERS)} customers, ${fmt(events)} events (${(events / CUSTOMERS).toFixed(2)} per customer, plus the inactivity checks replay inserts), cohorts by month, 3 segments, report date ${new Date(UNTIL).toISOString().slice(0, 10)}. Single timed run for the 1M row (generation, ${fmt(generation.ms)} ms, subtracted); samples of ${fmt(SAMPLE)} customers for the XState rows, whose funnel is checked equal to the fast one. Bare XState rows do one transition per event and nothing else.`,
      "",
      table,
      "",
      `1M total: ${(fast.ms / 1000).toFixed(1)} s wall (generation included), ${fmt(events / (replayMs / 1000))} events/s replayed. Heap growth over the run ${mb(heapAfter - heapBefore)} (no forced GC); JSON states of the 4 shards ${kb(stateBytes)} in all (time in stage is a DDSketch per group and stage, so the state does not grow with the number of customers). Extrapolated, the XState path would take ${((perCustomer(viaXState.ms, SAMPLE) * CUSTOMERS) / 1e6).toFixed(0)} s for 1M.`,
      "",
      `Funnel of the 1M (total): ${fmt(t.customers)} customers, churn rate ${((t.churnRate ?? 0) * 100).toFixed(1)} %, win-back rate ${((t.winBackRate ?? 0) * 100).toFixed(1)} %, at risk ${fmt(t.atRisk)}.`,
      "",
      "| stage | reached | current | conversion to next | days in stage, median / p90 |",
      "|---|---:|---:|---:|---:|",
      funnelRows,
    ].join("\n");
  },
} satisfies Bench;
