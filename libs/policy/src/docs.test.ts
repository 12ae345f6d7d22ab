import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { allRules } from "./rules";

describe("docs/policy.md", () => {
  it("lists every rule with its title", () => {
    const doc = readFileSync(resolve(import.meta.dirname, "../../../docs/policy.md"), "utf8");
    expect(allRules.filter((r) => !doc.includes(`| ${r.id} |`) || !doc.includes(r.title.replace(/\|/g, "\\|"))).map((r) => r.id)).toEqual([]);
    expect(doc).toContain(`**${allRules.length} rules**`);
  });
});
