import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 000, scenario 3: customer interactions during onboarding. */
export const onboarding: Playbook = {
  id: "onboarding",
  language: "en",
  title: "Get a new customer to their first success",
  goal: "Help a new user learn the product step by step until they reach the result they signed up for.",
  recognize: {
    scenarios: ["onboarding"],
    types: ["question"],
    signals: ["onboarding"],
    journeyStages: ["decision", "purchase", "acquisition", "conversion", "experience"],
    cues: [
      "Just signed up, started a trial or made a first purchase",
      "Asks how to set up, get started, import or connect something",
      "Stuck on an early step of a trial",
    ],
  },
  steps: {
    greeting: {
      action: "Welcome the new customer and show that you are there to get them started.",
      checklist: ["Welcome them as a new customer", "Offer to guide them through setup"],
      template: {
        chat: "Welcome aboard, {{customerFirstName}}! I'm {{agentName}} and I'll help you get set up.",
        email: mail(
          "Welcome to {{companyName}}! I'm {{agentName}}, and I'm here to help you get {{productName}} set up and working for you.",
        ),
        phone:
          "Hi {{customerFirstName}}, welcome to {{companyName}}! I'm {{agentName}}, and I'm here to help you get started.",
      },
    },
    understanding: {
      action: "Find out what they want to achieve first and where they are in setup.",
      checklist: [
        "Ask what result they are aiming for",
        "Ask which steps are done",
        "Restate where they are stuck",
      ],
      template: {
        chat: "What's the first thing you want {{productName}} to do for you, and how far have you got?",
        email: mail(
          "To point you to the right next step: what is the first thing you want {{productName}} to do for you, and which setup steps have you finished so far?",
        ),
        phone:
          "What's the first thing you'd like {{productName}} to do for you? And where have you got to in the setup so far?",
      },
    },
    proposing: {
      action:
        "Propose the shortest path to that first result: a guided step-by-step, a short video, a product tour or a demo.",
      checklist: [
        "Pick the next step, not the whole manual",
        "Offer a video or tour for visual learners",
        "Offer a live demo when setup is complex",
      ],
      template: {
        chat: "The quickest way there is this short walkthrough: {{resourceUrl}}. Want me to go through it with you?",
        email: mail(
          "The quickest way to that first result is this short step-by-step guide, with a video for each step: {{resourceUrl}}. If you would rather see it live, I can book a short demo with you.",
        ),
        phone:
          "The quickest way is a few short steps. I can walk you through them now, or send you a short video guide. Which would you prefer?",
      },
      followUp: {
        action: "Offer another route to the first result: a short live session or a written guide.",
        template: {
          chat: "No problem. We can set it up together on a 15-minute call instead. Shall I book one?",
          email: mail(
            "No problem. We can set it up together on a short call instead, about 15 minutes. Reply with a time that suits you.",
          ),
          phone:
            "That's fine. We could set it up together on a short screen share instead. Would that suit you?",
        },
      },
    },
    delivering: {
      action: "Walk them through, confirm each step works, and send the guide for later.",
      checklist: [
        "Go one step at a time",
        "Check each step worked",
        "Send the guide and the help centre link",
      ],
      template: {
        chat: "Nice, that step's done. Next one's in the guide I sent to {{contactEmail}}; shout if anything looks different.",
        email: mail(
          "Here is a summary of what we set up together, and the guide for the remaining steps: {{resourceUrl}}. Each step shows what you should see on screen, so you can tell it has worked.",
        ),
        phone:
          "Great, that's working. I'm sending the guide to {{contactEmail}} so you have the remaining steps. Tell me if anything looks different from what it shows.",
      },
      followUp: {
        action: "Celebrate the step and ask whether anything else is in the way of getting started.",
        template: {
          chat: "You're up and running! Anything else in your way?",
          email: mail(
            "Well done on getting set up. Is anything else in your way with {{productName}}? Reply and we will sort it together.",
          ),
          phone: "Well done, you're set up. Is anything else in the way that we can look at now?",
        },
      },
    },
    closing: {
      action: "Check they reached their first result and tell them where help lives.",
      checklist: [
        "Confirm the first result works",
        "Point to self-help and the bot or chat",
        "Offer a check-in",
      ],
      template: {
        chat: "You're all set! Our help centre and chat are here anytime. Anything else to get started?",
        email: mail(
          "You are all set for now. Whenever you need a hand, our help centre ({{resourceUrl}}) and chat are always open, and I will check in {{deliveryWindow}} to see how you are getting on.",
          "Happy to have you with us,",
        ),
        phone:
          "You're all set. Help is always available in our help centre and on chat, and I'll check in with you {{deliveryWindow}}. Anything else before you go?",
      },
    },
  },
  avoid: [
    "Sending the whole manual instead of the next step",
    "Jargon the new user has not learnt yet",
    "Leaving a stuck trial user without follow-up",
  ],
  escalation: {
    summary:
      "Book an onboarding specialist or a live demo when the customer stays stuck or setup needs hands-on help.",
    when: [
      { kind: "rejections", atLeast: 2 },
      { kind: "signal", signal: "confusion", minStrength: 0.8 },
      { kind: "signal", signal: "frustration", minStrength: 0.6 },
    ],
  },
  metrics: [
    { name: "conversionRate", why: "Trials that convert show onboarding works." },
    { name: "retentionRate", why: "Customers who reach a first success stay." },
    { name: "ces", why: "Setup that feels easy is onboarding done well." },
    { name: "csat", why: "Shows how new customers rate their first contacts." },
  ],
  facts: [
    {
      statement:
        "Without good onboarding, a large share of free-trial sign-ups may never become paying customers.",
      figure: "40-60%",
      source: "seed 000",
    },
    {
      statement:
        "Recommended: videos or self-help content for each feature, a product tour, documentation or demo, and a messaging bot to assist during onboarding.",
      source: "seed 000",
    },
    {
      statement:
        "Onboarding works as a guided sequence of small steps, and needs revising whenever the product gains features.",
      source: "seed 000",
    },
  ],
  variables: [],
};
