import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { WORKSPACE_ROOT } from "../run";
import { ALL_CASES, TOPICS } from "./topics";

describe("bad-config topics", () => {
  const dir = import.meta.dirname;
  const tables = readdirSync(dir).filter((f) => f.endsWith(".cases.ts"));

  it("list every *.cases.ts table once, each with its own test file", () => {
    expect(TOPICS.map((t) => t.file).sort()).toEqual(tables.sort());
    for (const table of tables) expect(readdirSync(dir), table).toContain(table.replace(/\.cases\.ts$/, ".test.ts"));
  });

  it("name their cases uniquely, so `synth-variant.ts <name>` finds exactly one", () => {
    const names = ALL_CASES.map((c) => c.name);
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
    expect(ALL_CASES.length).toBe(TOPICS.reduce((n, t) => n + t.cases.length, 0));
  });

  it("docs/bad-config.md sends readers to the generated list instead of keeping its own", () => {
    const doc = readFileSync(join(WORKSPACE_ROOT, "docs", "bad-config.md"), "utf8");
    expect(doc).toContain("(generated/bad-config.md)");
    expect(doc).not.toMatch(/^### .*cases\.ts.*cases$/m);
  });
});
