import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { preflightRuleById, preflightRules } from ".";
import { transitionRules } from "./phase-transitions";

const all = [...preflightRules, ...transitionRules];

describe("preflight registry", () => {
  it("has unique ids of the form PRE-<AREA>-NNN, each stating what AWS or Terraform does when violated", () => {
    const ids = all.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !/^PRE-[A-Z0-9]+-\d{3}$/.test(id))).toEqual([]);
    expect(all.filter((r) => r.consequence.length < 40).map((r) => r.id)).toEqual([]);
    expect(preflightRuleById("PRE-KMS-001")?.scope).toBe("env");
  });

  it("catches every defect class of issue 11 (1-15) with at least one rule", () => {
    const covered = new Set(all.flatMap((r) => r.defects));
    expect(Array.from({ length: 15 }, (_, i) => i + 1).filter((d) => !covered.has(d))).toEqual([]);
  });

  it("has a Compliance and a Noncompliance test naming every rule", () => {
    const tests = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith(".test.ts") && f !== "index.test.ts")
      .map((f) => readFileSync(join(import.meta.dirname, f), "utf8"));
    const untested = all.filter((r) => !tests.some((t) => t.includes(r.id) && t.includes("Compliance") && t.includes("Noncompliance")));
    expect(untested.map((r) => r.id)).toEqual([]);
  });
});
