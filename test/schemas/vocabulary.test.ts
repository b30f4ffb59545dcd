// The vocabulary tuples against their sources: DESIGN.md's vocabulary table, which cites the seed
// articles in shared/seeds/ (000–004), and the vendors named in each tuple's doc comment.
import { describe, expect, it } from "vitest";
import {
  acquisitionJourneyStages,
  authorRoleSchema,
  authorRoles,
  channelSchema,
  channels,
  conversationStageSchema,
  conversationStages,
  conversationStatuses,
  conversationStatusSchema,
  conversionJourneyStages,
  interactionCategories,
  interactionCategorySchema,
  interactionTypeSchema,
  interactionTypes,
  journeyStageSchema,
  journeyStages,
  priorities,
  prioritySchema,
  scenarioSchema,
  scenarios,
} from "touchpoint/schemas";

describe("vocabulary tuples", () => {
  it.each([
    // seed 002: awareness, consideration, decision, purchase, retention, advocacy
    [
      "journeyStages",
      journeyStages,
      ["awareness", "consideration", "decision", "purchase", "retention", "advocacy"],
    ],
    // seed 000: awareness, consideration, acquisition, experience, loyalty
    [
      "acquisitionJourneyStages",
      acquisitionJourneyStages,
      ["awareness", "consideration", "acquisition", "experience", "loyalty"],
    ],
    // seeds 001 and 004: awareness, consideration, conversion, retention, advocacy
    [
      "conversionJourneyStages",
      conversionJourneyStages,
      ["awareness", "consideration", "conversion", "retention", "advocacy"],
    ],
    // seed 003: hello, understanding, proposing, delivering, goodbye (DESIGN.md renames the ends)
    [
      "conversationStages",
      conversationStages,
      ["greeting", "understanding", "proposing", "delivering", "closing"],
    ],
    // seed 003: "their question, complaint, or suggestion", and praise
    ["interactionTypes", interactionTypes, ["question", "complaint", "suggestion", "praise"]],
    // seed 000: "Stabilizing", "Critical", "Planned"
    ["interactionCategories", interactionCategories, ["stabilizing", "critical", "planned"]],
    // seed 000's eight scenarios (DESIGN.md)
    [
      "scenarios",
      scenarios,
      [
        "information-seeking",
        "evaluation",
        "onboarding",
        "experience",
        "quick-resolution",
        "frustration",
        "confusion",
        "loyalty",
      ],
    ],
    // seeds 001, 002, 003 (DESIGN.md)
    [
      "channels",
      channels,
      [
        "phone",
        "email",
        "chat",
        "social",
        "in-person",
        "video",
        "sms",
        "self-service",
        "bot",
        "forum",
        "review",
      ],
    ],
    // Zendesk's ticket priorities, lowest first: low, normal, high, urgent
    ["priorities", priorities, ["low", "normal", "high", "urgent"]],
    ["authorRoles", authorRoles, ["customer", "agent", "bot", "system"]],
    [
      "conversationStatuses",
      conversationStatuses,
      ["new", "open", "pending", "on-hold", "resolved", "closed"],
    ],
  ])("%s lists its source's words in order", (_, tuple, expected) => {
    expect(tuple).toEqual(expected);
    expect(new Set(tuple).size).toBe(tuple.length);
  });
});

describe("vocabulary schemas", () => {
  it.each([
    ["journeyStageSchema", journeyStageSchema, journeyStages],
    ["conversationStageSchema", conversationStageSchema, conversationStages],
    ["interactionTypeSchema", interactionTypeSchema, interactionTypes],
    ["interactionCategorySchema", interactionCategorySchema, interactionCategories],
    ["scenarioSchema", scenarioSchema, scenarios],
    ["channelSchema", channelSchema, channels],
    ["authorRoleSchema", authorRoleSchema, authorRoles],
    ["prioritySchema", prioritySchema, priorities],
    ["conversationStatusSchema", conversationStatusSchema, conversationStatuses],
  ] as const)("%s accepts exactly its tuple's words", (_, schema, tuple) => {
    expect(schema.options).toEqual([...tuple]);
    for (const word of tuple) expect(schema.safeParse(word).success).toBe(true);
    for (const other of ["", "unknown", tuple[0].toUpperCase(), ` ${tuple[0]}`, 1, null, undefined]) {
      expect(schema.safeParse(other).success).toBe(false);
    }
  });

  it.each([
    // Freshdesk says "medium", Zendesk "normal": only the Zendesk word is accepted; adapters map.
    [prioritySchema, "medium"],
    // Zendesk's "solved" is our "resolved".
    [conversationStatusSchema, "solved"],
    // Intercom and Chatwoot "snoozed" maps to "pending".
    [conversationStatusSchema, "snoozed"],
  ] as const)("rejects the vendor word %#", (schema, word) => {
    expect(schema.safeParse(word).success).toBe(false);
  });
});
