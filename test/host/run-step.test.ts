import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import {
  CONVERSATION_MACHINE_VERSION,
  type ConversationEmitted,
  type ConversationEvent,
  defaultSlaTargets,
  restore,
  step,
} from "touchpoint/conversation";
import {
  type CommitOutcome,
  conversationHost,
  type HostCommit,
  MemoryStore,
  runDueWakeups,
  runStep,
  type SnapshotStore,
  TouchpointError,
  wakeupEventId,
} from "touchpoint/host";
import { describe, expect, it } from "vitest";
import {
  memoryBackend,
  type ProofStore,
  runProof,
  withFaults,
  withLatency,
} from "../../examples/postgres-host/proof.js";

type Store = MemoryStore<ConversationEvent, ConversationEmitted>;
const MINUTE = 60_000;
const machine = conversationHost();
const urgent = { conversationId: "c-1", startedAt: 0, priority: "urgent" as const };
// Zendesk-style urgent target (1 h first response), warned at 75 % of it: the machine's documented defaults.
const FIRST_RESPONSE = defaultSlaTargets.urgent.firstResponseMs as number;
const WARN_AT = 0.75 * FIRST_RESPONSE;

async function codeOf(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(TouchpointError);
    return (error as TouchpointError).code;
  }
  return undefined;
}

function fixture(name: string): unknown {
  return JSON.parse(
    readFileSync(fileURLToPath(new URL(`../conversation/fixtures/${name}`, import.meta.url)), "utf8"),
  );
}

describe("runStep", () => {
  it("starts an instance from its input and commits the snapshot, outbox and wake-ups together", async () => {
    const store: Store = new MemoryStore();
    const result = await runStep({
      store,
      machine,
      key: "c-1",
      input: urgent,
      event: { type: "customer.message", at: 0 },
      eventId: "m-1",
    });
    expect(result).toMatchObject({ outcome: "applied", version: 1, attempts: 1 });
    expect(store.history("c-1")).toEqual([
      { version: 1, eventId: "m-1", event: { type: "customer.message", at: 0 } },
    ]);
    expect(store.wakeups("c-1").map((w) => w.at)).toEqual([WARN_AT]);
    const stored = await store.load("c-1");
    expect(stored?.version).toBe(1);
    expect(restore(stored?.snapshot).context.customerMessages).toBe(1);
  });

  it("applies an event id once: a redelivered webhook changes nothing", async () => {
    const store: Store = new MemoryStore();
    const send = () =>
      runStep({
        store,
        machine,
        key: "c-1",
        input: urgent,
        event: { type: "customer.message", at: 0 },
        eventId: "m-1",
      });
    await send();
    const again = await send();
    expect(again).toMatchObject({ outcome: "duplicate", version: 1, step: null });
    expect(store.history("c-1")).toHaveLength(1);
    // Without an id, the same event is a new one.
    await runStep({ store, machine, key: "c-1", event: { type: "customer.message", at: 0 } });
    expect(store.history("c-1")).toHaveLength(2);
  });

  it("retries from the fresh snapshot when a concurrent writer committed first, losing neither event", async () => {
    const store: Store = new MemoryStore();
    await runStep({ store, machine, key: "c-1", input: urgent, event: { type: "customer.message", at: 0 } });
    let raced = false;
    // Between this writer's load and its commit, another writer commits the agent's greeting.
    const racing: SnapshotStore<ConversationEvent, ConversationEmitted> = {
      load: (key) => store.load(key),
      async commit(change) {
        if (!raced) {
          raced = true;
          await runStep({
            store,
            machine,
            key: "c-1",
            event: { type: "agent.greet", at: 2 * MINUTE },
            eventId: "greet",
          });
        }
        return store.commit(change);
      },
    };
    const result = await runStep({
      store: racing,
      machine,
      key: "c-1",
      event: { type: "customer.message", at: 3 * MINUTE },
      eventId: "second",
      backoff: async () => {},
    });
    expect(result).toMatchObject({ outcome: "applied", version: 3, attempts: 2 });
    expect(store.history("c-1").map((h) => h.eventId)).toEqual([null, "greet", "second"]);
    const context = restore((await store.load("c-1"))?.snapshot).context;
    expect(context.firstResponseAt).toBe(2 * MINUTE);
    expect(context.customerMessages).toBe(2);
  });

  it("gives up with host_conflict after maxAttempts lost races", async () => {
    const store: Store = new MemoryStore();
    await runStep({ store, machine, key: "c-1", input: urgent });
    let commits = 0;
    const alwaysBehind: SnapshotStore = {
      load: (key) => store.load(key),
      commit: async (): Promise<CommitOutcome> => {
        commits++;
        return "conflict";
      },
    };
    const code = await codeOf(
      runStep({
        store: alwaysBehind,
        machine,
        key: "c-1",
        event: { type: "agent.greet", at: 1 },
        maxAttempts: 3,
        backoff: async () => {},
      }),
    );
    expect(code).toBe("host_conflict");
    expect(commits).toBe(3);
  });

  it("refuses a missing instance without input, and bad arguments, by name", async () => {
    const store: Store = new MemoryStore();
    expect(
      await codeOf(runStep({ store, machine, key: "nope", event: { type: "agent.greet", at: 0 } })),
    ).toBe("host_not_found");
    expect(await codeOf(runStep({ store, machine, key: "", event: { type: "agent.greet", at: 0 } }))).toBe(
      "invalid_argument",
    );
    expect(await codeOf(runStep({ store, machine, key: "k" }))).toBe("invalid_argument");
    expect(
      await codeOf(runStep({ store: {} as never, machine, key: "k", event: { type: "agent.greet", at: 0 } })),
    ).toBe("invalid_argument");
    expect(
      await codeOf(runStep({ store, machine: {} as never, key: "k", event: { type: "agent.greet", at: 0 } })),
    ).toBe("invalid_argument");
    expect(await codeOf(runStep({ store, machine, key: "k", input: urgent, maxAttempts: 0 }))).toBe(
      "invalid_argument",
    );
    // The machine's own errors pass through: an invalid input.
    expect(
      await codeOf(runStep({ store, machine, key: "k", input: { conversationId: "", startedAt: 0 } })),
    ).toBe("invalid_input");
  });

  it("a start-only call on an existing instance changes nothing", async () => {
    const store: Store = new MemoryStore();
    await runStep({ store, machine, key: "c-1", input: urgent });
    expect((await runStep({ store, machine, key: "c-1", input: urgent })).outcome).toBe("duplicate");
    expect(store.history("c-1")).toHaveLength(1);
  });
});

describe("runDueWakeups", () => {
  it("delivers the first-response warning at 75 % of the hour and the breach just after it, once each", async () => {
    const store: Store = new MemoryStore();
    await runStep({ store, machine, key: "c-1", input: urgent, event: { type: "customer.message", at: 0 } });
    expect(await runDueWakeups({ store, queue: store, machine, now: WARN_AT - 1 })).toEqual([]);
    await runDueWakeups({ store, queue: store, machine, now: 2 * FIRST_RESPONSE });
    await runDueWakeups({ store, queue: store, machine, now: 2 * FIRST_RESPONSE });
    const sla = store.outbox.map((row) => row.event).filter((e) => e.type.startsWith("sla."));
    expect(sla).toEqual([
      {
        type: "sla.warning",
        conversationId: "c-1",
        kind: "firstResponse",
        at: WARN_AT,
        dueAt: FIRST_RESPONSE,
      },
      // A reply at the due time is in time: the breach is the millisecond after.
      {
        type: "sla.breached",
        conversationId: "c-1",
        kind: "firstResponse",
        at: FIRST_RESPONSE + 1,
        dueAt: FIRST_RESPONSE,
      },
    ]);
    expect(store.history("c-1").map((h) => h.eventId)).toEqual([
      null,
      wakeupEventId("xstate.after.slaDeadline.conversation.active", WARN_AT),
      wakeupEventId("xstate.after.slaDeadline.conversation.active", FIRST_RESPONSE + 1),
    ]);
  });

  it("a wake-up claimed again after its worker died is applied once", async () => {
    let time = 0;
    const store: Store = new MemoryStore({ leaseMs: 100, clock: () => time });
    await runStep({ store, machine, key: "c-1", input: urgent, event: { type: "customer.message", at: 0 } });
    const [claimed] = await store.claim(WARN_AT, 10);
    expect(claimed?.at).toBe(WARN_AT);
    // Leased: nobody else gets it until the lease runs out.
    expect(await store.claim(WARN_AT, 10)).toEqual([]);
    time = 101;
    const [again] = await store.claim(WARN_AT, 10);
    expect(again).toEqual(claimed);
    // Both deliveries go through; the first commit wins, the second is a duplicate.
    const deliver = (w: NonNullable<typeof claimed>) =>
      runStep({ store, machine, key: w.key, event: w.event, eventId: wakeupEventId(w.id, w.at), wakeup: w });
    const outcomes = await Promise.all([deliver(claimed as never), deliver(again as never)]);
    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["applied", "duplicate"]);
    expect(store.outbox.filter((row) => row.event.type === "sla.warning")).toHaveLength(1);
  });

  it("rejects a now that is not a finite number", async () => {
    const store: Store = new MemoryStore();
    expect(await codeOf(runDueWakeups({ store, queue: store, machine, now: Number.NaN }))).toBe(
      "invalid_argument",
    );
  });
});

describe("MemoryStore", () => {
  const change = (over: Partial<HostCommit>): HostCommit => ({
    key: "k",
    expectedVersion: null,
    version: 1,
    snapshot: { n: 1 },
    status: "active",
    event: null,
    eventId: null,
    emitted: [],
    scheduled: [],
    cancelled: [],
    delivered: null,
    ...over,
  });

  it("removes a delivered wake-up only when its instant is unchanged, and replaces wake-ups by id", async () => {
    const store = new MemoryStore();
    const tick = (at: number) => ({ id: "t", at, event: { type: "clock.tick", at } });
    await store.commit(change({ scheduled: [tick(10)] }));
    // A step rescheduled the timer to 20 while the wake-up at 10 was being delivered: 20 stays.
    await store.commit(change({ expectedVersion: 1, version: 2, scheduled: [tick(20)] }));
    await store.commit(change({ expectedVersion: 2, version: 3, delivered: { id: "t", at: 10 } }));
    expect(store.wakeups("k")).toEqual([tick(20)]);
    await store.commit(change({ expectedVersion: 3, version: 4, delivered: { id: "t", at: 20 } }));
    expect(store.wakeups("k")).toEqual([]);
  });

  it("refuses a version that does not follow the expected one, and a negative lease", async () => {
    const store = new MemoryStore();
    await expect(store.commit(change({ version: 5 }))).rejects.toThrow(/expected version 1/);
    expect(() => new MemoryStore({ leaseMs: -1 })).toThrow(TouchpointError);
  });
});

describe("upgrades", () => {
  it.each([
    ["snapshot-v1.json", 1],
    ["snapshot-v2.json", 2],
  ])(
    "a snapshot saved by machine version %s is migrated on load and saved in the current version",
    async (name, version) => {
      const stored = fixture(name) as {
        machineVersion: number;
        snapshot: { context: { conversationId: string; now: number } };
      };
      expect(stored.machineVersion).toBe(version);
      const key = stored.snapshot.context.conversationId;
      const store: Store = new MemoryStore();
      await store.commit({
        key,
        expectedVersion: null,
        version: 1,
        snapshot: stored,
        status: "active",
        event: null,
        eventId: null,
        emitted: [],
        scheduled: [],
        cancelled: [],
        delivered: null,
      });
      const event: ConversationEvent = { type: "agent.message", at: stored.snapshot.context.now + MINUTE };
      const result = await runStep({ store, machine, key, event });
      expect(result.version).toBe(2);
      const saved = (await store.load(key))?.snapshot as { machineVersion: number };
      expect(saved.machineVersion).toBe(CONVERSATION_MACHINE_VERSION);
      // The same as restoring the old envelope with touchpoint/conversation and stepping it directly.
      expect(saved).toEqual(step(stored, event).snapshot);
    },
  );
});

describe("the proof on MemoryStore (50 writers, 2,000 events, 100 conversations)", () => {
  it("applies every event exactly once, in order, equal to a sequential replay, with crashes injected", async () => {
    const memory: Store = new MemoryStore({ leaseMs: 20 });
    const store = withFaults(withLatency(memory, 2, 5), 0.05, 3, 0.3);
    const report = await runProof(memoryBackend(memory, store), {
      events: 2000,
      conversations: 100,
      writers: 50,
    });
    expect(report.failures).toEqual([]);
    expect(report.applied).toBe(2000);
    // The run really raced and really crashed at every point.
    expect(report.conflicts).toBeGreaterThan(0);
    expect(report.overlappingPairs).toBeGreaterThan(0);
    expect(store.crashes, JSON.stringify(report)).toEqual({
      "after-load": expect.any(Number),
      "before-commit": expect.any(Number),
      "after-commit": expect.any(Number),
      "after-claim": expect.any(Number),
    });
    expect(
      Object.values(store.crashes).every((n) => n > 0),
      JSON.stringify(store.crashes),
    ).toBe(true);
    expect(report.slaBreaches).toBeGreaterThan(0);
  }, 60_000);

  it("catches a store without compare-and-set (last writer wins) and one without event ids", async () => {
    const memory: Store = new MemoryStore({ leaseMs: 20 });
    const inner = withLatency(memory, 2, 5);
    const lastWriterWins: ProofStore = {
      ...inner,
      load: (key) => inner.load(key),
      claim: (now, limit) => inner.claim(now, limit),
      async commit(change) {
        const current = (await memory.load(change.key))?.version ?? null;
        return memory.commit({ ...change, expectedVersion: current, version: (current ?? 0) + 1 });
      },
    };
    const lost = await runProof(memoryBackend(memory, lastWriterWins), {
      events: 400,
      conversations: 20,
      writers: 20,
    });
    expect(lost.failures.some((f) => /differs from the sequential replay|applied after/.test(f))).toBe(true);

    const memory2: Store = new MemoryStore({ leaseMs: 20 });
    const faulty = withFaults(withLatency(memory2, 2, 5), 0.05, 3);
    const noIds: ProofStore = {
      load: (key) => faulty.load(key),
      claim: (now, limit) => faulty.claim(now, limit),
      commit: (change) => faulty.commit({ ...change, eventId: null }),
    };
    const twice = await runProof(memoryBackend(memory2, noIds), {
      events: 400,
      conversations: 20,
      writers: 20,
    });
    expect(twice.failures.some((f) => /applied 2 times|step without an event id/.test(f))).toBe(true);
  }, 60_000);
});
