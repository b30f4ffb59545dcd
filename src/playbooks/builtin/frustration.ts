import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 000, scenario 6: unhappy customers venting their frustration. */
export const frustration: Playbook = {
  id: "frustration",
  language: "en",
  title: "Calm an unhappy customer and fix what went wrong",
  goal: "Turn an angry contact into a solved problem the customer trusts, so that they stay and buy again.",
  recognize: {
    scenarios: ["frustration"],
    types: ["complaint"],
    signals: ["frustration", "cancel-intent"],
    journeyStages: ["purchase", "retention", "experience"],
    cues: [
      "Strongly negative wording, capitals or repeated exclamation marks",
      "The customer says this is not the first time they have written",
      "Threats to leave, cancel or post a bad review",
    ],
  },
  steps: {
    greeting: {
      action: "Answer quickly, by name, and acknowledge that something has gone wrong before anything else.",
      checklist: [
        "Use the customer's first name",
        "Say that you can see they are upset and that you will stay with the issue",
        "Do not open with a script or a policy",
      ],
      template: {
        chat: "Hi {{customerFirstName}}, I'm {{agentName}}. I can see this has gone badly and I'm sorry. I'm on it now.",
        email: mail(
          "Thank you for telling us, and I'm sorry you had to. I've read your message and I'm taking this on personally, so you won't have to explain it again to someone else.",
        ),
        phone:
          "Hello {{customerFirstName}}, this is {{agentName}} at {{companyName}}. I'm sorry things have gone wrong. Take your time and tell me what happened; I'm going to stay with this until it's sorted.",
      },
    },
    understanding: {
      action:
        "Let the customer vent, then gather the facts and restate the problem so they know they were heard.",
      checklist: [
        "Listen without interrupting or correcting",
        "Ask what happened and what they have already tried",
        "Restate the problem and the impact in your own words and ask if you got it right",
        "Look up earlier contacts so the customer does not repeat themselves",
      ],
      template: {
        chat: "That sounds really frustrating. So I get it right: {{orderNumber}} went wrong and you've had to chase us. Is that it?",
        email: mail(
          "Your frustration makes complete sense. Let me check I have it right: your order {{orderNumber}} did not turn out as promised, and you have already had to contact us about it. If I have missed anything, reply to this email and I will add it to the case ({{ticketId}}).",
        ),
        phone:
          "I completely understand why you're annoyed. Let me repeat it back so I know I have it right: order {{orderNumber}} went wrong, and this isn't the first time you've had to call us about it. Is that correct?",
      },
    },
    proposing: {
      action:
        "Apologise plainly and offer a concrete remedy: a refund, a redo or a replacement, plus a gesture when it is deserved.",
      checklist: [
        "Apologise for the failure itself, not for how the customer feels",
        "Offer a refund or a redo of the work",
        "Add a gesture of real value when the failure was ours",
        "Say clearly what you cannot do and offer the closest thing you can",
      ],
      template: {
        chat: "I'm sorry, we got this wrong. I can refund you in full or redo it free of charge, whichever you prefer. Which would help most?",
        email: mail(
          "I'm sorry: this was our mistake. To put it right I can either refund order {{orderNumber}} in full or redo it at no cost to you, and I would like to add a credit to your account for the trouble. Let me know which option you prefer and I will arrange it straight away.",
        ),
        phone:
          "First, I'm sorry, this was our mistake. Here's what I can do right now: a full refund, or we redo it free of charge. I'd also like to add a credit for the hassle. Which of those works best for you?",
      },
      followUp: {
        action:
          "Accept the refusal calmly, apologise again and offer a different remedy, or ask what would put it right.",
        template: {
          chat: "I understand, and I'm sorry. Could we send a replacement by express at our cost instead? Or tell me what would put it right.",
          email: mail(
            "I understand, and I am sorry. Instead, I can send a replacement for order {{orderNumber}} by express at our cost. If something else would put this right, tell me.",
          ),
          phone:
            "I understand, and I'm sorry. I could send a replacement by express at our cost instead. Or tell me what would put it right for you.",
        },
      },
    },
    delivering: {
      action:
        "Carry out the remedy while the customer is still there when you can, show the work done and give a firm time for anything pending.",
      checklist: [
        "Do it now, or give an exact time for when it will be done",
        "Describe what you did on their case so the effort is visible",
        "Confirm the contact details for updates",
        "Set a reminder to follow up",
      ],
      template: {
        chat: "Done: I've processed it on {{orderNumber}}. You'll see it {{deliveryWindow}}. I've noted everything on your case so nobody asks you again.",
        email: mail(
          "I have now processed the remedy we agreed on for order {{orderNumber}}. You should see it {{deliveryWindow}}. I have also written up what went wrong on your case ({{ticketId}}) so that the team can stop it happening again, and I will check in with you once it has gone through.",
        ),
        phone:
          "Okay, that's done on my side for order {{orderNumber}}. You should see it {{deliveryWindow}}. I've written up everything on your case, and I'll confirm by email to {{contactEmail}}. Is that still the best address?",
      },
      followUp: {
        action: "Check calmly that the remedy landed and ask whether anything is still wrong.",
        template: {
          chat: "Thanks, {{customerFirstName}}. Is anything else still not right? I'd rather fix it now.",
          email: mail(
            "Thanks for your reply, and for your patience. Is anything else about order {{orderNumber}} still not right? I would rather sort it now than have you write again.",
          ),
          phone: "Thank you. Is anything else still not right? I'd rather fix it now, while we're talking.",
        },
      },
    },
    closing: {
      action:
        "Check the customer is satisfied with the outcome, thank them for their patience and say how to reach you directly.",
      checklist: [
        "Ask whether the remedy settles the matter",
        "Thank them for their patience and for telling you",
        "Give a direct way back to you or the case",
        "Mention the short survey if one follows",
      ],
      template: {
        chat: "Does that settle things for you, {{customerFirstName}}? Thanks for bearing with us. If anything else comes up, reply here and it comes straight back to me.",
        email: mail(
          "I hope this puts things right. Thank you for your patience and for telling us; it helps us fix the cause, not just this case. If anything else goes wrong, reply to this email and it will come straight back to me. You may receive a short survey about this conversation; your honest answer helps.",
          "With apologies and thanks,",
        ),
        phone:
          "Does that put things right for you? Thank you for being patient with us today. If anything else comes up, quote reference {{ticketId}} and you'll get straight back to me. You might get a short survey after this call; an honest answer really helps us.",
      },
    },
  },
  avoid: [
    "Arguing, blaming the customer or quoting policy before the problem is understood",
    "Making the customer repeat their story to another person",
    "Leaving them on hold or waiting without telling them why and for how long",
    "Promising a remedy you cannot deliver",
    "Closing the conversation before the customer agrees the problem is solved",
  ],
  escalation: {
    summary:
      "Hand over to a senior agent or team lead, with the full history, when anger keeps rising, remedies are refused, or the issue has already come back.",
    when: [
      { kind: "signal", signal: "frustration", minStrength: 0.8 },
      { kind: "signal", signal: "cancel-intent", minStrength: 0.5 },
      { kind: "rejections", atLeast: 2 },
      { kind: "previous-contacts", atLeast: 2 },
      { kind: "reopens", atLeast: 1 },
      { kind: "sla-breached" },
    ],
  },
  metrics: [
    {
      name: "csat",
      why: "Shows whether customers leave the conversation satisfied with how it was handled.",
    },
    {
      name: "firstContactResolution",
      why: "Every extra contact is another reason to be angry; solving it the first time is the aim.",
    },
    {
      name: "churnRate",
      why: "A well-handled complaint keeps the customer; rising churn among complainers means it is not working.",
    },
    {
      name: "firstResponseTimes",
      why: "An angry customer left waiting gets angrier; a fast first reply takes the heat out.",
    },
  ],
  facts: [
    {
      statement: "Seven unhappy customers in ten come back to buy again when support fixes what went wrong.",
      figure: "70%",
      source: "seed 000",
    },
    {
      statement:
        "Research from the Carey School of Business (Arizona State University) found customers twice as satisfied when the apology came with compensation worth money.",
      figure: "2x",
      source: "seed 000",
    },
    {
      statement:
        "Recommended approach: sympathy, empathy and apology, a refund or redo, and showing the effort put into the case.",
      source: "seed 000",
    },
    {
      statement:
        "With a complaint, the first job is to make the customer feel heard and to say why their annoyance is understandable.",
      source: "seed 003",
    },
    {
      statement: "Staying calm and positive with an upset customer helps bring the tension down.",
      source: "seed 002",
    },
  ],
  variables: [],
};
