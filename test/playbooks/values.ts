import type { templateVariables } from "touchpoint/playbooks";

/** One value for every built-in placeholder: a complete variable set, for rendering any template. */
export const completeValues: Record<keyof typeof templateVariables, string> = {
  customerFirstName: "Ana",
  agentName: "Sam",
  companyName: "Acme",
  orderNumber: "A-1042",
  productName: "Acme Cloud",
  ticketId: "T-77",
  resourceUrl: "https://help.example.com/guide",
  deliveryWindow: "within 2 business days",
  contactEmail: "ana@example.com",
  surveyUrl: "https://survey.example.com/t-77",
};
