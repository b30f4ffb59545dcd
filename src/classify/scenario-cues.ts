/*
 * English cues for reading seed 000's scenarios from the text alone, kept apart from the core lexicon
 * (english-cues.ts) and merged into it by kind. Written by hand, as the core lexicon, from general
 * customer-service English: what shows the writer already has something of the company's, a deadline
 * that makes a request urgent, damage and lateness told without complaint words, a comparison with a
 * rival or a challenge of the price, and praise of the people who helped. No entry was copied or mined
 * from any evaluation set.
 */
import type { CueKind } from "./lexicon.js";

const words = (list: string, weight: number): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const w of list.split("|")) {
    const t = w.trim();
    if (t) out[t] = weight;
  }
  return out;
};

/** Every combination of a lead and a tail, joined by a space. */
const pairs = (leads: string, tails: string): string =>
  leads
    .split("|")
    .flatMap((lead) => tails.split("|").map((tail) => `${lead} ${tail}`))
    .join("|");

/** The things a customer has once they have bought or signed up. */
const HELD =
  "order|orders|account|card|subscription|membership|plan|invoice|invoices|bill|payment|payments|package|parcel|delivery|booking|reservation|password|login|balance|refund|purchase|tickets|ticket|contract|policy|licence|license|dashboard|profile|settings|data|statement|transfer|tracking|shipment|warranty|device|router|printer|charger|laptop";

/** Extra cues by kind, merged into the built-in English lexicon. */
export const scenarioCues: { readonly [K in CueKind]?: Readonly<Record<string, number>> } = {
  // The writer already has something of the company's: an existing customer, not a prospect.
  ownership: {
    ...words(pairs("my|our", HELD), 1),
    ...words(pairs("my|our", pairs("last|latest|recent|previous|current|new|old|first|second", HELD)), 1),
    // managing something one has: "change an order", "reset the password", "switch to another account"
    ...words(
      pairs(
        "change|changing|modify|modifying|edit|editing|update|updating|cancel|cancelling|canceling|track|tracking|remove|removing|delete|deleting|reset|resetting|recover|recovering|retrieve|switch|switching|close|restore|unlock|download|correct|add to|adding to|add items to|add an item to|items of|item of|items from|item from|something of|something to",
        "an order|the order|an item|the item|items|the items|the account|an account|accounts|the invoice|an invoice|invoices|the bill|a bill|the address|an address|the shipping address|a shipping address|the delivery address|the password|a password|the refund|a refund|the profile|a profile|the subscription|a subscription|the payment method|the card|another account|to another account|a different account|to a different account|the other account",
      ),
      1,
    ),
    ...words(
      "order i made|order i placed|orders i made|orders i placed|order i have made|order i've made|order i have placed|purchase i made|item i bought|items i bought|the last order|forgot my|forgotten my|lost my|leave a review|leave some feedback|submit a review|submit some feedback|submitting some feedback|give feedback|leave feedback|send feedback|some feedback|a review|write a review|rate your|rate the",
      1,
    ),
    ...words(
      "i bought|we bought|i ordered|we ordered|i purchased|we purchased|i paid|we paid|i was charged|we were charged|charged me|charged us|billed me|i received|we received|i got from you|you installed|you delivered|i subscribed|we subscribed|i signed up|we signed up|i renewed|we renewed|since i bought|after i bought|order #|order number|tracking number|booking reference|it arrived|they arrived|arrived with|was delivered|were delivered|came with|says delivered|the courier|the driver|the technician",
      1,
    ),
    // the paperwork and the settings of an account: only a customer has them
    ...words(
      "invoice|invoices|receipt|receipts|password|passwords|passcode|pin|profile|user profile|refund|refunds|tracking|shipping address|delivery address|billing address|order status|order history|purchase history|statement|statements|newsletter",
      1,
    ),
    // an order or a delivery asked about in general is the offer, not a purchase
    ...words("refund policy|refund policies|return policy|returns policy|refund options", -1),
    ...words(
      "the delivery times|the delivery time|delivery times|delivery time|delivery options|for orders",
      -1,
    ),
  },
  // A deadline makes a problem urgent as much as the word "urgent" does: an hour, tonight, a meeting.
  urgency: {
    ...words(
      "in an hour|in # hours|in # minutes|in half an hour|before my meeting|before the meeting|before my flight|before the flight|before the wedding|before the party|before the show|before the event|before my presentation|before the deadline|by tomorrow morning|by tomorrow|by monday|by friday|by end of day|before midnight|at midnight|ends at midnight|ends tonight|ends today|starts at|starts tonight|starts in|leaves in|leave for the airport|flight leaves|tonite|need it for work|for work today|travelling tonight|traveling tonight|leaving tonight|fixed now|sorted now|need this fixed|need it fixed|production line is stopped|line is stopped|customers can't|customers cannot|losing sales|can't check out|cannot check out|i have a presentation|i have a meeting|sell out",
      1.5,
    ),
  },
  // Damage and lateness told as facts, without a word of complaint ("the glass in pieces", "was due
  // Tuesday"): the thing bought is not as it should be.
  problem: {
    ...words(
      "in pieces|smashed|shattered|soaked|wet through|a tear|a hole|a crack|a dent|scratches|leaked|spilled|broken seal|not sealed|were missing|was missing|are missing|is missing|missing from|missing parts|was due|were due|is overdue|overdue|late delivery|arrived late|still not here|not here|isn't here|not arrived|has not arrived|have not arrived|not in my account|aren't in my account|isn't in my account|isn't in the|aren't in the|is not in the|are not in the|isn't there|aren't there|doesn't show up|does not show up|logs me out|logged out|keeps logging me out|went black|went blank|is offline|went offline|no sign of|wrong amount|wrong date|wrong address|wrong size|wrong colour|wrong color|doesn't match|does not match|didn't go through|did not go through|didn't go thru|fails at checkout|payment fails|payment failed|card declined|declined at|too much to ask|corrected|needs correcting|needs fixing|need fixing|so hard to|so difficult to|hard to find",
      1,
    ),
  },
  // Repeated failure and exasperated repetition: frustration in a complaint (analyze.ts).
  repetition: {
    ...words(
      "how many times do i have to|how many times do we have to|how many times must i|how many more times|every single|another late|another delay|another missed|another wrong|yet another",
      1,
    ),
  },
  // Named feelings of an unhappy customer, and an ultimatum ("I'm done").
  frustration: {
    ...words(
      "too much to ask|worst service|worst customer service|terrible service|terrible customer service|i'm done|i am done|im done|i've had it|i have had it",
      1.4,
    ),
  },
  // Not understanding, told in more ways: conflicting information, not knowing which to use.
  confusion: {
    ...words(
      "not sure if|not sure whether|kinda lost|lost here|clarify what|explain what|which is right|which one is right|which is correct|which one is correct|which one do i|which do i use|which am i supposed|says different|say different|show different|shows different|different days|different dates|different amounts|contradict|contradicts|conflicting|i am unclear|unclear as to",
      1.4,
    ),
  },
  // A newcomer's first steps.
  onboarding: {
    ...words(
      "what should i do first|what do i do first|starter kit|starter pack|welcome pack|welcome kit|recently subscribed|just subscribed|have just subscribed|has recently subscribed|newly|was activated|got activated|first project|instal",
      1.4,
    ),
  },
  // A long relationship, told by its length or its habits.
  loyalty: {
    ...words(
      "customer for #|client for #|member for #|for # years|for # yrs|# years with|# yrs with|years with your|years with you|subscriber since|client since|user since|shopping with you since|been a subscriber|every model|every release|every version|every year since|each year since|regular guest|regular here|go-to",
      1.2,
    ),
  },
  // An ultimatum is a grievance too.
  negative: {
    ...words("i'm done|i am done|im done", 1.8),
  },
  // A request to put right what was reported: a complaint beside the report (analyze.ts).
  suggestion: {
    ...words("please refund|please correct|please replace|please reverse", 1.6),
  },
  // A comparison with a rival, or a challenge of the price: the customer is weighing the choice.
  comparison: {
    ...words(
      "pick you over|choose you over|go with you over|you over|you or them|you vs|you versus|between you and|different from|differ from|how are you different|what makes you different|what makes you better|why should i pick|why should i choose|why should we choose|why would i pay more|pay more with you|paying extra for|worth the extra|same thing for|half the price|for half|for less elsewhere|other guys|everyone else's|than everyone else|others start at|others charge|other supplier|another supplier|other vendors|# vendors|other companies|match that|match the price|match their price|price match|beat the quote|beat their price|beat that|offered onboarding|than the one|unlike with|does this for|torn between|on the fence|comparison|why you and not|why u and not|why you instead of|cheaper to|is it cheaper|which is cheaper|cheaper option|better value",
      1.2,
    ),
  },
  // Praise of the people and of a problem solved, and thanks said as a wish ("I'd like to thank").
  positive: {
    ...words(
      "sorted my issue|sorted my problem|solved my issue|solved my problem|fixed my issue|fixed my problem|resolved my issue|resolved my problem|sorted it|sorted it out|commend|commended|compliment|compliments|praise|shout out to|go-to|my go to|big fan|huge fan|gr8|did a great job|great job|good job|nice work|keep it up|keep up the great work|keep up the good work|i would like to commend|i'd like to commend|i would like to praise|i'd like to praise|tell everyone about|told everyone about|tell all my friends|told all my friends|tell my friends about|never had a reason to leave|never had a reason to complain|no reason to leave",
      2.2,
    ),
    // "the recommended steps" describes advice, it does not praise (the longer match keeps the word quiet)
    ...words("recommended steps|recommended way|recommended settings|the recommended", -0.01),
  },
  gratitude: {
    ...words(
      "i would like to thank|we would like to thank|we'd like to thank|would like to thank|i'd like to thank|want to thank|wanted to thank|wanted to say thanks|pass on my thanks|thanks for always",
      1.5,
    ),
  },
  // Asking to be told something is a question, however it is worded.
  question: {
    ...words(
      "i would like to know|i'd like to know|we would like to know|we'd like to know|i want to know|would like to discuss|i would like to discuss|we would like to discuss|i'd like to discuss|we'd like to discuss|tell me whether|tell me if|wondering if|wondering whether|quick question|a quick question|small question|one question",
      1.6,
    ),
  },
};
