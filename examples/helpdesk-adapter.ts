/*
 * Helpdesk payloads in, touchpoint conversations out, then classified.
 *
 * Takes recorded Zendesk API responses and Chatwoot webhook payloads through touchpoint/adapters
 * (fromZendesk, fromChatwoot, adaptBatch): shows the mapped conversation, what the adapter says
 * about a payload it cannot take as it is (with the path inside the vendor's payload), and
 * classifies every message (dialogue act, interaction type, scenario) and asks the playbooks what
 * to do with a customer's webhook message.
 *
 * The vendor payloads are read where they live, test/fixtures/helpdesk/ (not copied here):
 * - zendesk-ticket.json and zendesk-ticket-audits.json are recorded responses of Zendesk's API from
 *   the VCR cassettes of zendesk/zendesk_api_client_rb (Apache-2.0, "Copyright 2015-2023 Zendesk");
 * - chatwoot-webhook-message_created.json is the example of chatwoot/docs (MIT, "Copyright (c) 2021
 *   Chatwoot"), chatwoot-webhook-conversation_status_changed.SYNTHETIC.json is synthesized from
 *   Chatwoot's MIT code with invented values.
 * test/fixtures/helpdesk/README.md gives each file's source and commit, and licenses/ the licence
 * terms. The one payload written in this file (a customer's message_created webhook) is invented.
 *
 * Run it: npx tsx --tsconfig tsconfig.test.json examples/helpdesk-adapter.ts
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { adaptBatch, fromChatwoot, fromZendesk, TouchpointError } from "touchpoint/adapters";
import { classifyAct, classifyInteraction, classifyScenario } from "touchpoint/classify";
import { recommend } from "touchpoint/playbooks";
import type { Conversation } from "touchpoint/schemas";

const fixtures = new URL("../test/fixtures/helpdesk/", import.meta.url);
/** One fixture file, parsed. */
const fixture = (name: string) =>
  JSON.parse(readFileSync(new URL(name, fixtures), "utf8")) as Record<string, unknown>;

/** Prints a conversation's fields and each of its messages with what the classifiers make of it. */
function show(log: (line: string) => void, c: Conversation): void {
  log(
    `  conversation ${c.id}: ${c.channel}, ${c.status}, priority ${c.priority}, created ${new Date(c.createdAt).toISOString()}, customer ${c.customerId ?? "-"}`,
  );
  log(
    `  status changes: ${c.statusChanges.map((s) => `${s.from === undefined ? "" : `${s.from} -> `}${s.to} by ${s.by ?? "?"}`).join(", ") || "none"}`,
  );
  for (const [i, m] of c.messages.entries()) {
    const text = m.text ?? "";
    const speaker = m.author === "customer" ? "customer" : m.author === "bot" ? "bot" : "agent";
    const act = classifyAct(text, { speaker });
    const type = classifyInteraction(text).label;
    const short = text.length > 60 ? `${text.slice(0, 57)}...` : text;
    log(`  [${i}] ${m.author} ${m.visibility}: "${short}" -> act ${act.act}, type ${type}`);
  }
}

export async function main(log: (line: string) => void = console.log): Promise<void> {
  // --- Zendesk: a ticket and its audits -------------------------------------------------------------
  const ticketResponse = fixture("zendesk-ticket.json");
  const auditsResponse = fixture("zendesk-ticket-audits.json");
  log("Zendesk: zendesk-ticket.json with zendesk-ticket-audits.json");

  // The audits response is the first page of several (next_page is set) and belongs to ticket 1, not 7.
  // The adapter refuses to lose data silently and names each problem by its path in the payload.
  try {
    fromZendesk({ ticket: ticketResponse, audits: auditsResponse });
  } catch (error) {
    if (!(error instanceof TouchpointError)) throw error;
    const issues = error.value as { path: string; code: string }[];
    log(`  rejected as is (${error.code}): ${issues.map((i) => `${i.path} [${i.code}]`).join("; ")}`);
  }

  // The recordings come from different tickets, so the ticket's id is set to the audits' ticket_id,
  // and the one page of audits recorded is passed as a list. Every other value is the fixture's.
  const ticket = { ...(ticketResponse.ticket as Record<string, unknown>), id: 1 };
  const audits = auditsResponse.audits as unknown[];
  const zendesk = fromZendesk({ ticket, audits });
  show(log, zendesk);

  // --- Chatwoot: webhooks ---------------------------------------------------------------------------
  log("");
  log("Chatwoot: message_created (docs example) and conversation_status_changed (synthetic)");
  // An invented message_created webhook of a customer with a real problem, in Chatwoot's shape.
  const ourWebhook = {
    event: "message_created",
    id: 7001,
    content: "I was charged twice for March and I need the refund today, this is the second time!",
    created_at: "2026-03-02T10:15:00Z",
    message_type: "incoming",
    private: false,
    sender: { id: 88, name: "Mira", type: "contact" },
    conversation: { id: 512, status: "open", channel: "Channel::WebWidget" },
  };
  const payloads: unknown[] = [
    fixture("chatwoot-webhook-message_created.json"),
    fixture("chatwoot-webhook-conversation_status_changed.SYNTHETIC.json"),
    ourWebhook,
    { event: "message_created", id: 7002, message_type: "sideways" }, // broken on purpose
  ];
  const batch = adaptBatch(fromChatwoot, payloads);
  log(`  ${payloads.length} payloads: ${batch.data.length} adapted, ${batch.errors.length} rejected`);
  for (const error of batch.errors) {
    log(`  rejected #${error.index}: ${error.issues.map((i) => `${i.path}: ${i.message}`).join("; ")}`);
  }
  for (const c of batch.data) show(log, c);

  // --- What to do with the customer's message ----------------------------------------------------------
  const ours = batch.data.find((c) => c.id === "512");
  const text = ours?.messages[0]?.text ?? "";
  const scenario = classifyScenario({ text, customer: { purchases: 3 } });
  const advice = recommend({
    classification: [scenario, classifyInteraction(text)],
    stage: "greeting",
    channel: ours?.channel ?? "chat",
  });
  log("");
  log(
    `Conversation 512: scenario ${scenario.scenario} (${scenario.category}), because ${scenario.reasons.join("; ")}`,
  );
  log(`  playbook ${advice.playbook.id}: ${advice.step.action}`);
  log(
    `  escalate: ${advice.escalate}${advice.escalationReasons.length > 0 ? ` (${advice.escalationReasons.join("; ")})` : ""}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
