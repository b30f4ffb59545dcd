import { checkOptions } from "../internal/args.js";
import type { ConversationStage } from "../schemas/vocabulary.js";
import { type Analysis, analyze, type Evidence, rawOf } from "./analyze.js";
import { evidenceAt, evidenceOf, log, negatedAt, TARGET_CUE, typeTarget } from "./evidence-log.js";
import { type CueKind, cueKinds, type Lexicon } from "./lexicon.js";

/**
 * The dialogue acts {@link classifyAct} tells apart.
 *
 * @remarks
 * After the turn-level acts of task-oriented dialogue corpora (inform, request, offer, confirm, affirm,
 * negate, thank you, goodbye in the Schema-Guided Dialogue set, Rastogi et al. 2020), named for what a
 * support conversation needs: seed 003's lifecycle greets, asks and restates to understand, proposes,
 * gets a yes or a no, confirms what will be delivered, and says goodbye. `request` is the customer
 * asking for something to be done ("I'd like to book ...", "can you cancel ..."), `ask` a question.
 *
 * @example
 * ```ts
 * import { actNames } from "touchpoint/classify";
 *
 * actNames.includes("restate"); // => true
 * ```
 *
 * @category Acts
 */
export const actNames = [
  "greet",
  "ask",
  "request",
  "inform",
  "restate",
  "propose",
  "accept",
  "reject",
  "confirm",
  "apologize",
  "thank",
  "goodbye",
  "escalate",
  "other",
] as const;
/** A dialogue act ({@link actNames}). @category Acts */
export type ActName = (typeof actNames)[number];

/**
 * The conversation stage each act signals (seed 003's lifecycle), or null for `other`.
 *
 * @remarks
 * greet → greeting; ask, request, inform, restate, apologize → understanding; propose, reject → proposing (a
 * rejected proposal calls for another); accept, confirm → delivering (an agreed solution is being
 * delivered); thank, goodbye → closing; escalate (asking for a person or someone senior) changes
 * who handles the conversation, not its stage, and `other` has none.
 *
 * @example
 * ```ts
 * import { actStages } from "touchpoint/classify";
 *
 * actStages.restate; // => "understanding"
 * actStages.goodbye; // => "closing"
 * ```
 *
 * @category Acts
 */
export const actStages: { readonly [A in ActName]: ConversationStage | null } = {
  greet: "greeting",
  ask: "understanding",
  request: "understanding",
  inform: "understanding",
  restate: "understanding",
  apologize: "understanding",
  propose: "proposing",
  reject: "proposing",
  accept: "delivering",
  confirm: "delivering",
  thank: "closing",
  goodbye: "closing",
  escalate: null,
  other: null,
};

/** Who speaks an utterance: the customer or the business (an agent or a bot). @category Acts */
export type Speaker = "customer" | "agent" | "bot";

/** Options of {@link classifyAct}. @category Acts */
export interface ClassifyActOptions {
  /** Who said it (default `"customer"`): agents propose and confirm, customers accept and reject. */
  speaker?: Speaker;
  /** A lexicon from {@link createLexicon}; the built-in English one by default. */
  lexicon?: Lexicon;
  /** Read at most this many UTF-16 code units of the text (default 20,000; `Infinity` reads all). */
  maxLength?: number;
}

/**
 * The act of one sentence of an utterance, as listed in {@link ActResult.acts}.
 *
 * @category Acts
 */
export interface SentenceAct {
  /** The sentence's own act: its best-scoring act when read alone. */
  act: ActName;
  /** The sentence's half-open span `[start, end)` in UTF-16 code units of the input. */
  span: readonly [number, number];
}

/**
 * What {@link classifyAct} returns.
 *
 * @category Acts
 */
export interface ActResult {
  /** The primary act (see {@link classifyAct} for how it is chosen); `other` for an utterance with no words. */
  act: ActName;
  /** The conversation stage the act signals (null for `other`). */
  stage: ConversationStage | null;
  /** The act's score in [0, 1]. */
  confidence: number;
  /** A score for every act. */
  scores: Record<ActName, number>;
  /** The cues behind the act. */
  evidence: Evidence[];
  /**
   * The act of each sentence, in text order ("Thanks for getting in touch. From what I understand, ...?"
   * is a greeting, then a restatement). Empty for an utterance with no sentences.
   */
  acts: SentenceAct[];
}

const ACT_CUES: { readonly [K in CueKind]?: ActName } = {
  greeting: "greet",
  restate: "restate",
  propose: "propose",
  accept: "accept",
  reject: "reject",
  confirm: "confirm",
  apology: "apologize",
  gratitude: "thank",
  goodbye: "goodbye",
  escalate: "escalate",
};

const ACTS = actNames.length;
const GREET = actNames.indexOf("greet");
const ASK = actNames.indexOf("ask");
const INFORM = actNames.indexOf("inform");
const RESTATE = actNames.indexOf("restate");
const PROPOSE = actNames.indexOf("propose");
const ACCEPT = actNames.indexOf("accept");
const REJECT = actNames.indexOf("reject");
const CONFIRM = actNames.indexOf("confirm");
const ESCALATE = actNames.indexOf("escalate");
const REQUEST = actNames.indexOf("request");
const GOODBYE = actNames.indexOf("goodbye");
/** The act index of each cue kind (−1 for kinds that are not act cues). */
const ACT_OF_KIND: Int8Array = Int8Array.from(cueKinds, (k) => {
  const act = ACT_CUES[k];
  return act === undefined ? -1 : actNames.indexOf(act);
});

/**
 * How far each act takes a conversation through seed 003's stages (0: it does not move it): asking and
 * restating understand, a rejection and a proposal propose (the proposal last: it answers a rejection),
 * an acceptance and a confirmation deliver, a goodbye closes. Greetings, apologies, thanks and plain
 * information frame a turn.
 */
const ADVANCE: { readonly [A in ActName]: number } = {
  other: 0,
  greet: 0,
  apologize: 0,
  thank: 0,
  inform: 0,
  ask: 1,
  request: 1,
  restate: 2,
  reject: 3,
  propose: 4,
  accept: 5,
  confirm: 6,
  goodbye: 7,
  // Asking for a person outranks everything else the turn says: the hand-off comes first.
  escalate: 8,
};
const ADVANCE_OF: Int8Array = Int8Array.from(actNames, (a) => ADVANCE[a]);

/** Declining right before a cue ("don't want to talk to ...", "don't need a human", "no need to speak to ..."). */
const DECLINED =
  /(?:\b(?:don'?t|do not|doesn'?t|does not|didn'?t|did not|never)(?:\s+really)?(?:\s+(?:want|need|wish)(?:\s+to)?)?|\brather not|\bno need (?:to|for))[\s,]*$/i;

function declinedBefore(text: string, start: number): boolean {
  return DECLINED.test(text.slice(Math.max(0, start - 40), start));
}

/*
 * Sentence forms that the cue lexicon cannot see, because they are about how a sentence opens or
 * which verb follows a frame. Each is a general phrasing of task talk (booking, ordering, fixing),
 * written from the act definitions, not from any evaluation set's sentences.
 */

/** A customer asking for something for themselves: "I'd like a table", "I want to book", "can you book ...". */
const REQUEST_WANT =
  /\b(?:(?:i|we)(?:'d| would) (?:really )?(?:like|love)|(?:i|we) (?:really |also |just )?(?:want|need|wanna))\b(?! to (?:know|ask|see|say|thank|find out|check if|check whether)\b)|\b(?:i|we)(?:'m| am|'re| are) (?:also )?(?:looking|searching|hoping) (?:for|to)\b|\b(?:i|we)(?:'m| am|'re| are) (?:trying|planning) to (?:book|reserve|buy|order|get|find|make|rent|schedule)\b|\b(?:find|book|get|reserve|order|show|rent) (?:me|us)\b/i;
const REQUEST_ASK =
  /\b(?:can|could|would|will) you(?: please| kindly)? (?:help me (?:to )?)?(?:book|rebook|reserve|buy|order|find|get|make|schedule|reschedule|set up|arrange|cancel|change|send|resend|search|look for|look into|check on|transfer|add|remove|delete|reset|update|call|play|rent|refund|replace|exchange|return|fix|repair|move|switch|upgrade|downgrade|renew|extend|ship|deliver|unlock|activate|deactivate|close|open|install)\b/i;
/** "Please book ...", "Book it.": an imperative of task talk opening the sentence. */
const REQUEST_IMPERATIVE =
  /^\W*(?:(?:ok(?:ay)?|yes|yeah|great|perfect|sure|fine|then|so|and|please),? )*(?:please )?(?:book|reserve|buy|order|find|get|make|schedule|cancel|change|send|search for|look for|transfer|play|rent|refund|replace)\b/i;
/** Wanting to know is asking, not requesting an action. */
const WANT_TO_KNOW =
  /\b(?:i|we)(?:'d| would)? (?:really )?(?:like|love|want|need|wanna) to (?:know|ask|find out|check|hear|learn|understand)\b/i;

/** An agent's question that gathers a detail: it opens with a question word ("What time would you like?"). */
const DETAIL_QUESTION =
  /^\W*(?:(?:ok(?:ay)?|sure|great|alright|all right|perfect|certainly|got it|sounds good|no problem|of course|and|so|also),? )*(?:what|which|when|where|who|whom|whose|how (?:many|much|long|far|often|early|late)|at what|for (?:what|which|when|how)|in (?:what|which)|on (?:what|which)|from (?:what|which|where)|to (?:what|which|where))\b/i;
/** ... unless it asks about an option put on the table ("What about the later one?", "What do you think of X?"). */
const OPTION_QUESTION =
  /^\W*(?:\w+,? )?(?:what|how) about\b|\bwhat do you (?:think|say)\b|\bhow (?:does|do|would) (?:that|this|it|they|you)(?: \S+){0,8}? (?:sound|like|feel about|consider)\b/i;
/** An agent's offer to do something, or of an option, asked yes or no ("Do you want to book it?", "Would you like to buy tickets?"). */
const OFFER_QUESTION =
  /^\W*(?:(?:ok(?:ay)?|sure|great|alright|perfect|certainly|also|and|so|then),? )*(?:(?:do|would|will) you (?:also |still )?(?:want|like|wish|care|prefer)|what do you (?:think|say)|how (?:does|do|would) \w+(?: \w+){0,6} (?:sound|like|feel about|consider)|(?:you )?want (?:to|me to)|(?:are|would) you (?:be )?interested|shall (?:i|we)|should (?:i|we)|can (?:i|we) (?:book|reserve|buy|order|make|schedule|get|set up|arrange|offer|send|add|play)|may (?:i|we) (?:book|reserve|offer|suggest|recommend)|how about|what about|is (?:that|this|it) (?:ok(?:ay)?|good|fine|alright|suitable)|does (?:that|this|it) (?:work|suit|sound))\b/i;
/** A found result or an option put forward: "I found 3 flights", "There is a nice place called ...", "I have a room at ...". */
const FOUND_RESULT =
  /^\W*(?:(?:ok(?:ay)?|sure|great|alright|certainly|yes|no problem|sorry|good news|well),? )*(?:(?:i|we)(?:'ve| have)? (?:also )?(?:found|located|got|have|see)\b(?! (?:booked|reserved|made|placed|sent|issued|cancell?ed|scheduled|processed|submitted|completed|refunded|transferred)\b)|there (?:is|are|'s|was|were) (?:also )?(?:a|an|one|two|three|\d+|some|several|many|\w+ (?:options?|results?))\b|(?:\d+|one|two|three|several|some) (?:\w+ ){0,2}(?:found|available)\b|(?:one|another|a good|a nice|a great|the best|the first|the next) (?:option|choice|result|match|suggestion) (?:is|would be)\b|you (?:might|may|could|would) (?:like|enjoy|try|want to try|consider)\b|(?:i|we) (?:would |'d )?(?:recommend|suggest)\b)/i;
/** The agent asking the customer to approve the details before acting: "Please confirm: 2 tickets for ...". */
const APPROVAL =
  /\b(?:please|kindly|can you|could you|would you|if you could|let me|i'll need you to|i need you to|(?:i|we) (?:would like|want|need) to) (?:just )?(?:confirm|verify|check|ensure|make sure)\b|\bjust to be (?:clear|sure)\b|\bto confirm,? (?:then,? )?you\b|\bneed your (?:final )?(?:confirmation|approval|ok(?:ay)?)\b|,\s*(?:correct|right)\s*\?|^\W*(?:(?:ok(?:ay)?|so|alright),? )*confirming\b|\bto confirm,? you\b|\b(?:is|are) (?:that|this|these|those|everything|all (?:of )?(?:that|this)|the details?) (?:all )?(?:correct|right|ok(?:ay)?)\b|\bdoes (?:that|this|everything) (?:look|sound) (?:right|correct|good)\b/i;
/** A completion report: what was asked is done ("Your table is booked", "I've submitted the report", "The refund is issued"). */
const COMPLETED =
  /\b(?:is|are|has been|have been|was|were|got|'s been|'re)(?: now| all| successfully| just)? (?:booked|reserved|scheduled|made|placed|submitted|completed|complete|processed|purchased|bought|sent|issued|transferred|cancell?ed|arranged|set up|confirmed|done|finished|paid|refunded|replaced|fixed|resolved|updated|changed|added|removed|activated|renewed|on (?:its|the|their) way)\b|\b(?:i|we)(?:'ve| have)? (?:now |just |successfully |already )*(?:booked|reserved|scheduled|made|placed|submitted|completed|processed|purchased|bought|sent|issued|transferred|cancell?ed|arranged|set up|confirmed|paid|refunded|replaced|fixed|resolved|updated|changed|added|activated|renewed|started|started playing|begun|ordered|requested|called)\b|\bsuccessfully\b|\b(?:went|gone) through\b|\bnow playing\b|\bis playing now\b|\ball set\b/i;
/** A goodbye wish: "Have a great night!", "Enjoy your stay.", "Take care." */
const FAREWELL =
  /^\W*(?:(?:ok(?:ay)?|alright|great|thanks?|thank you|you're welcome|no problem|my pleasure|bye|goodbye|and|well),? )*(?:i )?(?:hope you |wish you )?(?:have|enjoy)(?: yourself)? (?:a|an|your|the|rest of|the rest of) (?:\w+ ){0,3}?(?:day|days|night|evening|afternoon|morning|weekend|week|trip|flight|journey|stay|meal|dinner|lunch|time|holiday|holidays|vacation|one|show|movie|film|game|event|visit|ride|appointment|concert|match|music|song|day ahead|everything)\b/i;

/** A customer saying they need nothing more: "I'm all set", "that's all I needed". */
const CUSTOMER_DONE =
  /\b(?:i'?m|i am|we'?re|we are) (?:all )?(?:set|good|done|fine)(?: now| for now)?\b|\bthat'?s (?:all|it|everything)\b|\bthat (?:is|was|will be) (?:all|it|everything)\b|\bnothing (?:else|more)\b/i;

/** A restatement's frame damps the question mark and the check it carries ("..., is that right?"). */
const FRAME_DAMP = 0.3;
/** An agent's offer damps its own question mark less than a restatement does. */
const OFFER_DAMP = 0.6;
/** A sentence of this many words or fewer is an act on its own ("Yes.", "Hi there!"). */
const SHORT_SENTENCE = 4;

// Per-sentence raw scores, `ACTS` per sentence, reused from call to call.
let sentenceActs = new Float64Array(ACTS * 16);
/** The message's summed act scores; scratch reused by every call (classifyAct never re-enters). */
const actTotals = new Float64Array(ACTS);
// Per sentence: 1 when an offer cue opens it (in its first three words).
let offerOpens = new Uint8Array(16);

/**
 * Scores the sentence forms of task talk (see the patterns above) into `sentenceActs` at `base`:
 * a customer's request, an agent's detail question, offer, found result, request for approval,
 * completion report, and a goodbye wish from either side.
 */
/** Adds `by` to the sentence score at `at` of {@link sentenceActs}. */
function bump(at: number, by: number): void {
  sentenceActs[at] = (sentenceActs[at] as number) + by;
}

function sentenceForms(
  sentence: string,
  base: number,
  business: boolean,
  question: boolean,
  afterFrame: boolean,
): boolean {
  const R = sentenceActs;
  if (sentence.length > 0 && !question && FAREWELL.test(sentence)) bump(base + GOODBYE, 2);
  if (!business) {
    if (!question && CUSTOMER_DONE.test(sentence)) bump(base + GOODBYE, 2.5);
    if (WANT_TO_KNOW.test(sentence)) {
      // "I'd like to know the address": a question put as a want
      bump(base + ASK, 1 + (R[base + PROPOSE] as number));
      R[base + PROPOSE] = (R[base + PROPOSE] as number) * 0.3;
    } else if (
      // asking for a person stays an escalation ("I want to talk to a manager")
      (R[base + ESCALATE] as number) === 0 &&
      (REQUEST_WANT.test(sentence) || REQUEST_ASK.test(sentence) || REQUEST_IMPERATIVE.test(sentence))
    ) {
      // a want is a request, not a suggestion of the customer's ("I'd like a table for two")
      bump(base + REQUEST, 1.2 + Math.max(R[base + PROPOSE] as number, R[base + ASK] as number));
      R[base + PROPOSE] = (R[base + PROPOSE] as number) * 0.3;
    }
    return false;
  }
  if (question) {
    if (DETAIL_QUESTION.test(sentence) && !OPTION_QUESTION.test(sentence)) {
      // "What time would you like?": gathering a detail, whatever offer words it carries
      R[base + PROPOSE] = (R[base + PROPOSE] as number) * 0.2;
      bump(base + ASK, 1);
      return false;
    }
    // a restatement's or a stated fact's own check ("..., is that right?") stays one
    if ((R[base + RESTATE] as number) > 0 || afterFrame) return false;
    const approval = APPROVAL.test(sentence);
    if (approval || OFFER_QUESTION.test(sentence)) {
      bump(base + PROPOSE, 1.5 + (R[base + ASK] as number) + (R[base + CONFIRM] as number));
      R[base + CONFIRM] = (R[base + CONFIRM] as number) * 0.3;
    }
    return approval;
  }
  if ((R[base + RESTATE] as number) === 0 && APPROVAL.test(sentence)) {
    bump(base + PROPOSE, 1.5 + (R[base + CONFIRM] as number));
    R[base + CONFIRM] = (R[base + CONFIRM] as number) * 0.3;
    return true;
  }
  if (COMPLETED.test(sentence)) bump(base + CONFIRM, 1.5);
  else if (FOUND_RESULT.test(sentence)) bump(base + PROPOSE, 1.2);
  return false;
}

/**
 * Every act's score from `s` (indexed as {@link actNames}), as one literal: an object filled key by
 * key was a quarter of classifyAct's own time.
 */
function scoresOf(s: Float64Array): Record<ActName, number> {
  return {
    greet: s[0] as number,
    ask: s[1] as number,
    request: s[2] as number,
    inform: s[3] as number,
    restate: s[4] as number,
    propose: s[5] as number,
    accept: s[6] as number,
    reject: s[7] as number,
    confirm: s[8] as number,
    apologize: s[9] as number,
    thank: s[10] as number,
    goodbye: s[11] as number,
    escalate: s[12] as number,
    other: s[13] as number,
  };
}

/** Heaviest evidence first. */
const byWeight = (x: Evidence, y: Evidence): number => y.weight - x.weight;

/** A turn of this many words or fewer: every cue in it counts as early. */
const SHORT_TURN = 6;

/**
 * The weight of act cue `k` of the log for `act`: greetings and yes/no answers count where they open
 * the turn, the other acts anywhere; then by who speaks.
 */
function cueWeight(a: Analysis, act: number, k: number, business: boolean): number {
  const start = log.start[k] as number;
  const si = log.sentence[k] as number;
  const short = a.words <= SHORT_TURN;
  const early =
    start < a.thirdWordEnd ||
    short ||
    ((a.sentenceWords[si] as number) <= SHORT_SENTENCE && start < (a.sentenceThirdWordEnd[si] as number));
  const positional = act === GREET || act === ACCEPT || act === REJECT;
  let w = (log.weight[k] as number) * (early || !positional ? 1.5 : 0.5);
  if (act === PROPOSE || act === CONFIRM) w *= business ? 1.3 : 0.6;
  if (act === ACCEPT || act === REJECT) w *= business ? 0.6 : 1.2;
  if ((act === ACCEPT || act === REJECT) && !early) w *= 0.5;
  if (act === GREET && !short) w *= 0.9;
  // a customer asks for a person; an agent offering one is mostly proposing or informing
  if (act === ESCALATE && business) w *= 0.4;
  return w;
}

/** The end of a greeting cue among sentence `si`'s first three words from `start`, or −1. */
function openingGreeting(a: Analysis, si: number, start: number): number {
  const limit = a.sentenceThirdWordEnd[si] as number;
  let end = -1;
  for (let k = 0; k < log.n; k++) {
    const t = log.target[k] as number;
    if (t < TARGET_CUE || log.sentence[k] !== si || ACT_OF_KIND[t - TARGET_CUE] !== GREET) continue;
    const s = log.start[k] as number;
    if (s >= start && s < limit && !negatedAt(k)) end = Math.max(end, log.end[k] as number);
  }
  return end;
}

/**
 * Returns the dialogue act of one utterance (greet, ask, inform, restate, propose, accept, reject,
 * confirm, apologize, thank, goodbye, escalate), the conversation stage it signals, and the act of
 * each sentence.
 *
 * @remarks
 * Each sentence is scored on its own: each act's raw score sums its cues. Greetings, acceptances and
 * rejections count in full in the first three words of the turn, in a short utterance (six words or
 * fewer) or at the start of a short sentence ("Thanks. Yes, go ahead."), and at a third elsewhere,
 * since a "hello" or a "yes" is an act only where it opens the turn or is the turn; the other acts'
 * cues count anywhere. Questions (`ask`) come from the sentence-form cues of {@link classifyInteraction};
 * a customer's suggestion counts as `propose`. Agents' proposals and confirmations weigh more than
 * customers', customers' acceptances and rejections more than agents'. A restatement's frame ("From what
 * I understand, ...", "If I understand correctly, ...", "So you're saying ...") outranks its question mark,
 * an agent's question that opens as an offer ("Shall I book it?", "Would you like me to resend it?") is
 * a proposal, and an agent's greeting keeps a sentence a greeting even when it ends in "How can I help?".
 * A sentence with words and nothing stronger is `inform`. Scores are `1 − e^(−raw)` over the whole utterance;
 * stages follow {@link actStages}.
 *
 * Task talk also has forms that depend on how a sentence opens: a customer asking for something for
 * themselves ("I'd like ...", "I want ...", "can you book ...", "please cancel ...") is `request`,
 * and "I'd like to know ..." is `ask`; an agent's question that opens with a question word gathers a
 * detail ("What time would you like?") and is `ask`, while a yes-or-no offer ("Do you want me to
 * ...?", "How about ...?"), a found result ("I found two flights ...", "There is a room ...") and a
 * request for approval ("Please confirm: ...", "..., right?") are `propose`; a completion report
 * ("Your table is booked", "I've submitted the claim") is `confirm`; a farewell wish ("Have a great
 * night!") and a customer's "I'm all set" are `goodbye`. A greeting that opens a sentence with
 * another act in it ("Hello, I'd like ...") is listed as an act of its own in `acts`.
 *
 * The primary `act` is the sentence act that moves the conversation furthest through seed 003's
 * stages: ask and request, then restate, reject, propose (a rejection calls for a new proposal, so a proposal in the
 * same turn outranks it), accept, confirm, goodbye, and above them all escalate, a customer asking
 * for a person or someone senior (an agent's offer to transfer counts less) (so "Thanks for getting in
 * touch. From what I understand, ...?" is a restatement, and "We could change it from your profile.
 * Would you prefer that?" a proposal). Greetings, apologies, thanks and `inform` only frame a turn:
 * when no sentence has one of the acts above, the primary act is the best-scoring act of the whole
 * utterance. A check question right after a restatement ("Is that right?") belongs to it, and an agent's
 * "Sure." or "No," opening a turn acknowledges rather than decides, so neither outranks what follows.
 *
 * @param text - one utterance (any string)
 * @param options - the speaker and an optional lexicon
 * @returns the act, its stage, the confidence, every act's score, the evidence and each sentence's act
 *
 * @example
 * ```ts
 * import { classifyAct } from "touchpoint/classify";
 *
 * classifyAct("Hi there! How can I help you today?", { speaker: "agent" }).act; // => "greet"
 * classifyAct("From what I understand, the refund never reached your card.", { speaker: "agent" }).stage; // => "understanding"
 * classifyAct("If I understand correctly, you'd like a second invoice?", { speaker: "agent" }).act; // => "restate"
 * classifyAct("We can offer you a replacement at no cost.", { speaker: "agent" }).act; // => "propose"
 * classifyAct("I'd recommend the yearly plan for a team your size.", { speaker: "agent" }).act; // => "propose"
 * classifyAct("Yes, that works for me.", { speaker: "customer" }).act; // => "accept"
 * classifyAct("You're welcome, have a lovely evening!", { speaker: "agent" }).act; // => "goodbye"
 * classifyAct("This isn't helping. Can I talk to a real person?").act; // => "escalate"
 * classifyAct("What time would you like?", { speaker: "agent" }).act; // => "ask"
 * classifyAct("Your table is booked for 8 pm.", { speaker: "agent" }).act; // => "confirm"
 * classifyAct("Hello, I'd like to book a table for two.").acts.map((s) => s.act); // => ["greet", "request"]
 *
 * const text = "Thanks for writing in. From what I understand, the export stops halfway?";
 * const result = classifyAct(text, { speaker: "agent" });
 * result.acts.map((s) => s.act); // => ["greet", "restate"]
 * result.act; // => "restate"
 * const [start, end] = result.acts[1]!.span;
 * text.slice(start, end); // => "From what I understand, the export stops halfway?"
 * ```
 *
 * @category Acts
 */
export function classifyAct(text: string, options: ClassifyActOptions = {}): ActResult {
  options = checkOptions("classifyAct", options);
  const business = (options.speaker ?? "customer") !== "customer";
  const acts: SentenceAct[] = [];
  const a = analyze(text, options.lexicon, options.maxLength, true);
  const primary = primaryOf(a, business, acts);
  const scores = scoresOf(actTotals);
  const best: ActName = primary >= 0 ? (actNames[primary] as ActName) : "other";
  // the evidence of the chosen act only: its cues, then the sentence-form cues it borrows
  const evidence: Evidence[] = [];
  if (primary >= 0) {
    for (let k = 0; k < log.n; k++) {
      const t = log.target[k] as number;
      if (t >= TARGET_CUE && !negatedAt(k) && ACT_OF_KIND[t - TARGET_CUE] === primary) {
        const e = evidenceAt(a.text, k);
        e.weight = cueWeight(a, primary, k, business);
        evidence.push(e);
      }
    }
  }
  if (best === "ask") for (const e of evidenceOf(a.text, typeTarget("question"))) evidence.push(e);
  if (best === "propose" && !business)
    for (const e of evidenceOf(a.text, typeTarget("suggestion")))
      evidence.push({ ...e, weight: 0.6 * e.weight });
  return {
    act: best,
    stage: actStages[best],
    confidence: primary >= 0 ? scores[best] : 0,
    scores,
    evidence: evidence.length > 1 ? evidence.sort(byWeight) : evidence,
    acts,
  };
}

/**
 * The primary act of `text` alone, as {@link classifyAct} gives it (same analysis, same rules),
 * without the scores, evidence and sentence acts: replay reads nothing else, and building them was
 * most of what a replay allocated. `text` is any value, as for classifyAct.
 *
 * @internal
 */
export function primaryAct(text: unknown, speaker: "customer" | "agent" | "bot"): ActName {
  const primary = primaryOf(analyze(text, undefined, undefined, true), speaker !== "customer", null);
  return primary >= 0 ? (actNames[primary] as ActName) : "other";
}

/**
 * Scores the acts of the analysed text `a`: leaves every act's score in `actTotals` (indexed as
 * {@link actNames}), pushes each sentence's act to `acts` unless it is `null`, and returns the
 * primary act's index (−1 when no act scored).
 */
function primaryOf(a: Analysis, business: boolean, acts: SentenceAct[] | null): number {
  const n = a.sentences;
  const words = a.words;
  if (sentenceActs.length < ACTS * n) sentenceActs = new Float64Array(ACTS * Math.max(n, 16) * 2);
  const R = sentenceActs;
  R.fill(0, 0, ACTS * n);
  if (offerOpens.length < n) offerOpens = new Uint8Array(Math.max(n, 16) * 2);
  offerOpens.fill(0, 0, n);
  for (let k = 0; k < log.n; k++) {
    const t = log.target[k] as number;
    if (t < TARGET_CUE || negatedAt(k)) continue;
    const act = ACT_OF_KIND[t - TARGET_CUE] as number;
    if (act < 0) continue;
    // "I don't want to talk to a human": declining a person, a few words before the cue
    if (act === ESCALATE && declinedBefore(a.text, log.start[k] as number)) continue;
    const si = log.sentence[k] as number;
    const at = ACTS * si + act;
    R[at] = (R[at] as number) + cueWeight(a, act, k, business);
    if (act === PROPOSE && (log.start[k] as number) < (a.sentenceThirdWordEnd[si] as number))
      offerOpens[si] = 1;
  }
  // each sentence on its own: its form, then the frames that outrank it
  const raw = actTotals;
  raw.fill(0);
  // the last two sentence acts found (a greeting that opens a sentence counts as one of its own)
  let last = -1;
  let beforeLast = -1;
  let moverAct = -1;
  let moverAdvance = 0;
  for (let si = 0; si < n; si++) {
    const base = ACTS * si;
    const types = rawOf(a, si);
    R[base + ASK] = (R[base + ASK] as number) + types.question;
    if (!business) R[base + PROPOSE] = (R[base + PROPOSE] as number) + 0.6 * types.suggestion;
    const sw = a.sentenceWords[si] as number;
    if (sw > 0) R[base + INFORM] = Math.min(0.7, 0.1 * sw);
    const approval = sentenceForms(
      a.text.slice(a.sentenceStart[si], a.sentenceEnd[si]),
      base,
      business,
      a.sentenceQuestion[si] === 1,
      last === RESTATE || last === CONFIRM,
    );
    if ((R[base + RESTATE] as number) > 0) {
      // "From what I understand, you need X?": the question checks the restatement
      R[base + ASK] = (R[base + ASK] as number) * FRAME_DAMP;
      R[base + CONFIRM] = (R[base + CONFIRM] as number) * FRAME_DAMP;
    }
    // "Shall I book a call?", "Would you like me to resend it?": a question that opens as an offer is one
    if (business && offerOpens[si] === 1) R[base + ASK] = (R[base + ASK] as number) * OFFER_DAMP;
    if (business && (R[base + GREET] as number) > 0) {
      // an agent's greeting usually ends in an offer of help ("How can I help?"): still a greeting
      R[base + GREET] = (R[base + GREET] as number) + 1;
      R[base + ASK] = (R[base + ASK] as number) * FRAME_DAMP;
    }
    // a greeting followed by the real request: the request is the act
    if (!business && (R[base + GREET] as number) > 0 && words > 8) {
      if ((R[base + ASK] as number) > 1 || (R[base + PROPOSE] as number) > 1)
        R[base + GREET] = (R[base + GREET] as number) * 0.5;
    }
    let best = -1;
    let bestRaw = 0;
    for (let x = 0; x < ACTS; x++) {
      const v = R[base + x] as number;
      if (x !== INFORM) raw[x] = (raw[x] as number) + v;
      if (v > bestRaw) {
        best = x;
        bestRaw = v;
      }
    }
    if (best < 0) continue;
    const start = a.sentenceStart[si] as number;
    const end = a.sentenceEnd[si] as number;
    // "Hello, I'd like ...": the greeting that opens the sentence is an act of its own
    const greetingEnd = best === GREET ? -1 : openingGreeting(a, si, start);
    if (greetingEnd > start && greetingEnd < end) {
      beforeLast = GREET;
      last = best;
      if (acts !== null) {
        acts.push({ act: "greet", span: [start, greetingEnd] });
        let rest = greetingEnd;
        while (rest < end && /[\s,;:!.-]/.test(a.text[rest] as string)) rest++;
        acts.push({ act: actNames[best] as ActName, span: [rest, end] });
      }
    } else {
      beforeLast = last;
      last = best;
      if (acts !== null) acts.push({ act: actNames[best] as ActName, span: [start, end] });
    }
    let advance = ADVANCE_OF[best] as number;
    // a check right after a restatement ("Is that right?") belongs to it
    if (
      (best === ASK || best === CONFIRM || (best === PROPOSE && approval)) &&
      a.sentenceQuestion[si] === 1 &&
      si > 0 &&
      beforeLast === RESTATE
    )
      advance = 0;
    // an agent's "Sure." or "No," acknowledges what the customer said; it decides nothing
    if (business && (best === ACCEPT || best === REJECT)) advance = 0;
    if (advance > moverAdvance) {
      moverAct = best;
      moverAdvance = advance;
    }
  }
  if (words > 0) raw[INFORM] = Math.min(0.7, 0.1 * words);

  let bestIndex = -1;
  let bestScore = 0;
  for (let x = 0; x < ACTS; x++) {
    const r = raw[x] as number;
    const s = r > 0 ? 1 - Math.exp(-r) : 0;
    raw[x] = s;
    if (s > bestScore) {
      bestIndex = x;
      bestScore = s;
    }
  }
  return moverAct >= 0 ? moverAct : bestIndex;
}
