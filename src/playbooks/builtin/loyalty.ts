import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 000, scenario 8: loyal customers deserving special treatment. */
export const loyalty: Playbook = {
  id: "loyalty",
  language: "en",
  title: "Treat a loyal customer as the regular they are",
  goal: "Give a long-standing customer attention and offers that fit their history, so they stay and recommend the company.",
  recognize: {
    scenarios: ["loyalty"],
    types: ["praise", "question"],
    signals: ["loyalty", "gratitude"],
    journeyStages: ["retention", "advocacy", "loyalty"],
    cues: [
      "Long tenure, many purchases or a high last NPS",
      "Mentions how long they have been a customer",
      "Asks about renewals, upgrades or rewards",
    ],
  },
  steps: {
    greeting: {
      action: "Greet them as a known customer and thank them for their loyalty.",
      checklist: ["Use their name", "Recognise their history with the company"],
      template: {
        chat: "Hi {{customerFirstName}}, great to hear from you again! Thanks for being with us so long. I'm {{agentName}}.",
        email: mail(
          "It's good to hear from you again, and thank you for being such a loyal customer of {{companyName}}.",
        ),
        phone:
          "Hi {{customerFirstName}}, it's {{agentName}} at {{companyName}}. Lovely to hear from you again, and thanks for being with us all this time.",
      },
    },
    understanding: {
      action: "Look at their history before asking, and ask what they need now.",
      checklist: ["Review purchase history and past contacts first", "Ask what they need", "Restate it"],
      template: {
        chat: "I can see your account here. What can I do for you today?",
        email: mail(
          "I have your account history in front of me. Tell me what you need and I will take care of it.",
        ),
        phone: "I've got your account up here, so no need to repeat anything. What can I do for you today?",
      },
    },
    proposing: {
      action: "Solve the request and add a personal offer or reward based on their history.",
      checklist: [
        "Solve what they asked",
        "Add an offer based on their purchase history",
        "Mention the rewards programme if they are not in it",
      ],
      template: {
        chat: "Done for you. And as a thank-you for your loyalty, here's something picked for you: {{resourceUrl}}",
        email: mail(
          "I have taken care of your request. As a thank-you for your loyalty, we have picked an offer for you based on what you enjoy: {{resourceUrl}}. If you are not yet in our rewards programme, you will find it there too.",
        ),
        phone:
          "That's sorted for you. And as a thank-you for your loyalty, I'd like to offer you something based on what you usually order. Would you like to hear about it?",
      },
      followUp: {
        action: "Thank them for saying so and offer a different reward.",
        template: {
          chat: "No problem at all. Would a discount on your next order suit you better?",
          email: mail(
            "No problem at all. We would be glad to put a discount on your next order instead. Just say the word.",
          ),
          phone: "No problem at all. Would a discount on your next order suit you better? I can add it now.",
        },
      },
    },
    delivering: {
      action: "Apply the offer yourself and confirm exactly what they will receive.",
      checklist: ["Apply the offer or reward directly", "Confirm what and when"],
      template: {
        chat: "All applied to {{orderNumber}}. You'll see it {{deliveryWindow}}.",
        email: mail(
          "I have applied everything to your account (reference {{orderNumber}}). You will see it {{deliveryWindow}}.",
        ),
        phone:
          "I've applied it to your account, reference {{orderNumber}}. You'll see it {{deliveryWindow}}, and I'll email you a confirmation.",
      },
      followUp: {
        action: "Ask, personally, whether there is anything more you can do for them.",
        template: {
          chat: "Lovely. Anything more I can do for you today, {{customerFirstName}}?",
          email: mail(
            "I'm glad that is all in place. Is there anything more we can do for you? It is always good to hear from you.",
          ),
          phone: "Lovely. Is there anything more I can do for you today? Always good to hear from you.",
        },
      },
    },
    closing: {
      action: "Thank them again and invite them to share their experience or refer a friend.",
      checklist: ["Thank them", "Invite a review, a referral or a social share"],
      template: {
        chat: "Thanks again, {{customerFirstName}}! If you ever feel like sharing your experience, we'd love that.",
        email: mail(
          "Thank you for staying with us all this time. If you would like to share your experience, or know someone who would enjoy {{companyName}}, we would be delighted.",
          "With our thanks,",
        ),
        phone:
          "Thanks again for being such a great customer. If you ever feel like telling friends about us, we'd be delighted. Have a wonderful day!",
      },
    },
  },
  avoid: [
    "Taking a satisfied customer for granted and lowering the standard of care",
    "Generic offers that ignore their history",
    "Making a regular start from scratch as if they were new",
  ],
  escalation: {
    summary:
      "Bring in the account manager or retention team when a loyal customer talks about leaving or has a serious problem.",
    when: [
      // 0.5 takes a clear cue ("cancel", "not renewing") or two weak ones: a single weak cue such
      // as "refund" or "leave" says little on its own.
      { kind: "signal", signal: "cancel-intent", minStrength: 0.5 },
      { kind: "signal", signal: "frustration", minStrength: 0.5 },
      { kind: "sla-breached" },
    ],
  },
  metrics: [
    { name: "retentionRate", why: "Loyal customers who are well treated stay." },
    { name: "nps", why: "They are the promoters; a falling score among them is an early warning." },
    { name: "churnRate", why: "Losing a loyal customer is the costliest churn." },
  ],
  facts: [
    {
      statement: "Winning a new customer costs five times as much as keeping an existing one.",
      figure: "5x",
      source: "seed 000",
    },
    {
      statement:
        "A White House Office of Consumer Affairs figure puts the cost of attracting a new customer at about six times that of keeping one.",
      figure: "6x",
      source: "seed 003",
    },
    {
      statement:
        "Recommended: offers tailored to what the customer bought before, a well-built rewards scheme, and public recognition of regulars on social media.",
      source: "seed 000",
    },
    {
      statement:
        "With a customer known to be happy it is tempting to relax, and that can backfire: loyal customers still need care.",
      source: "seed 000",
    },
  ],
  variables: [],
};
