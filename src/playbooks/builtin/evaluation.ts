import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 000, scenario 2: customers evaluating different solutions. */
export const evaluation: Playbook = {
  id: "evaluation",
  language: "en",
  title: "Earn the trust of a customer comparing options",
  goal: "Help a customer who is weighing alternatives decide with confidence, by giving honest comparisons and evidence from other customers.",
  recognize: {
    scenarios: ["evaluation"],
    types: ["question"],
    signals: ["comparison", "purchase-intent"],
    journeyStages: ["consideration", "decision"],
    cues: [
      "Names a competitor or asks how the product compares",
      "Asks for reviews, references, case studies or a trial",
      "Detailed questions about fit, limits or pricing tiers",
    ],
  },
  steps: {
    greeting: {
      action: "Welcome them and acknowledge that comparing options is sensible.",
      checklist: ["Thank them for considering the company", "Offer to help them compare"],
      template: {
        chat: "Hi {{customerFirstName}}, I'm {{agentName}}. Happy to help you compare, ask me anything.",
        email: mail(
          "Thank you for considering {{companyName}}. Comparing options carefully makes sense, and I'm glad to help with whatever you need to decide.",
        ),
        phone:
          "Hi {{customerFirstName}}, this is {{agentName}} at {{companyName}}. I hear you're comparing options; happy to help with that.",
      },
    },
    understanding: {
      action:
        "Learn their criteria and what else they are considering, and restate what matters most to them.",
      checklist: [
        "Ask what matters most in the decision",
        "Ask which alternatives they are looking at",
        "Restate their top criteria",
      ],
      template: {
        chat: "What matters most to you in choosing, and what else are you looking at?",
        email: mail(
          "To give you a useful comparison rather than a sales pitch: which criteria matter most to you, and which other options are you considering? My guess is that {{productName}} would need to fit the tools you already use; is that right?",
        ),
        phone: "So I can compare fairly, what matters most to you, and which other options are on your list?",
      },
    },
    proposing: {
      action:
        "Answer against their criteria honestly, including where the product is not the best fit, and back claims with reviews or third-party evidence.",
      checklist: [
        "Compare on their criteria, not on your feature list",
        "Be open about limits",
        "Share customer reviews, testimonials or independent data",
        "Offer a live chat, demo or trial for open questions",
      ],
      template: {
        chat: "On what you said matters, here's how {{productName}} stacks up: {{resourceUrl}}. There are real customer reviews in there too.",
        email: mail(
          "Here is an honest comparison on the points you care about: {{resourceUrl}}. It includes reviews from customers in a similar situation and independent data, and it is open about where other products may suit you better. If a demo or trial would help, I can set one up.",
        ),
        phone:
          "Going by what you told me matters, here's how {{productName}} compares, including the places where it's not the best fit. I can also send you reviews from customers like you, and set up a trial if that helps.",
      },
      followUp: {
        action: "Offer another way to judge: a demo on their own use case or a longer trial.",
        template: {
          chat: "Fair enough. Would a short demo on your own use case help? No commitment.",
          email: mail(
            "Thank you for being frank. I can set up a short demo on your own use case, or extend your trial of {{productName}}. Which would help more?",
          ),
          phone:
            "That's fair. Would a short demo on your own use case, or a longer trial, help you judge it?",
        },
      },
    },
    delivering: {
      action: "Send the comparison, evidence and trial access you offered, with a clear next step.",
      checklist: ["Send every promised item", "Set up the trial or demo", "Agree when to check in"],
      template: {
        chat: "Sent to {{contactEmail}}: the comparison, reviews and your trial link. I'll check in {{deliveryWindow}}, OK?",
        email: mail(
          "As agreed, you will find the comparison, a few customer stories and your trial access here: {{resourceUrl}}. I will check in with you {{deliveryWindow}} in case new questions come up while you try it.",
        ),
        phone:
          "I've sent the comparison, some customer stories and your trial link to {{contactEmail}}. Would it be all right if I checked in {{deliveryWindow}}?",
      },
      followUp: {
        action: "Ask whether any other question stands between them and a decision.",
        template: {
          chat: "Glad it arrived. Any other question that would help you decide?",
          email: mail(
            "I hope everything arrived. Is there any other question about {{productName}} that would help you decide? Reply at any time.",
          ),
          phone: "Good, so you have everything. Any other question that would help you decide?",
        },
      },
    },
    closing: {
      action: "Leave the decision with them, without pressure, and make it easy to come back.",
      checklist: ["Ask if any question is open", "Respect their timeline", "Give a direct contact"],
      template: {
        chat: "Any other point you want to weigh up? Take your time; I'm here when you're ready.",
        email: mail(
          "Take the time you need to decide. If another question comes up, reply here and I will answer personally.",
          "Best wishes,",
        ),
        phone:
          "Any other point you'd like to weigh up? Take your time, and call me back whenever you're ready.",
      },
    },
  },
  avoid: [
    "Running down competitors",
    "Claims you cannot back with evidence",
    "Hiding limits that the customer will find in the trial",
    "Pressure tactics or false deadlines",
  ],
  escalation: {
    summary:
      "Bring in sales or a solutions specialist when the customer is ready to buy or needs a tailored offer.",
    // 0.85 takes more than one buying cue (strength 1 − e^(−w): one strong cue alone gives 0.70),
    // so naming a plan while comparing does not count as being ready to buy; asking for a quote
    // for a number of seats does.
    when: [
      { kind: "signal", signal: "purchase-intent", minStrength: 0.85 },
      { kind: "rejections", atLeast: 2 },
    ],
  },
  metrics: [
    { name: "conversionRate", why: "Trust shows as customers choosing the product after comparing." },
    { name: "csat", why: "Shows whether the comparison felt fair and useful." },
    { name: "firstResponseTimes", why: "Live, quick answers matter while a customer is still deciding." },
  ],
  facts: [
    {
      statement:
        "Almost two in three people surveyed put more weight on what fellow users, peers and independent sources report.",
      figure: "64%",
      source: "seed 000",
    },
    {
      statement:
        "Here the job is earning trust and showing expertise: mid-funnel material, testimonials, social proof, and live chat that answers on the spot.",
      source: "seed 000",
    },
    {
      statement:
        "At the consideration stage customers compare options and want clear answers about how the product meets their needs.",
      source: "seed 002",
    },
  ],
  variables: [],
};
