import { source, unit } from "./codes.js";

/*
 * The vocabulary of a compiled lexicon: every token norm its phrases use, plus the grammar words the
 * rules test, each with a small integer id.
 *
 * Why: the analysis pass looks a token up without making a string for it. The tokenizer hashes the
 * lower-cased code units of a word as it scans them (FNV-1a), and `lookup` finds the id in an
 * open-addressing table, comparing code units against the stored word only on a full-hash match. The
 * grammar words come first, in a fixed order, so their ids are the same in every lexicon and the rules
 * can test them as constants and flags.
 */

/** FNV-1a offset basis (32-bit). */
export const HASH_SEED = 0x811c9dc5 | 0;
/** FNV-1a prime (32-bit). */
export const HASH_PRIME = 0x01000193;

/** The FNV-1a hash of a string's code units. */
export function hashString(s: string): number {
  let h = HASH_SEED;
  for (let k = 0; k < s.length; k++) h = Math.imul(h ^ unit(s, k), HASH_PRIME);
  return h;
}

/** Grammar flags of a word id (bits). */
export const F_WH = 1;
export const F_AUX = 2;
export const F_SUBJECT = 4;
export const F_LEAD_FILLER = 8;
export const F_OPENER_FILLER = 16;
export const F_SECOND_PERSON = 32;
/** Negators that deny ability or willingness: "can't", "won't", "couldn't". */
export const F_NEG_ABILITY = 1 << 6;
/** Negated do-support: "don't", "doesn't", "didn't". */
export const F_NEG_DO = 1 << 7;
/** Negated be: "isn't", "wasn't", "aren't". */
export const F_NEG_BE = 1 << 8;
/** Negated have: "haven't", "hasn't", "hadn't". */
export const F_NEG_HAVE = 1 << 9;
/** Auxiliaries that "not" can follow, by class. */
export const F_ABILITY_AUX = 1 << 10;
export const F_DO_AUX = 1 << 11;
export const F_BE_AUX = 1 << 12;
export const F_HAVE_AUX = 1 << 13;
/** Words a negated predicate skips to reach its verb: "hasn't even arrived", "doesn't seem to work". */
export const F_NEG_SKIP = 1 << 14;
/** Verbs of things working, arriving and being answered: what a customer expects to happen. */
export const F_FUNCTION_VERB = 1 << 15;
/** Verbs whose denial is not a failure: "can't wait", "can't thank you enough", "don't mind". */
export const F_NEG_EXCEPT = 1 << 16;
/** Irregular past participles: "shown", "sent", "done". */
export const F_PARTICIPLE = 1 << 17;
/** States whose denial reports a failure: "not available", "not included". */
export const F_FAIL_STATE = 1 << 18;
/** Things whose absence is a failure of service: "no response", "no signal". */
export const F_ABSENCE_NOUN = 1 << 19;
/** Words that make "no" existential: "there is no", "we had no", "with no". */
export const F_HAVING = 1 << 20;
/** What a negation reaches over to deny a thing: "never had a problem", "not any issue". */
export const F_NEG_BRIDGE = 1 << 23;
/** The first person: "I", "we". */
export const F_FIRST_PERSON = 1 << 24;
/** Verbs of receiving: what a customer says they did not get ("I didn't receive", "we never heard"). */
export const F_RECEPTION = 1 << 25;
/** Verbs whose denied ability is a failure of a product or service: "can't log in", "couldn't pay". */
export const F_ABILITY_VERB = 1 << 26;
/** Numbers written as words, which a `#` in a phrase also matches ("two weeks", "several times"). */
export const F_NUMBER_WORD = 1 << 27;
/** Endorsements that stay praise under a modal: "would recommend", "would stay again". */
export const F_ENDORSE = 1 << 28;
/** Verbs of answering a customer: a denied one ("hasn't replied", "never answered") means being ignored. */
export const F_ANSWER_VERB = 1 << 29;
/** Verbs that ask for a problem to be put right ("fix", "refund", "sort"): a request for a remedy. */
export const F_REMEDY = 1 << 30;
/** The verb "like" in its forms (also a preposition: "looks like", "like 3 days"). */
export const F_LIKE = 1 << 21;
/** Words before "like" that make it the verb: "I like", "really like", "don't like". */
export const F_LIKE_SUBJECT = 1 << 22;

/** The id that stands for "any number" (a `#` in a phrase). */
export const NUMBER_ID = 0;
// Fixed ids of the punctuation and words the rules compare against.
export const ID_QUESTION = 1;
export const ID_BANG = 2;
export const ID_PERIOD = 3;
export const ID_APOSTROPHE = 4;
export const ID_QUOTE = 5;
export const ID_HYPHEN = 6;
export const ID_SLASH = 7;
export const ID_OPEN_PAREN = 8;
export const ID_CLOSE_PAREN = 9;
export const ID_I = 10;
export const ID_A = 11;
export const ID_AN = 12;
export const ID_WHY = 13;
export const ID_HOW = 14;
export const ID_COMMA = 15;

export const ID_NOT = 16;
export const ID_NEVER = 17;
export const ID_NO = 18;
export const ID_NT = 19;
export const ID_OF = 20;
export const ID_BE = 21;
export const ID_BEEN = 22;
export const ID_MORE = 23;
export const ID_INSTEAD = 24;
export const ID_RATHER = 25;
export const ID_THAN = 26;
export const ID_WHAT = 27;
export const ID_MEAN = 28;
export const ID_MEANS = 29;
/** The pro-forms and possessives a remedy request points at a reported problem with ("fix this", "refund me"). */
export const ID_DEICTIC_FIRST = 30;
export const ID_DEICTIC_LAST = 39;
export const ID_HELP = 40;

const FIXED = [
  "\u0000#",
  "?",
  "!",
  ".",
  "'",
  '"',
  "-",
  "/",
  "(",
  ")",
  "i",
  "a",
  "an",
  "why",
  "how",
  ",",
  "not",
  "never",
  "no",
  "n't",
  "of",
  "be",
  "been",
  "more",
  "instead",
  "rather",
  "than",
  "what",
  "mean",
  "means",
  "this",
  "it",
  "that",
  "these",
  "those",
  "them",
  "my",
  "our",
  "me",
  "us",
  "help",
];

const WH = "what|why|how|where|when|who|which|whom|whose|what's|how's|where's|who's|when's|why's";
const AUX =
  "is|are|am|was|were|do|does|did|can|could|will|would|should|shall|may|might|have|has|had|isn't|aren't|don't|doesn't|didn't|can't|won't|wouldn't|shouldn't|couldn't|haven't|hasn't|wasn't|weren't";
const SUBJECTS =
  "you|i|we|it|this|that|there|anyone|anybody|someone|somebody|the|my|your|they|he|she|these|those|our|u|ya|y'all|a|an|any|me|us|his|her|their";
const LEAD_FILLERS = "please|so|and|also|just|pls|plz|kindly|hi|hey|hello|dear|ok|okay|well|oh|btw|then|now";
const OPENER_FILLERS =
  "so|and|also|hi|hey|hello|dear|ok|okay|well|oh|btw|but|then|now|um|hmm|guys|team|there";
const SECOND_PERSON = "you|your|you're|youre|yours|u|ur|y'all|ya";
const NEG_ABILITY = "can't|cant|cannot|couldn't|couldnt|won't|wont|wouldn't|wouldnt";
const NEG_DO = "don't|dont|doesn't|doesnt|didn't|didnt";
const NEG_BE = "isn't|isnt|aren't|arent|wasn't|wasnt|weren't|werent|ain't";
const NEG_HAVE = "haven't|havent|hasn't|hasnt|hadn't|hadnt";
const ABILITY_AUX = "can|could|will|would";
const DO_AUX = "do|does|did";
const BE_AUX = "is|are|was|were|am|it's|that's|there's|they're|we're|you're|i'm|he's|she's|its|thats";
const HAVE_AUX = "have|has|had|i've|we've|you've|they've";
const NEG_SKIP =
  "be|been|being|even|yet|ever|always|really|still|actually|properly|correctly|fully|seem|seems|seemed|appear|appears|to|just|currently|at|all";
// What a customer expects a product or a service to do, in its forms.
const FUNCTION_VERB =
  "work|works|worked|working|load|loads|loaded|loading|open|opens|opened|opening|start|starts|started|starting|turn|turns|turned|turning|connect|connects|connected|connecting|sync|syncs|synced|syncing|charge|charges|charging|print|prints|printing|scan|scans|send|sends|sent|sending|receive|received|receiving|get|gets|got|gotten|getting|arrive|arrives|arrived|arriving|ship|shipped|shipping|deliver|delivers|delivered|delivering|come|comes|came|coming|show|shows|showed|shown|showing|appear|appeared|appearing|display|displays|displayed|displaying|let|lets|letting|allow|allows|allowed|allowing|accept|accepts|accepted|accepting|respond|responds|responded|responding|reply|replies|replied|replying|answer|answers|answered|answering|fix|fixes|fixed|fixing|resolve|resolved|resolving|help|helps|helped|helping|refund|refunded|update|updates|updated|updating|install|installs|installed|installing|download|downloads|downloaded|downloading|log|login|sign|access|play|plays|played|playing|run|runs|ran|running|boot|boots|booting|function|functions|functioning|recognize|recognizes|recognized|recognise|recognised|register|registers|registered|process|processed|save|saves|saved|saving|pay|paid|call|called|contact|contacted|hear|heard|detect|detects|detected|hold|holds|last|lasted|stay|stays|fit|fits|match|matches|matched|support|supports|supported|find|found|reach|reached|submit|submitted|verify|verified|confirm|confirmed|cancel|cancelled|canceled|return|returned|change|changed|proceed|select|use";
const NEG_EXCEPT =
  "interested|supposed|used|related|based|concerned|bothered|surprised|amused|convinced|going|kidding|joking|trying|saying|asking|expecting|looking|talking|complaining|wait|believe|thank|recommend|stop|complain|imagine|say|tell|beat|express|praise|fault|agree|emphasize|emphasise|resist|miss|lose|hurt|deny|mind|regret|care|know|think|want|need|like|love|worry|doubt|understand|remember|forget|hesitate|bother|blame";
const PARTICIPLE =
  "shown|sent|done|given|taken|seen|made|paid|found|got|gotten|built|held|kept|told|brought|bought|had|heard|come|gone|known|won|read|put|set|left";
const FAIL_STATE =
  "available|possible|visible|accessible|compatible|online|valid|included|ready|here|enough|responsive|reachable|open|functional|operational|delivered|fixed|sorted|resolved|refunded|processed|working|right|correct|accurate";
const ABSENCE_NOUN =
  "response|responses|reply|replies|answer|answers|call|calls|callback|update|updates|progress|confirmation|information|info|news|word|sign|service|signal|power|water|heat|heating|internet|connection|connectivity|wifi|wi-fi|email|emails|refund|help|support|contact|feedback|resolution|explanation|apology|notice|notification|notifications|delivery|tracking|access|reception|coverage|network|electricity|light|lights|sound|audio|picture|video|follow-up|followup|communication|record|receipt|invoice|compensation|acknowledgement|acknowledgment|assistance|solution|option|way";
const HAVING = "there|there's|theres|is|are|was|were|has|have|had|got|get|with|gave|give|offered|received";
const NEG_BRIDGE =
  "a|an|any|the|single|one|had|have|got|been|seen|experienced|encountered|faced|much|many|real|major|big";
const FIRST_PERSON = "i|we";
const RECEPTION = "receive|received|get|got|gotten|hear|heard|find|found";
const ABILITY_VERB =
  "see|view|read|watch|stream|book|order|buy|purchase|track|add|remove|delete|check|submit|upload|redeem|apply|choose|make|enter|complete|reset|change|edit|transfer|withdraw|top|claim|use|hear|speak|talk|reach|get|log|login|sign|access|connect|open|load|find|pay|print|send|download|install|update|cancel|select|proceed|do|afford|believe";
const NUMBER_WORD =
  "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|several|few";
const ENDORSE = "recommend|recommended|again";
const ANSWER_VERB =
  "respond|responds|responded|responding|reply|replies|replied|replying|answer|answers|answered|answering|acknowledge|acknowledged|hear|heard|return|returned|call|called|contact|contacted";
const REMEDY =
  "fix|repair|resolve|sort|refund|reimburse|correct|reverse|undo|restore|replace|investigate|escalate|unblock|unlock|reactivate|reinstate|credit";
const LIKE = "like|likes|liked";
const LIKE_SUBJECT =
  "i|we|you|they|u|ya|he|she|who|really|also|still|totally|definitely|actually|genuinely|honestly|truly|always|do|don't|dont|didn't|didnt|did|does|doesn't|doesnt|would|i'd|we'd|you'd|they'd|will|i'll|we'll|you'll|might|may|not|never|to|people|everyone|everybody|users|customers|kids|folks|guests";

const GRAMMAR: [string, number][] = [
  [WH, F_WH],
  [AUX, F_AUX],
  [SUBJECTS, F_SUBJECT],
  [LEAD_FILLERS, F_LEAD_FILLER],
  [OPENER_FILLERS, F_OPENER_FILLER],
  [SECOND_PERSON, F_SECOND_PERSON],
  [NEG_ABILITY, F_NEG_ABILITY],
  [NEG_DO, F_NEG_DO],
  [NEG_BE, F_NEG_BE],
  [NEG_HAVE, F_NEG_HAVE],
  [ABILITY_AUX, F_ABILITY_AUX],
  [DO_AUX, F_DO_AUX],
  [BE_AUX, F_BE_AUX],
  [HAVE_AUX, F_HAVE_AUX],
  [NEG_SKIP, F_NEG_SKIP],
  [FUNCTION_VERB, F_FUNCTION_VERB],
  [NEG_EXCEPT, F_NEG_EXCEPT],
  [PARTICIPLE, F_PARTICIPLE],
  [FAIL_STATE, F_FAIL_STATE],
  [ABSENCE_NOUN, F_ABSENCE_NOUN],
  [HAVING, F_HAVING],
  [NEG_BRIDGE, F_NEG_BRIDGE],
  [FIRST_PERSON, F_FIRST_PERSON],
  [RECEPTION, F_RECEPTION],
  [FUNCTION_VERB, F_ABILITY_VERB],
  [ABILITY_VERB, F_ABILITY_VERB],
  [NUMBER_WORD, F_NUMBER_WORD],
  [ENDORSE, F_ENDORSE],
  [ANSWER_VERB, F_ANSWER_VERB],
  [REMEDY, F_REMEDY],
  [LIKE, F_LIKE],
  [LIKE_SUBJECT, F_LIKE_SUBJECT],
];

/** The grammar words, fixed ids first, and the flags of each (index = id). */
const grammarWords: string[] = [...FIXED];
const grammarFlags: number[] = FIXED.map(() => 0);
{
  const index = new Map(grammarWords.map((w, i) => [w, i]));
  for (const [list, flag] of GRAMMAR) {
    for (const w of list.split("|")) {
      let id = index.get(w);
      if (id === undefined) {
        id = grammarWords.length;
        grammarWords.push(w);
        grammarFlags.push(0);
        index.set(w, id);
      }
      grammarFlags[id] = (grammarFlags[id] as number) | flag;
    }
  }
}

/** Flags by id for the grammar words (ids past the end have none). */
export const GRAMMAR_FLAGS: Uint32Array = Uint32Array.from(grammarFlags);
/** How many ids the grammar words take. */
export const GRAMMAR_SIZE = grammarWords.length;

/** A frozen vocabulary: word ↔ id, with the hash table the tokenizer probes. */
export class Vocab {
  readonly words: string[] = [];
  private readonly index = new Map<string, number>();
  private hashes = new Int32Array(0);
  /** The code units of every word, one after another, and where each starts. */
  private pool = new Uint16Array(0);
  private offset = new Int32Array(1);
  private slots = new Int32Array(0);
  private mask = 0;
  /** Ids of the emoticon norms (or −1). */
  smile = -1;
  frown = -1;
  skew = -1;
  /** Ids of the norms of mentions, URLs and e-mail addresses (or −1). */
  mention = -1;
  url = -1;
  email = -1;

  constructor() {
    for (const w of grammarWords) this.add(w);
  }

  /** The id of `word`, adding it if new (before {@link freeze}). */
  add(word: string): number {
    const known = this.index.get(word);
    if (known !== undefined) return known;
    const id = this.words.length;
    this.words.push(word);
    this.index.set(word, id);
    return id;
  }

  /** The id of a normalised word, or −1. */
  get(word: string): number {
    return this.index.get(word) ?? -1;
  }

  get size(): number {
    return this.words.length;
  }

  /** Builds the hash table; call once, after the last {@link add}. */
  freeze(): this {
    const n = this.words.length;
    let cap = 16;
    while (cap < n * 2) cap <<= 1;
    this.mask = cap - 1;
    this.slots = new Int32Array(cap);
    this.hashes = new Int32Array(n);
    for (let id = 0; id < n; id++) {
      const h = hashString(this.words[id] as string);
      this.hashes[id] = h;
      let s = h & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = id + 1;
    }
    let total = 0;
    for (const w of this.words) total += w.length;
    this.pool = new Uint16Array(total);
    this.offset = new Int32Array(n + 1);
    let at = 0;
    for (let id = 0; id < n; id++) {
      const w = this.words[id] as string;
      this.offset[id] = at;
      for (let k = 0; k < w.length; k++) this.pool[at++] = unit(w, k);
    }
    this.offset[n] = at;
    this.smile = this.get(":)");
    this.frown = this.get(":(");
    this.skew = this.get(":/");
    this.mention = this.get("<mention>");
    this.url = this.get("<url>");
    this.email = this.get("<email>");
    return this;
  }

  /**
   * The id of the word at `[start, end)` of the loaded text (ASCII letters folded to lower case, curly apostrophes
   * straightened), given the FNV-1a hash `h` of those folded units; −1 when not in the vocabulary.
   */
  lookup(start: number, end: number, h: number): number {
    const slots = this.slots;
    const mask = this.mask;
    const codes = source.codes;
    const pool = this.pool;
    const len = end - start;
    let s = h & mask;
    for (;;) {
      const v = slots[s] as number;
      if (v === 0) return -1;
      const id = v - 1;
      if (this.hashes[id] === h) {
        const at = this.offset[id] as number;
        if ((this.offset[id + 1] as number) - at === len) {
          let k = 0;
          for (; k < len; k++) {
            let c = codes[start + k] as number;
            if (c >= 65 && c <= 90) c += 32;
            else if (c === 0x2019 || c === 0x2018) c = 39;
            if (c !== pool[at + k]) break;
          }
          if (k === len) return id;
        }
      }
      s = (s + 1) & mask;
    }
  }

  /**
   * The id of the word made of the first `length` folded code units at `start` of the loaded text, then
   * the code unit `extra` (−1 for none), given the hash `h` of that word; −1 when not in the vocabulary.
   */
  lookupStem(start: number, length: number, extra: number, h: number): number {
    const len = extra < 0 ? length : length + 1;
    const codes = source.codes;
    const pool = this.pool;
    let s = h & this.mask;
    for (;;) {
      const v = this.slots[s] as number;
      if (v === 0) return -1;
      const id = v - 1;
      if (this.hashes[id] === h) {
        const at = this.offset[id] as number;
        if ((this.offset[id + 1] as number) - at === len && (extra < 0 || pool[at + length] === extra)) {
          let k = 0;
          for (; k < length; k++) {
            let c = codes[start + k] as number;
            if (c >= 65 && c <= 90) c += 32;
            else if (c === 0x2019 || c === 0x2018) c = 39;
            if (c !== pool[at + k]) break;
          }
          if (k === length) return id;
        }
      }
      s = (s + 1) & this.mask;
    }
  }

  /** The id of the one-code-unit norm `c` (punctuation), or −1. */
  lookupChar(c: number): number {
    const h = Math.imul(HASH_SEED ^ c, HASH_PRIME);
    let s = h & this.mask;
    for (;;) {
      const v = this.slots[s] as number;
      if (v === 0) return -1;
      const id = v - 1;
      if (this.hashes[id] === h) {
        const at = this.offset[id] as number;
        if ((this.offset[id + 1] as number) - at === 1 && this.pool[at] === c) return id;
      }
      s = (s + 1) & this.mask;
    }
  }
}

/** The grammar flags of a word id. */
export function flagsOf(id: number): number {
  return id >= 0 && id < GRAMMAR_SIZE ? (GRAMMAR_FLAGS[id] as number) : 0;
}
