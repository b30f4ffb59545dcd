/*
 * From a helpdesk export to a report: validate, replay, measure.
 *
 * Reads the sample export examples/data/conversations.json (invented for this project; two records
 * are broken on purpose), validates it with touchpoint/schemas' validateBatch and reports each bad
 * record with its position and what is wrong, replays every good conversation through the
 * conversation machine (replayConversation) to see how each one ended, and computes the team's
 * figures with touchpoint/metrics: first response and resolution times, first contact resolution,
 * SLA compliance against the machine's default targets, CSAT, NPS and CES, per channel and overall.
 *
 * Run it: npx tsx --tsconfig tsconfig.test.json examples/replay-export.ts
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { defaultSlaTargets, replayConversation } from "touchpoint/conversation";
import {
  ces,
  csat,
  firstContactResolution,
  firstResponseTimes,
  nps,
  resolutionTimes,
  type SlaPolicy,
  type SlaTargets,
  slaCompliance,
} from "touchpoint/metrics";
import {
  type Conversation,
  conversationSchema,
  formatIssues,
  priorities,
  validateBatch,
} from "touchpoint/schemas";

const exportFile = new URL("./data/conversations.json", import.meta.url);

/** touchpoint/conversation's default SLA targets (ms per priority) as a touchpoint/metrics SLA policy. */
function defaultPolicy(asOf: number): SlaPolicy {
  const targets: { [priority: string]: SlaTargets } = {};
  for (const priority of priorities) {
    const t = defaultSlaTargets[priority];
    targets[priority] = {
      ...(t.firstResponseMs === null ? {} : { firstResponse: { within: t.firstResponseMs } }),
      ...(t.nextResponseMs === null ? {} : { nextResponse: { within: t.nextResponseMs } }),
      ...(t.resolutionMs === null ? {} : { resolution: { within: t.resolutionMs } }),
    };
  }
  return { targets, asOf };
}

/** The latest instant in the export: the figures are judged as of then, not as of today. */
function latestEvent(conversations: readonly Conversation[]): number {
  let latest = Number.NEGATIVE_INFINITY;
  for (const c of conversations) {
    latest = Math.max(latest, c.createdAt, c.resolvedAt ?? latest);
    for (const m of c.messages) latest = Math.max(latest, m.at);
    for (const s of c.statusChanges) latest = Math.max(latest, s.at);
    for (const s of c.surveys) latest = Math.max(latest, s.at ?? latest);
  }
  return latest;
}

const minutes = (ms: number | null | undefined) => (ms == null ? "-" : `${(ms / 60_000).toFixed(1)} min`);
const percent = (x: number | null | undefined) => (x == null ? "-" : `${x.toFixed(1)} %`);
const score = (x: number | null | undefined) => (x == null ? "-" : x.toFixed(1));

/** The figures of one group of conversations, as one row of the table. */
function row(label: string, group: readonly Conversation[], policy: SlaPolicy): string[] {
  const first = firstResponseTimes(group);
  const resolution = resolutionTimes(group);
  // Intercom's definition: closed once, with one teammate. (Zendesk's one-touch counts fewer than two
  // agent replies, and every agent in this sample greets, restates and proposes in separate messages.)
  const fcr = firstContactResolution(group, { definition: "closed-on-first-contact" });
  const sla = slaCompliance(group, policy);
  const surveys = group.flatMap((c) => c.surveys);
  // Every CSAT answer of this export is on the default 1–5 scale (the schema's default).
  const csatScores = surveys.flatMap((s) => (s.kind === "csat" ? [s.score] : []));
  const npsScores = surveys.flatMap((s) => (s.kind === "nps" ? [s.score] : []));
  const cesScores = surveys.flatMap((s) => (s.kind === "ces" ? [s.score] : []));
  return [
    label,
    String(group.length),
    String(resolution.resolved),
    minutes(first.calendar?.median),
    String(first.unanswered),
    minutes(resolution.first.calendar?.median),
    percent(fcr.rate),
    percent(sla.overall.compliance),
    `${percent(csat(csatScores))} (${csatScores.length})`,
    `${score(nps(npsScores))} (${npsScores.length})`,
    `${score(ces(cesScores)?.mean)} (${cesScores.length})`,
  ];
}

/** Left-aligns the first column and right-aligns the rest. */
function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join("  "),
  );
}

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const records = JSON.parse(readFileSync(exportFile, "utf8")) as unknown[];

  // 1. Validate once, at the boundary: keep every good record, report every bad one.
  const batch = validateBatch(conversationSchema, records);
  log(`${records.length} records: ${batch.data.length} valid, ${batch.errors.length} rejected`);
  for (const error of batch.errors) {
    const id = (records[error.index] as { id?: unknown } | undefined)?.id;
    log(`  rejected #${error.index} (${String(id)}): ${formatIssues(error.issues)}`);
  }
  const conversations = batch.data;
  const asOf = latestEvent(conversations);
  log(`figures as of ${new Date(asOf).toISOString()}`);

  // 2. Replay each conversation through the machine, up to the export time.
  const outcomes = new Map<string, number>();
  const emitted = new Map<string, number>();
  for (const conversation of conversations) {
    const replay = replayConversation(conversation, { until: asOf });
    outcomes.set(replay.record.status, (outcomes.get(replay.record.status) ?? 0) + 1);
    for (const e of replay.emitted) emitted.set(e.type, (emitted.get(e.type) ?? 0) + 1);
  }
  const count = (m: Map<string, number>, k: string) => m.get(k) ?? 0;
  log(
    `replayed: ${["active", "resolved", "closed", "abandoned"].map((s) => `${s} ${count(outcomes, s)}`).join(", ")}`,
  );
  log(
    `machine events: hand-offs ${count(emitted, "conversation.handoff")}, reopens ${count(emitted, "conversation.reopened")}, SLA warnings ${count(emitted, "sla.warning")}, SLA breaches ${count(emitted, "sla.breached")}`,
  );

  // 3. The figures, per channel and for everything.
  const policy = defaultPolicy(asOf);
  const channels = [...new Set(conversations.map((c) => c.channel))];
  const rows = [
    [
      "channel",
      "conv.",
      "resolved",
      "FRT median",
      "unanswered",
      "resolution",
      "FCR",
      "SLA met",
      "CSAT (n)",
      "NPS (n)",
      "CES (n)",
    ],
    ...channels.map((channel) =>
      row(
        channel,
        conversations.filter((c) => c.channel === channel),
        policy,
      ),
    ),
    row("all", conversations, policy),
  ];
  for (const line of table(rows)) log(line);

  const oneTouch = firstContactResolution(conversations, { definition: "one-touch" });
  log(
    `FCR under Zendesk's one-touch definition instead: ${percent(oneTouch.rate)} of ${oneTouch.resolved} resolved`,
  );
  const overall = firstResponseTimes(conversations);
  log(
    `first response median (all): ${overall.calendar?.median ?? "none"} ms over ${overall.answered} answered conversations`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
