// The JSON Schema files that ship in dist/json-schema/ (scripts/build-json-schema.mjs), read
// through the package's "./json-schema/*" export as a user outside TypeScript would. No JSON Schema
// validator is installed, so the files are checked for structure (required keys, enums, ranges),
// and sample payloads are validated with zod's own JSON Schema reader, z.fromJSONSchema, which sees
// only the JSON file, not our zod schemas.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { jsonSchemas } from "../../scripts/build-json-schema.mjs";
import { authorRoles, channels, conversationStatuses, priorities } from "../../src/schemas/vocabulary.js";

const require = createRequire(import.meta.url);
type Schema = {
  $schema?: string;
  title?: string;
  type?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  oneOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  minimum?: number;
  maximum?: number;
};
const load = (name: string): Schema =>
  JSON.parse(readFileSync(require.resolve(`touchpoint/json-schema/${name}.json`), "utf8")) as Schema;

describe("dist/json-schema", () => {
  it.each(Object.keys(jsonSchemas))(
    "%s.json resolves through the exports map and declares draft 2020-12",
    (name) => {
      expect(require.resolve(`touchpoint/json-schema/${name}.json`)).toMatch(
        /\/dist\/json-schema\/[a-z-]+\.json$/,
      );
      const schema = load(name);
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      expect(schema.title).toBe(jsonSchemas[name as keyof typeof jsonSchemas].title);
    },
  );

  it("conversation: only id, channel and createdAt are required; defaults are stated", () => {
    const schema = load("conversation");
    expect(schema.type).toBe("object");
    expect([...(schema.required ?? [])].sort()).toEqual(["channel", "createdAt", "id"]);
    expect(schema.properties?.channel?.enum).toEqual([...channels]);
    expect(schema.properties?.priority?.enum).toEqual([...priorities]);
    expect(schema.properties?.priority?.default).toBe("normal");
    expect(schema.properties?.status?.enum).toEqual([...conversationStatuses]);
    expect(schema.properties?.messages?.items?.required?.sort()).toEqual(["at", "author"]);
  });

  it("message: author and at are required, author and visibility are closed lists", () => {
    const schema = load("message");
    expect([...(schema.required ?? [])].sort()).toEqual(["at", "author"]);
    expect(schema.properties?.author?.enum).toEqual([...authorRoles]);
    expect(schema.properties?.visibility?.enum).toEqual(["public", "private"]);
    expect(schema.properties?.visibility?.default).toBe("public");
  });

  it("survey-response: one of csat, nps, ces by `kind`; NPS is 0–10 (Bain)", () => {
    const schema = load("survey-response");
    expect(schema.oneOf?.map((s) => s.properties?.kind?.const)).toEqual(["csat", "nps", "ces"]);
    const nps = schema.oneOf?.[1];
    expect(nps?.properties?.score).toMatchObject({ type: "integer", minimum: 0, maximum: 10 });
    expect(schema.oneOf?.[0]?.properties?.scale?.default).toEqual({ min: 1, max: 5 });
    expect(schema.oneOf?.[2]?.properties?.scale?.default).toEqual({ min: 1, max: 7 });
  });

  it("customer and status-change: their required keys", () => {
    expect(load("customer").required).toEqual(["id"]);
    expect([...(load("status-change").required ?? [])].sort()).toEqual(["at", "to"]);
  });

  describe("validating payloads with the JSON file alone (z.fromJSONSchema)", () => {
    const conversation = z.fromJSONSchema(load("conversation") as Parameters<typeof z.fromJSONSchema>[0]);
    const good = {
      id: "t-1",
      channel: "email",
      createdAt: "2026-03-02T09:00:00Z",
      messages: [{ author: "customer", at: "2026-03-02T09:00:00Z", text: "My invoice is wrong." }],
      surveys: [{ kind: "nps", score: 9 }],
    };

    it("accepts a valid conversation, with ISO or epoch-millisecond times", () => {
      expect(conversation.safeParse(good).success).toBe(true);
      expect(conversation.safeParse({ ...good, createdAt: 1772442000000 }).success).toBe(true);
    });

    it.each([
      ["an unknown channel", { ...good, channel: "fax" }],
      ["a time without an offset", { ...good, createdAt: "2026-03-02T09:00:00" }],
      ["a missing id", { channel: "chat", createdAt: "2026-03-02T09:00:00Z" }],
      ["an NPS score of 11", { ...good, surveys: [{ kind: "nps", score: 11 }] }],
      [
        "a message by an unknown author",
        { ...good, messages: [{ author: "robot", at: "2026-03-02T09:00:00Z" }] },
      ],
    ])("rejects %s", (_, payload) => {
      expect(conversation.safeParse(payload).success).toBe(false);
    });
  });
});
