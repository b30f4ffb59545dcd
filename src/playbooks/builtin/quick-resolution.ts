import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 000, scenario 5: customers needing a quick resolution. */
export const quickResolution: Playbook = {
  id: "quick-resolution",
  language: "en",
  title: "Solve an urgent problem fast, in one contact",
  goal: "Resolve a pressing problem with something the customer already bought in as few steps and as little waiting as possible.",
  recognize: {
    scenarios: ["quick-resolution"],
    types: ["complaint", "question"],
    signals: ["urgency"],
    journeyStages: ["purchase", "retention", "experience"],
    cues: [
      "Words of time pressure: now, today, asap, urgent, deadline",
      "Something bought has stopped working or has not arrived",
      "A blocked payment, login or delivery",
    ],
  },
  steps: {
    greeting: {
      action: "Reply at once and signal that you will move fast; skip small talk.",
      checklist: [
        "Answer within the first-response target",
        "Name yourself and confirm you are handling it now",
      ],
      template: {
        chat: "Hi {{customerFirstName}}, {{agentName}} here. I'll sort this out with you right now.",
        email: mail(
          "Thanks for getting in touch. I can see this is urgent, so I am working on it now and will keep this reply short so we can move quickly.",
        ),
        phone:
          "Hi {{customerFirstName}}, {{agentName}} at {{companyName}}. I understand it's urgent, so let's get straight to it.",
      },
    },
    understanding: {
      action:
        "Ask only the questions you need, pull the order or account yourself, and confirm the problem in one sentence.",
      checklist: [
        "Look up the order or account instead of asking for details you already have",
        "Ask for the one or two facts you are missing",
        "Confirm the problem in one sentence before acting",
      ],
      template: {
        chat: "I've got order {{orderNumber}} open. Just to confirm: it isn't working and you need it today, right?",
        email: mail(
          "I have your order {{orderNumber}} in front of me. To be sure I fix the right thing: the problem is that it is not working as it should and you need it resolved today. If that is right, there is nothing more you need to send me.",
        ),
        phone:
          "I've pulled up order {{orderNumber}}, so you don't need to read anything out. Just to confirm: it's stopped working and you need it fixed today. Is that right?",
      },
    },
    proposing: {
      action:
        "Offer the fastest fix first, with replacement, return or upgrade options when the product is at fault.",
      checklist: [
        "Lead with the fastest working fix",
        "Offer a replacement, return or upgrade if the product is at fault",
        "Say how long each option takes",
      ],
      template: {
        chat: "Quickest fix: {{resourceUrl}} takes about two minutes. If that doesn't do it, I'll send a replacement today. OK?",
        email: mail(
          "The fastest way to fix this is the short guide here: {{resourceUrl}}. It takes a couple of minutes. If it does not solve the problem, I will send you a replacement straight away, or arrange a return if you prefer.",
        ),
        phone:
          "The quickest fix is a couple of steps I can walk you through now. If that doesn't work, I'll send a replacement out today, or set up a return if you'd rather. Shall we try the quick fix first?",
      },
      followUp: {
        action: "Go straight to the next-fastest option and say how long it takes.",
        template: {
          chat: "OK, plan B: I'll send a replacement today, arriving {{deliveryWindow}}. Go ahead?",
          email: mail(
            "Understood. Plan B: I can send a replacement for order {{orderNumber}} today, arriving {{deliveryWindow}}, or set up a return. Which shall I do?",
          ),
          phone:
            "Understood, plan B. I can send a replacement today, arriving {{deliveryWindow}}, or set up a return. Which would you like?",
        },
      },
    },
    delivering: {
      action:
        "Do the fix with the customer, check it worked, and confirm anything still pending with a time.",
      checklist: [
        "Walk through the fix or trigger the replacement",
        "Check with the customer that it works",
        "Give a time for anything not instant",
      ],
      template: {
        chat: "Done on my side. Can you check it works now? Anything still pending arrives {{deliveryWindow}}.",
        email: mail(
          "I have now done the following on order {{orderNumber}}: applied the fix and flagged it so it cannot happen again on this order. Anything still pending will reach you {{deliveryWindow}}. Please reply if it is not working for you and I will pick it up at once.",
        ),
        phone:
          "Okay, that's done on my side. Could you check for me now whether it works? Anything still pending will reach you {{deliveryWindow}}.",
      },
      followUp: {
        action: "Confirm it works and ask, briefly, whether anything else needs fixing.",
        template: {
          chat: "Great, it works. Anything else to fix?",
          email: mail(
            "Glad it is working again. Is anything else not right? Reply and I will look at it straight away.",
          ),
          phone: "Great, it's working. Anything else I should fix while I'm on the line?",
        },
      },
    },
    closing: {
      action: "Confirm it is solved, leave a direct way back, and close without delay.",
      checklist: ["Confirm the problem is gone", "Leave the case reference", "Close promptly"],
      template: {
        chat: "Great, glad it's working again. If it acts up, reply here with {{ticketId}}. Anything else I can do?",
        email: mail(
          "I'm glad we could get this working again quickly. If the problem returns, reply to this email or quote {{ticketId}} and it will come straight back to me.",
        ),
        phone:
          "Great, I'm glad it's working again. If it comes back, just quote {{ticketId}}. Is there something more I should look at while I have you?",
      },
    },
  },
  avoid: [
    "Putting the customer on hold or transferring them without need",
    "Making them repeat details that are already on file or that they told another agent",
    "Asking for information you can look up yourself",
    "Long explanations before the fix",
  ],
  escalation: {
    summary:
      "Pass to the next tier at once, with notes, when the fix is outside your reach, the wait grows or the SLA is breached.",
    when: [
      { kind: "waiting", minutes: 30 },
      { kind: "sla-breached" },
      { kind: "rejections", atLeast: 2 },
      { kind: "signal", signal: "frustration", minStrength: 0.6 },
    ],
  },
  metrics: [
    { name: "firstResponseTimes", why: "Urgent contacts are judged first by how fast someone answers." },
    { name: "resolutionTimes", why: "The whole point is a short time from contact to fix." },
    { name: "firstContactResolution", why: "Each extra contact is more waiting and more repeating." },
    {
      name: "slaCompliance",
      why: "SLA targets are the promise of speed; breaches show where the playbook fails.",
    },
    { name: "ces", why: "Low effort is what a customer in a hurry wants." },
  ],
  facts: [
    {
      statement:
        "A third of customers are frustrated by waiting on hold or by repeating themselves to several support agents.",
      figure: "33%",
      source: "seed 000",
    },
    {
      statement:
        "Recommended: keep support staffed across channels and answer promptly, send relevant content when the issue is about using the product, and allow returns, replacements and upgrades.",
      source: "seed 000",
    },
    {
      statement:
        "Response time and first contact resolution are among the metrics to track; resolving at the first contact lowers effort.",
      source: "seed 002",
    },
  ],
  variables: [],
};
