/**
 * The dialogue mode of `npm run eval`:
 * `npm run eval -- --dialogue --data FILE.jsonl --map MAP.json [--split dev|held-out|all|both]
 *  [--input JSON] [--misses N] [--json]`
 *
 * Replays whole dialogues through `replayConversation` (default options unless `--input` adds machine
 * input, e.g. `{"requireConfirmation":true}`) and compares the machine's stage right after each
 * agent turn (right before it, for a gold `greeting`) with the stage the corpus's own act annotation
 * names. Turns come from a JSON Lines file, one record per turn, grouped by a dialogue id and ordered
 * by a turn index; messages are one minute apart, so no SLA or silence timer moves anything.
 *
 * The map (bench/maps/sgd-stages.json) names the fields and the rules:
 *   dialogue, turn   the fields holding the dialogue id and the turn index
 *   speaker          { field, agent, customer }: the field and its values for each side
 *   labels           { field, separator }: the turn's acts (a separator splits a multi-act field)
 *   stages           [{ acts, stage }]: the first rule whose acts the agent turn carries gives its gold
 *                    stage; a turn no rule names is not scored
 *   goodbye          the acts that, on a dialogue's last turn, make it a goodbye-ended dialogue
 *
 * It reports stage agreement per gold stage and overall (with the confusion), the act classifier's
 * own agreement (the stage of `classifyAct`'s act, `actStages`), the final states, and the share of
 * goodbye-ended dialogues that end resolved (`resolved` or `closed`, not abandoned nor still active).
 *
 * Split: a dialogue is `dev` when the FNV-1a hash of its id is even, `held-out` otherwise; tune on
 * dev only and read held-out for what the figures mean. `both` (the default) reports each.
 */
import fs from "node:fs";
import { actStages, classifyAct } from "../src/classify/index.js";
import type { ConversationMachineInput, ConversationSnapshot } from "../src/conversation/index.js";
import { conversationMachine } from "../src/conversation/index.js";
import { fastDriver, type ReplayDriver, replayWith } from "../src/conversation/replay-conversation.js";
import type { Conversation } from "../src/schemas/index.js";

export interface DialogueMap {
  description?: string;
  dialogue: string;
  turn: string;
  speaker: { field: string; agent: string; customer: string };
  labels: { field: string; separator?: string };
  stages: { acts: string[]; stage: string }[];
  goodbye: string[];
}

export interface Turn {
  text: string;
  agent: boolean;
  acts: string[];
  index: number;
}

export interface Dialogue {
  id: string;
  turns: Turn[];
}

/** 32-bit FNV-1a of a string (UTF-16 code units). */
export function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export type Split = "dev" | "held-out";

export function splitOf(id: string): Split {
  return fnv1a(id) % 2 === 0 ? "dev" : "held-out";
}

/** Reads the turns and groups them into dialogues, each in turn order, dialogues in file order. */
export function loadDialogues(file: string, map: DialogueMap): Dialogue[] {
  const byId = new Map<string, Turn[]>();
  for (const line of fs.readFileSync(file, "utf8").split("\n")) {
    if (!line.trim()) continue;
    const rec = JSON.parse(line) as Record<string, unknown>;
    const id = String(rec[map.dialogue]);
    const speaker = rec[map.speaker.field];
    if (speaker !== map.speaker.agent && speaker !== map.speaker.customer) continue;
    const raw = rec[map.labels.field];
    const acts = Array.isArray(raw)
      ? raw.map(String)
      : map.labels.separator === undefined
        ? [String(raw)]
        : String(raw).split(map.labels.separator);
    let turns = byId.get(id);
    if (turns === undefined) {
      turns = [];
      byId.set(id, turns);
    }
    turns.push({
      text: String(rec.text ?? ""),
      agent: speaker === map.speaker.agent,
      acts,
      index: Number(rec[map.turn]),
    });
  }
  return [...byId].map(([id, turns]) => ({ id, turns: turns.sort((a, b) => a.index - b.index) }));
}

/** The gold stage of an agent turn, or null when no rule names it. */
export function goldStage(turn: Turn, map: DialogueMap): string | null {
  if (!turn.agent) return null;
  for (const rule of map.stages) if (rule.acts.some((a) => turn.acts.includes(a))) return rule.stage;
  return null;
}

const MIN = 60_000;
const T0 = Date.UTC(2026, 0, 5, 9, 0);

export function conversationOf(d: Dialogue): Conversation {
  return {
    id: d.id,
    channel: "chat",
    priority: "normal",
    createdAt: T0,
    statusChanges: [],
    surveys: [],
    tags: [],
    messages: d.turns.map((t, i) => ({
      author: t.agent ? "agent" : "customer",
      visibility: "public",
      at: T0 + i * MIN,
      text: t.text,
    })),
  } as Conversation;
}

/** The name of a final state: the stage while active, else `resolved`, `closed` or `abandoned`. */
function finalName(snapshot: ConversationSnapshot): string {
  const v = snapshot.value;
  return typeof v === "string" ? v : snapshot.context.stage;
}

export interface DialogueTurnResult {
  dialogue: string;
  turn: number;
  text: string;
  gold: string;
  machine: string;
  act: string;
  actStage: string;
}

export interface DialogueScores {
  split: string;
  dialogues: number;
  scored: number;
  agreement: number;
  perStage: { stage: string; n: number; agreed: number; agreement: number }[];
  confusion: Record<string, Record<string, number>>;
  classifierAgreement: number;
  classifierPerStage: { stage: string; agreement: number }[];
  finalStates: Record<string, number>;
  goodbyeEnded: number;
  goodbyeResolved: number;
  goodbyeResolvedShare: number;
  dialoguesPerSecond: number;
  misses: DialogueTurnResult[];
}

/** Replays `dialogues` and scores them (see the module comment). */
export function scoreDialogues(
  dialogues: readonly Dialogue[],
  map: DialogueMap,
  split: string,
  input: Omit<ConversationMachineInput, "conversationId" | "startedAt"> = {},
  keepMisses = 0,
): DialogueScores {
  const stages = [...new Set(map.stages.map((s) => s.stage))];
  const inner = fastDriver(conversationMachine);
  if (inner === undefined) throw new Error("eval: the fast runner does not cover conversationMachine");
  // Records the stage after every event the replay sends, aligned with the replay's steps.
  let after: string[] = [];
  const driver: ReplayDriver<unknown> = {
    get emitted() {
      return inner.emitted;
    },
    set emitted(list) {
      inner.emitted = list;
    },
    start: (i) => inner.start(i),
    send: (state, event) => {
      const next = inner.send(state as never, event);
      after.push(next.context.stage);
      return next;
    },
    status: (state) => inner.status(state as never),
    context: (state) => inner.context(state as never),
    value: (state) => inner.value(state as never),
    snapshot: (state) => inner.snapshot(state as never),
  };
  const confusion: Record<string, Record<string, number>> = {};
  const agreed: Record<string, number> = {};
  const total: Record<string, number> = {};
  const actAgreed: Record<string, number> = {};
  const finals: Record<string, number> = {};
  const misses: DialogueTurnResult[] = [];
  let goodbyeEnded = 0;
  let goodbyeResolved = 0;
  const options = { input };
  const conversations = dialogues.map(conversationOf);
  const t0 = performance.now();
  for (const c of conversations) replayWith(driver, c, options);
  const seconds = (performance.now() - t0) / 1000;
  for (let d = 0; d < dialogues.length; d++) {
    const dialogue = dialogues[d] as Dialogue;
    after = [];
    const result = replayWith(driver, conversations[d] as Conversation, options);
    // The stage after each message: after its own step, or as it stood when it sent nothing.
    const stageAfter: string[] = [];
    const stageBefore: string[] = [];
    let current = "greeting";
    let k = 0;
    for (let i = 0; i < dialogue.turns.length; i++) {
      stageBefore.push(current);
      while (k < result.steps.length && (result.steps[k]?.message ?? -1) <= i) {
        current = after[k] as string;
        k++;
      }
      stageAfter.push(current);
    }
    dialogue.turns.forEach((turn, i) => {
      const gold = goldStage(turn, map);
      if (gold === null) return;
      const machine = (gold === "greeting" ? stageBefore[i] : stageAfter[i]) as string;
      total[gold] = (total[gold] ?? 0) + 1;
      const row = confusion[gold] ?? {};
      confusion[gold] = row;
      row[machine] = (row[machine] ?? 0) + 1;
      if (machine === gold) agreed[gold] = (agreed[gold] ?? 0) + 1;
      const act = classifyAct(turn.text, { speaker: "agent" }).act;
      const actStage = actStages[act] ?? "none";
      if (actStage === gold) actAgreed[gold] = (actAgreed[gold] ?? 0) + 1;
      if (machine !== gold && misses.length < keepMisses)
        misses.push({
          dialogue: dialogue.id,
          turn: turn.index,
          text: turn.text,
          gold,
          machine,
          act,
          actStage,
        });
    });
    const end = finalName(result.snapshot);
    finals[end] = (finals[end] ?? 0) + 1;
    const last = dialogue.turns[dialogue.turns.length - 1];
    if (last?.acts.some((a) => map.goodbye.includes(a))) {
      goodbyeEnded++;
      if (end === "resolved" || end === "closed") goodbyeResolved++;
    }
  }
  let scored = 0;
  let agreedAll = 0;
  let actAll = 0;
  for (const s of stages) {
    scored += total[s] ?? 0;
    agreedAll += agreed[s] ?? 0;
    actAll += actAgreed[s] ?? 0;
  }
  const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);
  return {
    split,
    dialogues: dialogues.length,
    scored,
    agreement: ratio(agreedAll, scored),
    perStage: stages.map((stage) => ({
      stage,
      n: total[stage] ?? 0,
      agreed: agreed[stage] ?? 0,
      agreement: ratio(agreed[stage] ?? 0, total[stage] ?? 0),
    })),
    confusion,
    classifierAgreement: ratio(actAll, scored),
    classifierPerStage: stages.map((stage) => ({
      stage,
      agreement: ratio(actAgreed[stage] ?? 0, total[stage] ?? 0),
    })),
    finalStates: finals,
    goodbyeEnded,
    goodbyeResolved,
    goodbyeResolvedShare: ratio(goodbyeResolved, goodbyeEnded),
    dialoguesPerSecond: seconds > 0 ? dialogues.length / seconds : 0,
    misses,
  };
}

export function dialogueReport(s: DialogueScores): string {
  const f = (x: number) => x.toFixed(3);
  const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
  const finals = Object.entries(s.finalStates).sort((a, b) => b[1] - a[1]);
  const predicted = [...new Set(Object.values(s.confusion).flatMap((r) => Object.keys(r)))].sort();
  return [
    `split: ${s.split}   dialogues ${s.dialogues}   scored agent turns ${s.scored}   replay ${Math.round(s.dialoguesPerSecond).toLocaleString("en")} dialogues/s (wall clock, classification included)`,
    `stage agreement ${f(s.agreement)}   classifyAct alone ${f(s.classifierAgreement)}   goodbye-ended dialogues resolved ${s.goodbyeResolved}/${s.goodbyeEnded} (${pct(s.goodbyeResolvedShare)})`,
    "",
    "| gold stage | agent turns | machine agrees | classifyAct alone |",
    "|---|---:|---:|---:|",
    ...s.perStage.map(
      (p, i) => `| ${p.stage} | ${p.n} | ${f(p.agreement)} | ${f(s.classifierPerStage[i]?.agreement ?? 0)} |`,
    ),
    "",
    "confusion (rows gold, columns the machine's stage)",
    `| gold \\ machine | ${predicted.join(" | ")} |`,
    `|---|${predicted.map(() => "---:").join("|")}|`,
    ...Object.entries(s.confusion).map(
      ([gold, row]) => `| ${gold} | ${predicted.map((p) => row[p] ?? 0).join(" | ")} |`,
    ),
    "",
    `final states: ${finals.map(([k, v]) => `${k} ${v} (${pct(v / Math.max(1, s.dialogues))})`).join(", ")}`,
  ].join("\n");
}

/** The dialogue mode's command line (called by scripts/eval.ts on `--dialogue`). */
export function dialogueMain(arg: (name: string) => string | undefined, json: boolean): void {
  const data = arg("data");
  const mapFile = arg("map");
  if (!data || !mapFile) {
    console.error(
      "usage: npm run eval -- --dialogue --data FILE.jsonl --map MAP.json [--split dev|held-out|all|both] [--input JSON] [--misses N] [--json]",
    );
    process.exit(2);
  }
  const map = JSON.parse(fs.readFileSync(mapFile, "utf8")) as DialogueMap;
  const input = JSON.parse(arg("input") ?? "{}") as Omit<
    ConversationMachineInput,
    "conversationId" | "startedAt"
  >;
  const which = arg("split") ?? "both";
  const misses = Number(arg("misses") ?? 0);
  const all = loadDialogues(data, map);
  const splits: [string, Dialogue[]][] =
    which === "all"
      ? [["all", all]]
      : which === "both"
        ? [
            ["dev", all.filter((d) => splitOf(d.id) === "dev")],
            ["held-out", all.filter((d) => splitOf(d.id) === "held-out")],
          ]
        : [[which, all.filter((d) => splitOf(d.id) === which)]];
  const results = splits.map(([name, ds]) => scoreDialogues(ds, map, name, input, misses));
  if (json) {
    console.log(JSON.stringify(results, null, 2));
    return;
  }
  console.log(
    `data: ${data}   map: ${mapFile}   machine input: ${JSON.stringify(input)}   dialogues ${all.length}`,
  );
  for (const r of results) {
    console.log("");
    console.log(dialogueReport(r));
    for (const m of r.misses)
      console.log(
        `  miss ${m.dialogue}#${m.turn} gold ${m.gold} machine ${m.machine} act ${m.act}: ${m.text}`,
      );
  }
}
