/**
 * A Mermaid `stateDiagram-v2` of any XState v5 machine, read from its definition (states, initial
 * states, parallel regions, final states, transitions with guards, delayed and eventless ones), so
 * the docs' diagrams cannot drift from the code. Shared by every machine touchpoint ships.
 *
 * Mermaid cannot draw a transition between states inside two different composite states, so each
 * transition is lifted to the children of the lowest common ancestor of its source and target (a
 * transition from `active.stage.closing` to `resolved` is drawn from `active`), and
 * transitions that stay inside one state (targetless, or re-entering themselves) are left out.
 */
import type { AnyStateMachine } from "xstate";
import { checkList, checkMachine, checkOptions, fail } from "./args.js";

/** The parts of an XState state node this module reads (xstate's `StateNode`, structurally). */
interface NodeLike {
  key: string;
  path: string[];
  type: string;
  states: Record<string, NodeLike>;
  initial?: { target: readonly NodeLike[] } | undefined;
  transitions: Map<string, readonly TransitionLike[]>;
  always?: readonly TransitionLike[] | undefined;
  description?: string | undefined;
}

interface TransitionLike {
  eventType: string;
  target?: readonly NodeLike[] | undefined;
  guard?: unknown;
}

/** Options of {@link toMermaid}. @category Diagrams */
export interface MermaidOptions {
  /** Layout direction; Mermaid's default (top to bottom) when left out. */
  direction?: "LR" | "TB";
  /**
   * States to draw as one box, without their children (dot paths such as
   * `"active.stage.proposing"`): transitions inside them are left out and those to or from
   * their children attach to the box. Mermaid 11 fails to lay out some diagrams with composite
   * states in two parallel regions; collapsing one of them draws the rest.
   */
  collapse?: readonly string[];
}

function pathId(path: readonly string[]): string {
  return path.length === 0 ? "root" : path.join("_").replace(/[^A-Za-z0-9_]/g, "_");
}

function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === "string") return guard;
  if (typeof guard === "function") {
    const g = guard as { guards?: unknown; name?: string };
    if (Array.isArray(g.guards))
      return `${g.name || "guards"}(${g.guards.map((x) => guardName(x) ?? "guard").join(", ")})`;
    return g.name || "guard";
  }
  if (typeof guard === "object" && "type" in guard && typeof guard.type === "string") {
    const params = (guard as { params?: unknown }).params;
    if (params === undefined || params === null || typeof params !== "object") return guard.type;
    return `${guard.type}(${Object.values(params).map(String).join(", ")})`;
  }
  return "guard";
}

function eventLabel(eventType: string): string {
  if (eventType.startsWith("xstate.after.")) return `after ${eventType.split(".")[2] ?? ""}`;
  if (eventType === "") return "always";
  return eventType;
}

/**
 * Returns a Mermaid `stateDiagram-v2` of an XState machine, generated from its definition, so a
 * diagram in the docs cannot drift from the code.
 *
 * @remarks
 * Composite states nest, parallel regions are separated by `--`, final states lead to `[*]`, and
 * each transition is labelled with its events (`after <delay>` for delayed ones, `always` for
 * eventless ones) and its guard in brackets, parameters included. Mermaid cannot draw an arrow
 * between states inside two different composite states, so a transition is drawn between the
 * children of the lowest state that contains both ends (from `active` to `resolved`, say), and one
 * that stays inside a single state (targetless, or re-entering itself) is left out. Transitions with
 * the same ends and guard share one arrow.
 *
 * @param machine - any XState v5 machine
 * @param options - `direction`: `LR` or `TB` (Mermaid's default when left out); `collapse`: states
 *   to draw without their children
 * @returns the diagram's Mermaid source, ending with a newline
 *
 * @throws {@link TouchpointError} `invalid_input` when `machine` is not a state machine; `invalid_option` for an unknown `direction` or a `collapse` that is not a list of paths
 *
 * @example
 * ```ts
 * import { conversationMachine, toMermaid } from "touchpoint/conversation";
 *
 * const diagram = toMermaid(conversationMachine);
 * diagram.split("\n")[0]; // => "stateDiagram-v2"
 * diagram.includes("proposing --> delivering : agent.deliver, customer.accept"); // => true
 * // Drawn as one box: its children and the arrows between them are left out.
 * toMermaid(conversationMachine, { collapse: ["active.stage.proposing"] }).includes("drafting"); // => false
 * ```
 *
 * @category Diagrams
 */
export function toMermaid(machine: AnyStateMachine, options: MermaidOptions = {}): string {
  checkMachine("toMermaid", "machine", machine);
  options = checkOptions("toMermaid", options);
  if (options.direction !== undefined && options.direction !== "LR" && options.direction !== "TB")
    fail("invalid_option", "toMermaid", "options.direction", options.direction, '"LR" or "TB"');
  if (options.collapse !== undefined) {
    const collapse = checkList<unknown>("toMermaid", "options.collapse", options.collapse);
    for (let i = 0; i < collapse.length; i++) {
      if (typeof collapse[i] !== "string")
        fail("invalid_option", "toMermaid", `options.collapse[${i}]`, collapse[i], "a state path (a string)");
    }
  }
  const root = machine.root as unknown as NodeLike;
  // A state is named by its key when no other state has it, by its path otherwise.
  const keyCount = new Map<string, number>();
  const countKeys = (node: NodeLike) => {
    for (const child of Object.values(node.states)) {
      keyCount.set(child.key, (keyCount.get(child.key) ?? 0) + 1);
      countKeys(child);
    }
  };
  countKeys(root);
  const reserved = new Set(["root", "state", "note", "direction", "end", "class", "classDef"]);
  const idOf = (path: readonly string[]): string => {
    const key = path[path.length - 1];
    if (
      key !== undefined &&
      keyCount.get(key) === 1 &&
      !reserved.has(key) &&
      /^[A-Za-z][A-Za-z0-9_]*$/.test(key)
    ) {
      return key;
    }
    return pathId(path);
  };
  const collapsed = new Set(options.collapse ?? []);
  /** The path as drawn: cut at the first collapsed state on it. */
  const drawn = (path: readonly string[]): readonly string[] => {
    for (let i = 1; i <= path.length; i++)
      if (collapsed.has(path.slice(0, i).join("."))) return path.slice(0, i);
    return path;
  };
  // scope → "from --> to" → guard → event labels
  const edges = new Map<string, Map<string, Map<string, string[]>>>();
  const addEdge = (source: NodeLike, t: TransitionLike, target: NodeLike) => {
    const sp = drawn(source.path);
    const tp = drawn(target.path);
    let common = 0;
    while (common < sp.length && common < tp.length && sp[common] === tp[common]) common++;
    if (common === sp.length || common === tp.length) return; // stays inside one state
    const from = idOf(sp.slice(0, common + 1));
    const to = idOf(tp.slice(0, common + 1));
    const guard = guardName(t.guard) ?? "";
    const scope = idOf(sp.slice(0, common));
    let byPair = edges.get(scope);
    if (byPair === undefined) {
      byPair = new Map();
      edges.set(scope, byPair);
    }
    const pair = `${from} --> ${to}`;
    let byGuard = byPair.get(pair);
    if (byGuard === undefined) {
      byGuard = new Map();
      byPair.set(pair, byGuard);
    }
    const labels = byGuard.get(guard) ?? [];
    const label = eventLabel(t.eventType);
    if (!labels.includes(label)) labels.push(label);
    byGuard.set(guard, labels);
  };
  const collect = (node: NodeLike) => {
    for (const [, list] of node.transitions) {
      for (const t of list) for (const target of t.target ?? []) addEdge(node, t, target);
    }
    for (const t of node.always ?? [])
      for (const target of t.target ?? []) addEdge(node, { ...t, eventType: "" }, target);
    for (const child of Object.values(node.states)) collect(child);
  };
  collect(root);

  const lines: string[] = ["stateDiagram-v2"];
  if (options.direction !== undefined) lines.push(`  direction ${options.direction}`);
  const render = (node: NodeLike, indent: string) => {
    const children = Object.values(node.states);
    if (node.type === "parallel") {
      children.forEach((child, i) => {
        if (i > 0) lines.push(`${indent}--`);
        renderState(child, indent);
      });
    } else {
      const initial = node.initial?.target[0];
      if (initial !== undefined) lines.push(`${indent}[*] --> ${idOf(initial.path)}`);
      for (const child of children) renderState(child, indent);
    }
    for (const [pair, byGuard] of edges.get(idOf(node.path)) ?? []) {
      for (const [guard, labels] of byGuard) {
        const text = labels.join(", ") + (guard === "" ? "" : ` [${guard}]`);
        lines.push(`${indent}${pair} : ${text.replace(/:/g, "#58;")}`);
      }
    }
  };
  const renderState = (node: NodeLike, indent: string) => {
    const id = idOf(node.path);
    if (Object.keys(node.states).length === 0 || collapsed.has(node.path.join("."))) {
      lines.push(id === node.key ? `${indent}${id}` : `${indent}state "${node.key}" as ${id}`);
      if (node.type === "final") lines.push(`${indent}${id} --> [*]`);
      return;
    }
    lines.push(`${indent}state ${id} {`);
    render(node, `${indent}  `);
    lines.push(`${indent}}`);
  };
  render(root, "  ");
  return `${lines.join("\n")}\n`;
}
