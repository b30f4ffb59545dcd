import fc from "fast-check";
import { renderTemplate, TouchpointError, templateVariables } from "touchpoint/playbooks";
import { describe, expect, it } from "vitest";

const names = Object.keys(templateVariables) as (keyof typeof templateVariables)[];

/** Strings rich in the characters that matter: braces, HTML specials, and anything else. */
const tricky = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({ unit: fc.constantFrom("{", "}", "<", ">", "&", '"', "'", "a", " ", "\\"), maxLength: 40 }),
  fc.constantFrom(...names).map((n) => `{{${n}}}`),
  fc.constantFrom("{{{{", "}}", "{{", "{{agentName", "&amp;", "<script>"),
);

const values = fc.record(
  Object.fromEntries(names.map((n) => [n, tricky])) as Record<(typeof names)[number], typeof tricky>,
);

/** A template built from text pieces without "{" and placeholders, with the values it should render to. */
const templates = fc.array(
  fc.oneof(
    fc
      .string({ unit: fc.constantFrom("a", " ", "}", "<", "&", "\n", "."), maxLength: 10 })
      .map((text) => ({ kind: "text" as const, text })),
    fc.constantFrom(...names).map((name) => ({ kind: "placeholder" as const, name })),
  ),
  { maxLength: 12 },
);

function expected(
  parts:
    | { kind: "text"; text: string }[]
    | ({ kind: "text"; text: string } | { kind: "placeholder"; name: string })[],
  v: Record<string, string>,
  escapeValue: (s: string) => string,
): { template: string; output: string } {
  let template = "";
  let output = "";
  for (const p of parts) {
    if (p.kind === "text") {
      template += p.text;
      output += p.text;
    } else {
      template += `{{${p.name}}}`;
      output += escapeValue(v[p.name] as string);
    }
  }
  return { template, output };
}

const unescapeHtml = (s: string) =>
  s
    .replaceAll("&lt;", "<")
    .replaceAll("&gt;", ">")
    .replaceAll("&quot;", '"')
    .replaceAll("&#39;", "'")
    .replaceAll("&amp;", "&");

describe("renderTemplate properties", () => {
  // These properties insert arbitrary strings, blank ones included, so they render with
  // `strict: false`; strict mode's refusal of blank values has its own property below.
  it("never throws on any string values, and inserts each value literally (no expansion of injected placeholders)", () => {
    fc.assert(
      fc.property(templates, values, (parts, v) => {
        const { template, output } = expected(parts, v, (s) => s);
        expect(renderTemplate(template, v, { strict: false })).toBe(output);
      }),
    );
  });

  it("a value holding placeholder syntax comes out exactly as given", () => {
    fc.assert(
      fc.property(tricky, tricky, (injected, other) => {
        const out = renderTemplate(
          "[{{customerFirstName}}]({{agentName}})",
          {
            customerFirstName: injected,
            agentName: other,
          },
          { strict: false },
        );
        expect(out).toBe(`[${injected}](${other})`);
      }),
    );
  });

  it("with HTML escaping, values carry no raw HTML character and unescape to themselves", () => {
    fc.assert(
      fc.property(tricky, (value) => {
        const out = renderTemplate(
          "<p>{{customerFirstName}}</p>",
          { customerFirstName: value },
          { escape: "html", strict: false },
        );
        const inner = out.slice(3, -4);
        expect(out.startsWith("<p>") && out.endsWith("</p>")).toBe(true);
        expect(inner).not.toMatch(/[<>"']/);
        expect(inner.replaceAll(/&(amp|lt|gt|quot|#39);/g, "")).not.toContain("&");
        expect(unescapeHtml(inner)).toBe(value);
      }),
    );
  });

  it("escaped rendering equals plain rendering with each value escaped", () => {
    fc.assert(
      fc.property(templates, values, (parts, v) => {
        const { template, output } = expected(parts, v, (s) =>
          s
            .replaceAll("&", "&amp;")
            .replaceAll("<", "&lt;")
            .replaceAll(">", "&gt;")
            .replaceAll('"', "&quot;")
            .replaceAll("'", "&#39;"),
        );
        expect(renderTemplate(template, v, { escape: "html", strict: false })).toBe(output);
      }),
    );
  });

  it("on any template text, either renders or throws a TouchpointError, never anything else", () => {
    fc.assert(
      fc.property(tricky, values, (template, v) => {
        try {
          renderTemplate(template, v, { strict: false });
        } catch (error) {
          expect(error).toBeInstanceOf(TouchpointError);
          expect(["unclosed_placeholder", "invalid_placeholder", "unknown_variable"]).toContain(
            (error as TouchpointError).code,
          );
        }
      }),
    );
  });

  it("in strict mode (the default), renders exactly the strict-false output, or refuses a blank value", () => {
    fc.assert(
      fc.property(templates, values, (parts, v) => {
        const { template, output } = expected(parts, v, (s) => s);
        const used = parts.flatMap((p) => (p.kind === "placeholder" ? [v[p.name]] : []));
        if (used.some((value) => value.trim() === "")) {
          expect(() => renderTemplate(template, v)).toThrow(/non-blank value/);
        } else {
          expect(renderTemplate(template, v)).toBe(output);
        }
      }),
    );
  });
});
