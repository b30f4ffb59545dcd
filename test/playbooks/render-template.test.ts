import { renderTemplate, TouchpointError, templatePlaceholders } from "touchpoint/playbooks";
import { describe, expect, it } from "vitest";

function errorOf(run: () => unknown): TouchpointError {
  try {
    run();
  } catch (error) {
    if (error instanceof TouchpointError) return error;
    throw error;
  }
  throw new Error("expected a TouchpointError");
}

describe("renderTemplate", () => {
  // Expected outputs follow from the syntax documented on renderTemplate: {{name}} placeholders,
  // {{{{ for a literal {{, values inserted as given.
  it.each([
    ["no placeholders", "Plain text.", {}, "Plain text."],
    ["one placeholder", "Hi {{customerFirstName}}!", { customerFirstName: "Ana" }, "Hi Ana!"],
    ["repeated placeholder", "{{agentName}} and {{agentName}}", { agentName: "Sam" }, "Sam and Sam"],
    [
      "adjacent placeholders",
      "{{customerFirstName}}{{agentName}}",
      { customerFirstName: "A", agentName: "B" },
      "AB",
    ],
    ["escaped braces", "Type {{{{customerFirstName}} literally", {}, "Type {{customerFirstName}} literally"],
    ["lone braces are text", "a { b } c }} d", {}, "a { b } c }} d"],
    ["a number value", "Order {{orderNumber}}", { orderNumber: 1042 }, "Order 1042"],
    ["unused values are ignored", "Hi {{agentName}}", { agentName: "Sam", orderNumber: "A-1" }, "Hi Sam"],
    [
      "a value with placeholder syntax stays literal",
      "Hi {{customerFirstName}}",
      { customerFirstName: "{{agentName}}" },
      "Hi {{agentName}}",
    ],
    ["a value with the escape stays literal", "{{customerFirstName}}", { customerFirstName: "{{{{" }, "{{{{"],
    ["a brace right after a placeholder is text", "{{agentName}}}", { agentName: "x" }, "x}"],
    [
      "multi-line template",
      "Hi {{customerFirstName}},\n\nBye",
      { customerFirstName: "Ana" },
      "Hi Ana,\n\nBye",
    ],
  ])("%s", (_name, template, values, expected) => {
    expect(renderTemplate(template as string, values as Record<string, string | number>)).toBe(expected);
  });

  it("escapes the five HTML characters in values, never in the template", () => {
    const out = renderTemplate(
      '<p title="x">{{customerFirstName}}</p>',
      { customerFirstName: `<script>alert('x') && "y"</script>` },
      { escape: "html" },
    );
    expect(out).toBe(
      '<p title="x">&lt;script&gt;alert(&#39;x&#39;) &amp;&amp; &quot;y&quot;&lt;/script&gt;</p>',
    );
  });

  it("does not escape by default", () => {
    expect(renderTemplate("{{customerFirstName}}", { customerFirstName: "<b>" })).toBe("<b>");
  });

  it("names a missing variable and where it is", () => {
    const error = errorOf(() =>
      renderTemplate("Hi {{customerFirstName}}, {{agentName}}" as string, { customerFirstName: "Ana" }),
    );
    expect(error.code).toBe("missing_variable");
    expect(error.message).toBe(
      'renderTemplate: expected a value for "agentName", got none (placeholder at index 26)',
    );
    expect(error.path).toBe("agentName");
    expect(error.index).toBe(26);
  });

  // Issue 13: "Hi ," reached a customer although the playbooks guide promises it never does.
  it.each([[""], ["   "], ["\n\t"]])(
    "treats a blank value %j as missing in strict mode (the default)",
    (blank) => {
      const error = errorOf(() => renderTemplate("Hi {{customerFirstName}},", { customerFirstName: blank }));
      expect(error.code).toBe("missing_variable");
      expect(error.path).toBe("customerFirstName");
      expect(renderTemplate("[{{agentName}}]", { agentName: blank }, { strict: false })).toBe(`[${blank}]`);
    },
  );

  it.each([
    ["an unknown option", { escpe: "html" }, "options.escpe"],
    ["an unknown escape mode", { escape: "xml" }, "options.escape"],
    ["variables that are not strings", { variables: [1] }, "options.variables"],
    ["a strict that is not a boolean", { strict: "yes" }, "options.strict"],
    ["options that are not an object", "html", "options"],
  ])("refuses %s with invalid_option naming it", (_label, options, path) => {
    const error = errorOf(() => renderTemplate("Hi", {}, options as never));
    expect(error.code).toBe("invalid_option");
    expect(error.path).toBe(path);
  });

  it.each([
    [null, {}, "invalid_template"],
    [{ text: "x" }, {}, "invalid_template"],
    ["Hi", null, "invalid_variables"],
    ["Hi", [], "invalid_variables"],
  ])("refuses a template %j with values %j as %s", (template, values, code) => {
    expect(errorOf(() => renderTemplate(template as never, values as never)).code).toBe(code);
  });

  it("treats an undefined value as missing", () => {
    expect(
      errorOf(() => renderTemplate("{{agentName}}" as string, { agentName: undefined as unknown as string }))
        .code,
    ).toBe("missing_variable");
  });

  it("does not read values from the prototype", () => {
    expect(
      errorOf(() => renderTemplate("{{constructor}}" as string, {}, { variables: ["constructor"] })).code,
    ).toBe("missing_variable");
  });

  it("names an unknown placeholder, even when a value is given", () => {
    const error = errorOf(() =>
      renderTemplate("Hi {{custmerFirstName}}" as string, { custmerFirstName: "Ana" }),
    );
    expect(error.code).toBe("unknown_variable");
    expect(error.message).toBe(
      'renderTemplate: expected a known placeholder name, got "custmerFirstName" at index 3',
    );
  });

  it("accepts a team's own names through options.variables or a resolved template", () => {
    expect(renderTemplate("{{couponCode}}", { couponCode: "X" }, { variables: ["couponCode"] })).toBe("X");
    expect(
      renderTemplate(
        { text: "{{couponCode}}", variables: ["couponCode"], escape: "none" },
        { couponCode: "Y" },
      ),
    ).toBe("Y");
    expect(
      renderTemplate(
        { text: "{{customerFirstName}}", variables: [], escape: "html" },
        { customerFirstName: "&" },
      ),
    ).toBe("&amp;");
  });

  it.each([
    ["Hi {{ customerFirstName }}", "invalid_placeholder"],
    ["Hi {{}}", "invalid_placeholder"],
    ["Hi {{1st}}", "invalid_placeholder"],
    ["Hi {{__proto__}}", "invalid_placeholder"],
    ["Hi {{customerFirstName", "unclosed_placeholder"],
    ["Hi {{{customerFirstName}}", "invalid_placeholder"],
  ])("rejects the malformed template %j with %s", (template, code) => {
    expect(errorOf(() => renderTemplate(template as string, {})).code).toBe(code);
  });

  it.each([
    [Number.NaN, "invalid_variable"],
    [Number.POSITIVE_INFINITY, "invalid_variable"],
    [{ toString: () => "x" }, "invalid_variable"],
    [null, "invalid_variable"],
  ])("rejects the value %s", (value, code) => {
    expect(
      errorOf(() => renderTemplate("{{agentName}}" as string, { agentName: value as unknown as string }))
        .code,
    ).toBe(code);
  });

  it("runs in linear time on a long template and long values", () => {
    const template = "{{customerFirstName}} {{{{ }} { ".repeat(20_000);
    const value = "{{agentName}}".repeat(20);
    const start = performance.now();
    const out = renderTemplate(template, { customerFirstName: value });
    expect(out.length).toBe(20_000 * (value.length + " {{ }} { ".length));
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe("templatePlaceholders", () => {
  it.each([
    ["", []],
    ["{{agentName}}", ["agentName"]],
    ["{{b}} {{a}} {{b}}", ["b", "a"]],
    ["{{{{a}} {{b}}", ["b"]],
    ["}} {{a_1}}", ["a_1"]],
  ])("%j has %j", (template, names) => {
    expect(templatePlaceholders(template)).toEqual(names);
  });
});
