/*
 * HTML escaping, shared by the playbooks (templates rendered for email) and the command's HTML report.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes the five HTML-significant characters, in one pass. */
export function escapeHtml(value: string): string {
  let out = "";
  let last = 0;
  for (let i = 0; i < value.length; i++) {
    const replacement = HTML_ESCAPES[value.charAt(i)];
    if (replacement !== undefined) {
      out += value.slice(last, i) + replacement;
      last = i + 1;
    }
  }
  return last === 0 ? value : out + value.slice(last);
}
