import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../types";
import { EnvFixture, preflightFailures, preflightStatuses, type Resources } from "../test-harness";
import { logBucketPolicies as rule } from "./log-bucket-policy";

const TLS = {
  sid: "TlsOnly",
  effect: "Deny",
  actions: ["s3:*"],
  principals: [{ type: "*", identifiers: ["*"] }],
  resources: ["${aws_s3_bucket.logs.arn}", "${aws_s3_bucket.logs.arn}/*"],
  condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
};
const ELB = (prefix: string) => ({
  sid: "ElbLogs",
  effect: "Allow",
  actions: ["s3:PutObject"],
  principals: [{ type: "AWS", identifiers: ["arn:aws:iam::127311923021:root"] }],
  resources: [`\${aws_s3_bucket.logs.arn}/${prefix}AWSLogs/\${data.aws_caller_identity.current.account_id}/*`],
});
const ACCESS_LOGS = {
  sid: "S3ServerAccessLogs",
  effect: "Allow",
  actions: ["s3:PutObject"],
  principals: [{ type: "Service", identifiers: ["logging.s3.amazonaws.com"] }],
  resources: ["${aws_s3_bucket.logs.arn}/data/*"],
  condition: [{ test: "ArnLike", variable: "aws:SourceArn", values: ["${aws_s3_bucket.data.arn}"] }],
};

/** A log bucket (SSE and ownership as given), an ALB logging under `prefix`, a data bucket with access logs. */
function logs(options: { statements: JsonObject[]; prefix: string; sse?: string; ownership?: string; extra?: Resources }): Resources {
  return {
    aws_s3_bucket: { logs: { bucket: "acme-logs" }, data: { bucket: "acme-data" } },
    aws_s3_bucket_server_side_encryption_configuration: {
      logs: { bucket: "${aws_s3_bucket.logs.id}", rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: options.sse ?? "AES256" } }] },
    },
    aws_s3_bucket_ownership_controls: { logs: { bucket: "${aws_s3_bucket.logs.id}", rule: { object_ownership: options.ownership ?? "BucketOwnerEnforced" } } },
    aws_s3_bucket_policy: { logs: { bucket: "${aws_s3_bucket.logs.id}", policy: "${data.aws_iam_policy_document.logs.json}" } },
    aws_s3_bucket_logging: { data: { bucket: "${aws_s3_bucket.data.id}", target_bucket: "${aws_s3_bucket.logs.id}", target_prefix: "data/" } },
    aws_lb: {
      alb: { name: "platform", load_balancer_type: "application", access_logs: { bucket: "${aws_s3_bucket.logs.id}", prefix: options.prefix, enabled: true } },
    },
    ...options.extra,
  };
}
const stack = (r: Resources, statements: JsonObject[]) =>
  new EnvFixture({ edge: { resource: r, data: { aws_iam_policy_document: { logs: { statement: statements } }, aws_caller_identity: { current: {} } } } });

describe("PRE-S3-001 log bucket policies match the writers' prefixes", () => {
  it("Compliance: the ALB prefix, S3 access logs and CloudFront (ACLs on) are all allowed as AWS documents them", () => {
    const statements = [TLS, ELB("alb/"), ACCESS_LOGS];
    const r = logs({
      statements,
      prefix: "alb",
      ownership: "BucketOwnerPreferred",
      extra: { aws_cloudfront_distribution: { cdn: { logging_config: { bucket: "${aws_s3_bucket.logs.bucket_domain_name}", prefix: "cdn/" } } } },
    });
    expect(preflightStatuses(rule, stack(r, statements))).toEqual({ "edge/aws_s3_bucket.logs": "passed" });
  });

  it("Noncompliance: an ALB prefix the policy does not cover (issue 11 item 6) fails, naming the exact key ELB writes", () => {
    const statements = [TLS, ELB("alb/"), ACCESS_LOGS];
    expect(preflightFailures(rule, stack(logs({ statements, prefix: "prod-us-east-1-platform" }), statements))).toEqual([
      {
        rule: "PRE-S3-001",
        address: "edge/aws_s3_bucket.logs",
        attribute: "aws_s3_bucket_policy",
        found:
          'no statement lets Elastic Load Balancing put arn:aws:s3:::acme-logs/prod-us-east-1-platform/AWSLogs/111111111111/elasticloadbalancing/us-east-1/2026/01/01/111111111111_elasticloadbalancing_us-east-1_app.lb.log.gz (edge/aws_lb.alb.access_logs.bucket, prefix "prod-us-east-1-platform")',
        expected:
          "Allow Service logdelivery.elasticloadbalancing.amazonaws.com or AWS arn:aws:iam::127311923021:root s3:PutObject on arn:aws:s3:::acme-logs/prod-us-east-1-platform/AWSLogs/111111111111/* (derived from the writer's prefix)",
      },
    ]);
  });

  it("Noncompliance: ALB logs into an SSE-KMS bucket, CloudFront logs without ACLs, and S3 access logs without a grant fail", () => {
    const statements = [TLS, ELB("")];
    const r = logs({
      statements,
      prefix: "",
      sse: "aws:kms",
      extra: { aws_cloudfront_distribution: { cdn: { logging_config: { bucket: "acme-logs.s3.amazonaws.com" } } } },
    });
    expect(preflightFailures(rule, stack(r, statements)).map((f) => [f.attribute, f.found])).toEqual([
      ["server_side_encryption_configuration", "aws:kms (edge/aws_lb.alb.access_logs.bucket writes ALB logs here)"],
      ["ownership_controls", "BucketOwnerEnforced (edge/aws_cloudfront_distribution.cdn.logging_config.bucket sends CloudFront standard logs here)"],
      [
        "aws_s3_bucket_policy",
        'no statement lets S3 server access logging put arn:aws:s3:::acme-logs/data/2026-01-01-00-00-00-0123456789ABCDEF (edge/aws_s3_bucket_logging.data.target_bucket, prefix "data/")',
      ],
    ]);
  });
});
