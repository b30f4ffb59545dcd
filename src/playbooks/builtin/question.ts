import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 003: handling a customer's question (seed 004: a request for information). */
export const question: Playbook = {
  id: "question",
  language: "en",
  title: "Answer a question honestly and completely",
  goal: "Understand exactly what the customer is asking and give a true, kind and complete answer, or a promise to find out that is kept.",
  recognize: {
    scenarios: [],
    types: ["question"],
    signals: [],
    journeyStages: ["awareness", "consideration", "purchase", "retention", "experience"],
    cues: ["A question mark, a wh-word or a request for information", "Asks how, where, when or whether"],
  },
  steps: {
    greeting: {
      action: "Greet the customer and invite the question.",
      checklist: ["Greet by name", "Introduce yourself", "Ask how you can help"],
      template: {
        chat: "Hi {{customerFirstName}}! {{agentName}} here. What would you like to know?",
        email: mail(
          "Thank you for your question. I'm {{agentName}}, and I'll make sure you get a complete answer.",
        ),
        phone: "Hi, you're through to {{agentName}} at {{companyName}}. What would you like to know?",
      },
    },
    understanding: {
      action: "Ask follow-up questions until the question is clear, then state it back.",
      checklist: [
        "Ask for the details you need",
        "State the question back in your own words",
        "Wait for a yes before answering",
      ],
      template: {
        chat: "Just so I answer the right thing: you'd like to know whether {{productName}} can do this for you, right?",
        email: mail(
          "So that I answer exactly what you need: as I understand it, you would like to know whether {{productName}} can do this for you. If I have misread your question, tell me and I will adjust.",
        ),
        phone:
          "Let me make sure I've understood: you'd like to know whether {{productName}} can do this for you. Is that right?",
      },
    },
    proposing: {
      action:
        "Answer honestly and kindly; if you do not know, say so and commit to finding out by a set time.",
      checklist: [
        "Give the answer in plain words",
        "Point to a helpful resource for more",
        "If unsure, say you will check, and when you will come back",
      ],
      template: {
        chat: "Yes, it can. Here's how: {{resourceUrl}}. Would that answer your question?",
        email: mail(
          "The answer is yes, and here is how it works: {{resourceUrl}}. If any part is not clear, reply and I will walk you through it.",
        ),
        phone:
          "Good question. Yes, it can, and I can walk you through how. Or, if you prefer, I'll email you the guide.",
      },
      followUp: {
        action:
          "Say sorry and try another angle: walk them through it, or check with a colleague by a set time.",
        template: {
          chat: "Sorry, that didn't answer it. Let me walk you through it here instead, step by step. OK?",
          email: mail(
            "Sorry that did not answer it. I will check with a specialist colleague and come back to you {{deliveryWindow}} with a clear answer.",
          ),
          phone:
            "Sorry, that didn't quite answer it. I'll check with a colleague and call you back {{deliveryWindow}}. All right?",
        },
      },
    },
    delivering: {
      action:
        "Give the full answer or walk them through it, and follow up on anything you promised to check.",
      checklist: [
        "Walk through the steps if needed",
        "Send the link or summary",
        "Follow up on open points when promised",
      ],
      template: {
        chat: "I've sent a summary to {{contactEmail}}. If I said I'd check something, you'll hear from me {{deliveryWindow}}.",
        email: mail(
          "Here is a summary of the answer for your records. Where I promised to check something with the team, I will come back to you {{deliveryWindow}}, whatever the outcome.",
        ),
        phone:
          "I'll send a summary to {{contactEmail}}. The one thing I need to check, I'll get back to you on {{deliveryWindow}}.",
      },
      followUp: {
        action: "Check the answer is complete and ask whether any other question is open.",
        template: {
          chat: "Great. Any other question while I'm here?",
          email: mail(
            "I hope that answers it fully. Is there any other question on your mind? Just reply here.",
          ),
          phone: "Great. Is there any other question I can answer today?",
        },
      },
    },
    closing: {
      action: "Check the answer is complete, offer further help and say goodbye.",
      checklist: [
        "Check whether another question is open",
        "Remind them how to reach you",
        "Mention the survey if one follows",
      ],
      template: {
        chat: "Any other question on your mind? Thanks for asking, {{customerFirstName}}!",
        email: mail(
          "I hope that answers your question. If anything else comes up, just reply to this email.",
        ),
        phone:
          "Does that cover everything you wanted to ask? Thanks for calling {{companyName}}, and have a great day.",
      },
    },
  },
  avoid: [
    "Answering before the question is clear",
    "Guessing or inventing an answer",
    "Promising to find out and never following up",
  ],
  escalation: {
    summary:
      "Pass the question to a specialist when the answer is beyond your knowledge, or the customer rejects it twice.",
    when: [{ kind: "rejections", atLeast: 2 }, { kind: "sla-breached" }, { kind: "waiting", minutes: 60 }],
  },
  metrics: [
    { name: "firstContactResolution", why: "A complete answer first time means no repeat contact." },
    { name: "firstResponseTimes", why: "Questions are answered best while they are fresh." },
    { name: "csat", why: "Shows whether the answer helped." },
  ],
  facts: [
    {
      statement:
        "For questions: make sure you understand, restate the question, answer honestly and kindly, guide the customer or point to resources, and if you do not know, say you will find out and then follow up.",
      source: "seed 003",
    },
    {
      statement:
        "Requests for information (features, demonstrations, getting started) are the interaction customers seek most.",
      source: "seed 004",
    },
    {
      statement:
        "Never guess, and never promise what cannot be kept; when the answer is unknown, find it out and report back quickly.",
      source: "seed 002",
    },
  ],
  variables: [],
};
