import { TouchpointError } from "touchpoint/metrics";

/** Runs `fn` and returns the TouchpointError it throws (fails if it throws nothing or something else). */
export function errorOf(fn: () => unknown): TouchpointError {
  try {
    fn();
  } catch (error) {
    if (error instanceof TouchpointError) return error;
    throw error;
  }
  throw new Error("expected a TouchpointError");
}
