/*
 * The host's proof, for any store: concurrent writers send a stream of conversation events (with
 * random delays, events of one conversation often in flight at once), workers deliver the due
 * wake-ups meanwhile, and faults can be injected. Then it checks, from what the store kept:
 *   - every event sent was applied exactly once (by event id), and nothing else but wake-ups;
 *   - per conversation, an event acknowledged before another was sent is applied before it;
 *   - the stored snapshot equals a sequential replay of the applied events, from the same input;
 *   - the outbox holds exactly what that replay emitted, in order (so every SLA warning and
 *     breach once), each emitted no earlier than its instant, and no wake-up due is left over.
 * test/host/ runs it small on MemoryStore and PGlite (and Postgres with DATABASE_URL);
 * scripts/host-proof.ts runs it at full size (50 writers, 10,000 events, 500 conversations).
 */
import type {
  ConversationEmitted,
  ConversationEvent,
  ConversationMachineInput,
} from "touchpoint/conversation";
import {
  type ConversationHostMachine,
  conversationHost,
  type HostStepOutput,
  type MemoryStore,
  runDueWakeups,
  runStep,
  type SnapshotStore,
  type WakeupQueue,
} from "touchpoint/host";
import type { Db } from "./db.js";

export type ProofStore = SnapshotStore<ConversationEvent, ConversationEmitted> &
  WakeupQueue<ConversationEvent>;

/** What the proof reads back from a store after the run. */
export interface ProofBackend {
  store: ProofStore;
  /** Committed steps per key, by version. */
  history(): Promise<
    Map<string, { version: number; eventId: string | null; event: ConversationEvent | null }[]>
  >;
  /** Outbox rows per key, in commit order. */
  outbox(): Promise<Map<string, { version: number; event: ConversationEmitted }[]>>;
  /** The stored snapshot per key. */
  snapshots(): Promise<Map<string, { version: number; snapshot: unknown }>>;
  /** Wake-ups still stored. */
  wakeups(): Promise<{ key: string; id: string; at: number }[]>;
}

/** A ProofBackend over the example's Postgres tables. */
export function postgresBackend(db: Db, store: ProofStore): ProofBackend {
  const group = <T extends { key: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.key);
      if (list === undefined) map.set(row.key, [row]);
      else list.push(row);
    }
    return map;
  };
  return {
    store,
    async history() {
      const { rows } = await db.query<{
        key: string;
        version: number;
        event_id: string | null;
        event: ConversationEvent | null;
      }>("SELECT key, version, event_id, event FROM tp_applied ORDER BY key, version");
      const map = group(rows);
      return new Map(
        [...map].map(([k, list]) => [
          k,
          list.map((r) => ({ version: r.version, eventId: r.event_id, event: r.event })),
        ]),
      );
    },
    async outbox() {
      const { rows } = await db.query<{ key: string; version: number; event: ConversationEmitted }>(
        "SELECT key, version, event FROM tp_outbox ORDER BY key, version, position",
      );
      const map = group(rows);
      return new Map(
        [...map].map(([k, list]) => [k, list.map((r) => ({ version: r.version, event: r.event }))]),
      );
    },
    async snapshots() {
      const { rows } = await db.query<{ key: string; version: number; snapshot: unknown }>(
        "SELECT key, version, snapshot FROM tp_instances",
      );
      return new Map(rows.map((r) => [r.key, { version: r.version, snapshot: r.snapshot }]));
    },
    async wakeups() {
      const { rows } = await db.query<{ key: string; timer_id: string; at: string }>(
        "SELECT key, timer_id, at FROM tp_wakeups",
      );
      return rows.map((r) => ({ key: r.key, id: r.timer_id, at: Number(r.at) }));
    },
  };
}

/** A ProofBackend over touchpoint/host's MemoryStore. */
export function memoryBackend(
  memory: MemoryStore<ConversationEvent, ConversationEmitted>,
  store: ProofStore = memory,
): ProofBackend {
  return {
    store,
    history: async () => new Map(memory.keys().map((k) => [k, memory.history(k)])),
    async outbox() {
      const map = new Map<string, { version: number; event: ConversationEmitted }[]>();
      for (const row of memory.outbox) {
        const list = map.get(row.key) ?? [];
        list.push({ version: row.version, event: row.event });
        map.set(row.key, list);
      }
      return map;
    },
    async snapshots() {
      const map = new Map<string, { version: number; snapshot: unknown }>();
      for (const key of memory.keys()) {
        const stored = await memory.load(key);
        if (stored !== null) map.set(key, stored);
      }
      return map;
    },
    wakeups: async () =>
      memory.keys().flatMap((key) => memory.wakeups(key).map((w) => ({ key, id: w.id, at: w.at }))),
  };
}

/** The error {@link withFaults} throws: a process that died at that point. */
export class InjectedCrash extends Error {}

/**
 * Wraps a store so that, with probability `rate` at each point, the caller "dies": after a load
 * (the step is never saved), before a commit (nothing written), after a commit (written, but the
 * caller never hears so and retries), after a claim (the wake-ups stay leased until the lease ends).
 */
export function withFaults(
  store: ProofStore,
  rate: number,
  seed: number,
  claimRate = rate,
): ProofStore & { crashes: Record<string, number> } {
  const rng = random(seed);
  const crashes: Record<string, number> = {
    "after-load": 0,
    "before-commit": 0,
    "after-commit": 0,
    "after-claim": 0,
  };
  const maybe = (point: string) => {
    if (rng() < (point === "after-claim" ? claimRate : rate)) {
      crashes[point] = (crashes[point] ?? 0) + 1;
      throw new InjectedCrash(point);
    }
  };
  return {
    crashes,
    async load(key) {
      const stored = await store.load(key);
      maybe("after-load");
      return stored;
    },
    async commit(change) {
      maybe("before-commit");
      const outcome = await store.commit(change);
      if (outcome === "committed") maybe("after-commit");
      return outcome;
    },
    async claim(now, limit) {
      const claimed = await store.claim(now, limit);
      if (claimed.length > 0) maybe("after-claim");
      return claimed;
    },
  };
}

/** Wraps a store so that each call takes up to `maxMs` (random): an in-memory store then interleaves like a remote one. */
export function withLatency(store: ProofStore, maxMs: number, seed: number): ProofStore {
  const rng = random(seed);
  const pause = () => new Promise((resolve) => setTimeout(resolve, rng() * maxMs));
  return {
    async load(key) {
      const stored = await store.load(key);
      await pause();
      return stored;
    },
    async commit(change) {
      await pause();
      return store.commit(change);
    },
    claim: (now, limit) => store.claim(now, limit),
  };
}

/** JSON with object keys sorted: Postgres' jsonb does not keep key order. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "object" && v !== null && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** The benches' seeded generator (mulberry32). */
export function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface ProofOptions {
  events: number;
  conversations: number;
  writers: number;
  /** Concurrent wake-up workers while the writers run (default 2). */
  workers?: number;
  /** Random delay before each send, up to this many ms (default 3). */
  maxDelayMs?: number;
  seed?: number;
  /** Retries of one send after an error (a crash the sender sees) before the proof fails (default 100). */
  maxRetries?: number;
  machine?: ConversationHostMachine;
  /** Which errors stand for an injected crash, to be retried (default: {@link InjectedCrash}). */
  isCrash?: (error: unknown) => boolean;
}

export interface SentEvent {
  key: string;
  eventId: string;
  event: ConversationEvent;
}

const MINUTE = 60_000;
const START = Date.UTC(2026, 2, 2, 9, 0);
const kinds: ConversationEvent["type"][] = [
  "customer.message",
  "agent.greet",
  "agent.message",
  "agent.restate",
  "customer.confirm",
  "agent.propose",
  "customer.accept",
  "customer.reject",
  "agent.deliver",
  "customer.message",
  "agent.note",
  "handoff",
  "agent.resolve",
  "customer.message",
];

/** The stream of events (sorted by time), and each conversation's start input. */
export function makeStream(options: ProofOptions): {
  stream: SentEvent[];
  inputs: Map<string, ConversationMachineInput>;
} {
  const rng = random(options.seed ?? 1);
  const inputs = new Map<string, ConversationMachineInput>();
  const clocks = new Map<string, number>();
  const priorities = ["low", "normal", "high", "urgent"] as const;
  for (let c = 0; c < options.conversations; c++) {
    const key = `conv-${c}`;
    const startedAt = START + Math.floor(rng() * 120) * MINUTE;
    inputs.set(key, {
      conversationId: key,
      startedAt,
      priority: priorities[Math.floor(rng() * 4)] ?? "normal",
    });
    clocks.set(key, startedAt);
  }
  const stream: SentEvent[] = [];
  for (let i = 0; i < options.events; i++) {
    // The first event of each conversation is the customer's message that opens it.
    const c = i < options.conversations ? i : Math.floor(rng() * options.conversations);
    const key = `conv-${c}`;
    const at =
      (clocks.get(key) ?? START) + (i < options.conversations ? 0 : Math.floor(rng() ** 3 * 240) * MINUTE);
    clocks.set(key, at);
    const type =
      i < options.conversations
        ? "customer.message"
        : (kinds[Math.floor(rng() * kinds.length)] ?? "agent.message");
    stream.push({ key, eventId: `evt-${i}`, event: { type, at } as ConversationEvent });
  }
  stream.sort((a, b) => a.event.at - b.event.at);
  return { stream, inputs };
}

export interface ProofReport {
  events: number;
  conversations: number;
  writers: number;
  workers: number;
  wallMs: number;
  applied: number;
  wakeupsDelivered: number;
  conflicts: number;
  duplicates: number;
  errorsRetried: number;
  overlappingPairs: number;
  emitted: number;
  slaWarnings: number;
  slaBreaches: number;
  failures: string[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs the writers and workers, then checks everything; `failures` is empty when the proof holds. */
export async function runProof(backend: ProofBackend, options: ProofOptions): Promise<ProofReport> {
  const machine = options.machine ?? conversationHost();
  const { stream, inputs } = makeStream(options);
  const rng = random((options.seed ?? 1) + 7);
  const maxDelay = options.maxDelayMs ?? 3;
  const maxRetries = options.maxRetries ?? 100;
  const workers = options.workers ?? 2;
  const isCrash = options.isCrash ?? ((error: unknown) => error instanceof InjectedCrash);
  const unexpected: unknown[] = [];
  let cursor = 0;
  let tick = 0; // logical clock: orders send starts and acknowledgements
  let now = START;
  let conflicts = 0;
  let duplicates = 0;
  let errorsRetried = 0;
  let wakeupsDelivered = 0;
  const startedAt = new Map<string, number>();
  const ackedAt = new Map<string, number>();
  const started = performance.now();

  const writer = async () => {
    while (cursor < stream.length) {
      const sent = stream[cursor++] as SentEvent;
      now = Math.max(now, sent.event.at);
      await sleep(rng() * maxDelay);
      startedAt.set(sent.eventId, ++tick);
      for (let attempt = 0; ; attempt++) {
        try {
          const result = await runStep({
            store: backend.store,
            machine,
            key: sent.key,
            event: sent.event,
            eventId: sent.eventId,
            input: inputs.get(sent.key) as ConversationMachineInput,
          });
          conflicts += result.attempts - 1;
          if (result.outcome === "duplicate") duplicates++;
          break;
        } catch (error) {
          if (!isCrash(error) || attempt >= maxRetries) throw error;
          errorsRetried++;
          await sleep(rng() * maxDelay);
        }
      }
      ackedAt.set(sent.eventId, ++tick);
    }
  };
  let writing = true;
  const worker = async () => {
    while (writing) {
      try {
        wakeupsDelivered += (
          await runDueWakeups({ store: backend.store, queue: backend.store, machine, now, limit: 32 })
        ).length;
      } catch (error) {
        if (!isCrash(error)) unexpected.push(error);
        errorsRetried++;
      }
      await sleep(1 + rng() * maxDelay);
    }
  };
  const workerRuns = Array.from({ length: workers }, worker);
  await Promise.all(Array.from({ length: options.writers }, writer));
  writing = false;
  await Promise.all(workerRuns);
  // Let time run a month past the last event: every wake-up still ahead falls due and is delivered.
  const end = now + 30 * 24 * 60 * MINUTE;
  const drained = await drainWakeups(backend, machine, end, isCrash);
  wakeupsDelivered += drained.delivered;
  errorsRetried += drained.crashes;
  unexpected.push(...drained.unexpected);
  const wallMs = performance.now() - started;
  const verdict = await verifyProof(backend, {
    machine,
    stream,
    inputs,
    startedAt,
    ackedAt,
    end,
    unexpected,
  });

  return {
    events: stream.length,
    conversations: options.conversations,
    writers: options.writers,
    workers,
    wallMs,
    wakeupsDelivered,
    conflicts,
    duplicates,
    errorsRetried,
    ...verdict,
  };
}

/** Delivers every wake-up due by `end`, retrying through injected crashes, until none is left. */
export async function drainWakeups(
  backend: ProofBackend,
  machine: ConversationHostMachine,
  end: number,
  isCrash: (error: unknown) => boolean = (error) => error instanceof InjectedCrash,
): Promise<{ delivered: number; crashes: number; unexpected: unknown[] }> {
  let delivered = 0;
  let crashes = 0;
  const unexpected: unknown[] = [];
  for (let rounds = 0; rounds < 2000; rounds++) {
    try {
      const n = (await runDueWakeups({ store: backend.store, queue: backend.store, machine, now: end }))
        .length;
      delivered += n;
      if (n === 0 && (await backend.wakeups()).every((w) => w.at > end)) break;
    } catch (error) {
      if (!isCrash(error)) unexpected.push(error);
      crashes++;
    }
    await sleep(5);
  }
  return { delivered, crashes, unexpected };
}

/** What a run leaves for {@link verifyProof}. */
export interface ProofRun {
  machine: ConversationHostMachine;
  stream: SentEvent[];
  inputs: Map<string, ConversationMachineInput>;
  /** When each event was first sent and when it was finally acknowledged (one clock for all senders). */
  startedAt: Map<string, number>;
  ackedAt: Map<string, number>;
  /** The instant every wake-up due by was delivered. */
  end: number;
  unexpected: unknown[];
  /** Two instants closer than this count as simultaneous (clocks of different processes). */
  margin?: number;
}

/** Checks what the store kept against what was sent; `failures` is empty when the proof holds. */
export async function verifyProof(
  backend: ProofBackend,
  run: ProofRun,
): Promise<{
  failures: string[];
  applied: number;
  overlappingPairs: number;
  emitted: number;
  slaWarnings: number;
  slaBreaches: number;
}> {
  const { machine, stream, inputs, startedAt, ackedAt, end, unexpected } = run;
  const margin = run.margin ?? 0;
  const failures: string[] = [];
  const fail = (line: string) => {
    if (failures.length < 20) failures.push(line);
  };
  for (const error of unexpected.slice(0, 5))
    fail(`unexpected error: ${error instanceof Error ? error.message : String(error)}`);
  const history = await backend.history();
  const outbox = await backend.outbox();
  const snapshots = await backend.snapshots();
  const sentById = new Map(stream.map((s) => [s.eventId, s]));

  // Exactly once.
  const seen = new Map<string, number>();
  let applied = 0;
  for (const [key, steps] of history) {
    for (const [i, s] of steps.entries()) {
      if (s.version !== i + 1) fail(`${key}: version ${s.version} at position ${i + 1}`);
      if (s.eventId === null) {
        fail(`${key}: a step without an event id`);
        continue;
      }
      if (s.eventId.startsWith("wakeup:")) continue;
      if (sentById.get(s.eventId)?.key !== key)
        fail(`${key}: applied ${s.eventId}, which was not sent to it`);
      seen.set(s.eventId, (seen.get(s.eventId) ?? 0) + 1);
      applied++;
    }
  }
  for (const s of stream) {
    const n = seen.get(s.eventId) ?? 0;
    if (n !== 1) fail(`${s.eventId} (${s.key}) applied ${n} times`);
  }

  // Real-time order per conversation.
  let overlappingPairs = 0;
  for (const [key, steps] of history) {
    const position = new Map(steps.map((s, i) => [s.eventId, i]));
    const mine = stream.filter((s) => s.key === key);
    for (const a of mine) {
      for (const b of mine) {
        if (a === b) continue;
        const ackA = ackedAt.get(a.eventId) ?? Infinity;
        const startB = startedAt.get(b.eventId) ?? -Infinity;
        if (ackA + margin < startB) {
          if ((position.get(a.eventId) ?? -1) > (position.get(b.eventId) ?? -1)) {
            fail(`${key}: ${a.eventId} was acknowledged before ${b.eventId} was sent, but applied after it`);
          }
        } else if (
          a.eventId < b.eventId &&
          (ackedAt.get(b.eventId) ?? Infinity) > (startedAt.get(a.eventId) ?? 0)
        ) {
          overlappingPairs++;
        }
      }
    }
  }

  // Sequential replay: snapshot and outbox.
  let emitted = 0;
  let slaWarnings = 0;
  let slaBreaches = 0;
  for (const [key, steps] of history) {
    const input = inputs.get(key) as ConversationMachineInput;
    let output: HostStepOutput<ConversationEmitted, ConversationEvent> = machine.start(input);
    const expected: { version: number; event: ConversationEmitted }[] = output.emitted.map((event) => ({
      version: 1,
      event,
    }));
    let stepTime = input.startedAt as number;
    const stepTimes = new Map<number, number>();
    for (const s of steps) {
      if (s.event !== null) {
        output = machine.step(output.snapshot, s.event);
        stepTime = Math.max(stepTime, s.event.at);
        for (const event of output.emitted) expected.push({ version: s.version, event });
      }
      stepTimes.set(s.version, stepTime);
    }
    const stored = snapshots.get(key);
    if (stored === undefined) {
      fail(`${key}: no stored snapshot`);
      continue;
    }
    if (stored.version !== steps.length)
      fail(`${key}: stored version ${stored.version}, ${steps.length} steps applied`);
    if (canonical(stored.snapshot) !== canonical(output.snapshot)) {
      fail(`${key}: the stored snapshot differs from the sequential replay of its ${steps.length} steps`);
    }
    const actual = outbox.get(key) ?? [];
    if (canonical(actual) !== canonical(expected)) {
      fail(
        `${key}: outbox ${JSON.stringify(actual.map((r) => r.event.type))} differs from the replay's ${JSON.stringify(expected.map((r) => r.event.type))}`,
      );
    }
    const once = new Set<string>();
    for (const row of actual) {
      emitted++;
      const e = row.event;
      if (e.type === "sla.warning" || e.type === "sla.breached") {
        if (e.type === "sla.warning") slaWarnings++;
        else slaBreaches++;
        const id = `${e.type}/${e.kind}/${e.dueAt}`;
        if (once.has(id)) fail(`${key}: ${id} emitted twice`);
        once.add(id);
        const when = stepTimes.get(row.version) ?? -Infinity;
        if (when < e.at) fail(`${key}: ${id} for ${e.at} emitted by a step at ${when}, before its instant`);
        if (e.type === "sla.breached" && e.at <= e.dueAt)
          fail(`${key}: breach at ${e.at}, not after its due time ${e.dueAt}`);
      }
    }
  }
  const leftover = (await backend.wakeups()).filter((w) => w.at <= end);
  if (leftover.length > 0) fail(`${leftover.length} wake-ups due by the end were never delivered`);

  return { failures, applied, overlappingPairs, emitted, slaWarnings, slaBreaches };
}
