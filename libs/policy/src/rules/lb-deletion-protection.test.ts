import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { compliantEdge } from "./fixtures";
import { lbDeletionProtection as rule } from "./lb-deletion-protection";

describe("INF-LB-003 LB deletion protection", () => {
  it("Compliance: a protected LB passes", () => {
    expect(statuses(rule, compliantEdge())).toEqual({ "aws_lb.alb": "passed" });
  });

  it("Noncompliance: an unprotected LB fails", () => {
    expect(failures(rule, { aws_alb: { old: { enable_deletion_protection: false } } })).toEqual([
      { rule: "INF-LB-003", address: "aws_alb.old", attribute: "enable_deletion_protection", found: "false", expected: "true" },
    ]);
  });
});
