/**
 * The whole pack over real constructs: proves the rules read what cdktf actually synthesizes
 * (block shapes, reference tokens, data sources), not only hand-written JSON.
 */
import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { KmsKey } from "@cdktf/provider-aws/lib/kms-key";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { S3Bucket } from "@cdktf/provider-aws/lib/s3-bucket";
import { S3BucketLifecycleConfiguration } from "@cdktf/provider-aws/lib/s3-bucket-lifecycle-configuration";
import { S3BucketLoggingA } from "@cdktf/provider-aws/lib/s3-bucket-logging";
import { S3BucketOwnershipControls } from "@cdktf/provider-aws/lib/s3-bucket-ownership-controls";
import { S3BucketPolicy } from "@cdktf/provider-aws/lib/s3-bucket-policy";
import { S3BucketPublicAccessBlock } from "@cdktf/provider-aws/lib/s3-bucket-public-access-block";
import { S3BucketServerSideEncryptionConfigurationA } from "@cdktf/provider-aws/lib/s3-bucket-server-side-encryption-configuration";
import { S3BucketVersioningA } from "@cdktf/provider-aws/lib/s3-bucket-versioning";
import { TerraformStack, Testing } from "cdktf";
import type { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { attachPolicyPack } from "./cdktf";
import { evaluate } from "./evaluate";
import { formatReport } from "./format";
import type { PolicyReport } from "./report";
import type { TerraformJson } from "./types";

function key(scope: Construct): KmsKey {
  const policy = JSON.stringify({ Statement: [{ Effect: "Allow", Principal: { AWS: "arn:aws:iam::111111111111:root" }, Action: "kms:*", Resource: "*" }] });
  return new KmsKey(scope, "key", { enableKeyRotation: true, policy });
}

/** A bucket with every satellite the S3 rules ask for; `logTo` turns on access logging. */
function bucket(scope: Construct, id: string, kms: KmsKey, options: { logTo?: S3Bucket; tags?: Record<string, string> } = {}): S3Bucket {
  const b = new S3Bucket(scope, id, { bucket: id, tags: options.tags });
  new S3BucketPublicAccessBlock(scope, `${id}-pab`, {
    bucket: b.id,
    blockPublicAcls: true,
    blockPublicPolicy: true,
    ignorePublicAcls: true,
    restrictPublicBuckets: true,
  });
  new S3BucketOwnershipControls(scope, `${id}-ownership`, { bucket: b.id, rule: { objectOwnership: "BucketOwnerEnforced" } });
  new S3BucketServerSideEncryptionConfigurationA(scope, `${id}-sse`, {
    bucket: b.id,
    rule: [{ applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: kms.arn }, bucketKeyEnabled: true }],
  });
  new S3BucketVersioningA(scope, `${id}-versioning`, { bucket: b.id, versioningConfiguration: { status: "Enabled" } });
  new S3BucketLifecycleConfiguration(scope, `${id}-lifecycle`, {
    bucket: b.id,
    rule: [
      {
        id: "hygiene",
        status: "Enabled",
        filter: [{}],
        abortIncompleteMultipartUpload: [{ daysAfterInitiation: 7 }],
        noncurrentVersionExpiration: [{ noncurrentDays: 90 }],
      },
    ],
  });
  const tlsOnly = new DataAwsIamPolicyDocument(scope, `${id}-tls`, {
    statement: [
      {
        effect: "Deny",
        actions: ["s3:*"],
        resources: [b.arn, `${b.arn}/*`],
        principals: [{ type: "*", identifiers: ["*"] }],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ],
  });
  new S3BucketPolicy(scope, `${id}-policy`, { bucket: b.id, policy: tlsOnly.json });
  if (options.logTo) new S3BucketLoggingA(scope, `${id}-logging`, { bucket: b.id, targetBucket: options.logTo.id, targetPrefix: `${id}/` });
  return b;
}

function dataStack() {
  const app = Testing.app();
  const stack = new TerraformStack(app, "prod-us-east-1-data-assets");
  new AwsProvider(stack, "aws", { region: "us-east-1" });
  const kms = key(stack);
  const logs = bucket(stack, "logs", kms);
  bucket(stack, "assets", kms, { logTo: logs });
  return { app, stack };
}

describe("policy pack over real constructs", () => {
  it("passes a compliant bucket pair (data sources, tokens and block shapes as synthesized)", () => {
    const { stack } = dataStack();
    const report = evaluate(JSON.parse(Testing.synth(stack)) as TerraformJson, { stack: stack.node.id, today: "2026-06-01" });
    expect(report.results.filter((r) => r.status !== "passed")).toEqual([]);
    expect(report.results.map((r) => `${r.rule} ${r.address}`).sort()).toEqual([
      "INF-KMS-001 aws_kms_key.key",
      "INF-KMS-002 aws_kms_key.key",
      "INF-S3-001 aws_s3_bucket.assets",
      "INF-S3-001 aws_s3_bucket.logs",
      "INF-S3-002 aws_s3_bucket.assets",
      "INF-S3-002 aws_s3_bucket.logs",
      "INF-S3-003 aws_s3_bucket.assets",
      "INF-S3-003 aws_s3_bucket.logs",
      "INF-S3-004 aws_s3_bucket.assets",
      "INF-S3-004 aws_s3_bucket.logs",
      // the log bucket is exempt from access logging (it is the log target)
      "INF-S3-005 aws_s3_bucket.assets",
      "INF-S3-006 aws_s3_bucket.assets",
      "INF-S3-006 aws_s3_bucket.logs",
      "INF-S3-007 aws_s3_bucket.assets",
      "INF-S3-007 aws_s3_bucket.logs",
    ]);
  });

  it("synthesizes with the full pack attached, and prints the env summary", () => {
    const { app, stack } = dataStack();
    const reports: PolicyReport[] = [];
    attachPolicyPack(stack, { waivers: [], today: "2026-06-01", onReport: (r) => reports.push(r) });
    expect(() => app.synth()).not.toThrow();
    expect(formatReport(reports, "prod").split("\n").at(-1)).toBe("prod: 16 resources, 15 checks: 15 passed, 0 waived, 0 failed, 0 unused waivers");
  });

  it("fails synth when a construct drops the TLS-only statement", () => {
    const app = Testing.app();
    const stack = new TerraformStack(app, "dev-us-east-1-data-assets");
    new AwsProvider(stack, "aws", { region: "us-east-1" });
    const b = new S3Bucket(stack, "open", { bucket: "open" });
    new S3BucketPolicy(stack, "open-policy", { bucket: b.id, policy: JSON.stringify({ Statement: [] }) });
    attachPolicyPack(stack, { waivers: [], today: "2026-06-01" });
    expect(() => app.synth()).toThrow(
      /INF-S3-006 \(AwsSolutions-S10\): S3 bucket policy denies requests without TLS\n {2}resource: dev-us-east-1-data-assets\/aws_s3_bucket.open/,
    );
  });
});
