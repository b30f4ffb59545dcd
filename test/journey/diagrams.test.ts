import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { journeyDiagram, journeyMachine } from "touchpoint/journey";
import { describe, expect, it } from "vitest";
import { diagramPages } from "../../scripts/journey-diagrams.js";

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "..", "docs", "journey-diagrams");

describe("journey diagrams", () => {
  it.each(Object.entries(diagramPages()))(
    "docs/journey-diagrams/%s is what the generator writes",
    (file, text) => {
      // Regenerate with `npx tsx scripts/journey-diagrams.ts` when the machine changes.
      expect(fs.readFileSync(path.join(dir, file), "utf8")).toBe(text);
    },
  );

  it("draws every stage, both healths and churn from the definition", () => {
    const mermaid = journeyDiagram(journeyMachine);
    for (const stage of ["awareness", "consideration", "decision", "purchase", "retention", "advocacy"]) {
      expect(mermaid).toMatch(new RegExp(`^      ${stage}$`, "m"));
    }
    expect(mermaid).toContain("healthy --> atRisk : after inactivityRisk");
    expect(mermaid).toContain("churned --> active : winback, purchase, repurchase");
    expect(mermaid).toContain("advocacy --> retention : review, survey [isAdvocacyLapse]");
    expect(mermaid).toContain('state "routing" as stage_routing');
  });

  // Mermaid cannot draw a transition between states of different composites (mermaid.js.org,
  // State diagrams, "Composite states"): every edge must join states of the block it is written in.
  it("writes every edge inside the block of both its states", () => {
    const parents = new Map<string, string>();
    const stack: string[] = ["(root)"];
    const edges: [string, string, string][] = [];
    for (const raw of journeyDiagram(journeyMachine).split("\n").slice(1)) {
      const line = raw.trim();
      if (line === "}") stack.pop();
      else if (line.startsWith("state ") && line.endsWith("{")) {
        const id = line.slice(6, -2).trim();
        parents.set(id, stack.at(-1)!);
        stack.push(id);
      } else if (line.includes("-->")) {
        const [from, rest] = line.split(" --> ") as [string, string];
        if (from !== "[*]") edges.push([from, rest.split(" ")[0]!, stack.at(-1)!]);
      } else if (line !== "--" && line !== "") {
        const id = line.startsWith("state ") ? line.split(" as ")[1]! : line;
        parents.set(id, stack.at(-1)!);
      }
    }
    expect(edges.length).toBeGreaterThan(20);
    for (const [from, to, block] of edges) {
      expect([from, to, parents.get(from), parents.get(to)]).toEqual([from, to, block, block]);
    }
  });

  it("uses only Mermaid-safe state ids", () => {
    for (const line of journeyDiagram(journeyMachine).split("\n")) {
      const arrow = /^\s*(\S+) --> (\S+)/.exec(line);
      if (arrow) for (const id of [arrow[1]!, arrow[2]!]) expect(id).toMatch(/^(\[\*\]|[A-Za-z0-9_]+)$/);
    }
  });
});
