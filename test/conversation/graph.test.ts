/*
 * Model-based coverage with xstate/graph (notes/toolchain.md §1.9): every state node is reachable
 * and every transition of the definition is taken on some path. The state is serialised as the
 * value plus the few context facts guards read (the context itself grows without bound), and the
 * delayed events are listed explicitly, since traversal does not fire timers.
 */
import {
  type ConversationEvent,
  type ConversationMachineInput,
  type ConversationSnapshot,
  conversationMachine,
  persist,
  restoreActor,
} from "touchpoint/conversation";
import type { AnyStateMachine } from "xstate";
import { getAdjacencyMap, getShortestPaths } from "xstate/graph";
import { describe, expect, it } from "vitest";
import { DAY, eventKinds as kinds, HOUR, MIN } from "./helpers.js";

type AnyNode = {
  id: string;
  states: Record<string, AnyNode>;
  transitions: Map<string, readonly unknown[]>;
  always?: readonly unknown[];
};

const root = conversationMachine.root as unknown as AnyNode;

function allNodes(node: AnyNode = root): AnyNode[] {
  return [node, ...Object.values(node.states).flatMap((child) => allNodes(child))];
}

/** Every transition of the definition, as `source id | event | position`. */
function allTransitions(): Map<unknown, string> {
  const out = new Map<unknown, string>();
  for (const node of allNodes()) {
    for (const [eventType, list] of node.transitions)
      list.forEach((t, i) => {
        out.set(t, `${node.id} | ${eventType} | ${i}`);
      });
    (node.always ?? []).forEach((t, i) => {
      out.set(t, `${node.id} | always | ${i}`);
    });
  }
  return out;
}

const afterEvents = [
  "xstate.after.slaDeadline.conversation.active",
  "xstate.after.customerSilence.conversation.active",
  "xstate.after.autoClose.conversation.resolved",
];

/** Events worth trying in a state: each kind soon after the last event, and late ones that cross a boundary. */
function eventsFor(s: ConversationSnapshot): ConversationEvent[] {
  const c = s.context;
  const soon = c.now + MIN;
  const times = [soon];
  if (c.awaitingCustomerSince !== null) times.push(c.awaitingCustomerSince + c.settings.abandonAfterMs);
  if (c.resolvedAt !== null) {
    times.push(c.resolvedAt + c.settings.reopenWindowMs, c.resolvedAt + c.settings.autoCloseAfterMs);
  }
  const events: ConversationEvent[] = [];
  for (const at of times) {
    for (const type of kinds) events.push({ type, at } as ConversationEvent);
  }
  events.push({ type: "handoff", at: soon, to: "bot", reason: "back_to_bot" });
  events.push({ type: "handoff", at: soon, to: "human", reason: "de_escalated" });
  events.push({ type: "agent.message", at: soon, by: "agent" });
  for (const type of afterEvents) events.push({ type } as unknown as ConversationEvent);
  return events;
}

/** How many SLA warnings and breaches are still to come: the one SLA timer fires once for each instant. */
function slaInstantsAhead(s: ConversationSnapshot): number {
  let n = 0;
  for (const clock of Object.values(s.context.sla)) {
    if (clock.status !== "running") continue;
    if (!clock.warned && clock.warnAt !== null) n++;
    if (!clock.breached && clock.dueAt !== null) n++;
  }
  return n;
}

/**
 * Guards read the value, who holds the turn (the silence is timed only while the customer does),
 * the handler, the rejection count and the input settings; nothing else. How many SLA instants are
 * still ahead is kept too, so a path can fire the SLA timer until none is left.
 */
function serializeState(s: ConversationSnapshot): string {
  const c = s.context;
  // Past the threshold (2), more rejections at the top tier change nothing a guard reads.
  return JSON.stringify([
    s.value,
    c.turn,
    Math.min(c.rejections, 2),
    c.resolvedAt === null,
    c.surveyRequestedAt === null,
    slaInstantsAhead(s),
  ]);
}

const inputs: Partial<ConversationMachineInput>[] = [
  // Seed 003's gate (a proposal needs a confirmed restatement), then the default without it.
  { handler: "human", requireConfirmation: true, reopenWindowMs: HOUR, autoCloseAfterMs: 2 * HOUR },
  { handler: "bot", requireConfirmation: false, reopenWindowMs: HOUR, autoCloseAfterMs: 2 * HOUR },
  // Longer than one JavaScript timer: a delayed event fires before its deadline and re-arms.
  { handler: "human", abandonAfterMs: 30 * DAY, autoCloseAfterMs: 30 * DAY },
];

function explore(input: Partial<ConversationMachineInput>) {
  // xstate/graph's declarations resolve xstate's types through another path; the machine is the same.
  return getAdjacencyMap(conversationMachine as AnyStateMachine, {
    input: { conversationId: "g", startedAt: 0, ...input },
    events: eventsFor,
    serializeState,
    limit: 100_000,
  });
}

describe("path coverage (xstate/graph)", { timeout: 120_000 }, () => {
  it("reaches every state node", () => {
    const reached = new Set<string>();
    for (const input of inputs) {
      const paths = getShortestPaths(conversationMachine as AnyStateMachine, {
        input: { conversationId: "g", startedAt: 0, ...input },
        events: eventsFor,
        serializeState,
        limit: 100_000,
      });
      for (const path of paths) {
        for (const node of (path.state as unknown as { _nodes: { id: string }[] })._nodes)
          reached.add(node.id);
      }
    }
    const all = allNodes().map((n) => n.id);
    expect(all.filter((id) => !reached.has(id))).toEqual([]);
    // root; active and its one region, stage; 9 stage states; resolved, closed, abandoned. Version 2
    // had a turn region beside the stage, with 2 turn states and the 2 timer states of
    // awaitingCustomer (20).
    expect(all.length).toBe(15);
  });

  it("takes every transition of the definition on some path", () => {
    const names = allTransitions();
    const taken = new Set<string>();
    for (const input of inputs) {
      const map = explore(input);
      // Each explored state is reached by a path; replaying one more event from it is a path too.
      for (const { state } of Object.values(map)) {
        const snapshot = state as unknown as ConversationSnapshot;
        if (snapshot.status !== "active") continue;
        for (const event of eventsFor(snapshot)) {
          const actor = restoreActor(persist(snapshot), {
            inspect: (ev) => {
              if (ev.type !== "@xstate.microstep") return;
              for (const t of (ev as unknown as { _transitions: unknown[] })._transitions) {
                const name = names.get(t);
                if (name !== undefined) taken.add(name);
              }
            },
          });
          actor.start();
          actor.send(event);
          actor.stop();
        }
      }
    }
    // Microsteps report the initial transition too; only the definition's transitions count here.
    const missing = [...names.values()].filter((name) => !taken.has(name));
    expect(missing).toEqual([]);
    // Each stage move checks the silence first (one transition more each), the turn's transitions
    // are no longer written twice (once per turn state, 77 in version 2; 87 with six SLA timers).
    // Issue 11 added 32 (16 moves, each with its silence check): detail questions, completion
    // reports, "anything else?", goodbyes and thanks from the stages where people say them.
    expect(names.size).toBe(113);
  });
});
