/**
 * Writes examples/data/conversations.json, the sample dataset `npm run demo` analyses.
 *
 * The data is invented for touchpoint (no customer's words): 240 support conversations over four
 * weeks of March 2026 on four channels, with bot first replies on chat, private notes, reopens,
 * unanswered tickets, and CSAT / NPS / CES answers. A seeded generator makes it reproducible:
 * `npx tsx scripts/make-sample.ts` rewrites the same file byte for byte. Two records are broken on
 * purpose (a channel the vocabulary lacks, an NPS of 11) to show how a batch reports bad records
 * by position and keeps the rest.
 */
import fs from "node:fs";

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = mulberry32(20260301);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
const chance = (p: number) => rand() < p;
const minutes = (m: number) => Math.round(m * 60_000);
/** Log-normal-ish waits: most short, a long tail. */
const wait = (medianMinutes: number) => minutes(medianMinutes * Math.exp((rand() - 0.5) * 2.4));

const openers = {
  question: [
    "Hi, how do I change the email address on my account?",
    "Hello, can I move my delivery to next week?",
    "Is there a way to export my invoices as a spreadsheet?",
    "Which plan includes phone support?",
  ],
  complaint: [
    "My order arrived broken and nobody has answered my last email. This is the second time.",
    "I was charged twice this month. Please fix this today.",
    "The app logs me out every few minutes, it is really frustrating.",
    "Still no refund after three weeks, I am very disappointed.",
  ],
  suggestion: [
    "It would be great if the mobile app had a dark mode.",
    "Could you add a way to pause my subscription instead of cancelling?",
    "Please let us pick a delivery time slot at checkout.",
  ],
  praise: [
    "Just wanted to say thanks, the new dashboard is brilliant.",
    "Your agent Priya sorted everything in five minutes, great service!",
  ],
  evaluation: [
    "We are comparing you with two other tools. Do you offer a discount for annual billing?",
    "Before we buy: does the team plan support single sign-on?",
  ],
  onboarding: [
    "I signed up yesterday and I am not sure where to start with the setup.",
    "New here: how do I invite my colleagues?",
  ],
  confusion: [
    "I don't understand the difference between the two invoices I received, what do they mean?",
    "The instructions say to verify my account but I can't find the button, I'm confused.",
  ],
  cancel: ["I want to cancel my subscription, the price went up again."],
} as const;
const agentReplies = [
  "Thanks for reaching out. From what I understand, you would like to sort this out today. Let me check.",
  "I have looked into it and here is what I suggest.",
  "That is done now. Is there anything else I can help you with?",
  "Sorry about the trouble. I have issued the correction; you will see it within two working days.",
];
const customerFollowUps = [
  "Thanks, that works.",
  "That didn't help, it is still happening.",
  "Great, thank you!",
  "OK, one more thing: can I get a copy by email?",
];
const botReplies = [
  "Hi! I'm the virtual assistant. Could you tell me your order number?",
  "I can help with common questions. Let me find an agent for you.",
];

const channels = ["email", "chat", "phone", "social"] as const;
const priorities = ["low", "normal", "normal", "normal", "high", "urgent"] as const;
const agents = ["agent-ana", "agent-ben", "agent-chen", "agent-dee"];
const kinds = Object.keys(openers) as (keyof typeof openers)[];

const start = Date.UTC(2026, 2, 2, 7, 0); // Monday 2 March 2026, 07:00 UTC
const conversations: Record<string, unknown>[] = [];
for (let i = 0; i < 240; i++) {
  const channel = pick(channels);
  const kind = pick(kinds);
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
  const iso = (ms: number) => new Date(ms).toISOString();
  messages.push({ author: "customer", authorId: customerId, at: iso(t), text: pick(openers[kind]) });
  if (channel === "chat" && chance(0.6)) {
    t += minutes(0.2);
    messages.push({ author: "bot", authorId: "assistant", at: iso(t), text: pick(botReplies) });
  }
  const unanswered = chance(0.04);
  if (!unanswered) {
    const firstWait =
      channel === "chat" || channel === "phone" ? wait(4) : wait(channel === "social" ? 45 : 150);
    t += firstWait;
    if (chance(0.2))
      messages.push({
        author: "agent",
        authorId: agent,
        visibility: "private",
        at: iso(t),
        text: "Checked the order history before replying.",
      });
    messages.push({ author: "agent", authorId: agent, at: iso(t), text: agentReplies[0] });
    statusChanges.push({ at: iso(t), from: "new", to: "open", by: "agent" });
    const rounds = chance(0.55) ? 0 : 1 + Math.floor(rand() * 2);
    for (let r = 0; r < rounds; r++) {
      t += wait(channel === "email" ? 90 : 3);
      messages.push({ author: "customer", authorId: customerId, at: iso(t), text: pick(customerFollowUps) });
      t += wait(channel === "email" ? 120 : 4);
      messages.push({ author: "agent", authorId: agent, at: iso(t), text: pick(agentReplies.slice(1)) });
    }
    if (chance(0.9)) {
      t += minutes(1 + rand() * 10);
      statusChanges.push({ at: iso(t), from: "open", to: "resolved", by: "agent" });
      if (chance(0.08)) {
        t += wait(600);
        messages.push({
          author: "customer",
          authorId: customerId,
          at: iso(t),
          text: "That didn't help, it is still happening.",
        });
        statusChanges.push({ at: iso(t), from: "resolved", to: "open", by: "customer" });
        t += wait(60);
        messages.push({ author: "agent", authorId: agent, at: iso(t), text: agentReplies[3] });
        t += minutes(2);
        statusChanges.push({ at: iso(t), from: "open", to: "resolved", by: "agent" });
      }
    }
  }
  const resolved = statusChanges.some((s) => s.to === "resolved");
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
  conversations.push({
    id: `T-${1000 + i}`,
    channel,
    priority,
    createdAt: iso(createdAt),
    status: unanswered ? "new" : resolved ? "resolved" : "open",
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
