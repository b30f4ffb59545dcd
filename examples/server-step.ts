/*
 * The server-side pattern: no long-lived actor, one request at a time.
 *
 * Each request loads the conversation's stored snapshot (JSON in a Map standing in for a database
 * table), runs one event through step(), stores the next snapshot, puts the emitted events in an
 * outbox and keeps the scheduler's jobs in step with `scheduled` and `cancelled`. A worker then runs
 * the jobs that fall due: each is a clock.tick sent back through step(), which is how the SLA
 * warning and breach fire without any timer in the process.
 *
 * Run it: npx tsx --tsconfig tsconfig.test.json examples/server-step.ts
 */
import { pathToFileURL } from "node:url";
import {
  type ConversationEmitted,
  type ConversationEvent,
  initialStep,
  type ScheduledTick,
  type StepResult,
  step,
} from "touchpoint/conversation";

const MINUTE = 60_000;
const START = Date.UTC(2026, 2, 2, 14, 0); // Monday 2 March 2026, 14:00 UTC

/** A job in the fake queue: send `tick.event` to conversation `conversationId` at `tick.at`. */
interface Job {
  conversationId: string;
  tick: ScheduledTick;
}

/** The stand-ins for the database, the job queue and the outbox. */
class FakeInfrastructure {
  /** conversation id -> the stored snapshot envelope, as JSON text. */
  readonly table = new Map<string, string>();
  /** job key (conversation id + timer id) -> job. */
  readonly jobs = new Map<string, Job>();
  /** What the machine emitted, in order, for another process to deliver (email, Slack, webhooks). */
  readonly outbox: ConversationEmitted[] = [];

  /** Stores the result of a step: the snapshot, the outbox entries, the job changes. */
  apply(conversationId: string, result: StepResult, log: (line: string) => void): void {
    this.table.set(conversationId, JSON.stringify(result.snapshot));
    for (const e of result.emitted) {
      this.outbox.push(e);
      log(`    outbox <- ${e.type}${"kind" in e ? ` (${e.kind})` : ""} at ${clock(e.at)}`);
    }
    for (const tick of result.scheduled) {
      // The same timer id replaces the job already queued for it.
      this.jobs.set(`${conversationId}/${tick.id}`, { conversationId, tick });
      log(`    queue  <- wake-up at ${clock(tick.at)} (${shortId(tick.id)})`);
    }
    for (const id of result.cancelled) {
      if (this.jobs.delete(`${conversationId}/${id}`)) log(`    queue  -x ${shortId(id)} cancelled`);
    }
  }

  /** The jobs due at or before `now`, earliest first, removed from the queue. */
  takeDue(now: number): Job[] {
    const due = [...this.jobs.entries()].filter(([, job]) => job.tick.at <= now);
    due.sort((a, b) => a[1].tick.at - b[1].tick.at);
    for (const [key] of due) this.jobs.delete(key);
    return due.map(([, job]) => job);
  }
}

const clock = (at: number) => new Date(at).toISOString().slice(5, 16).replace("T", " ");
/** XState's timer ids are long ("xstate.after.slaDeadline.conversation.active"); the delay's name is enough here. */
const shortId = (id: string) => id.split(".")[2] ?? id;

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const infra = new FakeInfrastructure();

  /** POST /conversations: a new conversation. */
  const open = (conversationId: string, startedAt: number) => {
    log(`[${clock(startedAt)}] open ${conversationId} (urgent: first response due within 1 h)`);
    const result = initialStep({ conversationId, startedAt, priority: "urgent", channel: "email" });
    infra.apply(conversationId, result, log);
  };

  /** POST /conversations/:id/events: one event, one step. */
  const handle = (conversationId: string, event: ConversationEvent) => {
    const stored = infra.table.get(conversationId);
    if (stored === undefined) throw new Error(`no conversation ${conversationId}`);
    log(`[${clock(event.at)}] ${conversationId} <- ${event.type}`);
    const result = step(stored, event);
    infra.apply(conversationId, result, log);
    return result;
  };

  /** The scheduler's worker: runs every job due by `now`, earliest first, each through the same request path. */
  const runWorker = (now: number) => {
    log(`[${clock(now)}] worker wakes up, ${infra.jobs.size} job(s) queued`);
    // A job can schedule another that is already due (a warning's step schedules the breach): loop.
    for (let due = infra.takeDue(now); due.length > 0; due = infra.takeDue(now)) {
      for (const job of due) handle(job.conversationId, job.tick.event);
    }
  };

  // Two urgent conversations: EM-301 gets an answer after its warning, EM-302 never does.
  open("EM-301", START);
  handle("EM-301", { type: "customer.message", at: START, text: "Our invoices page shows an error." });
  open("EM-302", START + 10 * MINUTE);
  handle("EM-302", { type: "customer.message", at: START + 10 * MINUTE, text: "I can't log in at all." });
  runWorker(START + 30 * MINUTE); // nothing is due yet
  runWorker(START + 50 * MINUTE); // EM-301's warning at 75 % of the hour (14:45) has fallen due
  handle("EM-301", { type: "agent.greet", at: START + 52 * MINUTE, by: "agent" });
  runWorker(START + 75 * MINUTE); // EM-302's warning (14:55) and breach (15:10) are due; EM-301 was answered
  handle("EM-301", { type: "customer.message", at: START + 80 * MINUTE, text: "It says 'unknown account'." });
  handle("EM-301", { type: "agent.resolve", at: START + 90 * MINUTE, by: "agent" });

  for (const [id, json] of infra.table) {
    const saved = JSON.parse(json) as StepResult["snapshot"];
    log(`stored ${id}: ${JSON.stringify(saved.snapshot.value)}`);
  }
  log(`outbox: ${infra.outbox.map((e) => `${e.conversationId} ${e.type}`).join(", ")}`);
  log(
    `queued jobs: ${[...infra.jobs.values()].map((j) => `${j.conversationId} ${shortId(j.tick.id)} at ${new Date(j.tick.at).toISOString()}`).join(", ") || "none"}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
