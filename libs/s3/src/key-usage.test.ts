import { EncryptionKey } from "@infra/kms";
import { describe, expect, it } from "vitest";
import { SecureBucket } from "./index";
import { synthStack } from "@infra/testing-core/stack";

describe("SSE-KMS buckets: services the bucket policy lets read or write objects use the key", () => {
  it("CloudFront reading through OAC becomes a user of the bucket's key; a non-object statement does not", () => {
    synthStack((s) => {
      const key = new EncryptionKey(s, "key", { name: "assets", accountId: "111111111111", region: "us-east-1" });
      const bucket = new SecureBucket(s, "assets", { bucketName: "acme-assets", encryption: { mode: "kms", kmsKeyArn: key.keyArn } });
      bucket.addToPolicy({ sid: "ConfigCheck", effect: "Allow", principals: [{ type: "Service", identifiers: ["config.amazonaws.com"] }], actions: ["s3:GetBucketAcl"], resources: [bucket.bucketArn] });
      expect(key.uses()).toEqual([]);
      bucket.allowCloudFrontRead("arn:aws:cloudfront::111111111111:distribution/E1");
      expect(key.uses()).toEqual([{ use: "cloudfront", by: ["test/assets"] }]);
    });
  });
});
