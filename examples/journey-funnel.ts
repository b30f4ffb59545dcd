/*
 * Customer journeys and the funnel of many customers.
 *
 * Eight made-up customers, each a history of business events (trials, purchases, renewals, surveys,
 * referrals, cancellations, win-backs) and messages. Every message is classified with
 * touchpoint/classify and turned into a journey interaction with interactionEvent, so an intent to
 * cancel puts the customer at risk and a comparison with other tools counts as evaluating. Each
 * history is replayed with journeyFromInteractions to say where the customer stands today, and
 * journeyFunnel turns them all into reach, conversion, time in stage, at-risk, churn and win-back,
 * overall and per segment.
 *
 * Run it: npx tsx --tsconfig tsconfig.test.json examples/journey-funnel.ts
 */
import { pathToFileURL } from "node:url";
import { classifyScenario, detectSignals } from "touchpoint/classify";
import {
  type ClassifiedInteraction,
  createJourneyMachine,
  defaultJourneyModel,
  type JourneyEvent,
  type JourneyFunnel,
  type JourneyHistory,
  interactionEvent,
  journeyFromInteractions,
  journeyFunnel,
} from "touchpoint/journey";
import { messageSchema } from "touchpoint/schemas";

const DAY = 86_400_000;
const JAN_5 = Date.UTC(2026, 0, 5);
/** The report date: inactivity deadlines up to it count (at risk after 60 quiet days, churned after 180). */
export const REPORT_DATE = Date.UTC(2026, 8, 30);

/** A journey with its own deadlines: at risk after 60 days without activity, churned after 180. */
export const machine = createJourneyMachine(defaultJourneyModel, {
  atRiskAfter: 60 * DAY,
  churnAfter: 180 * DAY,
});

/** The business events of these histories (a survey is an NPS answer of 3, a review a public 5 of 5). */
type BusinessEvent =
  | "journey.evaluation"
  | "journey.decision"
  | "journey.purchase"
  | "journey.repurchase"
  | "journey.referral"
  | "journey.review"
  | "journey.survey"
  | "journey.cancellation"
  | "journey.winback";

/** One entry of a customer's history: a business event, or a message the customer wrote. */
type Entry = { day: number; event: BusinessEvent } | { day: number; says: string };

interface Customer {
  id: string;
  segment: "self-serve" | "sales-led";
  history: Entry[];
}

export const customers: Customer[] = [
  {
    id: "cust-01",
    segment: "self-serve",
    history: [
      { day: 0, says: "Do you have a plan for a team of five?" },
      { day: 2, event: "journey.evaluation" },
      { day: 10, event: "journey.purchase" },
      { day: 40, says: "How do I add a second admin?" },
      { day: 70, event: "journey.repurchase" },
      { day: 80, event: "journey.referral" },
      { day: 200, says: "Thanks, the new reports are lovely." },
    ],
  },
  {
    id: "cust-02",
    segment: "self-serve",
    history: [
      { day: 3, says: "Is there a free trial?" },
      { day: 4, event: "journey.evaluation" },
    ],
  },
  {
    id: "cust-03",
    segment: "self-serve",
    history: [
      { day: 7, says: "How does your price compare to other tools?" },
      { day: 20, event: "journey.purchase" },
      { day: 50, says: "Please cancel my subscription, it costs too much." },
      { day: 55, event: "journey.cancellation" },
      { day: 150, event: "journey.winback" },
      { day: 151, event: "journey.purchase" },
      { day: 230, says: "Can I move my invoices to a new email address?" },
    ],
  },
  {
    id: "cust-04",
    segment: "sales-led",
    history: [
      { day: 10, says: "We'd like a demo for our support team." },
      { day: 25, event: "journey.decision" },
      { day: 30, event: "journey.purchase" },
      { day: 190, says: "The sync has been broken for two days, this is not acceptable." },
      { day: 200, says: "Still broken. Nobody replied to my last email." },
      { day: 205, event: "journey.survey" },
    ],
  },
  {
    id: "cust-05",
    segment: "sales-led",
    history: [
      { day: 12, says: "Who should I talk to about pricing for 200 seats?" },
      { day: 150, says: "Any news on the quote we asked for?" },
    ],
  },
  {
    id: "cust-06",
    segment: "sales-led",
    history: [
      { day: 14, says: "Can your tool replace the one we use today?" },
      { day: 20, event: "journey.evaluation" },
      { day: 40, event: "journey.decision" },
      { day: 60, event: "journey.purchase" },
      { day: 160, event: "journey.repurchase" },
      { day: 250, says: "Could you add single sign-on for our staff?" },
    ],
  },
  {
    id: "cust-07",
    segment: "self-serve",
    history: [
      { day: 30, event: "journey.purchase" },
      { day: 45, event: "journey.review" },
      { day: 200, event: "journey.repurchase" },
    ],
  },
  {
    id: "cust-08",
    segment: "sales-led",
    history: [
      { day: 35, says: "Send me the contract for the annual plan, please." },
      { day: 40, event: "journey.purchase" },
      { day: 100, event: "journey.cancellation" },
    ],
  },
];

/** What the journey machine needs to know of a message: its type and scenario, and two signals. */
export function classifyMessage(text: string, purchases: number): ClassifiedInteraction {
  const strengths = detectSignals(text).strengths;
  const scenario = classifyScenario({ text, customer: { purchases } });
  return {
    type: scenario.type,
    scenario: scenario.scenario,
    signals: {
      intentToCancel: strengths["cancel-intent"] >= 0.5,
      evaluating: strengths.comparison >= 0.5 || strengths["purchase-intent"] >= 0.5,
    },
  };
}

/** Turns a customer's history into journey events, classifying each message on the way. */
export function eventsOf(customer: Customer, log?: (line: string) => void): JourneyEvent[] {
  let purchases = 0;
  const events: JourneyEvent[] = [];
  for (const entry of customer.history) {
    const at = JAN_5 + entry.day * DAY;
    if ("event" in entry) {
      if (entry.event === "journey.purchase" || entry.event === "journey.repurchase") purchases++;
      if (entry.event === "journey.survey") {
        // A detractor's answer to the NPS survey sent after the complaints.
        events.push({ type: "journey.survey", at, response: { kind: "nps", score: 3 } });
      } else if (entry.event === "journey.review") {
        events.push({ type: "journey.review", at, rating: 5, public: true });
      } else {
        events.push({ type: entry.event, at });
      }
      continue;
    }
    const interaction = classifyMessage(entry.says, purchases);
    const flags = Object.entries(interaction.signals ?? {})
      .filter(([, on]) => on)
      .map(([name]) => name);
    log?.(
      `  ${customer.id} day ${String(entry.day).padStart(3)}: "${entry.says}" -> ${interaction.type}, ${interaction.scenario}${flags.length > 0 ? `, ${flags.join(", ")}` : ""}`,
    );
    const event = interactionEvent(
      messageSchema.parse({ author: "customer", at, text: entry.says }),
      interaction,
    );
    if (event !== null) events.push(event);
  }
  return events;
}

const share = (x: number | null) => (x === null ? "-" : `${Math.round(100 * x)} %`);
const days = (ms: number | undefined) => (ms === undefined ? "-" : `${(ms / DAY).toFixed(0)} d`);

function printFunnel(log: (line: string) => void, funnel: JourneyFunnel): void {
  log("  stage          reached  now  conversion  from start  median time in stage");
  for (const s of funnel.stages) {
    log(
      `  ${s.stage.padEnd(13)}  ${String(s.reached).padStart(7)}  ${String(s.current).padStart(3)}  ${share(s.conversion).padStart(10)}  ${share(s.fromStart).padStart(10)}  ${days(s.timeInStage?.median).padStart(20)}`,
    );
  }
  log(
    `  at risk ${funnel.atRisk} (${share(funnel.atRiskRate)} of active), churned now ${funnel.churned}, churn rate ${share(funnel.churnRate)}, won back ${funnel.wonBack} (${share(funnel.winBackRate)} of those who churned)`,
  );
}

export function main(log: (line: string) => void = console.log): void {
  log("Messages, as the classifiers read them:");
  const histories: JourneyHistory[] = customers.map((c) => ({
    customerId: c.id,
    segment: c.segment,
    events: eventsOf(c, log),
  }));

  log("");
  log(`Where each customer stands on ${new Date(REPORT_DATE).toISOString().slice(0, 10)}:`);
  for (const h of histories) {
    const snapshot = journeyFromInteractions(h.events, {
      machine,
      customerId: h.customerId,
      until: REPORT_DATE,
    });
    if (snapshot === null) continue;
    const { context } = snapshot;
    const state =
      snapshot.value === "churned" ? "churned" : context.riskReasons.length > 0 ? "at risk" : "healthy";
    const risk = context.riskReasons.length > 0 ? ` (${context.riskReasons.join(", ")})` : "";
    log(
      `  ${h.customerId} ${String(h.segment).padEnd(10)} stage ${context.stage.padEnd(13)} highest ${context.highestStage.padEnd(13)} ${state}${risk}; churns ${context.churns}, win-backs ${context.winBacks}`,
    );
  }

  const report = journeyFunnel(histories, { machine, until: REPORT_DATE, period: "month" });
  log("");
  log(`Funnel of all ${report.total.customers} customers:`);
  printFunnel(log, report.total);
  for (const [segment, funnel] of Object.entries(report.bySegment)) {
    log("");
    log(`Segment ${segment} (${funnel.customers} customers):`);
    printFunnel(log, funnel);
  }
  log("");
  log(
    `Cohorts by first contact: ${Object.entries(report.byPeriod)
      .map(([period, funnel]) => `${period}: ${funnel.customers}`)
      .join(", ")}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
