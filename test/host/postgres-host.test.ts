// examples/postgres-host/ against PGlite always, and against a real Postgres server when
// DATABASE_URL is set (.ci/run starts one when it can): the proof with crashes injected inside the
// transactions, the outbox relay, upgrades of stored snapshots, and (server only) processes killed
// with SIGKILL.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CONVERSATION_MACHINE_VERSION,
  type ConversationEmitted,
  type ConversationEvent,
} from "touchpoint/conversation";
import { conversationHost, runStep } from "touchpoint/host";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Db, dropSchema, openDatabase } from "../../examples/postgres-host/db.js";
import { killTest } from "../../examples/postgres-host/kill-test.js";
import { type FaultPoint, PostgresStore, relayOutbox } from "../../examples/postgres-host/postgres-store.js";
import {
  InjectedCrash,
  postgresBackend,
  random,
  runProof,
  withLatency,
} from "../../examples/postgres-host/proof.js";
import { receiveChatwootWebhook } from "../../examples/postgres-host/receiver.js";
import { migrate } from "../../examples/postgres-host/schema.js";

const url = process.env.DATABASE_URL;
const machine = conversationHost();
type Store = PostgresStore<ConversationEvent, ConversationEmitted>;

/** A store whose process "dies" with probability `rate` at each fault point (before-commit: inside the open transaction). */
function faultyStore(db: Db, rate: number, seed: number) {
  const rng = random(seed);
  const crashes: Record<FaultPoint, number> = {
    "after-load": 0,
    "before-commit": 0,
    "after-commit": 0,
    "after-claim": 0,
  };
  const store: Store = new PostgresStore(db, {
    leaseMs: 200,
    fault(point) {
      if (rng() < (point === "after-claim" ? 0.3 : rate)) {
        crashes[point]++;
        throw new InjectedCrash(point);
      }
    },
  });
  return { store, crashes };
}

function fixture(name: string): { snapshot: { context: { conversationId: string; now: number } } } {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../conversation/fixtures/${name}`, import.meta.url)), "utf8"),
  );
}

const suites: [string, string | undefined][] = [["PGlite (embedded)", undefined]];
if (url) suites.push(["Postgres server (DATABASE_URL)", url]);

for (const [name, databaseUrl] of suites) {
  describe(name, () => {
    const schema = `tp_test_${process.pid}_${databaseUrl ? "server" : "lite"}`;
    let db: Db;
    beforeAll(async () => {
      db = await openDatabase({ url: databaseUrl, schema, max: 20 });
      if (databaseUrl)
        await db.query("DROP TABLE IF EXISTS tp_applied, tp_outbox, tp_wakeups, tp_instances CASCADE");
      await migrate(db);
    }, 120_000);
    afterAll(async () => {
      if (databaseUrl) await dropSchema(db, schema);
      await db?.close();
    });

    const size = databaseUrl
      ? { events: 2000, conversations: 100, writers: 50 }
      : { events: 400, conversations: 40, writers: 50 };
    it(`proof: ${size.writers} writers, ${size.events} events over ${size.conversations} conversations, crashes injected at every point`, async () => {
      const { store, crashes } = faultyStore(db, 0.03, 7);
      // PGlite runs one query at a time in this process: the latency lets writers interleave between load and commit.
      const proofStore = databaseUrl ? store : withLatency(store, 2, 9);
      const report = await runProof(postgresBackend(db, proofStore), { ...size, seed: 3 });
      expect(report.failures).toEqual([]);
      expect(report.applied).toBe(size.events);
      expect(report.overlappingPairs).toBeGreaterThan(0);
      expect(report.conflicts).toBeGreaterThan(0);
      expect(report.slaBreaches).toBeGreaterThan(0);
      for (const point of Object.keys(crashes) as FaultPoint[])
        expect(crashes[point], point).toBeGreaterThan(0);
    }, 600_000);

    it("receives a Chatwoot message_created webhook once, however often it is delivered", async () => {
      const store: Store = new PostgresStore(db);
      const payload = JSON.parse(
        readFileSync(
          fileURLToPath(
            new URL("../fixtures/helpdesk/chatwoot-webhook-message_created.json", import.meta.url),
          ),
          "utf8",
        ),
      ) as Record<string, unknown>;
      const body = JSON.stringify({
        ...payload,
        conversation: { ...(payload.conversation as object), id: 9001 },
      });
      const first = await receiveChatwootWebhook(body, { store });
      const again = await receiveChatwootWebhook(body, { store });
      expect(first).toEqual({ status: 200, body: "applied customer.message as version 1" });
      expect(again.body).toBe("duplicate: already applied");
      const { rows } = await db.query<{ event_id: string }>(
        "SELECT event_id FROM tp_applied WHERE key = '9001'",
      );
      expect(rows).toEqual([{ event_id: `chatwoot:message:${payload.id}` }]);
      expect((await receiveChatwootWebhook("{", { store })).status).toBe(422);
      expect((await receiveChatwootWebhook({ event: "message_created", id: 1 }, { store })).status).toBe(422);
      expect((await receiveChatwootWebhook({ event: "conversation_created" }, { store })).status).toBe(202);
    });

    it("relays each outbox row once; a relay that dies mid-way leaves its rows for the next", async () => {
      const store: Store = new PostgresStore(db);
      const key = "relay-1";
      await runStep({
        store,
        machine,
        key,
        input: { conversationId: key, startedAt: 0, priority: "urgent" },
        event: { type: "customer.message", at: 0 },
      });
      await runStep({ store, machine, key, event: { type: "clock.tick", at: 4 * 3_600_000 } });
      await db.query("UPDATE tp_outbox SET delivered_at = now() WHERE key <> $1", [key]);
      await expect(
        relayOutbox(db, () => {
          throw new Error("relay died");
        }),
      ).rejects.toThrow("relay died");
      const seen: string[] = [];
      await relayOutbox<ConversationEmitted>(db, (m) => {
        seen.push(`${m.event.type} ${"kind" in m.event ? m.event.kind : ""}`);
      });
      // Four hours of silence on an urgent conversation (1 h first response, 4 h resolution, warned
      // at 75 %): the first-response warning and breach, and the resolution warning at 3 h.
      expect(seen).toEqual([
        "sla.warning firstResponse",
        "sla.breached firstResponse",
        "sla.warning resolution",
      ]);
      expect(await relayOutbox(db, () => {})).toBe(0);
    });

    it.each([["snapshot-v1.json"], ["snapshot-v2.json"]])(
      "migrates a stored %s on load and saves it in the current version",
      async (file) => {
        const old = fixture(file);
        const key = `upgrade-${file}`;
        await db.query(
          "INSERT INTO tp_instances (key, version, status, snapshot) VALUES ($1, 1, 'active', $2)",
          [key, JSON.stringify(old)],
        );
        const store: Store = new PostgresStore(db);
        await runStep({
          store,
          machine,
          key,
          event: { type: "agent.message", at: old.snapshot.context.now + 60_000 },
        });
        const { rows } = await db.query<{ version: number; snapshot: { machineVersion: number } }>(
          "SELECT version, snapshot FROM tp_instances WHERE key = $1",
          [key],
        );
        expect(rows[0]?.version).toBe(2);
        expect(rows[0]?.snapshot.machineVersion).toBe(CONVERSATION_MACHINE_VERSION);
      },
    );
  });
}

describe.runIf(url)("Postgres server: processes killed with SIGKILL", () => {
  it("loses no event and applies none twice while senders and the worker are killed and restarted", async () => {
    const report = await killTest({ url: url as string, events: 300, conversations: 30, maxKills: 4 });
    expect(report.failures).toEqual([]);
    expect(report.applied).toBe(300);
    expect(report.kills).toBeGreaterThan(0);
  }, 900_000);
});

it.skipIf(url)("the Postgres server suites need DATABASE_URL (.ci/run starts a server when it can)", () => {
  console.log(
    "test/host/postgres-host.test.ts: DATABASE_URL is not set: ran on PGlite only, not on a Postgres server",
  );
});
