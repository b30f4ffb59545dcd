import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 000, scenario 4: customer experience interactions. */
export const experience: Playbook = {
  id: "experience",
  language: "en",
  title: "Make an everyday contact a good experience",
  goal: "Use a routine contact (a comment, a sign-up, an event, a passing question) to leave the customer pleased and to learn from them.",
  recognize: {
    scenarios: ["experience"],
    types: ["question", "suggestion", "praise"],
    signals: ["gratitude"],
    journeyStages: ["retention", "experience"],
    cues: [
      "A comment on a social post, a newsletter reply or an event follow-up",
      "A general question from an existing customer with no problem behind it",
      "Feedback offered in passing",
    ],
  },
  steps: {
    greeting: {
      action: "Greet them personally and thank them for reaching out.",
      checklist: ["Use their first name", "Thank them for getting in touch"],
      template: {
        chat: "Hi {{customerFirstName}}, thanks for reaching out! I'm {{agentName}}. How can I help?",
        email: mail("Thank you for getting in touch with us. It is always good to hear from you."),
        phone:
          "Hi {{customerFirstName}}, thanks for calling {{companyName}}, this is {{agentName}}. How can I help today?",
      },
    },
    understanding: {
      action: "Find out what brought them here and how things are going with the product.",
      checklist: [
        "Ask what prompted the contact",
        "Ask how the product is working for them",
        "Restate what they said",
      ],
      template: {
        chat: "Happy to help. How's {{productName}} working for you so far?",
        email: mail(
          "Before I answer, I'd love to know: how is {{productName}} working for you so far? Anything we could do better?",
        ),
        phone: "Sure. And while I have you, how is {{productName}} working out for you so far?",
      },
    },
    proposing: {
      action:
        "Answer what they asked and add something of value: a tip, a relevant resource or an invitation.",
      checklist: ["Answer first", "Add one useful tip or resource", "Invite feedback"],
      template: {
        chat: "Here you go: {{resourceUrl}}. Tip: it also works on mobile. Would you share a quick rating afterwards?",
        email: mail(
          "Here is what you asked for: {{resourceUrl}}. One tip many customers find useful: the same features are on our mobile app. If you have a minute afterwards, we would value your feedback.",
        ),
        phone:
          "Here's the answer, and one tip while we're at it: you can do the same from our mobile app. I'll send the link to {{contactEmail}}.",
      },
      followUp: {
        action: "Offer another way: explain it in a few lines or go through it together.",
        template: {
          chat: "No worries! I can explain it right here in a few lines instead. Want me to?",
          email: mail(
            "No problem. If the link was not what you needed, I can explain it here in a few lines instead. Just say so.",
          ),
          phone: "No problem. I can go through it with you now instead, step by step. Would that be easier?",
        },
      },
    },
    delivering: {
      action: "Send what you offered and record any feedback where the team will see it.",
      checklist: ["Send the link or item", "Log their feedback for the team", "Thank them for it"],
      template: {
        chat: "Sent! I've also passed your comments on to the team. Thanks for them.",
        email: mail(
          "I have sent everything over, and I have shared your comments with the team that works on {{productName}}. Thank you for taking the time to tell us.",
        ),
        phone:
          "That's on its way to {{contactEmail}}, and I've passed your comments to the team. Thanks for sharing them.",
      },
      followUp: {
        action: "Thank them and ask whether there is anything more you can do today.",
        template: {
          chat: "Thanks! Anything more I can do for you while I'm here?",
          email: mail(
            "Good to hear it worked out. Is there anything more we can do for you? Simply reply to this email.",
          ),
          phone: "Thanks for that. Is there anything more I can do for you today?",
        },
      },
    },
    closing: {
      action: "Close warmly and invite a survey response.",
      checklist: ["Thank them", "Mention the short survey"],
      template: {
        chat: "Thanks for chatting, {{customerFirstName}}! A quick survey will pop up here; we read every answer.",
        email: mail(
          "Thanks again for being a customer. We would love to hear how we did in this short survey: {{surveyUrl}}",
          "Warm regards,",
        ),
        phone:
          "Thanks for the call, {{customerFirstName}}. You may get a short survey about this call; we read every answer. Have a great day!",
      },
    },
  },
  avoid: [
    "Treating a friendly contact as a ticket to close quickly",
    "Asking for feedback and then doing nothing with it",
    "Answering in a different tone on each channel",
  ],
  escalation: {
    summary:
      "Hand over to the complaint or retention playbook when a routine contact turns out to hide a problem or a wish to leave.",
    when: [
      { kind: "signal", signal: "frustration", minStrength: 0.6 },
      { kind: "signal", signal: "cancel-intent", minStrength: 0.5 },
    ],
  },
  metrics: [
    { name: "csat", why: "Everyday contacts should leave customers satisfied." },
    { name: "nps", why: "Pleasant routine contacts build willingness to recommend." },
    { name: "retentionRate", why: "Good everyday experience keeps customers." },
  ],
  facts: [
    {
      statement: "For six consumers in ten, a good experience is a condition of feeling loyal to a brand.",
      figure: "60%",
      source: "seed 000",
    },
    {
      statement:
        "Recommended: ask for feedback through surveys, thank customers publicly or by letter, and serve them on every channel they use.",
      source: "seed 000",
    },
    {
      statement:
        "Salesforce reports that four customers in five judge a company's service as seriously as its products.",
      figure: "80%",
      source: "seed 003",
    },
  ],
  variables: [],
};
