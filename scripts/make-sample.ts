/**
 * Writes examples/data/conversations.json, the sample dataset `npm run demo` analyses.
 *
 * The data is invented for touchpoint (no customer's words): 240 support conversations over four
 * weeks of March 2026 on four channels. Each follows a coherent lifecycle (seed 003): a greeting,
 * the agent restating the problem and the customer confirming, a proposal accepted or rejected
 * (an alternative, or after two rejections a hand-off to specialists), the delivery, "anything
 * else?", and the goodbye; some customers go silent, some come back after the resolution, some get
 * no answer at all, and on chat a bot answers first and hands over. Private notes, CSAT, NPS and
 * CES answers are sprinkled in. A seeded generator makes it reproducible:
 * `npx tsx scripts/make-sample.ts` rewrites the same file byte for byte. Two records are broken on
 * purpose (a channel the vocabulary lacks, an NPS of 11) to show how a batch reports bad records
 * by position and keeps the rest.
 */
import fs from "node:fs";
import { mulberry32 } from "../src/internal/random.js";

const rand = mulberry32(20260301);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number) => rand() < p;
const minutes = (m: number) => Math.round(m * 60_000);
/** Log-normal-ish waits: most short, a long tail. */
const wait = (medianMinutes: number) => minutes(medianMinutes * Math.exp((rand() - 0.5) * 2.4));

/** One kind of request: what the customer says, and what the agent restates, proposes and does. */
interface Topic {
  opener: string;
  restate: string;
  propose: string;
  alternative: string;
  deliver: string;
}

const topics: Record<string, Topic[]> = {
  question: [
    {
      opener: "Hi, how do I change the email address on my account?",
      restate: "From what I understand, you would like your login email to be a different address?",
      propose:
        "I can send a confirmation link to the new address now; once you click it, the change is made.",
      alternative:
        "We could instead change it from your profile page under Settings, Account. Would you prefer that?",
      deliver: "I've sent the link. The change takes effect as soon as you open it.",
    },
    {
      opener: "Is there a way to export my invoices as a spreadsheet?",
      restate: "If I understand correctly, you need all your invoices in one spreadsheet file?",
      propose: "I suggest the Export button on the Billing page: it gives a CSV of every invoice.",
      alternative: "How about I email you the CSV for the last twelve months instead?",
      deliver: "Here it is: the file with your invoices is attached to this message.",
    },
    {
      opener: "Which plan includes phone support?",
      restate: "From what I understand, you want to know which plans come with phone support?",
      propose: "I'd recommend the Team plan: it includes phone support on weekdays.",
      alternative: "Another option is the Business plan, which adds weekend phone support.",
      deliver: "I've put the plan comparison in your inbox so you have it to hand.",
    },
  ],
  complaint: [
    {
      opener: "My order arrived broken and nobody has answered my last email. This is the second time.",
      restate: "From what I understand, the order arrived damaged and your earlier email went unanswered?",
      propose: "I can send a replacement by express delivery at no cost to you.",
      alternative: "We could refund the full amount to your card instead. Would that suit you better?",
      deliver: "The replacement is booked; you'll get the tracking number by email today.",
    },
    {
      opener: "I was charged twice this month. Please fix this today.",
      restate: "If I understand correctly, your card was charged twice for this month's subscription?",
      propose: "I can refund the duplicate charge to your card right away.",
      alternative: "How about a credit on next month's invoice instead, which shows up immediately?",
      deliver: "The duplicate charge has been refunded; it reaches your card within three working days.",
    },
    {
      opener: "The app logs me out every few minutes, it is really frustrating.",
      restate: "From what I understand, the app signs you out again and again while you're using it?",
      propose: "I suggest updating to version 4.2, which fixes this sign-out problem.",
      alternative: "We could reset your session on our side so you stay signed in. Shall I try that?",
      deliver: "I've reset your session; you should stay signed in from now on.",
    },
  ],
  suggestion: [
    {
      opener: "It would be great if the mobile app had a dark mode.",
      restate: "If I understand correctly, you'd like a dark theme in the mobile app?",
      propose: "I can add your vote to the dark mode request our product team is tracking.",
      alternative: "How about joining the beta, where a dark theme is being tested already?",
      deliver: "Your vote is recorded and you'll hear from us when dark mode ships.",
    },
    {
      opener: "Could you add a way to pause my subscription instead of cancelling?",
      restate: "From what I understand, you want to pause your plan for a while rather than end it?",
      propose: "I can pause your subscription for up to three months starting today.",
      alternative: "We could instead move you to the free plan and keep your data until you're back.",
      deliver: "Your subscription is paused until 1 June; nothing will be charged until then.",
    },
  ],
  praise: [
    {
      opener: "Just wanted to say thanks, the new dashboard is brilliant.",
      restate: "From what I understand, the new dashboard is working well for you?",
      propose: "I'd suggest trying the saved views too; many teams like them as much.",
      alternative: "How about a short tour of the reports that came with the dashboard?",
      deliver: "I've shared your kind words with the team that built it.",
    },
  ],
  evaluation: [
    {
      opener: "We are comparing you with two other tools. Do you offer a discount for annual billing?",
      restate: "If I understand correctly, you're choosing between tools and want to know the annual price?",
      propose: "I can offer two months free on annual billing, which is about a 17 % discount.",
      alternative: "How about a 30-day trial of the Team plan first, so you can compare them side by side?",
      deliver: "I've sent the annual quote to your email; it's valid for thirty days.",
    },
    {
      opener: "Before we buy: does the team plan support single sign-on?",
      restate: "From what I understand, you need single sign-on before you decide?",
      propose: "I'd recommend the Team plan with the SSO add-on; it works with Okta and Azure AD.",
      alternative: "We could set up a call with our solutions engineer to walk through SSO.",
      deliver: "I've sent the SSO setup guide and the add-on pricing to your inbox.",
    },
  ],
  onboarding: [
    {
      opener: "I signed up yesterday and I am not sure where to start with the setup.",
      restate: "From what I understand, you're new and want a clear first step for the setup?",
      propose: "I suggest the five-minute setup checklist; I can send it to you now.",
      alternative: "How about a 20-minute onboarding call with one of our specialists?",
      deliver: "The checklist is in your inbox; step one is connecting your email.",
    },
    {
      opener: "New here: how do I invite my colleagues?",
      restate: "If I understand correctly, you want to add your colleagues to your workspace?",
      propose: "I can send invitations for you if you give me their email addresses.",
      alternative: "We could turn on invite links instead, so anyone with the link can join.",
      deliver: "The invitations are sent; your colleagues will get an email in a minute.",
    },
  ],
  confusion: [
    {
      opener: "I don't understand the difference between the two invoices I received, what do they mean?",
      restate: "From what I understand, you got two invoices and aren't sure why?",
      propose: "I can merge them into a single invoice so it's easier to follow.",
      alternative: "How about I explain each line by email, step by step?",
      deliver: "I've merged them; the new invoice replaces both and shows each item once.",
    },
    {
      opener: "The instructions say to verify my account but I can't find the button, I'm confused.",
      restate: "If I understand correctly, you can't find where to verify your account?",
      propose: "I can send you a new verification email with a direct link.",
      alternative: "We could verify the account from our side if you confirm your phone number.",
      deliver: "The verification email is on its way; the link opens the right page directly.",
    },
  ],
  cancel: [
    {
      opener: "I want to cancel my subscription, the price went up again.",
      restate: "From what I understand, the new price is the reason you'd like to cancel?",
      propose: "I can keep you on your old price for another year if you'd like to stay.",
      alternative: "We could move you to the Starter plan, which costs less than before.",
      deliver: "Done: your old price is locked in until next March.",
    },
  ],
};

const greetings = [
  "Hi, thanks for getting in touch.",
  "Hello and thanks for contacting us.",
  "Good morning, thanks for reaching out to us.",
];
const confirmations = ["Yes, that's right.", "Yes, exactly.", "Correct."];
const accepts = ["Yes please, that would be great.", "Sounds good, please go ahead.", "Yes, let's do that."];
const rejects = ["No, that won't work for me.", "I'd rather not, sorry.", "No, that doesn't help me."];
const anythingElse = ["Is there anything else I can help you with?", "Can I help with anything else today?"];
const done = ["No, that's everything. Thanks!", "That's all, thank you!", "Nothing else, thanks a lot."];
const more = ["Yes, one more question: can I get a copy by email?", "Yes: where do I see my order history?"];
const moreAnswers = [
  "Sure, I've sent a copy to your email address.",
  "It's under Account, Orders; every order is listed there.",
];
const goodbyes = ["You're welcome, have a great day!", "Glad I could help. Goodbye!"];
const stillBroken = "It's happening again, the problem is back.";
const botReplies = [
  "Hi! I'm the virtual assistant. Could you tell me your order number?",
  "I can help with common questions. Let me find an agent for you.",
];

const channels = ["email", "chat", "phone", "social"] as const;
const priorities = ["low", "normal", "normal", "normal", "high", "urgent"] as const;
const agents = ["agent-ana", "agent-ben", "agent-chen", "agent-dee"];
const kinds = Object.keys(topics);

const start = Date.UTC(2026, 2, 2, 7, 0); // Monday 2 March 2026, 07:00 UTC
const iso = (ms: number) => new Date(ms).toISOString();
const conversations: Record<string, unknown>[] = [];
for (let i = 0; i < 240; i++) {
  const channel = pick(channels);
  const kind = pick(kinds);
  const topic = pick(topics[kind] as Topic[]);
  const day = Math.floor(rand() * 26);
  const createdAt = start + day * 86_400_000 + minutes(rand() * 12 * 60);
  const priority =
    kind === "complaint" || kind === "cancel"
      ? pick(["high", "urgent", "normal"] as const)
      : pick(priorities);
  const agent = pick(agents);
  const customerId = `cust-${String(1 + Math.floor(rand() * 150)).padStart(3, "0")}`;
  const messages: Record<string, unknown>[] = [];
  const statusChanges: Record<string, unknown>[] = [];
  let t = createdAt;
  // Customers on chat and phone answer in minutes, on email in hours; agents likewise.
  const slow = channel === "email";
  const customerWait = () => wait(slow ? 90 : 2);
  const agentWait = () => wait(slow ? 100 : 3);
  const say = (author: "customer" | "agent", text: string) =>
    messages.push({ author, authorId: author === "customer" ? customerId : agent, at: iso(t), text });
  const status = (from: string, to: string, by: string) => statusChanges.push({ at: iso(t), from, to, by });

  say("customer", topic.opener);
  let current = "new";
  if (channel === "chat" && chance(0.6)) {
    t += minutes(0.2);
    messages.push({ author: "bot", authorId: "assistant", at: iso(t), text: pick(botReplies) });
    t += minutes(0.5 + rand());
    status("new", "open", "bot"); // the bot hands the chat to a human
    current = "open";
  }

  const path = rand();
  const unanswered = path < 0.04;
  let resolved = false;
  if (!unanswered) {
    t += channel === "chat" || channel === "phone" ? wait(4) : wait(channel === "social" ? 45 : 150);
    if (chance(0.2))
      messages.push({
        author: "agent",
        authorId: agent,
        visibility: "private",
        at: iso(t),
        text: "Checked the account history before replying.",
      });
    say("agent", pick(greetings));
    if (current === "new") {
      status("new", "open", "agent");
      current = "open";
    }
    t += minutes(0.5);
    say("agent", topic.restate);
    status("open", "pending", "agent");
    const silent = path < 0.12; // the customer never comes back
    if (!silent) {
      t += customerWait();
      say("customer", pick(confirmations));
      status("pending", "open", "customer");
      t += agentWait();
      say("agent", topic.propose);
      const rejections = path < 0.17 ? 2 : path < 0.32 ? 1 : 0;
      for (let r = 0; r < rejections; r++) {
        t += customerWait();
        say("customer", pick(rejects));
        t += agentWait();
        if (r === 0) say("agent", topic.alternative);
      }
      if (rejections === 2) {
        // Two rejections in a row: the machine escalates; a specialist takes over and resolves it.
        say("agent", "I'm passing this to our specialist team, who will take it from here.");
        t += wait(slow ? 240 : 30);
        say("agent", topic.deliver);
      } else {
        t += customerWait();
        say("customer", pick(accepts));
        t += agentWait();
        say("agent", topic.deliver);
      }
      t += minutes(0.5);
      say("agent", pick(anythingElse));
      t += customerWait();
      if (chance(0.15)) {
        say("customer", pick(more));
        t += agentWait();
        say("agent", pick(moreAnswers));
        t += minutes(0.5);
        say("agent", pick(anythingElse));
        t += customerWait();
      }
      const endsOpen = chance(0.05); // resolved in the conversation but not yet in the helpdesk
      say("customer", pick(done));
      t += minutes(0.3 + rand());
      say("agent", pick(goodbyes));
      if (!endsOpen) {
        t += minutes(1 + rand() * 5);
        status("open", "resolved", "agent");
        resolved = true;
        if (chance(0.08)) {
          t += wait(600);
          say("customer", stillBroken);
          status("resolved", "open", "customer");
          t += wait(slow ? 60 : 5);
          say("agent", topic.deliver);
          t += minutes(2);
          status("open", "resolved", "agent");
        }
      }
    }
  }

  const surveys: Record<string, unknown>[] = [];
  if (resolved && chance(0.45)) {
    const good = kind === "praise" || kind === "question" || chance(0.6);
    surveys.push({
      kind: "csat",
      score: good ? pick([4, 5, 5]) : pick([1, 2, 3]),
      at: iso(t + minutes(30)),
      customerId,
    });
  }
  if (chance(0.25)) {
    surveys.push({
      kind: "nps",
      score:
        kind === "complaint" || kind === "cancel" ? pick([0, 3, 5, 6, 7]) : pick([6, 7, 8, 9, 9, 10, 10]),
      at: iso(t + minutes(60)),
      customerId,
    });
  }
  if (resolved && chance(0.2)) {
    surveys.push({ kind: "ces", score: 1 + Math.floor(rand() * 7), at: iso(t + minutes(45)), customerId });
  }
  const last = statusChanges[statusChanges.length - 1] as { to: string } | undefined;
  conversations.push({
    id: `T-${1000 + i}`,
    channel,
    priority,
    createdAt: iso(createdAt),
    status: last?.to ?? "new",
    customerId,
    assigneeId: unanswered ? undefined : agent,
    tags: [kind],
    messages,
    statusChanges,
    surveys,
  });
}
// Two broken records, on purpose.
(conversations[17] as { channel: string }).channel = "fax";
(conversations[123] as { surveys: unknown[] }).surveys = [{ kind: "nps", score: 11 }];

fs.writeFileSync(
  new URL("../examples/data/conversations.json", import.meta.url),
  `${JSON.stringify(conversations, null, 1)}\n`,
);
console.log(`wrote ${conversations.length} conversations`);
