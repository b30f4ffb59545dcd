/*
 * Triage an inbox: classify every message and sort the most pressing first, with the reasons.
 *
 * Each made-up message gets its interaction type (classifyInteraction), its scenario and category
 * from the text and what is known of the customer (classifyScenario), and its signals
 * (detectSignals). The inbox is then sorted by a simple urgency score built from those results, and
 * every line says why, quoting the cue the classifier found in the text.
 *
 * Run it: npx tsx --tsconfig tsconfig.test.json examples/classify-inbox.ts
 */
import { pathToFileURL } from "node:url";
import {
  type CustomerFacts,
  classifyInteraction,
  classifyScenario,
  detectSignals,
  type Evidence,
} from "touchpoint/classify";

interface InboxMessage {
  id: string;
  text: string;
  customer: CustomerFacts;
  waitingMinutes: number;
}

export const inbox: InboxMessage[] = [
  {
    id: "M-1",
    text: "How do I export last month's orders?",
    customer: { purchases: 3, tenureDays: 200 },
    waitingMinutes: 40,
  },
  {
    id: "M-2",
    text: "Could you add a dark theme to the mobile app?",
    customer: { purchases: 6, tenureDays: 500 },
    waitingMinutes: 90,
  },
  {
    id: "M-3",
    text: "I've emailed three times about my refund and nobody answers. Cancel my account.",
    customer: { purchases: 2, tenureDays: 120 },
    waitingMinutes: 15,
  },
  {
    id: "M-4",
    text: "Thank you, Priya sorted out my account in minutes.",
    customer: { purchases: 4, tenureDays: 300 },
    waitingMinutes: 5,
  },
  {
    id: "M-5",
    text: "The checkout page crashes every time I try to pay. I need this fixed today, it is urgent!",
    customer: { purchases: 1, tenureDays: 60 },
    waitingMinutes: 10,
  },
  {
    id: "M-6",
    text: "I don't understand what the sync scope setting does.",
    customer: { purchases: 2, tenureDays: 90 },
    waitingMinutes: 30,
  },
  {
    id: "M-7",
    text: "Is your Pro plan cheaper than your competitor's?",
    customer: { purchases: 0 },
    waitingMinutes: 20,
  },
  {
    id: "M-8",
    text: "We signed up yesterday and aren't sure where to start.",
    customer: { purchases: 1, tenureDays: 1 },
    waitingMinutes: 25,
  },
  { id: "M-9", text: "Ref 88213.", customer: {}, waitingMinutes: 60 },
];

/** One triaged message: what the classifiers found, the score it is sorted by, and why. */
export interface Triaged {
  id: string;
  text: string;
  type: string;
  scenario: string;
  category: string;
  signals: string[];
  score: number;
  why: string;
}

/** Quotes a piece of evidence as it appears in the text. */
const quote = (text: string, e: Evidence | undefined) =>
  e === undefined ? "" : `"${text.slice(e.span[0], e.span[1])}"`;

/**
 * The urgency score: the strength of the signals that cannot wait (urgency, frustration, an intent
 * to cancel, confusion), half a point more for a critical interaction (the category also calls an
 * existing customer's plain question critical, so it counts less), and the time waited as a tie-break.
 */
function scoreOf(category: string, strengths: Record<string, number>, waitingMinutes: number): number {
  const pressing =
    (strengths.urgency ?? 0) +
    (strengths.frustration ?? 0) +
    (strengths["cancel-intent"] ?? 0) +
    (strengths.confusion ?? 0);
  return pressing + (category === "critical" ? 0.5 : 0) + waitingMinutes / 1000;
}

/** The cue that weighs most (a signal lists its cues in text order). */
const strongestCue = (evidence: readonly Evidence[]) =>
  evidence.reduce<Evidence | undefined>(
    (best, e) => (best === undefined || Math.abs(e.weight) > Math.abs(best.weight) ? e : best),
    undefined,
  );

export function triage(messages: readonly InboxMessage[]): Triaged[] {
  const triaged = messages.map((m) => {
    const interaction = classifyInteraction(m.text);
    const signals = detectSignals(m.text);
    const scenario = classifyScenario({
      text: m.text,
      customer: m.customer,
      conversation: { waitingMinutes: m.waitingMinutes },
    });
    const strongest = signals.signals[0];
    const why =
      strongest !== undefined
        ? `${strongest.signal} ${strongest.strength.toFixed(2)} from ${quote(m.text, strongestCue(strongest.evidence))}`
        : interaction.label !== "unknown"
          ? `${interaction.label} from ${quote(m.text, interaction.evidence[0])}`
          : "no cue recognised: route to a person";
    return {
      id: m.id,
      text: m.text,
      type: interaction.label,
      scenario: scenario.scenario,
      category: scenario.category,
      signals: signals.signals.map((s) => s.signal),
      score: scoreOf(scenario.category, signals.strengths, m.waitingMinutes),
      why: `${why}; ${scenario.reasons[0] ?? ""}`,
    };
  });
  return triaged.sort((a, b) => b.score - a.score);
}

export function main(log: (line: string) => void = console.log): void {
  const sorted = triage(inbox);
  log(`${sorted.length} messages, most pressing first:`);
  for (const [rank, t] of sorted.entries()) {
    log(
      `${String(rank + 1).padStart(2)}. ${t.id} score ${t.score.toFixed(2)}  ${t.type} / ${t.scenario} / ${t.category}${t.signals.length > 0 ? ` [${t.signals.join(", ")}]` : ""}`,
    );
    log(`    "${t.text}"`);
    log(`    why: ${t.why}`);
  }
  const counts = new Map<string, number>();
  for (const t of sorted) counts.set(t.type, (counts.get(t.type) ?? 0) + 1);
  log(`types: ${[...counts].map(([type, n]) => `${type} ${n}`).join(", ")}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
