/*
 * Rejected records grouped by cause: on a large export, hundreds of identical lines hide the one
 * that matters. A cause is the problem's text with what differs from record to record taken out:
 * positions inside lists (`messages.3.at` and `messages.7.at` are one cause, `messages.#.at`) and
 * the line number of a JSON Lines line that is not JSON (and the parser's message, which quotes the
 * line). The value that was refused stays in, so
 * "channel (got "fax")" and "channel (got "pager")" are two causes, each with its own count.
 */

/** One rejected record, as the command reports it. */
export interface Rejection {
  /** Its position in the input, counted across the files. */
  index: number;
  /** Its id, when it has one. */
  id: string | null;
  /** What was wrong. */
  problem: string;
}

/** Rejections that share a cause. */
export interface RejectionGroup {
  /** The cause, with positions inside lists written `#`. */
  cause: string;
  /** How many records it rejected. */
  count: number;
  /** The first few of them, in input order. */
  examples: Rejection[];
}

/** The cause of a problem: list positions and line numbers replaced, so that like groups with like. */
export function causeOf(problem: string): string {
  return problem
    .replace(/\bline \d+ is not JSON: .*$/, "line # is not JSON")
    .replace(/(^|[.\s;])(\d+)(?=[.:])/g, "$1#");
}

/** Groups rejections by cause, the largest group first (ties by first position), `examples` each. */
export function groupRejections(rejected: readonly Rejection[], examples = 3): RejectionGroup[] {
  const groups = new Map<string, RejectionGroup & { first: number }>();
  for (const r of rejected) {
    const cause = causeOf(r.problem);
    let g = groups.get(cause);
    if (g === undefined) {
      g = { cause, count: 0, examples: [], first: r.index };
      groups.set(cause, g);
    }
    g.count++;
    g.first = Math.min(g.first, r.index);
    if (g.examples.length < examples) g.examples.push(r);
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.first - b.first)
    .map(({ first: _first, ...g }) => ({
      ...g,
      examples: [...g.examples].sort((a, b) => a.index - b.index),
    }));
}

/** `#17 (T-1017)`: a rejected record's position and id. */
export function rejectionLabel(r: Rejection): string {
  return `#${r.index}${r.id ? ` (${r.id})` : ""}`;
}
