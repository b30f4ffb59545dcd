/*
 * A generated year of conversations for the report's browser test and bench: the sample export's
 * valid conversations (invented, examples/data/conversations.json) replayed week after week through
 * 2026, with a volume that swells and ebbs, each copy moved in time as a whole and given its own id.
 * Deterministic: the same list every run.
 */
import { readFileSync } from "node:fs";

const WEEK = 7 * 86_400_000;
const TIME_KEYS = new Set(["createdAt", "at", "resolvedAt", "updatedAt"]);

function shift(value: unknown, by: number): unknown {
  if (Array.isArray(value)) return value.map((v) => shift(v, by));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] =
      TIME_KEYS.has(k) && typeof v === "string" ? new Date(Date.parse(v) + by).toISOString() : shift(v, by);
  }
  return out;
}

/** About 2,000 raw conversation records (touchpoint's JSON shape) over the 52 weeks from 5 January 2026. */
export function yearOfConversations(): unknown[] {
  const sample = JSON.parse(
    readFileSync(new URL("../../../examples/data/conversations.json", import.meta.url), "utf8"),
  ) as { id: string; channel: string; createdAt: string }[];
  const valid = sample.filter((c) => c.id !== "T-1017" && c.id !== "T-1123");
  const start = Date.parse("2026-01-05T00:00:00Z") - Date.parse("2026-03-02T00:00:00Z");
  const out: unknown[] = [];
  for (let week = 0; week < 52; week++) {
    const count = Math.round(30 + 14 * Math.sin(week / 6) + week / 4);
    for (let k = 0; k < count; k++) {
      const c = valid[(week * 37 + k * 11) % valid.length] as (typeof valid)[number];
      // The sample spans four weeks: bring each copy back to its weekday and time in week 0 first.
      const inSample =
        Math.floor((Date.parse(c.createdAt) - Date.parse("2026-03-02T00:00:00Z")) / WEEK) * WEEK;
      const copy = shift(c, start + week * WEEK - inSample) as Record<string, unknown>;
      copy.id = `Y-${week}-${k}`;
      out.push(copy);
    }
  }
  return out;
}
