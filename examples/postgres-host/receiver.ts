/*
 * The webhook receiver: a Chatwoot `message_created` event becomes one conversation event, applied
 * with touchpoint/host's runStep under the message's id, so a webhook Chatwoot sends again (after a
 * timeout, a 5xx, a receiver that died after committing) is applied once.
 */
import { TouchpointError } from "touchpoint";
import { fromChatwoot } from "touchpoint/adapters";
import { classifyAct } from "touchpoint/classify";
import type { ConversationEvent, ConversationMachineInput } from "touchpoint/conversation";
import { type ConversationHostMachine, conversationHost, runStep, type SnapshotStore } from "touchpoint/host";

/** What an HTTP handler would send back. */
export interface WebhookResponse {
  status: 200 | 202 | 422;
  body: string;
}

/** The conversation event a message means (without the state: the replay reads the state too). */
export function eventOf(message: {
  author: string;
  visibility: string;
  text: string;
  at: number;
}): ConversationEvent | null {
  const { author, visibility, text, at } = message;
  if (author === "system") return null;
  if (visibility === "private") return { type: "agent.note", at };
  const act = classifyAct(text, {
    speaker: author === "customer" ? "customer" : author === "bot" ? "bot" : "agent",
  }).act;
  if (author === "customer") {
    return act === "escalate" ? { type: "customer.escalate", at } : { type: "customer.message", at, text };
  }
  const by = author === "bot" ? "bot" : "agent";
  if (act === "greet") return { type: "agent.greet", at, by };
  if (act === "propose") return { type: "agent.propose", at, by };
  return { type: "agent.message", at, by, text };
}

export interface ReceiverOptions {
  store: SnapshotStore<ConversationEvent, unknown>;
  machine?: ConversationHostMachine;
  /** Input for conversations the store does not have yet (targets, priority); the webhook gives id, start and channel. */
  input?: Omit<ConversationMachineInput, "conversationId" | "startedAt">;
}

/** Handles one webhook body (JSON text or parsed). */
export async function receiveChatwootWebhook(
  payload: unknown,
  options: ReceiverOptions,
): Promise<WebhookResponse> {
  let body: unknown = payload;
  if (typeof payload === "string") {
    try {
      body = JSON.parse(payload);
    } catch {
      return { status: 422, body: "not JSON" };
    }
  }
  const kind = typeof body === "object" && body !== null ? (body as { event?: unknown }).event : undefined;
  if (kind !== "message_created") return { status: 202, body: `ignored: ${String(kind)}` };
  let conversation: ReturnType<typeof fromChatwoot>;
  try {
    conversation = fromChatwoot(body);
  } catch (error) {
    if (error instanceof TouchpointError) return { status: 422, body: error.message };
    throw error;
  }
  const message = conversation.messages.at(-1);
  const event = message === undefined ? null : eventOf(message);
  if (message === undefined || event === null)
    return { status: 202, body: "ignored: no public or private message" };
  const messageId = (body as { id?: unknown }).id;
  const result = await runStep({
    store: options.store,
    machine: options.machine ?? conversationHost(),
    key: conversation.id,
    event,
    eventId: `chatwoot:message:${String(messageId)}`,
    input: {
      ...options.input,
      conversationId: conversation.id,
      startedAt: Math.min(conversation.createdAt, message.at),
      ...(conversation.channel === undefined ? {} : { channel: conversation.channel }),
    },
  });
  return {
    status: 200,
    body:
      result.outcome === "duplicate"
        ? "duplicate: already applied"
        : `applied ${event.type} as version ${result.version}`,
  };
}
