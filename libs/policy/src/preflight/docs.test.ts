import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { preflightRules } from "./rules";
import { transitionRules } from "./rules/phase-transitions";

describe("docs/preflight.md", () => {
  it("lists every preflight rule with its title, and the count", () => {
    const doc = readFileSync(resolve(import.meta.dirname, "../../../../docs/preflight.md"), "utf8");
    const all = [...preflightRules, ...transitionRules];
    expect(all.filter((r) => !doc.includes(`| ${r.id} |`) || !doc.includes(r.title.replace(/\|/g, "\\|"))).map((r) => r.id)).toEqual([]);
    expect(doc).toContain(`**${all.length} rules**`);
  });
});
