/*
 * Helpers the built-in playbooks share, so that every email variant opens and closes the same way.
 * They run once, when the module loads; the playbooks stay plain data.
 */

/** An email body with a greeting by first name and a sign-off with the agent's and company's names. */
export function mail(body: string, signOff = "Kind regards,"): string {
  return `Hi {{customerFirstName}},\n\n${body}\n\n${signOff}\n{{agentName}}\n{{companyName}}`;
}
