/**
 * Cheap checks at the top of public functions (DESIGN.md: every public function is a boundary).
 * JavaScript callers and JSON from the wire do not respect types; these turn what a function cannot
 * use into a TouchpointError that names the function, the field, the value and what was expected,
 * never a bare TypeError from deeper down. The loops behind them trust what passed.
 */
import { quote, TouchpointError } from "./errors.js";

/** Whether `value` is a non-null object that is not an array (any prototype, or none). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Throws `code` naming `fn`, `path`, the value and `expected`. */
export function fail(code: string, fn: string, path: string, value: unknown, expected: string): never {
  throw new TouchpointError(code, `${fn}: expected ${expected} at ${path}, got ${quote(value)}`, {
    path,
    value,
  });
}

/** `value` as an object, or a TouchpointError `invalid_input`. */
export function checkRecord(fn: string, path: string, value: unknown): Record<string, unknown> {
  if (!isRecord(value)) fail("invalid_input", fn, path, value, "an object");
  return value;
}

/** The options object: `{}` when absent, else an object, or a TouchpointError `invalid_option`. */
export function checkOptions<T extends object>(fn: string, options: T | undefined): T {
  if (options === undefined) return {} as T;
  if (!isRecord(options)) fail("invalid_option", fn, "options", options, "an options object");
  return options;
}

/** `value` as an array-like list (an array or a typed array), or a TouchpointError `invalid_input`. */
export function checkList<T>(fn: string, path: string, value: unknown): ArrayLike<T> {
  if (Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    return value as unknown as ArrayLike<T>;
  }
  return fail("invalid_input", fn, path, value, "an array");
}

/** `value` as an iterable, or a TouchpointError `invalid_input`. */
export function checkIterable<T>(fn: string, path: string, value: unknown): Iterable<T> {
  if (
    (typeof value === "object" &&
      value !== null &&
      typeof (value as Iterable<T>)[Symbol.iterator] === "function") ||
    typeof value === "string"
  ) {
    return value as Iterable<T>;
  }
  return fail("invalid_input", fn, path, value, "an iterable (an array, a Set, a generator)");
}

/**
 * Any value as text, for the classifiers, which are total: a string as it is, `null` and
 * `undefined` as "", anything else as `String` prints it, or "" when it cannot be printed (an object
 * without a prototype, or whose `toString` throws).
 */
export function textOf(input: unknown): string {
  if (typeof input === "string") return input;
  if (input === null || input === undefined) return "";
  try {
    return String(input);
  } catch {
    return "";
  }
}

/** A machine snapshot as the step readers need it: an object with a state `value` and a `context` object. */
export function checkSnapshot(fn: string, snapshot: unknown): void {
  const s = checkRecord(fn, "snapshot", snapshot);
  if (!isRecord(s.context))
    fail("invalid_input", fn, "snapshot.context", s.context, "a machine snapshot's context");
  if (typeof s.value !== "string" && !isRecord(s.value))
    fail("invalid_input", fn, "snapshot.value", s.value, "a machine snapshot's state value");
}

/** `value` as a function, or a TouchpointError `code` (default `invalid_option`). */
export function checkFunction<F>(fn: string, path: string, value: unknown, code = "invalid_option"): F {
  if (typeof value !== "function") fail(code, fn, path, value, "a function");
  return value as F;
}

/** `value` when it is `undefined` or one of `types` (`typeof` names), else a TouchpointError `invalid_option`. */
export function checkOptional(
  fn: string,
  path: string,
  value: unknown,
  expected: string,
  ...types: string[]
): void {
  if (value !== undefined && !types.includes(typeof value)) fail("invalid_option", fn, path, value, expected);
}

/**
 * An XState machine as the diagram and persistence functions read it: an object with the machine
 * methods `transition` and `getPersistedSnapshot` and a `root` state node with a `states` object.
 * Data from the wire (JSON) cannot hold methods, so it never passes for a machine.
 */
export function checkMachine(fn: string, path: string, machine: unknown): void {
  const m = isRecord(machine) ? machine : {};
  const root = m.root;
  if (
    typeof m.transition !== "function" ||
    typeof m.getPersistedSnapshot !== "function" ||
    !isRecord(root) ||
    !isRecord(root.states)
  ) {
    fail("invalid_input", fn, path, machine, "a state machine (from XState's createMachine or touchpoint)");
  }
}
