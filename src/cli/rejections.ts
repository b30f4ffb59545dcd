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

/**
 * The cause of a problem: list positions, line numbers and the id of a repeated conversation
 * replaced, so that like groups with like.
 */
export function causeOf(problem: string): string {
  return problem
    .replace(/\bline \d+ is not JSON: .*$/, "line # is not JSON")
    .replace(/\bconversation id "(?:[^"\\]|\\.)*" seen before/, "conversation id seen before")
    .replace(/(^|[.\s;])(\d+)(?=[.:])/g, "$1#");
}

/** How many distinct causes the report keeps (the others are counted together). */
export const MAX_CAUSES = 1000;
/** How many positions of each cause the report lists. */
export const CAUSE_EXAMPLES = 3;

/** The rejections folded by cause, as plain JSON (it crosses worker threads as is). */
export interface CausesState {
  /** Per cause: its exact count and its first positions (at most {@link CAUSE_EXAMPLES}). */
  causes: Record<string, { count: number; examples: Rejection[] }>;
  /** Records whose cause sorts after `cutoff` (counted, not kept apart). */
  other: number;
  /** The last cause kept once the state was pruned, or null before. */
  cutoff: string | null;
}

/** An empty {@link CausesState}. */
export function emptyCauses(): CausesState {
  return { causes: {}, other: 0, cutoff: null };
}

function keepFirst(examples: Rejection[]): Rejection[] {
  examples.sort((a, b) => a.index - b.index);
  if (examples.length > CAUSE_EXAMPLES) examples.length = CAUSE_EXAMPLES;
  return examples;
}

/** Keeps the MAX_CAUSES smallest causes, counting the others in `other`. */
function prune(state: CausesState, limit: number): void {
  const keys = Object.keys(state.causes);
  for (const key of keys) {
    if (state.cutoff !== null && key > state.cutoff) {
      state.other += (state.causes[key] as { count: number }).count;
      delete state.causes[key];
    }
  }
  const kept = Object.keys(state.causes);
  if (kept.length <= limit) return;
  kept.sort();
  for (const key of kept.slice(limit)) {
    state.other += (state.causes[key] as { count: number }).count;
    delete state.causes[key];
  }
  state.cutoff = kept[limit - 1] as string;
}

/** Folds one rejection into `state`. */
export function addRejection(state: CausesState, r: Rejection, limit = MAX_CAUSES): void {
  const cause = causeOf(r.problem);
  if (state.cutoff !== null && cause > state.cutoff) {
    state.other++;
    return;
  }
  let g = state.causes[cause];
  if (g === undefined) {
    g = { count: 0, examples: [] };
    state.causes[cause] = g;
  }
  g.count++;
  g.examples.push(r);
  if (g.examples.length > 2 * CAUSE_EXAMPLES) keepFirst(g.examples);
  // Pruning when the map doubles keeps adding cheap and the state bounded.
  if (Object.keys(state.causes).length > 2 * limit) prune(state, limit);
}

/** Folds another state into `state`. */
export function mergeCauses(state: CausesState, other: CausesState, limit = MAX_CAUSES): void {
  state.other += other.other;
  if (other.cutoff !== null && (state.cutoff === null || other.cutoff < state.cutoff))
    state.cutoff = other.cutoff;
  for (const [cause, g] of Object.entries(other.causes)) {
    const mine = state.causes[cause];
    if (mine === undefined) state.causes[cause] = { count: g.count, examples: [...g.examples] };
    else {
      mine.count += g.count;
      mine.examples.push(...g.examples);
      keepFirst(mine.examples);
    }
  }
  prune(state, limit);
}

/**
 * The groups of a folded state, the largest first (ties by first position); the causes beyond
 * MAX_CAUSES, if any, as a last group without examples.
 */
export function causeGroups(state: CausesState, limit = MAX_CAUSES): RejectionGroup[] {
  const copy: CausesState = { causes: { ...state.causes }, other: state.other, cutoff: state.cutoff };
  prune(copy, limit);
  const groups = Object.entries(copy.causes)
    .map(([cause, g]) => ({ cause, count: g.count, examples: keepFirst([...g.examples]) }))
    .sort(
      (a, b) =>
        b.count - a.count ||
        (a.examples[0]?.index ?? 0) - (b.examples[0]?.index ?? 0) ||
        (a.cause < b.cause ? -1 : 1),
    );
  if (copy.other > 0)
    groups.push({
      cause: `other causes (more than ${limit} distinct causes; --rejected-out lists every record)`,
      count: copy.other,
      examples: [],
    });
  return groups;
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
