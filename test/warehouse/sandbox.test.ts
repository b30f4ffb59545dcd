/**
 * The pack's scalar functions run in a bare JavaScript context, as BigQuery and Snowflake run them,
 * and agree with the library called directly, on the sample export and on random input.
 */
import vm from "node:vm";
import { beforeAll, describe, expect, it } from "vitest";
import { random } from "../../bench/lib/random.js";
import { berlinOffice } from "../../bench/lib/schedules.js";
import { bareContext } from "../../bench/lib/warehouse-sandbox.js";
import {
  classifyAct,
  classifyCategory,
  classifyConversation,
  classifyInteraction,
  classifyScenario,
  detectSignals,
} from "touchpoint/classify";
import { replayConversation } from "touchpoint/conversation";
import { businessDuration, businessSchedule, firstResponseTimes, resolutionTimes } from "touchpoint/metrics";
import { declarations } from "../../src/warehouse/declarations.js";
import { type Pack, pack, rejectedRecords, sampleConversations, validRecords } from "./pack.js";

let p: Pack;
beforeAll(async () => {
  p = await pack();
}, 60_000);

const conversations = sampleConversations;
const messages = conversations.flatMap((c) => c.messages.map((m) => ({ text: m.text, author: m.author })));

/** Random text from words of the sample and arbitrary characters, so rules see both. */
function randomTexts(n: number, seed: number): string[] {
  const next = random(seed);
  const words = messages.flatMap((m) => m.text.split(/\s+/)).slice(0, 4000);
  return Array.from({ length: n }, () => {
    const k = Math.floor(next() * 25);
    const parts: string[] = [];
    for (let i = 0; i < k; i++)
      parts.push(
        next() < 0.85
          ? (words[Math.floor(next() * words.length)] as string)
          : String.fromCodePoint(Math.floor(next() * 0x2fff)),
      );
    return parts.join(next() < 0.2 ? "" : " ");
  });
}

describe("the sandbox", () => {
  it("has the language's built-ins and no Node API, timers or module loader", () => {
    const context = bareContext();
    const typeOf = (name: string) => vm.runInContext(`typeof ${name}`, context);
    for (const name of [
      "require",
      "process",
      "module",
      "exports",
      "setTimeout",
      "setInterval",
      "setImmediate",
      "queueMicrotask",
      "fetch",
      "Buffer",
    ])
      expect(typeOf(name), name).toBe("undefined");
    for (const name of ["JSON", "Math", "Intl"]) expect(typeOf(name), name).toBe("object");
    for (const name of ["Date", "Map", "Float64Array"]) expect(typeOf(name), name).toBe("function");
    expect(() => vm.runInContext("eval('1')", context)).toThrow();
  });

  it("loads the library file, which adds `touchpoint` to the global scope (and zod's two registries)", () => {
    const context = bareContext();
    const before = new Set(vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[]);
    new vm.Script(p.library).runInContext(context);
    const after = (vm.runInContext("Object.getOwnPropertyNames(globalThis)", context) as string[]).filter(
      (k) => !before.has(k),
    );
    expect(after.sort()).toEqual(["__zod_globalConfig", "__zod_globalRegistry", "touchpoint"]);
  });

  it("keeps the library file and every Snowflake body but the two known ones within the documented sizes", () => {
    // BigQuery: 1 MB per library file (docs/warehouse-bigquery.md says this figure is unconfirmed).
    // Snowflake: 100 KB recommended per body (its JavaScript UDF limitations page). The record and
    // the funnel are over it (docs/warehouse-snowflake.md says what they carry); any other body that
    // grows past it fails here.
    expect(p.manifest.library.bytes).toBeLessThan(1_000_000);
    const over = Object.entries(p.manifest.snowflake)
      .filter(([, entry]) => entry.bytes >= 100_000)
      .map(([name]) => name)
      .sort();
    expect(over).toEqual(["tp_conversation_record", "tp_journey_funnel"]);
  });

  it("reads one function of the SQL per declaration (Snowflake: aggregates as a UDTF and its _MERGE)", () => {
    expect([...p.bigquery.functions.keys()]).toEqual(declarations.map((d) => d.name));
    expect([...p.snowflake.functions.keys()]).toEqual(
      declarations.flatMap((d) => (d.kind === "scalar" ? [d.name] : [d.name, `${d.name}_merge`])),
    );
  });
});

describe.each(["bigquery", "snowflake"] as const)("%s scalar functions agree with the library", (dialect) => {
  const decode = (v: unknown) => (dialect === "bigquery" && typeof v === "string" ? JSON.parse(v) : v);

  it("tp_classify on every message of the sample export and on random text", () => {
    const classify = p[dialect].scalar("tp_classify");
    const texts = [...messages.map((m) => m.text), ...randomTexts(500, 7)];
    for (const text of texts) {
      const got = decode(classify(text));
      const interaction = classifyInteraction(text);
      const signals = detectSignals(text);
      const type = interaction.label;
      // Every field, exactly: the pack reads all three from one analysis of the text.
      expect(got, text).toEqual({
        type,
        confidence: interaction.confidence,
        scenario: classifyScenario(text).scenario,
        category: classifyCategory(
          type === "unknown" ? { signals: signals.strengths } : { type, signals: signals.strengths },
        ).category,
        sentiment: signals.sentiment,
        signals: signals.signals.map((s) => ({ signal: s.signal, strength: s.strength })),
      });
    }
    expect(classify(null)).toBeNull();
  }, 120_000);

  it("tp_act on every message with its speaker, and on random text", () => {
    const act = p[dialect].scalar("tp_act");
    for (const m of messages) {
      const speaker = m.author === "system" ? "agent" : m.author;
      expect(act(m.text, speaker), m.text).toBe(classifyAct(m.text, { speaker }).act);
    }
    for (const text of randomTexts(500, 8)) expect(act(text, null), text).toBe(classifyAct(text).act);
    expect(() => act("hi", "robot")).toThrow(/speaker: expected customer, agent, bot, got "robot"/);
  }, 120_000);

  it("tp_business_duration on random pairs across clock changes and holidays", () => {
    const definition = berlinOffice;
    const schedule = businessSchedule(definition);
    const fn = p[dialect].scalar("tp_business_duration");
    const json = dialect === "bigquery" ? JSON.stringify(definition) : definition;
    const next = random(11);
    const from = Date.parse("2026-01-01T00:00:00Z");
    for (let i = 0; i < 3000; i++) {
      const start = from + Math.floor(next() * 730 * 86_400_000);
      const end = start + Math.floor(next() * 40 * 86_400_000);
      expect(fn(new Date(start), new Date(end), json)).toBe(businessDuration(start, end, schedule));
    }
    expect(fn(null, new Date(0), json)).toBeNull();
    expect(() => fn(new Date(0), new Date(1), "{")).toThrow(/schedule: expected JSON text/);
  }, 60_000);

  it("tp_conversation_record on every conversation of the sample export", () => {
    const fn = p[dialect].scalar("tp_conversation_record");
    for (const [i, c] of conversations.entries()) {
      const input = dialect === "bigquery" ? JSON.stringify(validRecords[i]) : validRecords[i];
      const got = decode(fn(input, null, null, null)) as Record<string, unknown>;
      const replay = replayConversation(c);
      expect(got.id).toBe(c.id);
      expect(got.status).toBe(replay.record.status);
      expect(got.stage).toBe(replay.snapshot.context.stage);
      expect(got.reopens).toBe(replay.record.reopens);
      expect(got.handoffs).toBe(replay.record.handoffs.length);
      expect(got.firstResponseMs).toBe(firstResponseTimes([c]).conversations[0]?.calendar ?? null);
      expect(got.resolutionMs).toBe(resolutionTimes([c]).first.conversations[0]?.calendar ?? null);
      // The classification of the opening and of the whole conversation, as the library gives them.
      const facts = { reopened: replay.record.reopens > 0, waitingMinutes: got.waitingMinutes as number };
      const opening = c.messages.find((m) => m.author === "customer")?.text ?? "";
      expect(got.opening).toEqual({
        type: classifyInteraction(opening).label,
        scenario: classifyScenario({ text: opening, conversation: facts }).scenario,
        signals: detectSignals(opening).signals.map((s) => s.signal),
      });
      const reading = classifyConversation(c, { conversation: facts });
      expect(got.conversation).toEqual({
        type: reading.type,
        scenario: reading.scenario,
        signals: reading.signals.map((x) => ({ signal: x.signal, rising: x.trend === "rising" })),
      });
    }
    // A rejected conversation is a row that says why, as the command lists rejected records.
    for (const bad of rejectedRecords) {
      const got = decode(fn(dialect === "bigquery" ? JSON.stringify(bad) : bad, null, null, null));
      expect(got).toMatchObject({ id: bad.id, error: expect.any(String) });
    }
    expect(decode(fn(dialect === "bigquery" ? '{"id":"x"}' : { id: "x" }, null, null, null))).toEqual({
      id: "x",
      error: expect.stringMatching(/^channel: /),
      path: "channel",
    });
    expect(() => fn("{", null, null, null)).toThrow(/conversation: expected JSON text/);
    expect(() => fn("{}", null, "yesterday", null)).toThrow(/asOf: expected a timestamp/);
    expect(() => fn("{}", "salesforce", null, null)).toThrow(/adapter: expected touchpoint, zendesk/);
  }, 120_000);
});
