import { SecureBucket } from "@infra/s3";
import { synthStack } from "@infra/testing-core/stack";
import { describe, expect, it } from "vitest";
import { logBucket } from "./log-bucket";

describe("logBucket", () => {
  it("synthesizes what the SecureBucket it stands for (SSE-S3, one expiring lifecycle rule) does", () => {
    const props = { bucketName: "acme-dev-alb-logs", accountId: "111111111111", region: "us-east-1", deletionProtection: false, forceDestroy: true } as const;
    const viaHelper = synthStack((s) => {
      logBucket(s, "logs", { ...props, logSources: ["alb", "s3-access-logs"], expiration: { ruleId: "expire-alb-logs", days: 30 } });
    });
    const spelled = synthStack((s) => {
      new SecureBucket(s, "logs", {
        ...props,
        encryption: { mode: "s3" },
        logSources: ["alb", "s3-access-logs"],
        lifecycleRules: [{ id: "expire-alb-logs", expirationDays: 30 }],
      });
    });
    expect(viaHelper).toEqual(spelled);
    const rules = Object.values(viaHelper.resource["aws_s3_bucket_lifecycle_configuration"] as object)[0].rule;
    expect(rules).toContainEqual(expect.objectContaining({ id: "expire-alb-logs", status: "Enabled", expiration: [expect.objectContaining({ days: 30 })] }));
    const sse = Object.values(viaHelper.resource["aws_s3_bucket_server_side_encryption_configuration"] as object)[0];
    expect(sse.rule[0].apply_server_side_encryption_by_default.sse_algorithm).toBe("AES256");
  });
});
