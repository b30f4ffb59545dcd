import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 000, scenario 7: confused customers who cannot see how to go on. */
export const confusion: Playbook = {
  id: "confusion",
  language: "en",
  title: "Lead a confused customer to a clear next step",
  goal: "Clear up what the customer does not understand, at their pace, so that they can use the product with confidence.",
  recognize: {
    scenarios: ["confusion"],
    types: ["question"],
    signals: ["confusion"],
    journeyStages: ["purchase", "retention", "experience", "conversion"],
    cues: [
      "Says they are lost, do not understand or do not know how to go on",
      "Many questions in one message",
      "Describes doing the steps and getting an unexpected result",
    ],
  },
  steps: {
    greeting: {
      action: "Greet them calmly and reassure them that the question is a normal one.",
      checklist: ["Be warm and unhurried", "Reassure without talking down"],
      template: {
        chat: "Hi {{customerFirstName}}, I'm {{agentName}}. No worries, lots of people ask this. Let's work it out together.",
        email: mail(
          "Thanks for writing. This is a question we hear often, so you are in good company, and we will get it sorted.",
        ),
        phone:
          "Hi {{customerFirstName}}, this is {{agentName}}. Don't worry, lots of customers ask about this. Let's go through it together.",
      },
    },
    understanding: {
      action: "Ask them to walk you through what they did and what they expected, then restate it.",
      checklist: [
        "Ask what they were trying to do",
        "Have them retrace what they did, one action at a time",
        "Restate the point where it stopped making sense",
      ],
      template: {
        chat: "Which buttons did you click, and what did you expect to see after the last one?",
        email: mail(
          "Could you list what you did, in order, and what you expected to happen at the end? A screenshot helps if you have one. My reading so far is that the trouble starts after the first screen; tell me if that's wrong.",
        ),
        phone:
          "Tell me what you clicked, one thing at a time, and what you expected to see. I'll follow along on my side.",
      },
    },
    proposing: {
      action:
        "Offer the simplest explanation in the format that suits them: a short video, a how-to guide, or guiding them live.",
      checklist: [
        "Explain in plain words, one idea at a time",
        "Offer a how-to video or guide",
        "Offer co-browsing or screen sharing when words are not enough",
      ],
      template: {
        chat: "Here's a 2-minute video that shows exactly this: {{resourceUrl}}. Or I can guide you live on screen. Which do you prefer?",
        email: mail(
          "There is a short video showing exactly this, step by step: {{resourceUrl}}. If you would rather be guided live, reply with a time that suits you and we can go through it together on screen.",
        ),
        phone:
          "I can guide you through it right now while you're at your screen, or send you a short video that shows each step. Which would you prefer?",
      },
      followUp: {
        action: "Try another format: guide them live, or send a written guide.",
        template: {
          chat: "No problem, let's try another way. I can share my screen and show you, one click at a time. Shall I?",
          email: mail(
            "Let's try another way: this written guide has a picture for every step: {{resourceUrl}}. Or reply with a time and I will show you on screen.",
          ),
          phone:
            "No problem, let's try another way. I'll tell you exactly where to click, one step at a time. Shall we start?",
        },
      },
    },
    delivering: {
      action: "Go through it one step at a time and check understanding at each step.",
      checklist: ["One step at a time", "Ask them to confirm each step worked", "Send a written recap"],
      template: {
        chat: "Great, step one done. Do you see the confirmation now? Then we'll do the next one.",
        email: mail(
          "Here is a recap of the steps, in order, with what you should see after each one:\n{{resourceUrl}}\nIf any step shows something different, tell me which one and I will help from there.",
        ),
        phone:
          "Okay, can you see the confirmation on your screen now? Good, that's the first step. Let's do the next one.",
      },
      followUp: {
        action: "Check it makes sense now and ask whether any other part is unclear.",
        template: {
          chat: "Great, you've got it! Is any other part still unclear?",
          email: mail(
            "I'm glad it works now. Is any other part of {{productName}} still unclear? Just reply and we will go through it.",
          ),
          phone: "Great, that's working. Is there any other part you'd like me to go through?",
        },
      },
    },
    closing: {
      action: "Check they feel confident now and show where to find help next time.",
      checklist: ["Ask if it is clear now", "Point to the guide or video library", "Invite them back"],
      template: {
        chat: "Does it all make sense now? The guides at {{resourceUrl}} cover the rest. Ask anytime!",
        email: mail(
          "I hope this makes things clearer. Our guides and videos at {{resourceUrl}} cover the next steps too, and you are always welcome to ask us.",
          "All the best,",
        ),
        phone:
          "Does that all make sense now? If anything else is unclear later, the video guides are on our website, or just call us again.",
      },
    },
  },
  avoid: [
    "Jargon and long blocks of text",
    "Making the customer feel the question is silly",
    "Explaining several things at once",
  ],
  escalation: {
    summary:
      "Move to a specialist with co-browsing or a booked walkthrough when explanations do not land or the issue is complex.",
    when: [
      { kind: "rejections", atLeast: 2 },
      { kind: "previous-contacts", atLeast: 2 },
      { kind: "signal", signal: "frustration", minStrength: 0.6 },
    ],
  },
  metrics: [
    { name: "firstContactResolution", why: "A clear explanation solves it the first time." },
    { name: "ces", why: "A confused customer should find the fix easy." },
    { name: "csat", why: "Shows whether the explanation helped." },
  ],
  facts: [
    {
      statement:
        "Given the choice, two consumers in three learn about a product from a video rather than a document.",
      figure: "66%",
      source: "seed 000",
    },
    {
      statement:
        "Recommended: how-to guides or videos on the website, live chat for simple cases, and co-browsing to guide customers on the website.",
      source: "seed 000",
    },
    {
      statement: "Clear, jargon-free explanations reduce confusion and misunderstandings.",
      source: "seed 002",
    },
  ],
  variables: [],
};
