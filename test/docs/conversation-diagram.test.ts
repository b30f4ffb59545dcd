// The conversation machine's diagram page is generated from the definition: when the machine
// changes, `npx tsx scripts/conversation-diagram.ts` must be run again, and this fails until it is.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { conversationDiagramPage } from "../../scripts/conversation-diagram.js";

describe("docs/conversation-diagrams/machine.md", () => {
  it("is what scripts/conversation-diagram.ts writes from the machine", () => {
    const committed = readFileSync(
      new URL("../../docs/conversation-diagrams/machine.md", import.meta.url),
      "utf8",
    );
    expect(committed, "run `npx tsx scripts/conversation-diagram.ts`").toBe(conversationDiagramPage());
  });

  it("shows every stage and every state's description", () => {
    const page = conversationDiagramPage();
    for (const stage of ["greeting", "understanding", "proposing", "delivering", "closing"])
      expect(page).toContain(`\`active.stage.${stage}\``);
    expect(page).toContain("| `resolved` |");
  });
});
