import { quote, TouchpointError } from "./errors.js";

/**
 * Checks that `value` is a finite number of epoch milliseconds and returns it; throws
 * `invalid_timestamp` naming the function, the value and where it was otherwise.
 */
export function checkInstant(value: unknown, fn: string, path: string, index?: number): number {
  if (typeof value !== "number" || !Number.isFinite(value)) {
    const where = index === undefined ? path : `index ${index} (${path})`;
    throw new TouchpointError(
      "invalid_timestamp",
      `${fn}: expected a finite timestamp in epoch milliseconds, got ${quote(value)} at ${where}`,
      index === undefined ? { path, value } : { index, path, value },
    );
  }
  return value;
}
