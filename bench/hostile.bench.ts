/**
 * Hostile input, at length (issue 13): the suite runs a few hundred seeds of each property
 * (test/hostile/*.prop.test.ts); this runs 100,000 of each and counts the broken promises.
 *
 * - machines: 100,000 hostile event sequences per machine (1–40 events: broken fields, unknown
 *   types, forwarded `xstate.*` events, times out of range), each run live, live and stopped
 *   halfway, or through `transition()`, then persisted and restored. Counted: a throw, an actor
 *   error, a status `error`, a snapshot that persists but does not restore.
 * - public API: 100,000 arbitrary inputs (fast-check `anything()`, objects without a prototype
 *   included) spread over the functions test/hostile/arbitrary-input.ts covers. Counted: an
 *   exception that is not a TouchpointError.
 *
 * `HOSTILE_RUNS` lowers the counts for a quick look. Not a timing: the times are printed for scale.
 */
import fc from "fast-check";
import { bareException, covered } from "../test/hostile/arbitrary-input.js";
import { runConversation, runJourney } from "../test/hostile/machines.js";
import { fmt } from "./lib/measure.js";
import { random } from "./lib/random.js";
import type { Bench } from "./run.js";

const RUNS = Number(process.env.HOSTILE_RUNS ?? 100_000);

function machines(name: string, run: typeof runConversation): string {
  const failures = new Map<string, number>();
  const started = performance.now();
  for (let seed = 1; seed <= RUNS; seed++) {
    const rand = random(seed);
    const { failure } = run(rand, 1 + Math.floor(rand() * 40));
    if (failure !== null) failures.set(failure, (failures.get(failure) ?? 0) + 1);
  }
  const seconds = (performance.now() - started) / 1000;
  const broken = [...failures.values()].reduce((a, b) => a + b, 0);
  const examples = [...failures.keys()].slice(0, 3).map((f) => `  - ${f}`);
  return [`| ${name} | ${fmt(RUNS)} | ${broken} | ${seconds.toFixed(0)} s |`, ...examples].join("\n");
}

function publicApi(): string {
  const names = Object.keys(covered);
  const value = fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true });
  const inputs = fc.sample(fc.array(value, { minLength: 1, maxLength: 3 }), { seed: 13, numRuns: RUNS });
  const failures = new Map<string, number>();
  const started = performance.now();
  inputs.forEach((args, i) => {
    const failure = bareException(names[i % names.length] as string, args);
    if (failure !== null) failures.set(failure, (failures.get(failure) ?? 0) + 1);
  });
  const seconds = (performance.now() - started) / 1000;
  const broken = [...failures.values()].reduce((a, b) => a + b, 0);
  return [
    `| public API (${names.length} functions) | ${fmt(RUNS)} | ${broken} | ${seconds.toFixed(0)} s |`,
    ...[...failures.keys()].slice(0, 3).map((f) => `  - ${f}`),
  ].join("\n");
}

const bench: Bench = {
  title: "Hostile input (issue 13)",
  run() {
    const rows = [
      machines("conversation machine: sequences", runConversation),
      machines("journey machine: sequences", runJourney),
      publicApi(),
    ];
    return [
      "| what | inputs | broken promises | time |",
      "|---|---:|---:|---:|",
      ...rows,
      "",
      "A broken promise is a bare exception, an actor error or status `error`, or a snapshot that persists but does not restore. Functions not in test/hostile/arbitrary-input.ts are not covered (see CHANGELOG).",
    ].join("\n");
  },
};
export default bench;
