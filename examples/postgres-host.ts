/*
 * A real database behind live conversations: snapshots, the outbox and the SLA wake-ups in Postgres
 * tables, a Chatwoot webhook receiver and a worker, all through touchpoint/host's runStep
 * (compare-and-set, one commit for the snapshot, its emitted events and its wake-ups).
 *
 * With DATABASE_URL set it uses that server (in a schema of its own, dropped at the end); without
 * it, PGlite, Postgres compiled to WebAssembly, in this process: nothing to install.
 *
 * Run it: npx tsx --tsconfig tsconfig.test.json examples/postgres-host.ts
 *         DATABASE_URL=postgres://user@127.0.0.1:5432/db npx tsx --tsconfig tsconfig.test.json examples/postgres-host.ts
 */
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import type { ConversationEmitted, ConversationEvent } from "touchpoint/conversation";
import { dropSchema, openDatabase } from "./postgres-host/db.js";
import { PostgresStore } from "./postgres-host/postgres-store.js";
import { receiveChatwootWebhook } from "./postgres-host/receiver.js";
import { migrate } from "./postgres-host/schema.js";
import { workOnce } from "./postgres-host/worker.js";

const MINUTE = 60_000;
const clock = (at: number) => new Date(at).toISOString().slice(0, 16).replace("T", " ");

/** The Chatwoot fixture (a customer's message in conversation 0, 2020-08-30 15:43 UTC). */
export function chatwootFixture(): Record<string, unknown> {
  return JSON.parse(
    readFileSync(
      new URL("../test/fixtures/helpdesk/chatwoot-webhook-message_created.json", import.meta.url),
      "utf8",
    ),
  ) as Record<string, unknown>;
}

export async function main(log: (line: string) => void = console.log): Promise<void> {
  const url = process.env.DATABASE_URL;
  const schema = url ? `tp_example_${process.pid}_${Date.now()}` : undefined;
  const db = await openDatabase({ url, ...(schema === undefined ? {} : { schema }) });
  log(`database: ${db.kind === "server" ? "Postgres server (DATABASE_URL)" : "PGlite (no DATABASE_URL)"}`);
  try {
    await migrate(db);
    const store = new PostgresStore<ConversationEvent, ConversationEmitted>(db);
    const input = { priority: "urgent" as const };

    const customer = chatwootFixture();
    const sentAt = Date.parse(String(customer.created_at));
    log(`[${clock(sentAt)}] webhook message_created #${customer.id}`);
    log(`  -> ${(await receiveChatwootWebhook(JSON.stringify(customer), { store, input })).body}`);
    log(`[${clock(sentAt)}] the same webhook again (Chatwoot retried)`);
    log(`  -> ${(await receiveChatwootWebhook(JSON.stringify(customer), { store, input })).body}`);

    const deliver = (m: { key: string; event: ConversationEmitted }) => {
      const kind = "kind" in m.event ? ` (${m.event.kind})` : "";
      log(`  outbox -> conversation ${m.key}: ${m.event.type}${kind} at ${clock(m.event.at)}`);
    };
    for (const minutes of [30, 50, 75]) {
      const now = sentAt + minutes * MINUTE;
      const done = await workOnce(now, { db, store, deliver });
      log(
        `[${clock(now)}] worker: ${done.wakeups} wake-up(s) delivered, ${done.relayed} outbox row(s) relayed`,
      );
    }

    // An agent's reply, as Chatwoot sends it: an outgoing message from a user.
    const reply = {
      ...customer,
      id: 1,
      content: "Hi, thanks for waiting. I am looking into it now.",
      created_at: new Date(sentAt + 80 * MINUTE).toISOString(),
      message_type: "outgoing",
      sender: { id: 3, name: "Sam", type: "user" },
    };
    log(`[${clock(sentAt + 80 * MINUTE)}] webhook message_created #1 (agent)`);
    log(`  -> ${(await receiveChatwootWebhook(reply, { store, input })).body}`);

    const { rows } = await db.query<{
      key: string;
      version: number;
      snapshot: { snapshot: { value: unknown } };
    }>("SELECT key, version, snapshot FROM tp_instances ORDER BY key");
    for (const row of rows)
      log(`stored ${row.key}: version ${row.version}, ${JSON.stringify(row.snapshot.snapshot.value)}`);
    const wakeups = await db.query<{ timer_id: string; at: string }>(
      "SELECT timer_id, at FROM tp_wakeups ORDER BY at",
    );
    log(
      `wake-ups: ${wakeups.rows.map((w) => `${w.timer_id.split(".")[2]} at ${clock(Number(w.at))}`).join(", ") || "none"}`,
    );
    const applied = await db.query<{ event_id: string | null }>(
      "SELECT event_id FROM tp_applied ORDER BY key, version",
    );
    log(`applied: ${applied.rows.map((a) => a.event_id).join(", ")}`);
  } finally {
    if (schema !== undefined) await dropSchema(db, schema);
    await db.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
