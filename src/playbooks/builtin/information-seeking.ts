import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 000, scenario 1: potential customers looking for information. */
export const informationSeeking: Playbook = {
  id: "information-seeking",
  language: "en",
  title: "Help a prospect find what they need to know",
  goal: "Give a potential customer accurate, current information that answers the question and makes the next step obvious.",
  recognize: {
    scenarios: ["information-seeking"],
    types: ["question"],
    signals: ["purchase-intent"],
    journeyStages: ["awareness", "consideration"],
    cues: [
      "Questions about what the product does, prices, plans, shipping or availability",
      "No purchase history yet",
      "Arrives from the website, an ad or social media",
    ],
  },
  steps: {
    greeting: {
      action: "Welcome the visitor warmly and invite the question.",
      checklist: ["Thank them for their interest", "Introduce yourself", "Invite the question"],
      template: {
        chat: "Hi {{customerFirstName}}, welcome to {{companyName}}! I'm {{agentName}}. What would you like to know?",
        email: mail("Thank you for your interest in {{companyName}}. I'm happy to answer your questions."),
        phone: "Hello, thanks for calling {{companyName}}, this is {{agentName}}. What can I tell you about?",
      },
    },
    understanding: {
      action: "Find out what they need the product for, so the answer fits their situation.",
      checklist: [
        "Ask what they want to achieve",
        "Ask about any constraint (budget, timing, location)",
        "Restate the question",
      ],
      template: {
        chat: "Happy to help. What are you hoping to use {{productName}} for? Then I can point you to the right details.",
        email: mail(
          "So that I send you the most useful details: what are you hoping to use {{productName}} for, and is there anything (budget, timing, location) we should keep in mind?",
        ),
        phone: "Sure. So I give you the right answer, what are you hoping to use {{productName}} for?",
      },
    },
    proposing: {
      action: "Answer briefly and accurately, and point to the one resource that goes deeper.",
      checklist: [
        "Answer the question first, in plain words",
        "Use up-to-date plan and feature information",
        "Point to one guide, checklist or how-to rather than a pile of links",
      ],
      template: {
        chat: "Short answer: yes, {{productName}} does that. This page has the details: {{resourceUrl}}",
        email: mail(
          "The short answer is yes: {{productName}} covers what you describe. You will find the details, including the current plans, here: {{resourceUrl}}. If anything there is unclear, just reply and I will explain.",
        ),
        phone:
          "The short answer is yes, {{productName}} can do that. I can send you a page with the details; what's the best email for you?",
      },
      followUp: {
        action: "Point to the closest option that fits, and say plainly what it does not cover.",
        template: {
          chat: "Fair point. Another plan may fit better; here's how they differ: {{resourceUrl}}",
          email: mail(
            "Fair point. Another plan of {{productName}} may fit better; this page shows what each one covers and what it does not: {{resourceUrl}}",
          ),
          phone: "Fair point. Another plan may fit better. Shall I email you how the plans differ?",
        },
      },
    },
    delivering: {
      action: "Send what you promised and make the next step (trial, demo, purchase) one click away.",
      checklist: ["Send the resource or quote", "Name the next step and how to take it", "Do not push"],
      template: {
        chat: "I've sent it to {{contactEmail}}. When you're ready, you can start from {{resourceUrl}}.",
        email: mail(
          "As promised, everything is in this email. When you want to try it, you can start here: {{resourceUrl}}. There is no obligation, and you are welcome to come back with more questions first.",
        ),
        phone:
          "I've just emailed it to {{contactEmail}}. When you're ready, the link in there gets you started. No rush at all.",
      },
      followUp: {
        action: "Ask whether any other question is open, without pushing a decision.",
        template: {
          chat: "Glad that helps. Any other question, big or small?",
          email: mail(
            "I'm glad that was useful. Is there any other question I can answer? There is no need to decide anything yet.",
          ),
          phone: "Great. Any other question I can answer? No pressure to decide today.",
        },
      },
    },
    closing: {
      action: "Check nothing is left unanswered and leave the door open.",
      checklist: ["Ask if anything is still unclear", "Say how to reach you again"],
      template: {
        chat: "Anything else I can answer? You can reach us here anytime.",
        email: mail(
          "I hope this helps you decide. If any other question comes up, simply reply to this email.",
          "All the best,",
        ),
        phone:
          "Any other question I can clear up for you? You can call or chat with us anytime. Thanks for calling {{companyName}}.",
      },
    },
  },
  avoid: [
    "Burying a simple answer under too much information",
    "Giving outdated prices, plans or features",
    "Pushing for a sale before the question is answered",
  ],
  escalation: {
    summary:
      "Hand the lead to sales when the prospect shows clear buying intent or asks for a quote beyond standard plans.",
    // 0.85 takes more than one buying cue: a prospect asking about pricing is still looking; one who
    // asks for a quote or to order is a lead for sales.
    when: [{ kind: "signal", signal: "purchase-intent", minStrength: 0.85 }],
  },
  metrics: [
    { name: "conversionRate", why: "Good answers move prospects to a trial or purchase." },
    { name: "firstResponseTimes", why: "A prospect waiting for an answer may go elsewhere." },
    { name: "csat", why: "Shows whether the answer was clear and useful." },
  ],
  facts: [
    {
      statement:
        "Before any sale, a contact like this shows what the prospect is after; the job is to add value, teach them about the product and clear obstacles out of their way.",
      source: "seed 000",
    },
    {
      statement:
        "Recommended: easy navigation with well-placed calls to action, content kept current with new features and plans, and rich material such as how-tos, reports and checklists.",
      source: "seed 000",
    },
    {
      statement: "Airbnb is cited for keeping its information simple, with short forms and no overload.",
      source: "seed 000",
    },
    {
      statement:
        "Early in the journey people mostly want to learn what a company offers and whether it could fix their problem.",
      source: "seed 001",
    },
  ],
  variables: [],
};
