import type { AnyStateMachine } from "xstate";
import { checkMachine } from "../internal/args.js";

interface Node {
  readonly id: string;
  readonly key: string;
  readonly type: string;
  readonly description?: string | undefined;
  readonly states: Readonly<Record<string, Node>>;
  readonly transitions: ReadonlyMap<string, readonly Transition[]>;
  readonly always?: readonly Transition[] | undefined;
  readonly after: readonly Transition[];
  readonly initial?: { readonly target: readonly Node[] } | undefined;
}

interface Transition {
  readonly target?: readonly Node[] | undefined;
  readonly source: Node;
  readonly reenter: boolean;
  readonly guard?: unknown;
  readonly eventType: string;
  readonly delay?: unknown;
}

function guardName(guard: unknown): string | null {
  if (guard === undefined || guard === null) return null;
  if (typeof guard === "string") return guard;
  if (typeof guard === "function") {
    const g = guard as { guards?: unknown[]; type?: string };
    if (Array.isArray(g.guards)) return g.guards.map(guardName).join(" and ");
    return null;
  }
  if (typeof guard === "object" && "type" in guard) {
    const { type, params } = guard as { type: unknown; params?: unknown };
    const values = params !== null && typeof params === "object" ? Object.values(params).map(String) : [];
    return values.length === 0 ? String(type) : `${String(type)}(${values.join(", ")})`;
  }
  return null;
}

function label(t: Transition): string {
  if (t.eventType === "") return "always";
  const after = /^xstate\.after\.([^.]+)\./.exec(t.eventType);
  return after ? `after ${after[1]}` : t.eventType.replace(/^journey\./, "");
}

/**
 * A Mermaid id: the state's key (keys are unique in a journey machine but for the two `routing`
 * states, which get their parent's key as prefix), with characters Mermaid ids do not take replaced.
 */
const idOf = (node: Node) => {
  const key = node.key === "routing" ? `${node.id.split(".").at(-2) ?? "root"}_routing` : node.key;
  return key.replace(/[^A-Za-z0-9_]/g, "_");
};

/** The ancestors of a node, root first, the node itself last. */
function lineage(node: Node, byId: Map<string, Node>): Node[] {
  const parts = node.id.split(".");
  const out: Node[] = [];
  for (let i = 1; i <= parts.length; i++) {
    const n = byId.get(parts.slice(0, i).join("."));
    if (n !== undefined) out.push(n);
  }
  return out;
}

/**
 * Returns a Mermaid `stateDiagram-v2` of a journey machine, generated from its definition (so it
 * cannot drift from the code).
 *
 * @remarks
 * Each state shows its key; composite and parallel states are nested (`--` separates parallel
 * regions). Transitions that change the state are drawn once per (source, target, guard) with their
 * events joined; targetless transitions and re-entries that only update context or re-arm timers
 * are left out. Guards are shown in brackets. Edges are written inside the composite of their
 * states. A transition that leaves a composite state (a
 * cancellation from `healthy` to `churned`) is drawn from that composite, since Mermaid cannot draw
 * edges between states of different composites. State descriptions follow as a Markdown table from
 * {@link journeyStateDescriptions}.
 *
 * @param machine - any journey machine (or any XState machine)
 * @returns the Mermaid source
 *
 * @throws {@link TouchpointError} `invalid_input` when `machine` is not a state machine
 *
 * @example
 * ```ts
 * import { journeyDiagram, journeyMachine } from "touchpoint/journey";
 *
 * const mermaid = journeyDiagram(journeyMachine);
 * mermaid.startsWith("stateDiagram-v2"); // => true
 * mermaid.includes("awareness --> purchase : purchase"); // => true
 * mermaid.includes("active --> churned : cancellation"); // => true
 * ```
 *
 * @category Diagrams
 */
export function journeyDiagram(machine: AnyStateMachine): string {
  checkMachine("journeyDiagram", "machine", machine);
  const root = machine.root as unknown as Node;
  const lines: string[] = ["stateDiagram-v2"];
  // Edges by the id of the state whose block they are written in (the source's parent): Mermaid
  // places a state where it is first named, so an edge must sit inside its states' composite.
  const edges = new Map<string, Map<string, string[]>>();
  const byId = new Map<string, Node>();
  const index = (node: Node) => {
    byId.set(node.id, node);
    for (const child of Object.values(node.states)) index(child);
  };
  index(root);
  // Mermaid cannot draw an edge from a state inside one composite to a state outside it, so such an
  // edge starts from the source's ancestor that is a sibling of the target's (the transition leaves
  // that whole ancestor anyway).
  const lift = (source: Node, target: Node): Node => {
    const a = lineage(source, byId);
    const b = lineage(target, byId);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return b.length === common + 1 ? (a[common] ?? source) : source;
  };

  const collect = (node: Node) => {
    const all: Transition[] = [];
    for (const list of node.transitions.values()) all.push(...list);
    if (node.always) all.push(...node.always);
    for (const t of node.after) if (!all.includes(t)) all.push(t);
    for (const t of all) {
      const target = t.target?.[0];
      if (target === undefined || target === node) continue;
      const guard = guardName(t.guard);
      const from = lift(node, target);
      const key = `${idOf(from)} --> ${idOf(target)}${guard === null ? "" : ` [${guard}]`}`;
      const block = from.id.split(".").slice(0, -1).join(".");
      const inBlock = edges.get(block) ?? new Map<string, string[]>();
      edges.set(block, inBlock);
      const labels = inBlock.get(key) ?? [];
      const text = label(t);
      if (!labels.includes(text)) labels.push(text);
      inBlock.set(key, labels);
    }
  };

  const all = (node: Node) => {
    collect(node);
    for (const child of Object.values(node.states)) all(child);
  };
  all(root);
  const writeEdges = (node: Node, indent: string) => {
    for (const [key, labels] of edges.get(node.id) ?? []) {
      const [arrow, guard] = key.split(" [");
      lines.push(`${indent}${arrow} : ${labels.join(", ")}${guard === undefined ? "" : ` [${guard}`}`);
    }
  };

  const render = (node: Node, depth: number) => {
    const indent = "  ".repeat(depth);
    const children = Object.values(node.states);
    if (children.length === 0) {
      lines.push(
        idOf(node) === node.key ? `${indent}${node.key}` : `${indent}state "${node.key}" as ${idOf(node)}`,
      );
      return;
    }
    lines.push(`${indent}state ${idOf(node)} {`);
    if (node.type === "parallel") {
      children.forEach((child, i) => {
        if (i > 0) lines.push(`${indent}  --`);
        render(child, depth + 1);
      });
    } else {
      const initial = node.initial?.target[0];
      if (initial !== undefined) lines.push(`${indent}  [*] --> ${idOf(initial)}`);
      for (const child of children) render(child, depth + 1);
      writeEdges(node, `${indent}  `);
    }
    lines.push(`${indent}}`);
  };

  const top = Object.values(root.states);
  const initial = root.initial?.target[0];
  if (initial !== undefined) lines.push(`  [*] --> ${idOf(initial)}`);
  for (const child of top) render(child, 1);
  writeEdges(root, "  ");
  return `${lines.join("\n")}\n`;
}

/**
 * Returns every state of a machine with its description, depth first: the legend of
 * {@link journeyDiagram}.
 *
 * @param machine - any journey machine (or any XState machine)
 * @returns `[path, description]` pairs, path dotted from the root (`active.stage.awareness`)
 *
 * @throws {@link TouchpointError} `invalid_input` when `machine` is not a state machine
 *
 * @example
 * ```ts
 * import { journeyMachine, journeyStateDescriptions } from "touchpoint/journey";
 *
 * const states = journeyStateDescriptions(journeyMachine);
 * states.find(([path]) => path === "active.health.atRisk")?.[1].startsWith("At least one risk reason"); // => true
 * states.every(([, description]) => description.length > 0); // => true
 * ```
 *
 * @category Diagrams
 */
export function journeyStateDescriptions(machine: AnyStateMachine): [string, string][] {
  checkMachine("journeyStateDescriptions", "machine", machine);
  const out: [string, string][] = [];
  const walk = (node: Node, path: string) => {
    for (const child of Object.values(node.states)) {
      const childPath = path === "" ? child.key : `${path}.${child.key}`;
      out.push([childPath, child.description ?? ""]);
      walk(child, childPath);
    }
  };
  walk(machine.root as unknown as Node, "");
  return out;
}
