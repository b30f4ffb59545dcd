import type { Conversation } from "touchpoint/schemas";
import { describe, expectTypeOf, it } from "vitest";
import {
  firstResponseTimes,
  type MetricConversation,
  slaCompliance,
  type SlaPolicy,
} from "touchpoint/metrics";

describe("conversation metric input types", () => {
  it("accept parsed conversations from touchpoint/schemas", () => {
    expectTypeOf<Conversation>().toExtend<MetricConversation>();
    expectTypeOf(firstResponseTimes).parameter(0).toEqualTypeOf<readonly MetricConversation[]>();
  });

  it("accept plain objects with only the fields they read", () => {
    expectTypeOf({
      createdAt: 0,
      messages: [{ author: "agent" as const, at: 1 }],
    }).toExtend<MetricConversation>();
    // An unknown author role is not a message.
    expectTypeOf({
      createdAt: 0,
      messages: [{ author: "robot" as const, at: 1 }],
    }).not.toExtend<MetricConversation>();
  });

  it("limit SLA targets to the four priorities", () => {
    expectTypeOf({ targets: { urgent: { firstResponse: { within: 1 } } } }).toExtend<SlaPolicy>();
    // @ts-expect-error "critical" is not a priority
    slaCompliance([], { targets: { critical: { firstResponse: { within: 1 } } } });
  });
});
