import { EncryptionKey } from "@infra/kms";
import { describe, expect, it } from "vitest";
import { SecureBucket } from "./index";
import { synthStack } from "@infra/testing-core/stack";

describe("SSE-KMS buckets: services the bucket policy lets read or write objects use the key", () => {
  it("CloudFront reading through OAC becomes a user of the bucket's key; a non-object statement does not", () => {
    synthStack((s) => {
      const key = new EncryptionKey(s, "key", { name: "assets", accountId: "111111111111", region: "us-east-1" });
      const bucket = new SecureBucket(s, "assets", { bucketName: "acme-assets", encryption: { mode: "kms", kmsKeyArn: key.keyArn } });
      bucket.addToPolicy({
        sid: "ConfigCheck",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["config.amazonaws.com"] }],
        actions: ["s3:GetBucketAcl"],
        resources: [bucket.bucketArn],
      });
      expect(key.uses()).toEqual([]);
      bucket.allowCloudFrontRead("arn:aws:cloudfront::111111111111:distribution/E1");
      expect(key.uses()).toEqual([{ use: "cloudfront", by: ["test/assets"] }]);
    });
  });

  it("a writer conditioned on a static aws:SourceArn gets a key statement scoped to the same source; a reference leaves it account-wide", () => {
    const json = synthStack((s) => {
      const key = new EncryptionKey(s, "key", { name: "trail", accountId: "111111111111", region: "us-east-1" });
      const bucket = new SecureBucket(s, "trail", { bucketName: "acme-trail", encryption: { mode: "kms", kmsKeyArn: key.keyArn } });
      const trail = "arn:aws:cloudtrail:us-east-1:111111111111:trail/audit";
      bucket.addToPolicy({
        sid: "CloudTrailWrite",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
        actions: ["s3:PutObject"],
        resources: [`${bucket.bucketArn}/AWSLogs/111111111111/*`],
        condition: [{ test: "StringEquals", variable: "aws:SourceArn", values: [trail] }],
      });
      bucket.addToPolicy({
        sid: "ConfigWrite",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["config.amazonaws.com"] }],
        actions: ["s3:PutObject"],
        resources: [`${bucket.bucketArn}/*`],
        condition: [{ test: "StringEquals", variable: "aws:SourceArn", values: [bucket.bucketArn] }],
      });
    });
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const statements: any[] = Object.values(json.data!["aws_iam_policy_document"] as Record<string, any>).find(
      (d) => d.statement[0].sid === "AccountRootAdministers",
    ).statement;
    const cloudtrail = statements.find((x) => x.sid === "ServiceCloudtrail");
    expect(cloudtrail.condition).toEqual([
      { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:aws:cloudtrail:us-east-1:111111111111:trail/audit"] },
      { test: "StringLike", variable: "kms:EncryptionContext:aws:cloudtrail:arn", values: ["arn:aws:cloudtrail:*:111111111111:trail/*"] },
    ]);
    expect(statements.find((x) => x.sid === "ServiceConfig").condition).toEqual([
      { test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] },
    ]);
  });
});
