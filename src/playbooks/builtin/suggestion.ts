import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 003: handling a suggestion (seed 004: a request). */
export const suggestion: Playbook = {
  id: "suggestion",
  language: "en",
  title: "Take a suggestion seriously and say where it goes",
  goal: "Capture the idea and the reason behind it, tell the customer honestly what will happen to it, and close the loop.",
  recognize: {
    scenarios: [],
    types: ["suggestion"],
    signals: [],
    journeyStages: ["retention", "experience", "advocacy", "loyalty"],
    cues: [
      '"It would be great if", "please add", "you should"',
      "Requests a feature, a customisation or a new product",
    ],
  },
  steps: {
    greeting: {
      action: "Thank them for taking the time to share an idea.",
      checklist: ["Greet by name", "Thank them for the idea"],
      template: {
        chat: "Hi {{customerFirstName}}, I'm {{agentName}}. Thanks for sharing an idea with us!",
        email: mail(
          "Thank you for taking the time to send us your idea; suggestions like yours shape what we build.",
        ),
        phone:
          "Hi {{customerFirstName}}, this is {{agentName}}. Thanks for calling with a suggestion; we really do want to hear it.",
      },
    },
    understanding: {
      action: "Ask why they want it and what problem it would solve, then restate it.",
      checklist: [
        "Ask what they are trying to do",
        "Ask why the current way falls short",
        "Restate the suggestion",
      ],
      template: {
        chat: "Love it. What would it help you do? Then I can describe it well to the team.",
        email: mail(
          "So that I can describe it well to the team: what would this help you do, and what makes the current way fall short? As I read it, you would like {{productName}} to do this for you directly.",
        ),
        phone: "That's interesting. What would it help you do? I want to describe it properly to the team.",
      },
    },
    proposing: {
      action:
        "Say exactly where the suggestion goes and be honest about what you know of the roadmap; offer a workaround if one exists.",
      checklist: [
        "Name who receives it (for example the product team)",
        "Do not promise it will be built; say if it is not on the roadmap",
        "Offer a workaround when there is one",
      ],
      template: {
        chat: "I'll pass this straight to our product team. It isn't planned yet, but until then this may help: {{resourceUrl}}",
        email: mail(
          "I am passing your suggestion directly to our product team, who review every request. To be open with you: it is not planned at the moment, so I cannot promise a date. Meanwhile, this workaround may help: {{resourceUrl}}",
        ),
        phone:
          "I'm going to pass this straight to our product team. I'll be honest, it isn't planned right now, so I can't promise it. There is a workaround that may help in the meantime; shall I send it?",
      },
      followUp: {
        action: "Offer another way to follow the idea: add their vote and tell them when there is news.",
        template: {
          chat: "Fair enough. I can add your vote to the request and tell you when there's news. Shall I?",
          email: mail(
            "Fair enough. Instead, I can add your vote to the request, so the product team sees the demand, and let you know when there is news.",
          ),
          phone:
            "Fair enough. I can add your vote to the request instead, and let you know when there's news. Shall I?",
        },
      },
    },
    delivering: {
      action:
        "Log the suggestion where the product team will see it, with the customer's reasons, and give them the reference.",
      checklist: ["Log it with the reasons", "Give the reference", "Offer to notify them of changes"],
      template: {
        chat: "Logged as {{ticketId}} with your reasons. Want us to let you know if it ships?",
        email: mail(
          "Your suggestion is logged under {{ticketId}}, together with your reasons, for the product team. If you would like, we will let you know if it is built.",
        ),
        phone:
          "I've logged it under {{ticketId}}, along with your reasons. Would you like us to let you know if it gets built?",
      },
      followUp: {
        action: "Thank them for the idea and ask whether they need anything else.",
        template: {
          chat: "Thanks again for the idea. Anything else you'd like to tell us?",
          email: mail(
            "Thank you again for the idea. Is there any other feedback, or anything else you need from us?",
          ),
          phone: "Thanks again for the idea. Anything else on your mind today?",
        },
      },
    },
    closing: {
      action: "Thank them again and invite more ideas.",
      checklist: ["Thank them", "Invite future suggestions"],
      template: {
        chat: "Thanks again, {{customerFirstName}}. Keep the ideas coming!",
        email: mail(
          "Thank you again. Please keep your ideas coming; they make a difference.",
          "With thanks,",
        ),
        phone: "Thanks again for the suggestion. Please keep the ideas coming. Have a great day!",
      },
    },
  },
  avoid: [
    "Dismissing an idea you think is weak",
    "Pretending a feature is planned when it is not",
    "Vague answers about what happens to the suggestion",
  ],
  escalation: {
    summary: "Treat it as a complaint when the suggestion hides a real problem the customer is stuck with.",
    when: [{ kind: "signal", signal: "frustration", minStrength: 0.6 }],
  },
  metrics: [
    { name: "csat", why: "Shows whether customers felt taken seriously." },
    { name: "nps", why: "Customers whose ideas are heard recommend the company." },
    { name: "retentionRate", why: "A customer who shapes the product tends to stay." },
  ],
  facts: [
    {
      statement:
        "Every idea deserves serious attention, whatever its merit; learn the reason behind it and be specific about who will receive it.",
      source: "seed 003",
    },
    {
      statement:
        "When a requested feature is not planned, admit it and promise to hand the idea to the product team.",
      source: "seed 003",
    },
    {
      statement:
        "Requests for improvements, custom versions or new products feed what the company builds next.",
      source: "seed 004",
    },
  ],
  variables: [],
};
