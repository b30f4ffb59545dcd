// Issue 13: no bare TypeError/RangeError from any public function that takes data, whatever a
// JavaScript caller or JSON from the wire passes (test/hostile/arbitrary-input.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bareException, covered } from "./arbitrary-input.js";

const value = fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true });

describe("arbitrary input to the public API", () => {
  it.each(Object.keys(covered))("%s returns or throws a TouchpointError", (name) => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 3 }), (args) => {
        expect(bareException(name, args)).toBeNull();
      }),
      { seed: 13, numRuns: 120 },
    );
  });
});
