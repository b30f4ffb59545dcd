/**
 * Writes a big realistic export for the `touchpoint analyze` benchmarks, streamed to disk (never
 * built in memory): `npx tsx scripts/make-export.ts <out.jsonl[.gz]> <conversations> [seed]`.
 *
 * Each record is one of the sample's conversations (examples/data/conversations.json, invented
 * text, about 2 KB of JSON each, 8 to 16 messages) given a new id, a channel and priority drawn
 * again, and moved in time by a random offset over a year, so the export spans a year of traffic
 * with the sample's mix of lifecycles. About one record in a thousand repeats an earlier id (a
 * re-exported ticket) and one in two thousand is a truncated line, as real exports have.
 */
import fs from "node:fs";
import { createGzip } from "node:zlib";
import { mulberry32 } from "../src/internal/random.js";

const [out, countArg, seedArg] = process.argv.slice(2);
if (out === undefined || countArg === undefined) {
  console.error("usage: tsx scripts/make-export.ts <out.jsonl[.gz]> <conversations> [seed]");
  process.exit(2);
}
const count = Number(countArg);
const rand = mulberry32(Number(seedArg ?? 20261207));
type Json = Record<string, unknown>;
const templates = (
  JSON.parse(
    fs.readFileSync(new URL("../examples/data/conversations.json", import.meta.url), "utf8"),
  ) as Json[]
).filter((c) => c.channel !== "fax" && !JSON.stringify(c.surveys ?? []).includes('"score":11'));
const channels = ["email", "chat", "phone", "social"];
const priorities = ["low", "normal", "normal", "normal", "high", "urgent"];
const YEAR = 365 * 24 * 3_600_000;

function shift(value: unknown, by: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shift(v, by));
  if (value !== null && typeof value === "object") {
    const o: Json = {};
    for (const [k, v] of Object.entries(value as Json))
      o[k] =
        (k === "at" || k === "createdAt" || k === "resolvedAt") && typeof v === "string"
          ? new Date(Date.parse(v) + by).toISOString()
          : shift(v, by);
    return o;
  }
  return value;
}

const file = fs.createWriteStream(out);
const sink = out.endsWith(".gz") ? createGzip({ level: 6 }) : null;
sink?.pipe(file);
const target = sink ?? file;
let bytes = 0;
const started = Date.now();
for (let i = 0; i < count; i++) {
  let line: string;
  if (i > 1000 && rand() < 0.001) {
    line = JSON.stringify({ ...(templates[0] as Json), id: `C-${Math.floor(rand() * i)}` });
  } else {
    const t = templates[Math.floor(rand() * templates.length)] as Json;
    const c = shift(t, Math.floor(rand() * YEAR) - YEAR) as Json;
    c.id = `C-${i}`;
    c.channel = channels[Math.floor(rand() * channels.length)];
    c.priority = priorities[Math.floor(rand() * priorities.length)];
    line = JSON.stringify(c);
    if (rand() < 0.0005) line = line.slice(0, Math.floor(line.length / 2));
  }
  bytes += line.length + 1;
  if (!target.write(`${line}\n`)) await new Promise<void>((resolve) => target.once("drain", () => resolve()));
}
target.end();
await new Promise<void>((resolve) => file.on("close", () => resolve()));
console.error(
  `wrote ${out}: ${count.toLocaleString("en-US")} records, ${(bytes / 1e6).toFixed(0)} MB of JSON Lines in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
