/**
 * The one error class touchpoint throws.
 *
 * Modelled on simple-statistics and remeda (messages start with the function's name) and on zod
 * (a machine-readable snake_case `code`). It lives in `internal/` so that every area can throw it
 * without pulling another area in; each area's index re-exports it, and tsup's code splitting keeps
 * a single class per module format. The ESM and the CJS builds still define one class each (the
 * dual-package hazard: an app can load both), so every instance carries a brand registered with
 * `Symbol.for`, which is global to the JavaScript realm, and `instanceof` and `isTouchpointError`
 * check the brand rather than the class.
 */

/** The global brand every `TouchpointError` carries, shared by the ESM and CJS builds. */
const brand: unique symbol = Symbol.for("touchpoint.error") as never;

/**
 * The error touchpoint throws when a precondition the types cannot express is broken: a score out
 * of range, a non-finite number, an end before its start.
 *
 * @remarks
 * `code` is a stable snake_case identifier to branch on; `message` starts with the name of the
 * function that threw and quotes the offending value, e.g.
 * `nps: expected an integer 0–10, got 11 at index 3`. `index` is the position of the bad record in
 * the input when there is one, and `path` the field inside it.
 *
 * "No data" is not an error: calculators return `null` for an empty sample.
 *
 * The package ships an ESM and a CJS build, and an application can load both (one dependency
 * `import`s touchpoint, another `require`s it). Each build defines this class, so identity of the
 * class cannot tell a touchpoint error apart. Every instance carries a brand registered with
 * `Symbol.for("touchpoint.error")`, and `error instanceof TouchpointError` checks that brand, so it
 * is true whichever build threw; {@link isTouchpointError} does the same as a function.
 *
 * @example
 * ```ts
 * import { TouchpointError } from "touchpoint/metrics";
 *
 * const error = new TouchpointError("score_out_of_range", "nps: expected an integer 0–10, got 11 at index 3", { index: 3, value: 11 });
 * error.code; // => "score_out_of_range"
 * error.index; // => 3
 * error instanceof Error; // => true
 * ```
 *
 * @category Errors
 */
export class TouchpointError extends Error {
  /** A stable snake_case identifier of what went wrong, such as `score_out_of_range`. */
  readonly code: string;
  /** The position of the offending record in the input, when the input is a list. */
  readonly index: number | undefined;
  /** The offending field inside the record, as a dotted path, when there is one. */
  readonly path: string | undefined;
  /** The offending value itself. */
  readonly value: unknown;

  /**
   * True for any error branded by either build of touchpoint (ESM or CJS), so `instanceof` holds
   * across the dual-package boundary.
   *
   * @param value - anything
   * @returns whether `value` is a touchpoint error
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isTouchpointError(value);
  }

  /**
   * @param code - a snake_case identifier, stable across versions
   * @param message - a sentence that starts with the function's name and quotes the value
   * @param details - where the bad value was: its `index` in the input, its `path`, the `value`
   */
  constructor(
    code: string,
    message: string,
    details: { index?: number; path?: string; value?: unknown } = {},
  ) {
    super(message);
    this.name = "TouchpointError";
    this.code = code;
    this.index = details.index;
    this.path = details.path;
    this.value = details.value;
    Object.defineProperty(this, brand, { value: true });
  }
}

/**
 * Whether a value is an error thrown by touchpoint, whichever build (ESM or CJS) threw it.
 *
 * @remarks
 * An application can load both builds of the package (one dependency `import`s it, another
 * `require`s it); each defines its own `TouchpointError` class. Every instance carries the brand
 * `Symbol.for("touchpoint.error")`, global to the JavaScript realm, and this function checks that
 * brand. `error instanceof TouchpointError` checks it too.
 *
 * @param value - anything, typically the value caught by `catch`
 * @returns `true` when `value` is a `TouchpointError` from any build of touchpoint
 *
 * @example
 * ```ts
 * import { isTouchpointError, nps } from "touchpoint/metrics";
 *
 * let caught: unknown;
 * try {
 *   nps([11]);
 * } catch (error) {
 *   caught = error;
 * }
 * isTouchpointError(caught); // => true
 * isTouchpointError(new Error("other")); // => false
 * ```
 *
 * @category Errors
 */
export function isTouchpointError(value: unknown): value is TouchpointError {
  return typeof value === "object" && value !== null && (value as { [brand]?: unknown })[brand] === true;
}

/** Quotes a value for an error message: strings in quotes, everything else as JavaScript would print it. */
export function quote(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > 80 ? `${value.slice(0, 77)}...` : value);
  if (typeof value === "number") return Object.is(value, -0) ? "-0" : String(value);
  if (typeof value === "bigint") return `${value}n`;
  if (value === undefined || value === null || typeof value === "boolean") return String(value);
  try {
    const text = JSON.stringify(value);
    if (text === undefined) return String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
