import { describe, expect, it } from "vitest";
import { failures, statuses } from "../test-harness";
import { compliantEdge } from "./fixtures";
import { lbAccessLogs as rule } from "./lb-access-logs";

describe("INF-LB-005 LB access logs", () => {
  it("Compliance: enabled access logs to a bucket pass", () => {
    expect(statuses(rule, compliantEdge())).toEqual({ "aws_lb.alb": "passed" });
  });

  it("Noncompliance: disabled logs, and enabled logs without a bucket, fail", () => {
    const tf = { aws_lb: { off: { access_logs: { enabled: false, bucket: "b" } }, nobucket: { access_logs: { enabled: true } } } };
    expect(failures(rule, tf)).toEqual([
      { rule: "INF-LB-005", address: "aws_lb.off", attribute: "access_logs.enabled", found: "false", expected: "true" },
      { rule: "INF-LB-005", address: "aws_lb.nobucket", attribute: "access_logs.bucket", found: "unset", expected: "the log bucket" },
    ]);
  });
});
