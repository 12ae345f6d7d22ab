import { describe, expect, it } from "vitest";
import { fenceFor, shareBudget, truncate } from "./fit";
import { fixture } from "./fixtures";
import { GITHUB_COMMENT_LIMIT, planCommentMarker, renderPlanComment, type StackPlan } from "./render";
import { summarizePlan } from "./summarize";

const stack = (name: string, file: string, planText?: string): StackPlan => ({
  stack: name,
  summary: summarizePlan(fixture(file)),
  ...(planText !== undefined ? { planText } : {}),
});

describe("planCommentMarker", () => {
  it("is one hidden HTML comment per env and mode", () => {
    expect(planCommentMarker("dev")).toBe("<!-- plan:dev -->");
    expect(planCommentMarker("prod", "drift")).toBe("<!-- drift:prod -->");
  });

  it("refuses names that could break out of the comment", () => {
    expect(() => planCommentMarker("dev -->")).toThrow('invalid env name "dev -->"');
  });
});

describe("renderPlanComment", () => {
  const stacks = [
    stack("dev-us-east-1-network-vpc", "create.json", "PLAN-TEXT-VPC"),
    stack("dev-us-east-1-data-rds", "mixed.json", "PLAN-TEXT-RDS"),
    stack("dev-us-east-1-security-kms", "noop.json", "PLAN-TEXT-KMS"),
  ];

  it("starts with the marker and has one table row per stack, in the given order", () => {
    const body = renderPlanComment("dev", stacks, { commitSha: "0123456789abcdef0123", runUrl: "https://github.com/o/r/actions/runs/1" });
    expect(body.startsWith("<!-- plan:dev -->\n## Terraform plan: `dev`")).toBe(true);
    expect(body).toContain("**dev**: 2 of 3 stacks change: 2 to add, 3 to change, 2 to replace, 1 to destroy.");
    expect(body).toContain("| Stack | Add | Change | Replace | Destroy | Import | Move | Outputs | Status |");
    const rows = body.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows).toEqual([
      "| `dev-us-east-1-network-vpc` | 2 | 0 | 0 | 0 | 0 | 0 | 1 | 📝 changes |",
      "| `dev-us-east-1-data-rds` | 0 | 3 | 2 | 1 | 2 | 1 | 2 | ⚠️ destroys |",
      "| `dev-us-east-1-security-kms` | 0 | 0 | 0 | 0 | 0 | 0 | 0 | ✅ no changes |",
    ]);
    expect(body).toContain("> [!WARNING]");
    expect(body).toContain("commit `0123456789ab` · [workflow run](https://github.com/o/r/actions/runs/1)");
  });

  it("folds the full plan of each changed stack in <details>, and none for unchanged stacks", () => {
    const body = renderPlanComment("dev", stacks);
    expect(body).toContain("<details><summary><code>dev-us-east-1-network-vpc</code>: +2 ~0 -/+0 -0</summary>\n\n```\nPLAN-TEXT-VPC\n```\n\n</details>");
    expect(body).toContain("PLAN-TEXT-RDS");
    expect(body).not.toContain("PLAN-TEXT-KMS");
    expect(body).not.toContain("truncated");
  });

  it("renders an env without stacks, and an errored plan", () => {
    expect(renderPlanComment("uat", [])).toContain("**uat**: no stacks were planned.");
    const body = renderPlanComment("uat", [stack("uat-x", "errored.json", "Error: boom")]);
    expect(body).toContain("> [!CAUTION]\n> Planning errored for `uat-x`");
    expect(body).toContain("| ❌ errored |");
    expect(body).toContain("Error: boom");
  });

  it("uses its own marker, title and a Drifted column in drift mode", () => {
    const body = renderPlanComment("prod", [stack("prod-us-east-1-app-sg", "drift.json", "drift text")], { mode: "drift" });
    expect(body.startsWith("<!-- drift:prod -->\n## Drift detected: `prod`")).toBe(true);
    expect(body).toContain("| Outputs | Drifted | Status |");
    expect(body).toContain("| `prod-us-east-1-app-sg` | 0 | 1 | 0 | 0 | 0 | 0 | 0 | 1 | 📝 changes |");
    expect(body).toContain("1 of 1 stack differ from their configuration");
  });

  it("fences plan text that itself contains backticks", () => {
    const body = renderPlanComment("dev", [stack("s", "create.json", "value = ```x```")]);
    expect(body).toContain("````\nvalue = ```x```\n````");
  });

  it("keeps a huge plan under GitHub's comment limit, with a note, and keeps the table whole", () => {
    const huge = `${"  + resource line\n".repeat(10_000)}END`;
    const body = renderPlanComment("prod", [stack("prod-a", "create.json", huge), stack("prod-b", "mixed.json", "small plan")]);
    expect(body.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(body.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 2_000);
    expect(body).toContain("truncated to fit GitHub's 65,536-character limit");
    expect(body).toMatch(/… truncated: \d+ of 180003 characters not shown/);
    expect(body).toContain("small plan");
    expect(body).not.toContain("END");
    expect(body).toContain("| `prod-b` |");
    expect(body.trimEnd().endsWith("</sub>")).toBe(true);
  });

  it("honours a smaller maxLength", () => {
    const body = renderPlanComment("dev", [stack("a", "create.json", "x".repeat(5_000)), stack("b", "mixed.json", "y".repeat(5_000))], { maxLength: 3_000 });
    expect(body.length).toBeLessThanOrEqual(3_000);
    expect(body).toContain("xxx");
    expect(body).toContain("yyy");
  });
});

describe("budget helpers", () => {
  it("gives short texts all they need and splits the rest fairly", () => {
    expect(shareBudget([10, 1_000, 1_000], 610)).toEqual([10, 300, 300]);
    expect(shareBudget([5, 5], 100)).toEqual([5, 5]);
    expect(shareBudget([5], -3)).toEqual([0]);
  });

  it("truncates within the limit and says how much is missing", () => {
    const text = Array.from({ length: 100 }, (_, i) => `line ${i}`).join("\n");
    const cut = truncate(text, 200);
    expect(cut.length).toBeLessThanOrEqual(200);
    expect(cut.endsWith(`\n… truncated: ${text.length - cut.indexOf("\n…")} of ${text.length} characters not shown`)).toBe(true);
    expect(text.startsWith(cut.slice(0, cut.indexOf("\n…")))).toBe(true);
    expect(truncate("short", 200)).toBe("short");
  });

  it("picks a fence longer than any backtick run", () => {
    expect(fenceFor("plain")).toBe("```");
    expect(fenceFor("a ```` b")).toBe("`````");
  });
});
