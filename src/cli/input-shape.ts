/*
 * Help when nothing fits: when every record of an input is rejected, the usual cause is the wrong
 * `--from` (a Zendesk export read as touchpoint conversations, an Intercom one read as Zendesk), and
 * the per-record errors ("expected nonoptional" 240 times) do not say so. This module looks at a
 * sample of the records, tries every source's reader on it, and names the shape the file looks like
 * and the `--from` that reads it.
 *
 * Trying the readers rather than matching key names: the adapters already know each vendor's shape
 * in detail, so the suggestion cannot drift from what `--from` accepts. The sample is small (the
 * first 20 records), so the cost stays flat on a large file.
 */

/** The sources that read JSON records (CSV is a different file format altogether). */
export const jsonSources = ["touchpoint", "zendesk", "intercom", "freshdesk", "chatwoot"] as const;
/** A source that reads JSON records. */
export type JsonSource = (typeof jsonSources)[number];

/** How many records the suggestion samples. */
export const SAMPLE_SIZE = 20;

/** What a source's records look like, in a reader's words. */
const shapes: Record<JsonSource, string> = {
  touchpoint: "touchpoint conversations (id, channel, createdAt, messages)",
  zendesk: "Zendesk tickets with their audits ({ ticket, audits, metrics, satisfactionRating })",
  intercom: 'Intercom conversations (type "conversation", source, conversation_parts)',
  freshdesk: "Freshdesk tickets (or { ticket, conversations })",
  chatwoot: "Chatwoot webhook payloads or conversations",
};

/** The guess: the source that reads the most sampled records, with how many it read. */
export interface ShapeGuess {
  /** The best source, or null when none reads any sampled record. */
  source: JsonSource | null;
  /** Sampled records it read. */
  read: number;
  /** Records sampled. */
  sampled: number;
  /** The top-level keys of the first sampled object record (up to 8), for the message. */
  keys: string[];
}

/**
 * Tries every JSON source but `current` on the first records and returns the one that reads the
 * most (ties go to the earlier source in {@link jsonSources}).
 *
 * @param records - the input's records
 * @param current - the source that rejected them all
 * @param readCount - how many of `sample` a source reads (the command's own conversion)
 */
export function guessShape(
  records: readonly unknown[],
  current: string,
  readCount: (source: JsonSource, sample: unknown[]) => number,
): ShapeGuess {
  const sample = records.filter((r) => r !== null && r !== undefined).slice(0, SAMPLE_SIZE);
  const first = sample.find((r) => typeof r === "object" && r !== null && !Array.isArray(r));
  const keys = first === undefined ? [] : Object.keys(first).slice(0, 8);
  let best: ShapeGuess = { source: null, read: 0, sampled: sample.length, keys };
  if (sample.length === 0) return best;
  for (const source of jsonSources) {
    if (source === current) continue;
    const read = readCount(source, sample);
    if (read > best.read) best = { ...best, source, read };
  }
  return best;
}

/** The sentences the command prints when every record was rejected. */
export function explainShape(guess: ShapeGuess, current: string, files: string): string {
  const lines = [`every record of ${files} was rejected by --from ${current}, so the report is empty.`];
  if (current === "csv") {
    lines.push(
      "Check that --columns names the file's own headers and that its values map to touchpoint's words.",
    );
  } else if (guess.source !== null) {
    lines.push(
      `The records look like ${shapes[guess.source]}: --from ${guess.source} reads ${guess.read} of the first ${guess.sampled}.`,
      `Try: touchpoint analyze ${files} --from ${guess.source}`,
    );
  } else {
    const keys =
      guess.keys.length > 0
        ? `records with the keys ${guess.keys.join(", ")}`
        : "records that are not objects";
    lines.push(
      `The file holds ${keys}; no other --from (${jsonSources.filter((s) => s !== current).join(", ")}) reads any of them either, so the causes below are problems in the data itself. A message-per-row export is read with --from csv --columns <file>.`,
    );
  }
  return lines.join("\n");
}
