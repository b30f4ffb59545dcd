/**
 * touchpoint/conversation: one full conversation (12 events) through a live actor and through the
 * pure transition() API, against a bare XState machine that takes the same number of transitions
 * (12 states in a row, no context, no actions), in the same run; what XState itself charges per
 * event for the features the machine uses or used (a context assign, a second parallel region as
 * version 2 had, re-armed delayed transitions), so the distance to the bare machine can be read
 * off; and replay throughput
 * of twelve-message conversations with classification included, split between classifying, the
 * machine and the mapping from messages to events.
 */
import { classifyAct } from "../src/classify/index.js";
import {
  type ConversationEvent,
  type ConversationMachineInput,
  conversationMachine,
  replayConversation,
} from "../src/conversation/index.js";
import { fastRunnerOf } from "../src/conversation/fast-runner.js";
import { runnerOf } from "../src/conversation/machine-runner.js";
import { replayWith, xstateDriver } from "../src/conversation/replay-conversation.js";
import { type Conversation, conversationSchema } from "../src/schemas/index.js";
import { assign, createActor, createMachine, initialTransition, setup, transition } from "xstate";
import type { Bench } from "./run.js";
import {
  fmt,
  type Interleaved,
  interleave,
  interleavedTable,
  keep,
  type Measurement,
  measure,
  table,
} from "./lib/measure.js";

const MIN = 60_000;

/** Seed 003's lifecycle in 12 events, with one rejected proposal. */
const events: ConversationEvent[] = [
  { type: "customer.message", at: 0 },
  { type: "agent.greet", at: 2 * MIN },
  { type: "customer.message", at: 3 * MIN },
  { type: "agent.restate", at: 5 * MIN },
  { type: "customer.confirm", at: 6 * MIN },
  { type: "agent.propose", at: 8 * MIN },
  { type: "customer.reject", at: 9 * MIN },
  { type: "agent.propose", at: 11 * MIN },
  { type: "customer.accept", at: 12 * MIN },
  { type: "agent.deliver", at: 14 * MIN },
  { type: "agent.close", at: 15 * MIN },
  { type: "customer.done", at: 16 * MIN },
];

/** The bare baseline: 13 states in a row, one event each, no context, guards or actions. */
const bare = createMachine({
  id: "bare",
  initial: "s0",
  states: Object.fromEntries(
    Array.from({ length: 13 }, (_, i) => [
      `s${i}`,
      i < 12 ? { on: { next: `s${i + 1}` } } : { type: "final" as const },
    ]),
  ),
});
const bareEvents = Array.from({ length: 12 }, () => ({ type: "next" as const }));

const input = { conversationId: "bench", startedAt: 0, priority: "urgent" as const };

const perConversation = (n: number) => (r: Measurement) => ({ ...r, ms: r.ms / n, hz: r.hz * n });

/** Times each function in turn (its own warm-up and rounds, so no row pays for another's garbage). */
function measureAll(
  fns: readonly (readonly [name: string, fn: () => unknown])[],
  options: { rounds?: number; warmup?: number } = {},
): Measurement[] {
  return fns.map(([name, fn]) => measure(name, fn, options));
}

/** A table in microseconds per unit, with each row's ratio to the first. */
function microTable(rows: readonly Interleaved[], unit: string): string {
  const lines = [`| implementation | CPU µs per ${unit} | × ${rows[0]?.name ?? ""} |`, "|---|---:|---:|"];
  for (const r of rows) lines.push(`| ${r.name} | ${(r.ms * 1000).toFixed(1)} | ${r.ratio.toFixed(2)} |`);
  return lines.join("\n");
}

function machineRuns(n: number): string {
  const actorRun = () => {
    let last: unknown;
    for (let i = 0; i < n; i++) {
      const actor = createActor(conversationMachine, { input }).start();
      for (const e of events) actor.send(e);
      last = actor.getSnapshot().value;
      actor.stop();
    }
    return last;
  };
  const pureRun = () => {
    let last: unknown;
    for (let i = 0; i < n; i++) {
      let [s] = initialTransition(conversationMachine, input);
      for (const e of events) [s] = transition(conversationMachine, s, e);
      last = s.value;
    }
    return last;
  };
  const bareActorRun = () => {
    let last: unknown;
    for (let i = 0; i < n; i++) {
      const actor = createActor(bare).start();
      for (const e of bareEvents) actor.send(e);
      last = actor.getSnapshot().value;
      actor.stop();
    }
    return last;
  };
  const barePureRun = () => {
    let last: unknown;
    for (let i = 0; i < n; i++) {
      let [s] = initialTransition(bare);
      for (const e of bareEvents) [s] = transition(bare, s, e);
      last = s.value;
    }
    return last;
  };
  if (actorRun() !== "resolved" || pureRun() !== "resolved")
    throw new Error("bench: the conversation did not resolve");
  const perConv = (r: Interleaved): Interleaved => ({ ...r, ms: r.ms / n, hz: r.hz * n });
  // Each pair interleaved: a round of one, then a round of the other, 25 times.
  const actorRows = interleave(
    [
      ["bare machine, actor", bareActorRun],
      ["conversationMachine, actor", actorRun],
    ],
    { rounds: 25, warmup: 3 },
  ).map(perConv);
  const pureRows = interleave(
    [
      ["bare machine, transition()", barePureRun],
      ["conversationMachine, transition()", pureRun],
    ],
    { rounds: 25, warmup: 3 },
  ).map(perConv);
  return [
    interleavedTable(actorRows, "conversation"),
    "",
    interleavedTable(pureRows, "conversation"),
    "",
    "CPU time, each pair interleaved round by round (25 rounds of " +
      n +
      " conversations); the ratio is the median of the per-round ratios. `transition()` builds an inert actor for every call (XState's design), so both of its rows pay that; the actor rows create, start and stop one actor per conversation.",
  ].join("\n");
}

/**
 * What XState charges per event for each feature the conversation machine uses, each measured as a
 * 12-event run through a live actor (creation included) divided by 12.
 */
function xstateCosts(n: number): string {
  // Untyped configs: these machines exist only to be timed.
  const inc = assign({ n: ({ context }: { context: { n: number } }) => context.n + 1 });
  const chain = createMachine({
    context: { n: 0 },
    initial: "s0",
    states: Object.fromEntries(
      Array.from({ length: 13 }, (_, i) => [
        `s${i}`,
        i < 12 ? { on: { next: { target: `s${i + 1}`, actions: inc } } } : { type: "final" },
      ]),
    ),
  } as never);
  const toggle = { initial: "a", states: { a: { on: { next: "b" } }, b: { on: { next: "a" } } } };
  const twoRegions = createMachine({
    initial: "p",
    states: { p: { type: "parallel", states: { one: toggle, two: toggle } } },
  });
  /** One state re-entered on every event, re-arming `count` delayed transitions. */
  const timersMachine = (count: number) => {
    const delays = Array.from({ length: count }, (_, i) => `d${i + 1}`);
    return setup({ delays: Object.fromEntries(delays.map((d) => [d, () => 3_600_000])) }).createMachine({
      context: { n: 0 },
      initial: "waiting",
      states: {
        waiting: {
          after: Object.fromEntries(delays.map((d) => [d, { target: "waiting", reenter: true }])),
          on: { next: { target: "waiting", reenter: true, actions: inc } },
        },
      },
    } as never);
  };
  const oneTimer = timersMachine(1);
  const sixTimers = timersMachine(6);
  const noop = () => {};
  const structureOnly = conversationMachine.provide({
    actions: {
      advanceClock: noop,
      enterStage: noop,
      leaveStage: noop,
      recordCustomerMessage: noop,
      recordReply: noop,
      recordRestatement: noop,
      recordConfirmation: noop,
      recordProposal: noop,
      acceptProposal: noop,
      rejectProposal: noop,
      recordExtraTopic: noop,
      handOffOnRequest: noop,
      escalateOnRequest: noop,
      markResolved: noop,
      markReopened: noop,
      markClosed: noop,
      markAbandoned: noop,
    },
  });
  const runOf =
    (machine: Parameters<typeof createActor>[0], list: readonly { type: string }[], withInput?: object) =>
    () => {
      let last: unknown;
      for (let i = 0; i < n; i++) {
        const actor = createActor(machine, withInput === undefined ? {} : { input: withInput }).start();
        for (const e of list) actor.send(e as never);
        last = actor.getSnapshot().value;
        actor.stop();
      }
      return last;
    };
  /** The machine's depth: root > active > stage > one of 12 stages > its sub-state; a new stage per event. */
  const nestedOf = (withAssign: boolean) =>
    createMachine({
      context: { n: 0 },
      initial: "active",
      states: {
        active: {
          initial: "stage",
          states: {
            stage: {
              initial: "s0",
              states: Object.fromEntries(
                Array.from({ length: 13 }, (_, i) => [
                  `s${i}`,
                  {
                    initial: "a",
                    states: { a: {} },
                    ...(i < 12
                      ? { on: { next: withAssign ? { target: `s${i + 1}`, actions: inc } : `s${i + 1}` } }
                      : {}),
                  },
                ]),
              ),
            },
          },
        },
      },
    } as never);
  const rows = interleave(
    [
      ["bare machine (12 states in a row)", runOf(bare, bareEvents)],
      ["+ one context assign per transition", runOf(chain, bareEvents)],
      ["two parallel regions, both transitioning", runOf(twoRegions, bareEvents)],
      ["one state re-entered per event, 1 delayed transition, one assign", runOf(oneTimer, bareEvents)],
      ["one state re-entered per event, 6 delayed transitions, one assign", runOf(sixTimers, bareEvents)],
      [
        "stages nested as deep as the machine's, a new stage per event, no context",
        runOf(nestedOf(false), bareEvents),
      ],
      ["the same, one context assign per transition", runOf(nestedOf(true), bareEvents)],
      [
        "conversationMachine with every action a no-op (its structure alone)",
        runOf(structureOnly, events, input),
      ],
      ["conversationMachine", runOf(conversationMachine, events, input)],
    ],
    { rounds: 11, warmup: 3 },
  ).map((r) => ({ ...r, ms: r.ms / n / 12, hz: r.hz * n * 12 }));
  const x = (i: number) => (rows[i]?.ratio ?? Number.NaN).toFixed(1);
  return [
    microTable(rows, "event"),
    "",
    "CPU time, the rows interleaved round by round (11 rounds); the ratio is the median of the per-round ratios.",
    "",
    `Each row includes creating, starting and stopping the actor, spread over its 12 events. A second region that moves costs ${x(2)}× the bare transition; a state re-entered with one delayed transition ${x(3)}×, with six ${x(4)}×. Stage states nested as deep as the machine's (root, \`active\`, \`stage\`, the stage, its sub-state), moving to a new stage on every event, cost ${x(5)}× with no context at all and ${x(6)}× with one assign per event: the shape alone, before any guard or bookkeeping. The conversation machine moves its stage on five of the twelve events (targetless on \`active\` otherwise: the turn is context), so its structure alone, every action a no-op, costs ${x(7)}×. Its actions add the rest (${x(8)}×): the bookkeeping, one snapshot copy per assign, and the SLA and silence timers, which the actions re-arm when their instants move (the no-op row books none). Staying within 1.5× of the bare machine would leave ${((rows[0]?.ms ?? 0) * 500).toFixed(1)} µs per event, beyond the bare transition, for all of that.`,
  ].join("\n");
}

const texts: [author: "customer" | "agent", text: string][] = [
  ["customer", "Hi, my order arrived broken and I need help."],
  ["agent", "Hi there! Thanks for reaching out, I'm sorry to hear that."],
  ["customer", "The vase was shattered when I opened the box."],
  ["agent", "From what I understand, the vase was broken when it arrived?"],
  ["customer", "Yes, exactly."],
  ["agent", "We can offer you a full refund to your card."],
  ["customer", "No, I would rather have the vase."],
  ["agent", "We can send you a replacement at no cost instead."],
  ["customer", "Yes, that works for me."],
  ["agent", "Done: the replacement ships today and arrives within three days."],
  ["agent", "Is there anything else I can help you with?"],
  ["customer", "No, thank you so much!"],
];

function conversations(n: number): Conversation[] {
  const out: Conversation[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = Date.UTC(2026, 2, 2, 9) + i * 3_600_000;
    // Through JSON, as an export is read: flat strings, where template literals make ropes.
    const raw = JSON.stringify({
      id: `c-${i}`,
      channel: "chat",
      createdAt: t0,
      messages: texts.map(([author, text], k) => ({ author, at: t0 + k * MIN, text: `${text} (#${i})` })),
    });
    out.push(conversationSchema.parse(JSON.parse(raw)));
  }
  return out;
}

function replayRuns(n: number): string {
  const list = conversations(n);
  // Acts computed once, to time the machine and the mapping with a lookup classifier.
  const acts = new Map<string, { act: string }>();
  for (const c of list)
    for (const m of c.messages)
      acts.set(m.text, {
        act: classifyAct(m.text, { speaker: m.author === "customer" ? "customer" : "agent" }).act,
      });
  const lookup = (text: string) => acts.get(text) ?? { act: "other" };
  const check = replayConversation(list[0] as Conversation);
  if (check.snapshot.value !== "resolved")
    throw new Error(`bench: replay ended in ${JSON.stringify(check.snapshot.value)}`);
  // The events each replay sends, to time the machine alone, as the replay runs it.
  const sent = list.map((c) => {
    const machineInput: ConversationMachineInput = {
      conversationId: c.id,
      startedAt: c.createdAt,
      priority: c.priority,
      handler: "human",
      ...(c.channel === undefined ? {} : { channel: c.channel }),
    };
    return {
      machineInput,
      events: replayConversation(c, { actClassifier: lookup }).steps.map((s) => s.event),
    };
  });
  const runner = runnerOf(conversationMachine);
  const fast = fastRunnerOf(conversationMachine);
  const slow = xstateDriver(conversationMachine);
  if (fast === undefined) throw new Error("bench: the fast runner declined conversationMachine");

  const replayFull = (): number => {
    let k = 0;
    for (const c of list) k += replayConversation(c).steps.length;
    return k;
  };
  const classifyOnly = (): number => {
    let k = 0;
    for (const c of list)
      for (const m of c.messages)
        k += classifyAct(m.text, { speaker: m.author === "customer" ? "customer" : "agent" }).confidence;
    return k;
  };
  const replayLookedUp = (): number => {
    let k = 0;
    for (const c of list) k += replayConversation(c, { actClassifier: lookup }).steps.length;
    return k;
  };
  const fastOnly = (): number => {
    let k = 0;
    for (const { machineInput, events: evs } of sent) {
      fast.emitted = [];
      let s = fast.start(machineInput);
      for (const e of evs) s = fast.send(s, e);
      k += fast.snapshotOf(s).context.now;
    }
    fast.emitted = [];
    return k;
  };
  const xstateFull = (): number => {
    let k = 0;
    for (const c of list) k += replayWith(slow, c).steps.length;
    return k;
  };
  const xstateLookedUp = (): number => {
    let k = 0;
    for (const c of list) k += replayWith(slow, c, { actClassifier: lookup }).steps.length;
    return k;
  };
  const xstateOnly = (): number => {
    let k = 0;
    for (const { machineInput, events: evs } of sent) {
      runner.emitted = [];
      let s = runner.start(machineInput);
      for (const e of evs) s = runner.send(s, e);
      k += s.context.now;
    }
    runner.emitted = [];
    return k;
  };
  // Lightest first: each row then runs in a heap no heavier row has grown yet.
  const [c, m, l, f, xm, xl, xf] = measureAll(
    [
      ["classifyAct alone (12 messages)", classifyOnly],
      ["fast runner alone (the same events, no mapping)", fastOnly],
      ["replay, acts looked up (fast runner and mapping)", replayLookedUp],
      ["replay with classifyAct (replayConversation: fast runner)", replayFull],
      ["XState transition alone (the same events, no mapping)", xstateOnly],
      ["replay through XState, acts looked up", xstateLookedUp],
      ["replay through XState with classifyAct", xstateFull],
      // Replay rounds vary with the heap (garbage collection is a quarter of a replay): 25 rounds after
      // 5 warm-ups keep the median steady across runs, where 7 after 2 swung from 2.2 to 3.6 k/s.
    ],
    { rounds: 25, warmup: 5 },
  ).map(perConversation(n)) as Measurement[] as [
    Measurement,
    Measurement,
    Measurement,
    Measurement,
    Measurement,
    Measurement,
    Measurement,
  ];
  const rows = [f, c, l, m, xf, xl, xm];
  keep(acts);
  const pct = (x: number, of: Measurement) => `${((100 * x) / of.ms).toFixed(0)} %`;
  return [
    table(rows, "replay with classifyAct (replayConversation: fast runner)", "conversation"),
    "",
    "`replayConversation` steps the machine's own definition with the fast runner (src/conversation/fast-runner.ts: the same state nodes, transitions, guards and action code, without XState's snapshot copies; test/conversation/fast-runner.test.ts checks that it gives what XState gives after every event, on random event sequences and transcripts). The XState rows run the same replay through XState's `transition` on one actor scope, as replay did before. By default replay asks the classifier for the primary act only (the same analysis and rules as `classifyAct`, without building its scores, evidence and sentence acts; test/classify/classify.prop.test.ts checks they agree). This section runs after the two above in the same process, as a server that runs live actors and replays would: the action code the fast runner shares with XState has by then seen XState's snapshots too, and the replay rows are slower than in a process that only replays (about 12 k conversations/s with classification when this section runs alone). The lookup table holds only each message's act: holding whole `ActResult`s made V8 pretenure classifyAct's allocations, and every later row paid for it in garbage collection.",
    "",
    `Replay throughput with classification: **${fmt(f.hz)} conversations/s** on one core (target ≥ 5,000/s, issue 11); through XState, ${fmt(xf.hz)}/s (${(xf.ms / f.ms).toFixed(2)}× the time).`,
    `Split of the full replay's time: classifying ${pct(f.ms - l.ms, f)} (${pct(c.ms, f)} when timed alone), the machine ${pct(m.ms, f)}, mapping messages to events and the record ${pct(l.ms - m.ms, f)}. Through XState: classifying ${pct(xf.ms - xl.ms, xf)}, the machine ${pct(xm.ms, xf)}, the rest ${pct(xl.ms - xm.ms, xf)}.`,
  ].join("\n");
}

const bench: Bench = {
  title: "touchpoint/conversation: lifecycle machine and replay",
  run() {
    return [
      "### One 12-event conversation",
      "",
      machineRuns(400),
      "",
      "### What XState charges per event",
      "",
      xstateCosts(200),
      "",
      "### Replay of twelve-message conversations",
      "",
      replayRuns(300),
    ].join("\n");
  },
};
export default bench;
