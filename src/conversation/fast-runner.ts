/*
 * The replay's fast runner: steps the conversation machine's own definition (its state nodes,
 * transitions, guards and the pure form of its actions, pure-actions.ts) without building XState
 * snapshots, then hands back one real snapshot at the end (`machine.resolveState`).
 *
 * Why: in a replay, XState's snapshot copies are most of the time (one per assign and one per
 * change of active states, each rebuilding the state value from fresh Sets and Maps; garbage
 * collection was a quarter of a replay). This runner keeps the state as the active leaf node and
 * the context, and runs the actions that the machine would run, in XState's order: the selected
 * transition (the deepest active state first, candidates in XState's order: the exact event type,
 * then wildcards, longer first, the first whose guard passes), exit actions deepest first, the
 * transition's actions, entry actions outermost first (with initial actions on default entry),
 * then the exit actions of what is left when a top-level final state is reached. Delayed events
 * and their cancellations are dropped, as the XState runner (machine-runner.ts) drops them: the
 * replay delivers `clock.tick` at every deadline instead.
 *
 * It covers what this machine uses and declines any machine that goes beyond it (parallel or
 * history states, eventless transitions, invocations, nested final states, an output, a guard
 * other than named ones and `and`/`or`/`not`, an action with no pure form, such as one a host
 * passed to `provide()`): `fastRunnerOf` returns `undefined` and the replay goes through XState.
 * test/conversation/fast-runner.test.ts checks, on random event sequences and transcripts, that
 * both runners give the same states, contexts and emitted events at every step.
 */
import { and, not, or, pathToStateValue } from "xstate";
import type { ConversationMachineInput } from "./conversation-input.js";
import type { ConversationMachine, ConversationSnapshot } from "./conversation-machine.js";
import type { ConversationContext, ConversationEmitted, ConversationEvent } from "./conversation-types.js";
import { type PureAction, pureOf } from "./pure-actions.js";

/** The parts of an XState state node the runner reads. */
interface Node {
  readonly id: string;
  readonly type: "atomic" | "compound" | "parallel" | "final" | "history";
  readonly parent?: Node;
  readonly path: string[];
  readonly order: number;
  readonly entry: readonly unknown[];
  readonly exit: readonly unknown[];
  readonly states: Record<string, Node>;
  readonly transitions: Map<string, readonly Transition[]>;
  readonly always?: readonly Transition[];
  readonly invoke: readonly unknown[];
  readonly initial: { target: readonly Node[]; actions: readonly unknown[] };
  readonly output?: unknown;
}

/** The parts of an XState transition definition the runner reads. */
interface Transition {
  readonly source: Node;
  readonly target?: readonly Node[];
  readonly actions: readonly unknown[];
  readonly guard?: unknown;
  readonly reenter: boolean;
}

/** One action, resolved once: its pure form and its parameters. */
interface Step {
  readonly run: PureAction;
  readonly params: unknown;
}

/** What taking a transition from one leaf does. */
interface Plan {
  readonly steps: readonly Step[];
  readonly leaf: Node;
  readonly done: boolean;
}

/** Where the fast runner is: the active leaf state, the context and the status. */
export interface FastState {
  readonly leaf: Node;
  readonly context: ConversationContext;
  readonly status: "active" | "done";
}

/** Starts and steps one machine, collecting what it emits into `emitted`. */
export interface FastRunner {
  /** Where emitted events go; set it before each run. */
  emitted: ConversationEmitted[];
  /** The initial state for `input`; throws what the machine's context factory throws. */
  start(input: ConversationMachineInput): FastState;
  /** The state after `event` (the same state when no transition is enabled). */
  send(state: FastState, event: ConversationEvent): FastState;
  /** The state value of the active leaf (cached per node). */
  valueOf(state: FastState): unknown;
  /** A real XState snapshot of `state`. */
  snapshotOf(state: FastState): ConversationSnapshot;
}

type Guard = unknown;
type GuardCheck = (context: ConversationContext, event: { type: string }) => boolean;

const AND = (and([]) as unknown as { check: unknown }).check;
const OR = (or([]) as unknown as { check: unknown }).check;
const NOT = (not("x") as unknown as { check: unknown }).check;

/** Thrown while compiling a machine the runner does not cover. */
class Unsupported extends Error {}

const runners = new WeakMap<ConversationMachine, FastRunner | null>();

/** The fast runner of `machine`, or `undefined` when the machine goes beyond what it covers. */
export function fastRunnerOf(machine: ConversationMachine): FastRunner | undefined {
  let runner = runners.get(machine);
  if (runner === undefined) {
    try {
      runner = compile(machine);
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
      runner = null;
    }
    runners.set(machine, runner);
  }
  return runner ?? undefined;
}

function isDescendant(child: Node, parent: Node | undefined): boolean {
  let marker = child;
  while (marker.parent !== undefined && marker.parent !== parent) marker = marker.parent;
  return marker.parent === parent;
}

function properAncestors(node: Node, upTo: Node | undefined): Node[] {
  const out: Node[] = [];
  if (upTo === node) return out;
  for (let m = node.parent; m !== undefined && m !== upTo; m = m.parent) out.push(m);
  return out;
}

/** Every descriptor in XState's sense that `type` matches (`*`, `a.*` for `a` and `a.b...`). */
function matchesDescriptor(type: string, descriptor: string): boolean {
  if (descriptor === type || descriptor === "*") return true;
  if (!descriptor.endsWith(".*")) return false;
  const base = descriptor.slice(0, -2);
  return type === base || type.startsWith(`${base}.`);
}

function compile(machine: ConversationMachine): FastRunner {
  const root = machine.root as unknown as Node;
  const implementations = machine.implementations as unknown as {
    actions: Record<string, unknown>;
    guards: Record<string, unknown>;
  };
  const contextFactory = (machine.config as { context?: unknown }).context;
  if (root.output !== undefined || (machine.config as { output?: unknown }).output !== undefined)
    throw new Unsupported("output");

  const resolveStep = (action: unknown): Step | null => {
    if (typeof action === "function") {
      const builtin = action as { type?: string; delay?: unknown };
      // Timers: the replay ticks at the deadlines instead.
      if (builtin.type === "xstate.cancel") return null;
      if (builtin.type === "xstate.raise" && builtin.delay !== undefined) return null;
      const run = pureOf(action);
      if (run === undefined) throw new Unsupported("inline action");
      return { run, params: undefined };
    }
    const type = typeof action === "string" ? action : (action as { type?: unknown }).type;
    if (typeof type !== "string") throw new Unsupported("action");
    const implementation = implementations.actions[type];
    const pure = pureOf(implementation);
    if (pure !== undefined) {
      const params = typeof action === "object" ? (action as { params?: unknown }).params : undefined;
      if (typeof params === "function") throw new Unsupported("dynamic action params");
      return { run: pure, params };
    }
    // A builtin (a named timer action) may stand behind a name too.
    return typeof implementation === "function" ? resolveStep(implementation) : thrower("action", type);
  };
  const resolveSteps = (actions: readonly unknown[]): Step[] => {
    const out: Step[] = [];
    for (const action of actions) {
      const step = resolveStep(action);
      if (step !== null) out.push(step);
    }
    return out;
  };

  const compileGuard = (guard: Guard): GuardCheck => {
    if (typeof guard === "function") {
      const builtin = guard as { check?: unknown; guards?: readonly Guard[] };
      if (builtin.check === undefined) {
        const inline = guard as (args: { context: unknown; event: unknown }, params: undefined) => boolean;
        return (context, event) => inline({ context, event }, undefined);
      }
      const parts = (builtin.guards ?? []).map(compileGuard);
      if (builtin.check === AND) return (c, e) => parts.every((p) => p(c, e));
      if (builtin.check === OR) return (c, e) => parts.some((p) => p(c, e));
      if (builtin.check === NOT && parts.length === 1) {
        const [part] = parts as [GuardCheck];
        return (c, e) => !part(c, e);
      }
      throw new Unsupported("builtin guard");
    }
    const type = typeof guard === "string" ? guard : (guard as { type?: unknown }).type;
    if (typeof type !== "string") throw new Unsupported("guard");
    const implementation = implementations.guards[type];
    if (typeof implementation !== "function") throw new Unsupported("guard");
    if ("check" in implementation) return compileGuard(implementation);
    const params = typeof guard === "object" ? (guard as { params?: unknown }).params : undefined;
    if (typeof params === "function") throw new Unsupported("dynamic guard params");
    const named = implementation as (args: { context: unknown; event: unknown }, params: unknown) => boolean;
    return (context, event) => named({ context, event }, params);
  };

  // Check every node once, and compile every guard.
  const guards = new Map<Transition, GuardCheck | null>();
  const visit = (node: Node) => {
    if (node.type === "parallel" || node.type === "history") throw new Unsupported(node.type);
    if (node.invoke.length > 0 || (node.always?.length ?? 0) > 0) throw new Unsupported("invoke or always");
    if (node.type === "final" && node.parent !== root) throw new Unsupported("nested final state");
    resolveSteps(node.entry);
    resolveSteps(node.exit);
    if (node.type === "compound") resolveSteps(node.initial.actions);
    for (const list of node.transitions.values())
      for (const t of list) {
        resolveSteps(t.actions);
        guards.set(t, t.guard === undefined ? null : compileGuard(t.guard));
      }
    for (const key in node.states) visit(node.states[key] as Node);
  };
  visit(root);

  const candidates = new Map<Node, Map<string, readonly Transition[]>>();
  const candidatesOf = (node: Node, type: string): readonly Transition[] =>
    memo2(candidates, node, type, () => {
      const exact = node.transitions.get(type) ?? [];
      const wildcards = [...node.transitions.keys()]
        .filter((d) => d !== type && matchesDescriptor(type, d))
        .sort((a, b) => b.length - a.length)
        .flatMap((d) => node.transitions.get(d) ?? []);
      return [...exact, ...wildcards];
    });

  const domainOf = (t: Transition): Node | undefined => {
    const targets = t.target ?? [];
    if (!t.reenter && targets.every((x) => x === t.source || isDescendant(x, t.source))) return t.source;
    const [head, ...tail] = [...targets, t.source] as unknown as [Node, ...Node[]];
    for (const ancestor of properAncestors(head, undefined))
      if (tail.every((n) => isDescendant(n, ancestor))) return ancestor;
    return t.reenter ? undefined : root;
  };

  const plans = new Map<Transition, Map<Node, Plan>>();
  const planOf = (t: Transition, leaf: Node): Plan => {
    const known = plans.get(t)?.get(leaf);
    return known === undefined ? memo2(plans, t, leaf, () => makePlan(t, leaf)) : known;
  };
  const makePlan = (t: Transition, leaf: Node): Plan => {
    const active = [leaf, ...properAncestors(leaf, undefined)];
    if (t.target === undefined || t.target.length === 0)
      return { steps: resolveSteps(t.actions), leaf, done: false };
    const domain = domainOf(t);
    const exit = new Set<Node>();
    if (t.reenter && t.source === domain && domain !== undefined) exit.add(domain);
    for (const n of active) if (isDescendant(n, domain)) exit.add(n);
    const enter = new Set<Node>();
    const byDefault = new Set<Node>();
    const addDescendants = (node: Node) => {
      if (node.type !== "compound") return;
      const [initial] = node.initial.target as [Node];
      enter.add(initial);
      byDefault.add(initial);
      addDescendants(initial);
      for (const a of properAncestors(initial, node)) enter.add(a);
    };
    for (const s of t.target) {
      if (s !== t.source || t.source !== domain || t.reenter) {
        enter.add(s);
        byDefault.add(s);
      }
      addDescendants(s);
    }
    const reentrancy = t.source.parent === undefined && t.reenter ? undefined : domain;
    for (const s of t.target)
      for (const a of properAncestors(s, domain))
        if (reentrancy === undefined || isDescendant(a, reentrancy)) enter.add(a);
    const steps: Step[] = [];
    const exited = [...exit].sort((a, b) => b.order - a.order);
    for (const n of exited) steps.push(...resolveSteps(n.exit));
    steps.push(...resolveSteps(t.actions));
    const entered = [...enter].sort((a, b) => a.order - b.order);
    const after = new Set(active.filter((n) => !exit.has(n)));
    let done = false;
    for (const n of entered) {
      after.add(n);
      steps.push(...resolveSteps(n.entry));
      if (byDefault.has(n) && n.type === "compound") steps.push(...resolveSteps(n.initial.actions));
      if (n.type === "final") done = true;
    }
    // A top-level final state: XState runs the exit actions of every state left.
    if (done)
      for (const n of [...after].sort((a, b) => b.order - a.order)) steps.push(...resolveSteps(n.exit));
    let next = leaf;
    for (const n of after) if (n.type === "atomic" || n.type === "final") next = n;
    return { steps, leaf: next, done };
  };

  // The initial configuration: the root and its initial descendants, entered outermost first.
  const initialSteps: Step[] = [];
  let initialLeaf = root;
  for (let n: Node | undefined = root; n !== undefined; ) {
    initialSteps.push(...resolveSteps(n.entry));
    initialLeaf = n;
    if (n.type !== "compound") break;
    initialSteps.push(...resolveSteps(n.initial.actions));
    n = n.initial.target[0];
  }
  if (initialLeaf.type === "final") throw new Unsupported("final initial state");

  const values = new Map<Node, unknown>();
  const runner: FastRunner = {
    emitted: [],
    start(input) {
      let context = (
        typeof contextFactory === "function"
          ? (contextFactory as (args: { input: unknown }) => ConversationContext)({ input })
          : contextFactory
      ) as ConversationContext;
      const init = { type: "xstate.init", input };
      for (const step of initialSteps) context = apply(step, context, init);
      return { leaf: initialLeaf, context, status: "active" };
    },
    send(state, event) {
      if (state.status !== "active") return state;
      const { context } = state;
      for (let node: Node | undefined = state.leaf; node !== undefined; node = node.parent) {
        for (const t of candidatesOf(node, event.type)) {
          const guard = guards.get(t);
          if (guard !== null && guard !== undefined && !guard(context, event)) continue;
          const plan = planOf(t, state.leaf);
          let next = context;
          for (const step of plan.steps) next = apply(step, next, event);
          return { leaf: plan.leaf, context: next, status: plan.done ? "done" : "active" };
        }
      }
      return state;
    },
    valueOf(state) {
      let value = values.get(state.leaf);
      if (value === undefined) {
        value = pathToStateValue(state.leaf.path);
        values.set(state.leaf, value);
      }
      return value;
    },
    snapshotOf(state) {
      return machine.resolveState({
        value: runner.valueOf(state) as never,
        context: state.context,
      }) as ConversationSnapshot;
    },
  };
  function apply(step: Step, context: ConversationContext, event: { type: string }): ConversationContext {
    const result = step.run(context, event, step.params);
    if (result.emitted.length > 0) for (const e of result.emitted) runner.emitted.push(e);
    return result.context;
  }
  return runner;
}

/** `cache[a][b]`, made by `make` the first time. */
function memo2<A, B, V>(cache: Map<A, Map<B, V>>, a: A, b: B, make: () => V): V {
  let inner = cache.get(a);
  if (inner === undefined) {
    inner = new Map();
    cache.set(a, inner);
  }
  let value = inner.get(b);
  if (value === undefined) {
    value = make();
    inner.set(b, value);
  }
  return value;
}

function thrower(what: string, name: string): never {
  throw new Unsupported(`${what} ${name}`);
}
