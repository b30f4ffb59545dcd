import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 003: handling a complaint (seed 004: a problem). */
export const complaint: Playbook = {
  id: "complaint",
  language: "en",
  title: "Resolve a complaint so the customer feels heard",
  goal: "Make the customer feel heard, then resolve the cause of the complaint through the five stages of the conversation.",
  recognize: {
    scenarios: [],
    types: ["complaint"],
    signals: [],
    journeyStages: ["purchase", "retention", "experience"],
    cues: [
      "Unhappy with a policy, a product or the website",
      "Describes a problem with something bought",
      "Negative sentiment",
    ],
  },
  steps: {
    greeting: {
      action: "Greet the customer and say you are sorry to hear something went wrong.",
      checklist: ["Greet by name", "Acknowledge that there is a problem"],
      template: {
        chat: "Hi {{customerFirstName}}, I'm {{agentName}}. Sorry to hear something's gone wrong; let's fix it.",
        email: mail(
          "Thank you for letting us know, and I'm sorry something went wrong. I'll look into it personally.",
        ),
        phone:
          "Hi {{customerFirstName}}, this is {{agentName}} at {{companyName}}. I'm sorry to hear there's a problem. Let's sort it out.",
      },
    },
    understanding: {
      action: "Let them explain, tell them their reaction is reasonable, and restate the problem.",
      checklist: [
        "Listen fully",
        "Say that their reaction makes sense",
        "Restate the problem and ask if it is right",
      ],
      template: {
        chat: "I understand why that's annoying. So: order {{orderNumber}} arrived not as described. Have I got that right?",
        email: mail(
          "I understand why this is upsetting. To make sure I have it right: your order {{orderNumber}} did not match what you expected. Please correct me if I have missed anything.",
        ),
        phone:
          "I can understand why you're upset about that. Let me make sure I have it: order {{orderNumber}} wasn't what you expected. Is that right?",
      },
    },
    proposing: {
      action: "Propose a fix; be open about what you cannot do and offer what you can.",
      checklist: [
        "Offer the fix",
        "If something is not possible, say so and offer an alternative",
        "Ask if the solution works for them",
      ],
      template: {
        chat: "Here's my offer: the right item goes out today at no cost, and we collect the wrong one. Does that sound fair?",
        email: mail(
          "Here is my offer: we send you the right item today at no cost and collect the wrong one from you. Changing a shipped order is outside what I am able to do, so this is the quickest route to what you ordered, and I have added a discount to your next order for the trouble. Does that sound fair?",
        ),
        phone:
          "Here's my offer: we send the right item out today at no cost, and a courier collects the wrong one. A shipped order is something I can't change, I'm afraid, so this is the fastest way. I'll also put a discount on your next order. Does that sound fair?",
      },
      followUp: {
        action: "Accept the no and offer a different fix, such as a refund instead.",
        template: {
          chat: "Understood. I can refund {{orderNumber}} in full instead, and your discount still stands. Better?",
          email: mail(
            "Understood. Instead, I can refund order {{orderNumber}} in full, and your discount still stands. Shall I go ahead?",
          ),
          phone:
            "Understood. I can refund order {{orderNumber}} in full instead, and your discount stays. Shall I do that?",
        },
      },
    },
    delivering: {
      action: "Do what was agreed and spell out exactly what happens next and when.",
      checklist: ["Carry out the fix", "Confirm contact details", "Say what will happen and when"],
      template: {
        chat: "Done. The replacement for {{orderNumber}} ships today and arrives {{deliveryWindow}}. Confirmation is on its way to {{contactEmail}}.",
        email: mail(
          "The replacement for order {{orderNumber}} is on its way and should arrive {{deliveryWindow}}. Your discount is already on your account. I will keep case {{ticketId}} open until you confirm all is well.",
        ),
        phone:
          "That's done. Your replacement ships today and should arrive {{deliveryWindow}}. I'll send the confirmation to {{contactEmail}}; is that still correct?",
      },
      followUp: {
        action: "Ask whether anything else about the order needs putting right.",
        template: {
          chat: "Thanks for confirming. Is anything else about {{orderNumber}} not right?",
          email: mail(
            "Thanks for confirming. Before I close case {{ticketId}}, is anything else about your order not right?",
          ),
          phone: "Thanks for confirming. Before we finish, is anything else about the order not right?",
        },
      },
    },
    closing: {
      action:
        "Confirm the customer is satisfied, thank them for raising it and say the feedback has been passed on.",
      checklist: ["Ask if the issue is resolved", "Thank them for telling you", "Mention the survey"],
      template: {
        chat: "Glad we could sort it, {{customerFirstName}}. Thanks for telling us; I've passed it on. Anything else?",
        email: mail(
          "Thank you for raising this; I have passed it on so it does not happen to others. If anything else is not right, reply here and I will pick it up. A short survey will follow; your answer helps us improve.",
        ),
        phone:
          "I'm glad we could sort that out. Thanks for telling us, I've passed it on to the team. Is something else on your mind that I can sort while we talk?",
      },
    },
  },
  avoid: [
    "Defending the company before the customer feels heard",
    'Saying "no" without offering an alternative',
    "Vague promises about what happens next",
  ],
  escalation: {
    summary:
      "Escalate to a team lead when the customer rejects the solutions offered, the complaint is serious, or it comes back.",
    when: [
      { kind: "rejections", atLeast: 2 },
      { kind: "reopens", atLeast: 1 },
      { kind: "previous-contacts", atLeast: 2 },
      { kind: "signal", signal: "frustration", minStrength: 0.8 },
      { kind: "signal", signal: "cancel-intent", minStrength: 0.5 },
      { kind: "sla-breached" },
    ],
  },
  metrics: [
    { name: "csat", why: "Shows whether complainants leave satisfied." },
    { name: "firstContactResolution", why: "A complaint solved in one contact does not grow." },
    { name: "resolutionTimes", why: "The longer a complaint stays open, the worse it gets." },
    { name: "churnRate", why: "Unresolved complaints turn into lost customers." },
  ],
  facts: [
    {
      statement:
        "A complaint starts with the customer feeling listened to and hearing that their annoyance is reasonable; the fix then follows the usual conversation stages.",
      source: "seed 003",
    },
    {
      statement: "When something is not possible, say so openly and focus on what you can offer instead.",
      source: "seed 003",
    },
    {
      statement:
        "Customers with a problem should reach knowledgeable agents, or forums and bots for simpler cases.",
      source: "seed 004",
    },
  ],
  variables: [],
};
