import { describe, expect, it } from "vitest";
import { preflightFailures, preflightStatuses } from "../test-harness";
import { namePatterns as rule } from "./names";

describe("PRE-NAME-001 names and descriptions", () => {
  it("Compliance: names as in the provider docs' examples pass, including ones built from the region and account", () => {
    const tf = {
      aws_wafv2_web_acl: {
        acl: {
          name: "managed-rule-example",
          description: "Example of a managed rule, for the platform ALB.",
          visibility_config: { metric_name: "friendly-metric-name" },
          rule: [{ name: "rule-1", visibility_config: { metric_name: "friendly-rule-metric-name" } }],
        },
      },
      aws_iam_role: { r: { name: "test_role", path: "/service/", description: "Role for the API (least privilege)" } },
      aws_security_group: {
        sg: { name: "allow_tls", description: "Allow TLS inbound traffic and all outbound traffic", ingress: [{ description: "TLS from VPC [10.0.0.0/16]" }] },
      },
      aws_kms_alias: { a: { name: "alias/my-key-alias" } },
      aws_lb_target_group: { tg: { name: "tf-example-lb-tg" } },
      aws_elasticache_replication_group: { rg: { replication_group_id: "tf-rep-group-1" } },
      aws_s3_bucket: { b: { bucket: "acme-logs-${data.aws_caller_identity.current.account_id}-${data.aws_region.current.name}" } },
      aws_sqs_queue: { q: { name: "terraform-example-queue.fifo", fifo_queue: true } },
      aws_cloudwatch_log_group: { lg: { name: "/aws/lambda/yada" } },
    };
    const statuses = preflightStatuses(rule, tf);
    expect(Object.values(statuses).every((s) => s === "passed")).toBe(true);
    expect(Object.keys(statuses)).toHaveLength(9);
  });

  it("Noncompliance: parentheses in a WAF description, non-ASCII in an SG description, long or reserved names and a FIFO queue without .fifo fail", () => {
    const tf = {
      aws_wafv2_web_acl: { acl: { name: "platform", description: "Platform ACL (regional)" } },
      aws_security_group: { sg: { name: "db", description: "Aurora — app tier only" } },
      aws_kms_alias: { a: { name: "alias/aws/platform" } },
      aws_lb_target_group: { tg: { name: "prod-us-east-1-platform-app-blue-tg" } },
      aws_elasticache_replication_group: { rg: { replication_group_id: "Timeline-Cache" } },
      aws_sqs_queue: { q: { name: "orders", fifo_queue: true } },
    };
    expect(preflightFailures(rule, tf)).toEqual([
      {
        rule: "PRE-NAME-001",
        address: "test/aws_wafv2_web_acl.acl",
        attribute: "description",
        found: "Platform ACL (regional)",
        expected: expect.stringContaining("no parentheses"),
      },
      {
        rule: "PRE-NAME-001",
        address: "test/aws_security_group.sg",
        attribute: "description",
        found: "Aurora — app tier only",
        expected: expect.stringContaining("no non-ASCII"),
      },
      {
        rule: "PRE-NAME-001",
        address: "test/aws_kms_alias.a",
        attribute: "name",
        found: "alias/aws/platform",
        expected: "not alias/aws/ is reserved for AWS managed keys",
      },
      { rule: "PRE-NAME-001", address: "test/aws_sqs_queue.q", attribute: "name", found: "orders", expected: "a name ending in .fifo (fifo_queue = true)" },
      {
        rule: "PRE-NAME-001",
        address: "test/aws_lb_target_group.tg",
        attribute: "name",
        found: "prod-us-east-1-platform-app-blue-tg (35 characters)",
        expected: "letters, digits and -, 1-32 characters, no leading/trailing hyphen",
      },
      {
        rule: "PRE-NAME-001",
        address: "test/aws_elasticache_replication_group.rg",
        attribute: "replication_group_id",
        found: "Timeline-Cache",
        expected: "lower-case letters, digits and -, starting with a letter, 1-40 characters",
      },
    ]);
  });
});
