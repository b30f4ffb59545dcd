import { describe, expect, it } from "vitest";
import { createAccumulator, surveyResponseRate, surveyResponseRateAggregate } from "touchpoint/metrics";
import { errorOf } from "./errors.js";

describe("surveyResponseRate", () => {
  it("is responses ÷ sent × 100 (Chatwoot's response rate)", () => {
    expect(surveyResponseRate({ sent: 200, responses: 46 })).toBe(23);
    expect(surveyResponseRate({ sent: 3, responses: 3 })).toBe(100);
    expect(surveyResponseRate({ sent: 0, responses: 0 })).toBeNull();
  });

  it.each([
    { input: { sent: -1, responses: 0 }, code: "negative_value", path: "sent" },
    { input: { sent: 1.5, responses: 0 }, code: "not_an_integer", path: "sent" },
    { input: { sent: 10, responses: Number.NaN }, code: "not_finite", path: "responses" },
    { input: { sent: 10, responses: 11 }, code: "inconsistent_counts", path: undefined },
  ])("rejects $input with $code", ({ input, code, path }) => {
    const error = errorOf(() => surveyResponseRate(input));
    expect(error.code).toBe(code);
    expect(error.path).toBe(path);
    expect(error.message.startsWith("surveyResponseRate: expected")).toBe(true);
  });

  it("pools counts in the aggregate and names the index of a bad record", () => {
    const acc = createAccumulator(surveyResponseRateAggregate());
    acc.addAll([{ sent: 30, responses: 6 }, null, { sent: 10, responses: 4 }]);
    expect(acc.result()).toBe(25);
    const error = errorOf(() =>
      acc.addAll([
        { sent: 1, responses: 1 },
        { sent: 1, responses: 2 },
      ]),
    );
    expect(error.index).toBe(1);
    expect(error.message).toBe("surveyResponseRate: expected responses at most sent (1), got 2 at index 1");
    expect(acc.result()).toBe(25);
    expect(errorOf(() => acc.merge({ sent: 1 } as never)).code).toBe("invalid_state");
  });
});
