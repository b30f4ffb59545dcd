// Writes dist/json-schema/<name>.json, the JSON Schema (draft 2020-12) of what each domain schema
// accepts, so that helpdesks outside TypeScript can validate what they send without zod
// (`touchpoint/json-schema/conversation.json` through the exports map).
//
//   npm run build     (tsup, then this script; it reads the built dist/schemas.js)
//
// `io: "input"` describes what a caller may send: fields with defaults are optional and keep their
// `default` (notes/toolchain.md §2.5). Checks zod cannot express in JSON Schema (time order of
// messages, a score within a survey's own scale) are not in the files; `validate` still runs them.
// Generating at build time keeps zod's toJSONSchema machinery out of every runtime bundle.

import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as z from "zod";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** File name (without .json) → exported schema name in touchpoint/schemas, and a title. */
export const jsonSchemas = {
  conversation: { exportName: "conversationSchema", title: "Conversation" },
  message: { exportName: "messageSchema", title: "Message" },
  "survey-response": { exportName: "surveyResponseSchema", title: "SurveyResponse" },
  customer: { exportName: "customerSchema", title: "Customer" },
  "status-change": { exportName: "statusChangeSchema", title: "StatusChange" },
};

async function main() {
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  const schemas = await import(pathToFileURL(join(root, "dist", "schemas.js")).href);
  const outDir = join(root, "dist", "json-schema");
  mkdirSync(outDir, { recursive: true });
  for (const [name, { exportName, title }] of Object.entries(jsonSchemas)) {
    const schema = schemas[exportName];
    if (!schema) throw new Error(`build-json-schema: dist/schemas.js does not export ${exportName}`);
    const generated = z.toJSONSchema(schema, {
      io: "input",
      target: "draft-2020-12",
      unrepresentable: "throw",
    });
    const { $schema, ...rest } = generated;
    const document = {
      $schema,
      title,
      description: `What touchpoint's ${exportName} (touchpoint ${version}) accepts as input.`,
      ...rest,
    };
    writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(document, null, 2)}\n`);
  }
  console.log(`build-json-schema: ${Object.keys(jsonSchemas).length} files in dist/json-schema/`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
