import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { classifyInteraction, classifyScenario } from "touchpoint/classify";
import { interactionTypes, scenarios } from "touchpoint/schemas";

// Issue 11, part 3: scenarios and interaction types from the text alone. The fixture
// (test/fixtures/scenario-messages.jsonl) holds customer messages written for this test as customers
// write them, in about ten styles per scenario (terse, angry, polite, misspelt, mixed with a second
// concern, formal, casual, long, a question, emoji or shouting), each labelled with seed 000's scenario
// and seed 003's interaction type by what a support lead would call it. `kind` marks the misreadings
// the issue lists: a named competitor, a price challenge, a deadline, "AGAIN.", praise of the team, a
// superlative inside a question, damage or lateness told without complaint words. No text of the
// third-party evaluation sets is in it.

interface Labelled {
  text: string;
  scenario: (typeof scenarios)[number];
  type: (typeof interactionTypes)[number];
  style: string;
  kind?: string;
}

const fixture: Labelled[] = fs
  .readFileSync(new URL("../fixtures/scenario-messages.jsonl", import.meta.url), "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Labelled);

function share(items: Labelled[], right: (m: Labelled) => boolean): number {
  return items.filter(right).length / Math.max(1, items.length);
}

describe("the scenario fixture", () => {
  it("has at least 200 messages, at least 25 per scenario, in ten styles or more", () => {
    expect(fixture.length).toBeGreaterThanOrEqual(200);
    for (const s of scenarios) {
      const of = fixture.filter((m) => m.scenario === s);
      expect(of.length, s).toBeGreaterThanOrEqual(25);
      expect(new Set(of.map((m) => m.style)).size, s).toBeGreaterThanOrEqual(8);
    }
    expect(new Set(fixture.map((m) => m.style)).size).toBeGreaterThanOrEqual(10);
    for (const m of fixture) {
      expect(scenarios).toContain(m.scenario);
      expect(interactionTypes).toContain(m.type);
    }
  });

  it("reports scenario and type accuracy from the text alone", () => {
    const lines: string[] = [];
    for (const s of scenarios) {
      const of = fixture.filter((m) => m.scenario === s);
      lines.push(`${s}: ${(100 * share(of, (m) => classifyScenario(m.text).scenario === s)).toFixed(1)} %`);
    }
    const kinds = [...new Set(fixture.flatMap((m) => (m.kind ? [m.kind] : [])))];
    for (const k of kinds) {
      const of = fixture.filter((m) => m.kind === k);
      lines.push(
        `kind ${k}: ${(100 * share(of, (m) => classifyScenario(m.text).scenario === m.scenario)).toFixed(1)} %`,
      );
    }
    const scenario = share(fixture, (m) => classifyScenario(m.text).scenario === m.scenario);
    const type = share(fixture, (m) => classifyInteraction(m.text).label === m.type);
    lines.push(`scenario ${(100 * scenario).toFixed(1)} %, type ${(100 * type).toFixed(1)} %`);
    console.log(lines.join("\n"));
    // the aims of issue 11: scenarios from the text alone >= 85 %, interaction types >= 95 %
    expect(scenario).toBeGreaterThanOrEqual(0.85);
    expect(type).toBeGreaterThanOrEqual(0.95);
  });

  it.each(scenarios)("reads %s right in at least 70 %% of its messages", (s) => {
    const of = fixture.filter((m) => m.scenario === s);
    expect(share(of, (m) => classifyScenario(m.text).scenario === s)).toBeGreaterThanOrEqual(0.7);
  });

  it("does not call a message with nothing of the customer in it an existing customer's experience", () => {
    // issue 11: without customer data, `experience` is not the catch-all
    for (const text of ["", "hello", "Do you ship to Norway?", "opening hours?"]) {
      const r = classifyScenario(text);
      expect(r.scenario, text).toBe("information-seeking");
      expect(r.facts.existing, text).toBe(false);
    }
  });
});
