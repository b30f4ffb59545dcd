import type { Playbook } from "../playbook-types.js";
import { mail } from "./compose.js";

/** Seed 003: handling praise (seed 004: a compliment). */
export const praise: Playbook = {
  id: "praise",
  language: "en",
  title: "Welcome praise and keep the good feeling going",
  goal: "Thank the customer sincerely, keep the positive mood, reward them where it fits, and share the praise inside the company.",
  recognize: {
    scenarios: [],
    types: ["praise"],
    signals: ["gratitude"],
    journeyStages: ["retention", "advocacy", "experience", "loyalty"],
    cues: ['Thanks, compliments, "love it", "great service"', "Positive sentiment with no request"],
  },
  steps: {
    greeting: {
      action: "Greet them warmly and thank them for the kind words.",
      checklist: ["Greet by name", "Thank them straight away"],
      template: {
        chat: "Hi {{customerFirstName}}, that made our day! Thank you so much. I'm {{agentName}}.",
        email: mail("Thank you for your lovely message. It really made our day."),
        phone:
          "Hi {{customerFirstName}}, this is {{agentName}}. Thank you so much for calling to tell us that!",
      },
    },
    understanding: {
      action: "Ask what they liked most, so the praise can reach the right people.",
      checklist: ["Ask what stood out", "Ask whether to pass thanks to someone in particular"],
      template: {
        chat: "What did you like most? I'd love to pass it on to the right people.",
        email: mail(
          "I'd love to know what stood out for you, so I can pass your words on to the people behind it.",
        ),
        phone: "What did you like most? I'd love to pass it on to the team.",
      },
    },
    proposing: {
      action:
        "Offer a small thank-you (a discount code or a gift) and ask if they would share their experience.",
      checklist: ["Offer a small gift or code", "Ask if they would leave a review or share it"],
      template: {
        chat: "As a small thank-you, here's something for your next order: {{resourceUrl}}. Would you share your experience in a review?",
        email: mail(
          "As a small thank-you, here is a gift for your next order: {{resourceUrl}}. If you feel like sharing your experience in a review, it would mean a lot to the team.",
        ),
        phone:
          "As a small thank-you, I'd like to send you a gift for your next order. And if you'd be happy to leave a review, it would mean a lot to us.",
      },
      followUp: {
        action: "Take a no gracefully and pass their words on to the team instead.",
        template: {
          chat: "Of course, no need at all! I'll make sure the team hears your kind words.",
          email: mail(
            "Of course, no need at all. Your kind words made our day, and the whole team will hear them.",
          ),
          phone: "Of course, no need at all. I'll make sure the team hears what you said.",
        },
      },
    },
    delivering: {
      action: "Send the thank-you and record the praise where the whole company can see it.",
      checklist: ["Send the gift or code", "Log the compliment where colleagues will see it"],
      template: {
        chat: "Sent to {{contactEmail}}! And your message is going on our team wall.",
        email: mail(
          "Your gift is on its way to {{contactEmail}}, and your message has been shared with the whole team.",
        ),
        phone: "I've sent it to {{contactEmail}}, and I'll make sure the whole team sees your message.",
      },
      followUp: {
        action: "Thank them again and ask whether there is anything you can do for them.",
        template: {
          chat: "Thanks again, {{customerFirstName}}. Anything we can do for you?",
          email: mail(
            "Thank you again for writing. Can we help you with something else in return? Just reply here.",
          ),
          phone: "Thanks again. While I have you, can I help with anything else?",
        },
      },
    },
    closing: {
      action: "Thank them once more and close on the same warm note.",
      checklist: ["Thank them", "Wish them well"],
      template: {
        chat: "Thanks again, {{customerFirstName}}. Have a wonderful day!",
        email: mail("Thank you again for taking the time to write to us.", "Warmest thanks,"),
        phone: "Thank you again for calling, it really means a lot. Have a wonderful day!",
      },
    },
  },
  avoid: [
    "A canned one-line reply",
    "Turning the thanks into a sales pitch",
    "Keeping the praise to yourself instead of sharing it with the team",
  ],
  escalation: {
    summary: "No escalation is needed; route the praise to the team or person it is about.",
    when: [],
  },
  metrics: [
    { name: "nps", why: "Customers who praise are promoters; keep them so." },
    { name: "csat", why: "Praise conversations should score at the top." },
    { name: "retentionRate", why: "Delighted customers stay." },
  ],
  facts: [
    {
      statement:
        "Praise conversations start well and the job is to keep them positive; keep discount codes or small gifts ready, and record praise to share with the company.",
      source: "seed 003",
    },
    {
      statement:
        "A compliment tells the company it is valued, and pleased customers bring others in by recommending it.",
      source: "seed 004",
    },
    {
      statement:
        "Satisfied customers can be encouraged to become advocates through referrals and social shares.",
      source: "seed 001",
    },
  ],
  variables: [],
};
