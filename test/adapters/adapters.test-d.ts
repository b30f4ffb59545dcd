import {
  type AdaptBatchResult,
  type AdapterOptions,
  adaptBatch,
  type CsvOptions,
  fromChatwoot,
  fromCsv,
  fromFreshdesk,
  fromIntercom,
  fromZendesk,
  parseCsv,
} from "touchpoint/adapters";
import type { BatchValidationResult, Conversation } from "touchpoint/schemas";
import { describe, expectTypeOf, it } from "vitest";

describe("adapter types", () => {
  it("returns touchpoint's Conversation", () => {
    expectTypeOf(fromZendesk({ ticket: {} })).toEqualTypeOf<Conversation>();
    expectTypeOf(fromIntercom({})).toEqualTypeOf<Conversation>();
    expectTypeOf(fromFreshdesk({}, [])).toEqualTypeOf<Conversation>();
    expectTypeOf(fromChatwoot({})).toEqualTypeOf<Conversation>();
    expectTypeOf(fromCsv("", { columns: { conversationId: "a", at: "b", author: "c" } })).toEqualTypeOf<
      BatchValidationResult<Conversation>
    >();
    expectTypeOf(parseCsv("")).toEqualTypeOf<string[][]>();
  });

  it("batches any adapter over its own input type", () => {
    expectTypeOf(adaptBatch(fromIntercom, [{}])).toEqualTypeOf<AdaptBatchResult>();
    expectTypeOf(adaptBatch(fromIntercom, [{}])).toMatchTypeOf<BatchValidationResult<Conversation>>();
    adaptBatch((t: { ticket: unknown }) => fromFreshdesk(t.ticket), [{ ticket: {} }]);
    // @ts-expect-error: the records must be what the adapter takes
    adaptBatch((t: { ticket: unknown }) => fromFreshdesk(t.ticket), [1]);
  });

  it("takes only touchpoint's vocabulary in options", () => {
    const ok: AdapterOptions = {
      channels: { mobile: "chat" },
      authors: { "1": "bot" },
      fallbackChannel: "email",
    };
    expectTypeOf(ok).toExtend<AdapterOptions>();
    // @ts-expect-error: "fax" is not a channel
    const badChannel: AdapterOptions = { channels: { mobile: "fax" } };
    // @ts-expect-error: "robot" is not an author role
    const badRole: AdapterOptions = { authors: { "1": "robot" } };
    // @ts-expect-error: columns needs conversationId, at and author
    const noColumns: CsvOptions = { columns: { at: "t", author: "a" } };
    void [badChannel, badRole, noColumns];
  });
});
