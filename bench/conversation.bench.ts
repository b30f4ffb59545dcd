/**
 * touchpoint/conversation: one full conversation (12 events) through a live actor and through the
 * pure transition() API, against a bare XState machine that takes the same number of transitions
 * (12 states in a row, no context, no actions), in the same run; and replay throughput of
 * twelve-message conversations with classification included, split between classifying and the
 * machine.
 */
import { classifyAct } from "../src/classify/index.js";
import {
  type ConversationEvent,
  conversationMachine,
  replayConversation,
} from "../src/conversation/index.js";
import { type Conversation, conversationSchema } from "../src/schemas/index.js";
import { createActor, createMachine, initialTransition, transition } from "xstate";
import type { Bench } from "./run.js";
import { fmt, keep, measure, table } from "./lib/measure.js";

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
  const rows = [
    measure("bare machine, actor", bareActorRun),
    measure("conversationMachine, actor", actorRun),
    measure("bare machine, transition()", barePureRun),
    measure("conversationMachine, transition()", pureRun),
  ].map((r) => ({ ...r, ms: r.ms / n, hz: r.hz * n }));
  return table(rows, "bare machine, actor", "conversation");
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
    out.push(
      conversationSchema.parse({
        id: `c-${i}`,
        channel: "chat",
        createdAt: t0,
        messages: texts.map(([author, text], k) => ({ author, at: t0 + k * MIN, text: `${text} (#${i})` })),
      }),
    );
  }
  return out;
}

function replayRuns(n: number): string {
  const list = conversations(n);
  // Acts computed once, to time the machine alone with a lookup classifier.
  const acts = new Map<string, { act: string }>();
  for (const c of list)
    for (const m of c.messages)
      acts.set(m.text, classifyAct(m.text, { speaker: m.author === "customer" ? "customer" : "agent" }));
  const lookup = (text: string) => acts.get(text) ?? { act: "other" };
  const check = replayConversation(list[0] as Conversation);
  if (check.snapshot.value !== "resolved")
    throw new Error(`bench: replay ended in ${JSON.stringify(check.snapshot.value)}`);

  const full = measure("replay with classifyAct", () => {
    let k = 0;
    for (const c of list) k += replayConversation(c).steps.length;
    return k;
  });
  const classifyOnly = measure("classifyAct alone (12 messages)", () => {
    let k = 0;
    for (const c of list)
      for (const m of c.messages)
        k += classifyAct(m.text, { speaker: m.author === "customer" ? "customer" : "agent" }).confidence;
    return k;
  });
  const machineOnly = measure("replay, acts looked up (machine alone)", () => {
    let k = 0;
    for (const c of list) k += replayConversation(c, { actClassifier: lookup }).steps.length;
    return k;
  });
  keep(acts);
  const rows = [full, classifyOnly, machineOnly].map((r) => ({ ...r, ms: r.ms / n, hz: r.hz * n }));
  const share = (r: { ms: number }) => `${((100 * r.ms) / (rows[0]?.ms ?? 1)).toFixed(0)} %`;
  return [
    table(rows, "replay with classifyAct", "conversation"),
    "",
    `Replay throughput with classification: **${fmt(rows[0]?.hz ?? 0)} conversations/s** on one core (target ≥ 3,000/s).`,
    `Split: classifying ${share(rows[1] as { ms: number })}, machine and mapping ${share(rows[2] as { ms: number })} of the full replay's time.`,
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
      "### Replay of twelve-message conversations",
      "",
      replayRuns(300),
    ].join("\n");
  },
};
export default bench;
