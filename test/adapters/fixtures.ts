import { readFileSync } from "node:fs";
import type { TouchpointError } from "touchpoint/adapters";
import type { ValidationIssue } from "touchpoint/schemas";
import { expect } from "vitest";

/** A shared helpdesk fixture (test/fixtures/helpdesk/, see its README for sources and licences), parsed. */
export function fixture(name: string): Record<string, unknown> {
  const url = new URL(`../fixtures/helpdesk/${name}`, import.meta.url);
  return JSON.parse(readFileSync(url, "utf8")) as Record<string, unknown>;
}

/** Runs `run`, expects an `invalid_payload` TouchpointError from `fn`, and returns its issues. */
export function payloadIssues(fn: string, run: () => unknown): readonly ValidationIssue[] {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown, "expected the adapter to throw").toBeInstanceOf(Error);
  const error = thrown as TouchpointError;
  expect(error.name).toBe("TouchpointError");
  expect(error.code).toBe("invalid_payload");
  expect(error.message.startsWith(`${fn}: `)).toBe(true);
  const issues = error.value as ValidationIssue[];
  expect(Array.isArray(issues)).toBe(true);
  expect(error.path).toBe(issues[0]?.path);
  return issues;
}
