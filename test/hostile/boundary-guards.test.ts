// Issue 13: the functions that used to throw bare TypeErrors/RangeErrors on hostile input now throw
// a TouchpointError whose message names the function, the field, the value and what was expected.
import { describe, expect, it } from "vitest";
import { fromCsv } from "../../src/adapters/index.js";
import { createLexicon, trainClassifier } from "../../src/classify/index.js";
import { toMermaid } from "../../src/conversation/index.js";
import { wakeupEventId } from "../../src/host/index.js";
import { isTouchpointError } from "../../src/internal/errors.js";
import {
  createJourneyMachine,
  defaultJourneyModel,
  defineJourneyModel,
  interactionEvent,
  journeyDiagram,
  journeyFromInteractions,
  journeyFunnel,
  journeyFunnelAccumulator,
  journeyFunnelAggregate,
  journeyMachine,
  journeyStageMapping,
  journeyStateDescriptions,
  persistJourney,
  restoreJourney,
} from "../../src/journey/index.js";
import {
  addBusinessTime,
  businessDuration,
  businessSchedule,
  createAccumulator,
  npsAggregate,
  segmentBy,
} from "../../src/metrics/index.js";
import { builtinPlaybooks, extendPlaybooks } from "../../src/playbooks/index.js";
import { formatIssues } from "../../src/schemas/index.js";

const schedule = businessSchedule({ timeZone: "UTC", hours: { monday: [{ start: "09:00", end: "17:00" }] } });
const columns = { conversationId: "id", at: "time", author: "author", text: "text" };
const csv = "id,time,author,text\nc1,2026-03-01T09:00:00Z,customer,hi\n";
const nullProto = Object.create(null) as object;

/** [call, code, the parts the message must contain (function, field, value)]. */
const cases: [string, () => unknown, string, string[]][] = [
  [
    "fromCsv without columns",
    () => fromCsv(csv, {} as never),
    "invalid_option",
    ["fromCsv", "options.columns", "undefined"],
  ],
  [
    "fromCsv with a numeric column",
    () => fromCsv(csv, { columns: { ...columns, text: 3 } } as never),
    "invalid_option",
    ["options.columns.text", "3"],
  ],
  [
    "fromCsv with parseTime not a function",
    () => fromCsv(csv, { columns, parseTime: "iso" } as never),
    "invalid_option",
    ["options.parseTime", '"iso"'],
  ],
  [
    "fromCsv with values a list",
    () => fromCsv(csv, { columns, values: [] } as never),
    "invalid_option",
    ["options.values", "[]"],
  ],
  [
    "fromCsv with a value map null",
    () => fromCsv(csv, { columns, values: { author: null } } as never),
    "invalid_option",
    ["options.values.author", "null"],
  ],
  [
    "createLexicon(null)",
    () => createLexicon(null as never),
    "invalid_input",
    ["createLexicon", "cues", "null"],
  ],
  [
    "createLexicon with a kind null",
    () => createLexicon({ positive: null } as never),
    "invalid_input",
    ["cues.positive", "null"],
  ],
  [
    "createLexicon with an unknown mode",
    () => createLexicon({}, { mode: "merge" } as never),
    "invalid_option",
    ["options.mode", '"merge"'],
  ],
  [
    "trainClassifier(null)",
    () => trainClassifier(null as never),
    "invalid_input",
    ["trainClassifier", "examples", "null"],
  ],
  [
    "trainClassifier with epochs 0",
    () => trainClassifier([{ text: "a", label: "x" }], { epochs: 0 }),
    "invalid_option",
    ["options.epochs", "0"],
  ],
  [
    "trainClassifier with a string rate",
    () => trainClassifier([{ text: "a", label: "x" }], { learningRate: "fast" } as never),
    "invalid_option",
    ["options.learningRate", '"fast"'],
  ],
  [
    "toMermaid(JSON)",
    () => toMermaid({ root: { states: {} } } as never),
    "invalid_input",
    ["toMermaid", "machine", "root"],
  ],
  [
    "toMermaid with direction",
    () => toMermaid(journeyMachine, { direction: "up" } as never),
    "invalid_option",
    ["options.direction", '"up"'],
  ],
  [
    "businessDuration at 1e16",
    () => businessDuration(1e16, 0, schedule),
    "invalid_timestamp",
    ["businessDuration", "start", "10000000000000000"],
  ],
  [
    "businessDuration before 1970",
    () => businessDuration(-1, 0, schedule),
    "invalid_timestamp",
    ["start", "-1", "1970"],
  ],
  [
    "addBusinessTime past 9999",
    () => addBusinessTime(0, 1e18, schedule),
    "invalid_duration",
    ["addBusinessTime", "duration", "1000000000000000000"],
  ],
  [
    "createAccumulator({})",
    () => createAccumulator({} as never),
    "invalid_input",
    ["createAccumulator", "aggregate", "{}"],
  ],
  [
    "addAll(null)",
    () => createAccumulator(npsAggregate()).addAll(null as never),
    "invalid_input",
    ["addAll", "values", "null"],
  ],
  [
    "segmentBy(null)",
    () => segmentBy(null as never, () => 1, npsAggregate()),
    "invalid_input",
    ["segmentBy", "records", "null"],
  ],
  [
    "segmentBy without key",
    () => segmentBy([], "channel" as never, npsAggregate()),
    "invalid_input",
    ["key", '"channel"'],
  ],
  [
    "extendPlaybooks without additions",
    () => extendPlaybooks(builtinPlaybooks, null as never),
    "invalid_input",
    ["extendPlaybooks", "additions", "null"],
  ],
  [
    "extendPlaybooks with a bad base",
    () => extendPlaybooks([null] as never, []),
    "invalid_input",
    ["base[0]", "null"],
  ],
  [
    "formatIssues([null])",
    () => formatIssues([null] as never),
    "invalid_input",
    ["formatIssues", "issues[0]", "null"],
  ],
  [
    "createJourneyMachine({})",
    () => createJourneyMachine({} as never),
    "invalid_model",
    ["createJourneyMachine", "id", "undefined"],
  ],
  [
    "createJourneyMachine(altered model)",
    () => createJourneyMachine({ ...defaultJourneyModel, entries: [0] } as never),
    "invalid_model",
    ["createJourneyMachine", "lookup tables"],
  ],
  [
    "defineJourneyModel(null)",
    () => defineJourneyModel(null as never),
    "invalid_model",
    ["defineJourneyModel", "definition", "null"],
  ],
  [
    "defineJourneyModel with a null stage",
    () => defineJourneyModel({ id: "m", description: "", stages: [null] } as never),
    "invalid_model",
    ["index 0", "null"],
  ],
  [
    "defineJourneyModel without a description",
    () => defineJourneyModel({ id: "m", stages: [] } as never),
    "invalid_model",
    ["description", "undefined"],
  ],
  [
    "interactionEvent(null)",
    () => interactionEvent(null as never),
    "invalid_input",
    ["interactionEvent", "message", "null"],
  ],
  [
    "interactionEvent with a bad author",
    () => interactionEvent({ at: 0, author: "robot", text: "" } as never),
    "invalid_input",
    ["message.author", '"robot"'],
  ],
  [
    "interactionEvent at 1e16",
    () => interactionEvent({ at: 1e16, author: "customer", text: "" } as never),
    "invalid_timestamp",
    ["message.at", "10000000000000000"],
  ],
  [
    "journeyDiagram(nullProto)",
    () => journeyDiagram(nullProto as never),
    "invalid_input",
    ["journeyDiagram", "machine"],
  ],
  [
    "journeyStateDescriptions(1)",
    () => journeyStateDescriptions(1 as never),
    "invalid_input",
    ["journeyStateDescriptions", "machine", "1"],
  ],
  [
    "journeyStageMapping(null, model)",
    () => journeyStageMapping(null as never, defaultJourneyModel),
    "invalid_model",
    ["journeyStageMapping", "from", "null"],
  ],
  [
    "journeyFromInteractions(null)",
    () => journeyFromInteractions(null as never),
    "invalid_input",
    ["journeyFromInteractions", "events", "null"],
  ],
  [
    "journeyFromInteractions with until",
    () => journeyFromInteractions([], { until: "later" } as never),
    "invalid_option",
    ["options.until", '"later"'],
  ],
  [
    "journeyFunnel(null)",
    () => journeyFunnel(null as never),
    "invalid_input",
    ["journeyFunnel", "histories", "null"],
  ],
  [
    "journeyFunnel of a history without events",
    () => journeyFunnel([{ events: [] }, { segment: "a" }] as never),
    "invalid_input",
    ["histories[1].events", "undefined"],
  ],
  [
    "journeyFunnel with a numeric segment",
    () => journeyFunnel([{ events: [], segment: 3 }] as never),
    "invalid_input",
    ["histories[0].segment", "3"],
  ],
  [
    "journeyFunnelAggregate(null)",
    () => journeyFunnelAggregate(null as never),
    "invalid_option",
    ["journeyFunnelAggregate", "options", "null"],
  ],
  [
    "journeyFunnelAggregate with a period",
    () => journeyFunnelAggregate({ period: "hour" } as never),
    "invalid_option",
    ["options.period", '"hour"'],
  ],
  [
    "journeyFunnelAccumulator with a machine",
    () => journeyFunnelAccumulator({ machine: {} } as never),
    "invalid_input",
    ["options.machine", "{}"],
  ],
  [
    "persistJourney(null, ...)",
    () => persistJourney(null as never, null as never),
    "invalid_input",
    ["persistJourney", "machine", "null"],
  ],
  [
    "persistJourney of no snapshot",
    () => persistJourney(journeyMachine, [] as never),
    "invalid_input",
    ["persistJourney", "snapshot", "[]"],
  ],
  [
    "restoreJourney(undefined, ...)",
    () => restoreJourney(undefined as never, {}),
    "invalid_input",
    ["restoreJourney", "machine", "undefined"],
  ],
  [
    "wakeupEventId(nullProto, 0)",
    () => wakeupEventId(nullProto as never, 0),
    "invalid_input",
    ["wakeupEventId", "id"],
  ],
  [
    "wakeupEventId(id, NaN)",
    () => wakeupEventId("t", Number.NaN),
    "invalid_timestamp",
    ["wakeupEventId", "at", "NaN"],
  ],
];

describe("hostile input at the boundary", () => {
  it.each(cases)("%s", (_name, call, code, parts) => {
    let thrown: unknown;
    try {
      call();
    } catch (error) {
      thrown = error;
    }
    expect(isTouchpointError(thrown)).toBe(true);
    const error = thrown as { code: string; message: string };
    expect(error.code).toBe(code);
    for (const part of parts) expect(error.message).toContain(part);
  });

  it("replays a history whose events are not all objects, ignoring those", () => {
    const day = 86_400_000;
    const clean = journeyFromInteractions([
      { type: "journey.interaction", at: 0 },
      { type: "journey.purchase", at: 5 * day },
    ]);
    const noisy = journeyFromInteractions([
      null,
      { type: "journey.interaction", at: 0 },
      7,
      { type: "journey.purchase", at: 5 * day },
      { type: "journey.purchase", at: "tomorrow", amount: Symbol("x") },
    ] as never);
    expect(noisy?.context.stage).toBe(clean?.context.stage);
    expect(noisy?.context.purchases).toBe(1);
  });
});
