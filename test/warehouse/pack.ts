/** Builds the warehouse pack once per test file into a temporary folder and opens both sandboxes. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { conversationSchema, validateBatch } from "touchpoint/schemas";
import { BigQuerySandbox, SnowflakeSandbox } from "../../bench/lib/warehouse-sandbox.js";
import { buildWarehouse, placeholders, type WarehouseManifest } from "../../scripts/build-warehouse.js";

export interface Pack {
  dir: string;
  manifest: WarehouseManifest;
  bigquerySql: string;
  snowflakeSql: string;
  library: string;
  bigquery: BigQuerySandbox;
  snowflake: SnowflakeSandbox;
}

let built: Promise<Pack> | undefined;

export function pack(): Promise<Pack> {
  built ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tp-warehouse-"));
    const manifest = await buildWarehouse(dir);
    const read = (file: string) => fs.readFileSync(path.join(dir, file), "utf8");
    const library = read("touchpoint-warehouse.js");
    const bigquerySql = read("bigquery.sql");
    const snowflakeSql = read("snowflake.sql");
    return {
      dir,
      manifest,
      bigquerySql,
      snowflakeSql,
      library,
      bigquery: new BigQuerySandbox(bigquerySql, { [placeholders.bigquery.libraryUri]: library }),
      snowflake: new SnowflakeSandbox(snowflakeSql),
    };
  })();
  return built;
}

/** The sample export, as JSON records and as validated conversations. */
export const sampleRecords = JSON.parse(
  fs.readFileSync(new URL("../../examples/data/conversations.json", import.meta.url), "utf8"),
) as Record<string, unknown>[];

/** The sample's valid conversations and, in the same order, their JSON records (the rest are rejected by the schema on purpose). */
const batch = validateBatch(conversationSchema, sampleRecords);
export const sampleConversations = batch.data;
export const validRecords = batch.indices.map((i) => sampleRecords[i] as Record<string, unknown>);
export const rejectedRecords = batch.errors.map((e) => sampleRecords[e.index] as Record<string, unknown>);
