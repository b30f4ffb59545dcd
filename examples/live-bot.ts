/*
 * A chat bot that embeds the conversation machine as a live XState actor.
 *
 * Every customer message is classified (classifyAct for what it does in the conversation,
 * classifyInteraction and classifyScenario for what it is about) and turned into the machine event it
 * means in the current stage. At every turn the bot asks nextPlaybookStep what to do and renders the
 * playbook's reply. It reacts to what the machine emits: a hand-off to a human after repeated
 * rejections, an SLA warning while the human agent takes their time, the survey request when the
 * conversation is resolved, the auto-close four days later.
 *
 * Time is simulated (xstate's SimulatedClock, every event with an explicit `at`), so the whole
 * conversation, four days of it, runs instantly and prints the same thing every time.
 *
 * Run it: npx tsx --tsconfig tsconfig.test.json examples/live-bot.ts
 */
import { pathToFileURL } from "node:url";
import { classifyAct, classifyInteraction, classifyScenario, detectSignals } from "touchpoint/classify";
import {
  type ConversationEvent,
  type ConversationSnapshot,
  conversationMachine,
  nextStep,
} from "touchpoint/conversation";
import { nextPlaybookStep, type RecommendClassification, renderTemplate } from "touchpoint/playbooks";
import { createActor, SimulatedClock } from "xstate";

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const START = Date.UTC(2026, 2, 2, 9, 0); // Monday 2 March 2026, 09:00 UTC

/** Every value a built-in template may ask for; renderTemplate ignores the ones a template does not use. */
const templateValues = {
  customerFirstName: "Ana",
  agentName: "Tess",
  companyName: "Parcelly",
  orderNumber: "A-1042",
  productName: "Express delivery",
  ticketId: "CH-7781",
  resourceUrl: "https://help.parcelly.example/late-parcels",
  deliveryWindow: "by tomorrow at noon",
  contactEmail: "ana@example.com",
  surveyUrl: "https://survey.parcelly.example/CH-7781",
};

/** The state path below `active.stage` ("understanding.restated", ...), or "resolved", "closed", ... */
function phaseOf(snapshot: ConversationSnapshot): string {
  return nextStep(snapshot).phase;
}

/**
 * What a customer's utterance means for the machine in the current state: a "yes" confirms a
 * restatement or accepts a proposal, a "no" rejects, a thank-you after "anything else?" closes.
 */
function customerEvent(text: string, phase: string, at: number): ConversationEvent {
  const { act } = classifyAct(text, { speaker: "customer" });
  const yes = act === "accept" || act === "confirm";
  if (phase === "understanding.restated" && yes) return { type: "customer.confirm", at };
  if (phase === "understanding.restated" && act === "reject") return { type: "customer.correct", at };
  if (phase === "proposing.awaitingDecision" && yes) return { type: "customer.accept", at };
  if (phase === "proposing.awaitingDecision" && act === "reject") return { type: "customer.reject", at };
  if (phase === "closing" && (act === "thank" || act === "goodbye" || act === "reject"))
    return { type: "customer.done", at };
  if (phase === "closing" && yes) return { type: "customer.more", at };
  return { type: "customer.message", at, text };
}

/** The agent-side events that carry out nextStep's action (delivering also asks "anything else?"). */
function teamEvents(action: string, by: "agent" | "bot", at: number): ConversationEvent[] {
  switch (action) {
    case "greet":
      return [{ type: "agent.greet", at, by }];
    case "restate":
      return [{ type: "agent.restate", at, by }];
    case "propose":
    case "propose_alternative":
      return [{ type: "agent.propose", at, by }];
    case "deliver":
      return [
        { type: "agent.deliver", at, by },
        { type: "agent.close", at: at + MINUTE, by },
      ];
    case "say_goodbye":
      return [{ type: "agent.goodbye", at, by }];
    default:
      return [{ type: "agent.message", at, by }];
  }
}

/** What the customer writes, and how many minutes after the team's last message. */
const customerTurns: { after: number; text: string }[] = [
  { after: 0, text: "Hi, my parcel still hasn't arrived and I need it by Friday." },
  { after: 1, text: "It's order A-1042, it was due on Monday." },
  { after: 1, text: "Yes, that's right." },
  { after: 2, text: "No, that doesn't help me." },
  { after: 1, text: "No, a voucher is no use to me." },
  { after: 3, text: "Great, that works for me, thanks." },
  { after: 2, text: "No, that's all, thanks!" },
];

/** How long the team takes to answer, in minutes: the bot at once, the human agent after the hand-off slowly. */
const teamDelay = (handler: string, firstHumanTurn: boolean) =>
  handler === "bot" ? 0 : firstHumanTurn ? 9 : 2;

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const clock = new SimulatedClock();
  clock.set(START);
  const actor = createActor(conversationMachine, {
    clock,
    input: {
      conversationId: "CH-7781",
      startedAt: START,
      channel: "chat",
      priority: "high",
      handler: "bot",
      // A human must answer within 12 minutes of taking over; the warning comes at 75 %, 9 minutes.
      targets: { firstResponseMs: 12 * MINUTE, nextResponseMs: 12 * MINUTE },
    },
  });

  let now = START;
  const time = (at: number) => new Date(at).toISOString().slice(5, 16).replace("T", " ");
  /** Moves the simulated clock to `at`, firing the timers that fall due on the way. */
  const advanceTo = (at: number) => {
    if (at > now) clock.increment(at - now);
    now = Math.max(now, at);
  };

  // What the machine tells the host, and what the bot does about it.
  actor.on("conversation.handoff", (e) =>
    log(
      `  ! conversation.handoff ${e.from} -> ${e.to} (${e.reason}) at ${time(e.at)}: paging the on-call agent`,
    ),
  );
  actor.on("sla.warning", (e) =>
    log(`  ! sla.warning ${e.kind} at ${time(e.at)}, due ${time(e.dueAt)}: nudging the assigned agent`),
  );
  actor.on("sla.breached", (e) => log(`  ! sla.breached ${e.kind} at ${time(e.at)}`));
  actor.on("conversation.resolved", (e) => log(`  ! conversation.resolved by ${e.by} at ${time(e.at)}`));
  actor.on("survey.requested", (e) =>
    log(`  ! survey.requested at ${time(e.at)}: sending ${templateValues.surveyUrl}`),
  );
  actor.on("conversation.closed", (e) => log(`  ! conversation.closed (${e.reason}) at ${time(e.at)}`));
  actor.start();

  let classification: RecommendClassification[] = [];
  let humanHasAnswered = false;
  for (const turn of customerTurns) {
    advanceTo(now + turn.after * MINUTE);
    const before = actor.getSnapshot();
    const event = customerEvent(turn.text, phaseOf(before), now);
    const interaction = classifyInteraction(turn.text);
    log(`[${time(now)}] customer: ${turn.text}`);
    log(
      `    act=${classifyAct(turn.text, { speaker: "customer" }).act} type=${interaction.label} -> ${event.type}`,
    );
    if (classification.length === 0) {
      // The opening message decides what the conversation is about; later ones refine the signals.
      classification = [classifyScenario({ text: turn.text, customer: { purchases: 4, tenureDays: 400 } })];
    }
    actor.send(event);

    const snapshot = actor.getSnapshot();
    if (snapshot.status === "done" || snapshot.value === "resolved") break;
    const advice = { classification: [...classification, interaction, detectSignals(turn.text)] };
    const next = nextPlaybookStep(snapshot, advice);
    log(
      `    next: ${next.actor} should ${next.action} (stage ${next.stage}, playbook ${next.playbook.id}, urgency ${next.urgency})`,
    );
    if (next.escalate && next.handoffTo !== null) {
      log(`    playbook says escalate: ${next.escalationReasons.join("; ")}`);
      actor.send({ type: "handoff", to: next.handoffTo, reason: "playbook", at: now });
    }

    // The team's turn: the bot answers at once, a human agent who just took over takes longer.
    const handler = actor.getSnapshot().context.handler;
    const by = handler === "bot" ? "bot" : "agent";
    advanceTo(now + teamDelay(handler, by === "agent" && !humanHasAnswered) * MINUTE);
    const step = nextPlaybookStep(actor.getSnapshot(), advice);
    const reply = renderTemplate(step.template, templateValues);
    for (const teamEvent of teamEvents(step.action, by, now)) {
      advanceTo(teamEvent.at);
      actor.send(teamEvent);
    }
    if (by === "agent") humanHasAnswered = true;
    log(`[${time(now)}] ${by} (${step.action}): ${reply}`);
  }

  log(`state: ${JSON.stringify(actor.getSnapshot().value)}`);
  const context = actor.getSnapshot().context;
  log(
    `first human response: ${context.firstResponseAt === null ? "none" : time(context.firstResponseAt)}, hand-offs: ${context.handoffs.length}, proposals: ${context.proposals.length}`,
  );

  // Nobody writes again: after the resolved period (four days by default) the conversation closes.
  advanceTo(now + 4 * DAY + MINUTE);
  log(`state after four quiet days: ${JSON.stringify(actor.getSnapshot().value)}`);
  actor.stop();
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
