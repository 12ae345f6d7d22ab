import { allRules, evaluate, type TerraformJson } from "@infra/policy";
import { documentStatements } from "@infra/iam";
import { describe, expect, it } from "vitest";
import { SecureBucket, type SecureBucketProps, validateLifecycle } from "./index";
import { all, only, type Synth, synthStack } from "@infra/testing-core/stack";

const kmsKeyArn = "arn:aws:kms:us-east-1:111111111111:key/data";
const kms = { mode: "kms", kmsKeyArn } as const;

function bucket(props: Partial<SecureBucketProps> = {}): Synth {
  return synthStack((s) => {
    new SecureBucket(s, "b", { bucketName: "aerologue-prod-user-content", encryption: kms, ...props });
  });
}

function policyStatements(synth: Synth) {
  const docs = Object.entries(synth.data!["aws_iam_policy_document"]!).filter(([name]) => name.includes("policy-document"));
  expect(docs).toHaveLength(1);
  return docs[0]![1].statement;
}

/** Failures of the repo's policy pack on the synthesized stack. */
function violations(synth: Synth): string[] {
  const report = evaluate(synth as unknown as TerraformJson, { stack: "test", today: "2026-06-01", rules: allRules });
  // The pack did look at the bucket (not a vacuous pass).
  expect(report.results.filter((r) => r.address.startsWith("aws_s3_bucket.") && r.status === "passed").length).toBeGreaterThanOrEqual(7);
  return report.results.filter((r) => r.status === "failed").map((r) => `${r.rule} ${r.address}`);
}

describe("SecureBucket", () => {
  it("emits the full secure baseline with references to the bucket", () => {
    const synth = bucket({ accessLogs: { targetBucketName: "aerologue-prod-logs" } });
    const b = only(synth, "aws_s3_bucket");
    const ref = `\${${b.address}.id}`;
    expect(b.values).toEqual({
      bucket: "aerologue-prod-user-content",
      force_destroy: false,
      tags: { Name: "aerologue-prod-user-content" },
      lifecycle: { prevent_destroy: true },
    });
    expect(only(synth, "aws_s3_bucket_public_access_block").values).toEqual({
      bucket: ref,
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(only(synth, "aws_s3_bucket_ownership_controls").values).toEqual({ bucket: ref, rule: { object_ownership: "BucketOwnerEnforced" } });
    expect(only(synth, "aws_s3_bucket_versioning").values).toEqual({ bucket: ref, versioning_configuration: { status: "Enabled" } });
    expect(only(synth, "aws_s3_bucket_server_side_encryption_configuration").values).toEqual({
      bucket: ref,
      rule: [{ apply_server_side_encryption_by_default: { sse_algorithm: "aws:kms", kms_master_key_id: kmsKeyArn }, bucket_key_enabled: true }],
    });
    expect(only(synth, "aws_s3_bucket_logging").values).toEqual({
      bucket: ref,
      target_bucket: "aerologue-prod-logs",
      target_prefix: "aerologue-prod-user-content/",
    });
    const policy = only(synth, "aws_s3_bucket_policy");
    expect(policy.values.depends_on).toEqual([`${only(synth, "aws_s3_bucket_public_access_block").address}`]);
    expect(policyStatements(synth)).toEqual([
      {
        sid: "DenyInsecureTransport",
        effect: "Deny",
        principals: [{ type: "*", identifiers: ["*"] }],
        actions: ["s3:*"],
        resources: [`\${${b.address}.arn}`, `\${${b.address}.arn}/*`],
        condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
      },
    ]);
    expect(violations(synth)).toEqual([]);
  });

  it("always has one lifecycle configuration: abort uploads after 7 days, noncurrent versions after 30", () => {
    const synth = bucket();
    const lc = only(synth, "aws_s3_bucket_lifecycle_configuration").values;
    expect(lc.depends_on).toEqual([only(synth, "aws_s3_bucket_versioning").address]);
    expect(lc.rule).toEqual([
      {
        id: "bucket-hygiene",
        status: "Enabled",
        filter: [{}],
        abort_incomplete_multipart_upload: [{ days_after_initiation: 7 }],
        noncurrent_version_expiration: [{ noncurrent_days: 30 }],
        expiration: [{ expired_object_delete_marker: true }],
      },
    ]);
  });

  it("expresses the seed-000 lifecycle rules (IA after 90, Glacier after 30, delete logs after 90)", () => {
    const ia = only(
      bucket({ lifecycleRules: [{ id: "to-ia", transitions: [{ storageClass: "STANDARD_IA", days: 90 }] }] }),
      "aws_s3_bucket_lifecycle_configuration",
    );
    expect(ia.values.rule[1]).toEqual({ id: "to-ia", status: "Enabled", filter: [{}], transition: [{ days: 90, storage_class: "STANDARD_IA" }] });
    const glacier = only(
      bucket({ lifecycleRules: [{ id: "archive", prefix: "positions/", transitions: [{ storageClass: "GLACIER", days: 30 }] }] }),
      "aws_s3_bucket_lifecycle_configuration",
    );
    expect(glacier.values.rule[1]).toEqual({
      id: "archive",
      status: "Enabled",
      filter: [{ prefix: "positions/" }],
      transition: [{ days: 30, storage_class: "GLACIER" }],
    });
    const logs = only(
      bucket({ lifecycleRules: [{ id: "expire-logs", expirationDays: 90 }], noncurrentVersionExpirationDays: 7 }),
      "aws_s3_bucket_lifecycle_configuration",
    );
    expect(logs.values.rule[0].noncurrent_version_expiration).toEqual([{ noncurrent_days: 7 }]);
    expect(logs.values.rule[1]).toEqual({ id: "expire-logs", status: "Enabled", filter: [{}], expiration: [{ days: 90 }] });
  });

  it("validates lifecycle rules with readable messages", () => {
    expect(
      validateLifecycle({
        rules: [
          { id: "a", transitions: [{ storageClass: "STANDARD_IA", days: 10 }] },
          { id: "a", transitions: [{ storageClass: "GLACIER", days: 60 }], expirationDays: 30 },
          { id: "noop" },
        ],
        noncurrentVersionExpirationDays: 0,
        abortIncompleteMultipartUploadDays: 14,
      }),
    ).toEqual([
      "noncurrentVersionExpirationDays 0 must be a whole number of days >= 1",
      "abortIncompleteMultipartUploadDays 14 must be a whole number from 1 to 7",
      'lifecycle rule "a": transition to STANDARD_IA after 10 days must be a whole number >= 30',
      'lifecycle rule "a": id is used twice (or clashes with the built-in "bucket-hygiene" rule)',
      'lifecycle rule "a": expirationDays 30 must come after the last transition (day 60)',
      'lifecycle rule "noop": does nothing (give transitions, noncurrentTransitions or expirationDays)',
    ]);
    expect(() => bucket({ abortIncompleteMultipartUploadDays: 30 })).toThrow(
      "test/b: abortIncompleteMultipartUploadDays 30 must be a whole number from 1 to 7",
    );
  });

  it("adds SourceArn-scoped CloudFront read statements after construction", () => {
    const synth = synthStack((s) => {
      const b = new SecureBucket(s, "b", { bucketName: "aerologue-prod-static-assets", encryption: kms });
      b.allowCloudFrontRead("arn:aws:cloudfront::111111111111:distribution/E1");
      b.allowCloudFrontRead("arn:aws:cloudfront::111111111111:distribution/E2", "tiles/");
    });
    const arn = `\${${only(synth, "aws_s3_bucket").address}.arn}`;
    const statements = policyStatements(synth);
    expect(statements.map((s: { sid: string }) => s.sid)).toEqual(["DenyInsecureTransport", "CloudFrontRead", "CloudFrontRead2"]);
    expect(statements[1]).toEqual({
      sid: "CloudFrontRead",
      effect: "Allow",
      principals: [{ type: "Service", identifiers: ["cloudfront.amazonaws.com"] }],
      actions: ["s3:GetObject"],
      resources: [`${arn}/*`],
      condition: [{ test: "StringEquals", variable: "AWS:SourceArn", values: ["arn:aws:cloudfront::111111111111:distribution/E1"] }],
    });
    expect(statements[2].resources).toEqual([`${arn}/tiles/*`]);
    expect(Object.keys(all(synth, "aws_s3_bucket_policy"))).toHaveLength(1);
  });

  it("makes log buckets: SSE-S3, delivery statements, BucketOwnerPreferred for CloudFront logs", () => {
    const synth = bucket({
      bucketName: "aerologue-prod-logs",
      encryption: { mode: "s3" },
      logSources: ["s3-access-logs", "alb", "cloudfront"],
      accountId: "111111111111",
      region: "us-east-1",
    });
    expect(only(synth, "aws_s3_bucket_server_side_encryption_configuration").values.rule).toEqual([
      { apply_server_side_encryption_by_default: { sse_algorithm: "AES256" } },
    ]);
    expect(only(synth, "aws_s3_bucket_ownership_controls").values.rule).toEqual({ object_ownership: "BucketOwnerPreferred" });
    const statements = policyStatements(synth);
    expect(statements.map((s: { sid: string }) => s.sid)).toEqual(["DenyInsecureTransport", "S3ServerAccessLogs", "AlbAccessLogs"]);
    expect(statements[1].condition).toEqual([{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] }]);
    expect(statements[2].principals).toEqual([{ type: "AWS", identifiers: ["arn:aws:iam::127311923021:root"] }]);
    expect(statements[2].resources[0]).toMatch(/\/alb\/AWSLogs\/111111111111\/\*$/);
  });

  it("receives AWS Data Exports (CUR 2.0) of its own account only, and only SSE-S3 (the delivery AWS documents)", () => {
    const synth = bucket({ bucketName: "staging-cost-exports", encryption: { mode: "s3" }, logSources: ["billing-exports"], accountId: "222222222222" });
    const delivery = policyStatements(synth).find((st: { sid: string }) => st.sid === "BillingDataExports");
    expect(delivery).toMatchObject({
      principals: [{ type: "Service", identifiers: ["bcm-data-exports.amazonaws.com"] }],
      actions: ["s3:GetBucketPolicy", "s3:PutObject"],
      condition: [
        { test: "StringEquals", variable: "aws:SourceAccount", values: ["222222222222"] },
        { test: "StringLike", variable: "aws:SourceArn", values: ["arn:aws:bcm-data-exports:us-east-1:222222222222:export/*"] },
      ],
    });
    expect(delivery.resources).toHaveLength(2);
    expect(() => bucket({ logSources: ["billing-exports"], accountId: "222222222222" })).toThrow(
      'use encryption { mode: "s3" } with logSources "billing-exports"',
    );
  });

  it("hands the load balancer the exact prefix its ALB policy allows (one source of truth)", () => {
    let logs!: SecureBucket;
    const synth = synthStack((s) => {
      logs = new SecureBucket(s, "b", {
        bucketName: "prod-alb-logs",
        encryption: { mode: "s3" },
        logSources: ["alb"],
        accountId: "111111111111",
        region: "eu-west-1",
        albLogPrefix: "prod-eu-west-1-platform",
      });
    });
    expect(logs.albLogTarget).toEqual({ bucket: expect.stringContaining("TOKEN"), prefix: "prod-eu-west-1-platform" });
    const alb = policyStatements(synth).find((s: { sid: string }) => s.sid === "AlbAccessLogs");
    expect(alb.resources).toEqual([`\${${only(synth, "aws_s3_bucket").address}.arn}/prod-eu-west-1-platform/AWSLogs/111111111111/*`]);
    // eu-west-1 opened before August 2022: the regional ELB account writes the logs.
    expect(alb.principals).toEqual([{ type: "AWS", identifiers: ["arn:aws:iam::156460612806:root"] }]);
  });

  it("refuses an ALB log bucket with SSE-KMS or a prefix ELB cannot use", () => {
    const alb = { logSources: ["alb" as const], accountId: "111111111111", region: "us-east-1" };
    expect(() => bucket({ ...alb })).toThrow('ALB access logs are delivered only to SSE-S3 buckets: use encryption { mode: "s3" } with logSources "alb"');
    expect(() => bucket({ ...alb, encryption: { mode: "s3" }, albLogPrefix: "/alb/" })).toThrow(
      'albLogPrefix "/alb/" must be S3 key segments without leading or trailing "/"',
    );
    expect(() => bucket({ ...alb, encryption: { mode: "s3" }, albLogPrefix: "x/AWSLogs" })).toThrow('without "AWSLogs"');
  });

  it("refuses SSE-S3 on data buckets and other contradictions", () => {
    expect(() => bucket({ encryption: { mode: "s3" } })).toThrow('encryption mode "s3" is only for log buckets');
    expect(() => bucket({ forceDestroy: true })).toThrow("forceDestroy needs deletionProtection: false");
    expect(() => bucket({ logSources: ["alb"] })).toThrow("accountId is required when logSources is set; region is required");
    expect(() => bucket({ bucketName: "Bad_Name" })).toThrow('bucketName "Bad_Name"');
  });

  it("locks objects (Object Lock) when asked: enabled at bucket creation, default retention after versioning", () => {
    const synth = bucket({ objectLock: { mode: "COMPLIANCE", days: 365 } });
    expect(only(synth, "aws_s3_bucket").values).toMatchObject({ object_lock_enabled: true });
    const lock = only(synth, "aws_s3_bucket_object_lock_configuration");
    expect(lock.values).toMatchObject({ rule: { default_retention: { mode: "COMPLIANCE", days: 365 } } });
    expect(lock.values.depends_on).toEqual([`aws_s3_bucket_versioning.${Object.keys(all(synth, "aws_s3_bucket_versioning"))[0]}`]);
    // Without it, no lock and no argument that would force a new bucket later.
    expect(only(bucket(), "aws_s3_bucket").values.object_lock_enabled).toBeUndefined();
    expect(() => bucket({ objectLock: { mode: "GOVERNANCE", days: 0 } })).toThrow("objectLock.days 0 must be a whole number of days >= 1");
    expect(() => bucket({ objectLock: { mode: "COMPLIANCE", days: 1 }, deletionProtection: false, forceDestroy: true })).toThrow(
      "forceDestroy cannot empty a bucket with Object Lock",
    );
  });

  it("replicates across regions with a least-privilege role", () => {
    const synth = bucket({
      replication: {
        destinationBucketArn: "arn:aws:s3:::aerologue-prod-user-content-dr",
        destinationKmsKeyArn: "arn:aws:kms:us-west-2:111111111111:key/dr",
        roleName: "aerologue-prod-user-content-replication",
      },
      deletionProtection: false,
      forceDestroy: true,
    });
    expect(only(synth, "aws_s3_bucket").values).toMatchObject({ force_destroy: true, lifecycle: { prevent_destroy: false } });
    const role = only(synth, "aws_iam_role");
    expect(role.values.name).toBe("aerologue-prod-user-content-replication");
    const config = only(synth, "aws_s3_bucket_replication_configuration").values;
    expect(config.role).toBe(`\${${role.address}.arn}`);
    expect(config.depends_on).toEqual([only(synth, "aws_s3_bucket_versioning").address]);
    expect(config.rule).toEqual([
      {
        id: "replicate-all",
        status: "Enabled",
        priority: 1,
        filter: {},
        delete_marker_replication: { status: "Enabled" },
        source_selection_criteria: { sse_kms_encrypted_objects: { status: "Enabled" } },
        destination: {
          bucket: "arn:aws:s3:::aerologue-prod-user-content-dr",
          storage_class: "STANDARD",
          encryption_configuration: { replica_kms_key_id: "arn:aws:kms:us-west-2:111111111111:key/dr" },
        },
      },
    ]);
    const perms = Object.entries(synth.data!["aws_iam_policy_document"]!).find(([n]) => n.includes("permissions"))![1].statement;
    for (const s of perms) expect(s.resources).not.toContain("*");
    expect(perms.find((s: { sid: string }) => s.sid === "EncryptReplicas").resources).toEqual(["arn:aws:kms:us-west-2:111111111111:key/dr"]);
  });

  it("grants scoped to the bucket, its objects and its key", () => {
    synthStack((s) => {
      const b = new SecureBucket(s, "b", { bucketName: "aerologue-prod-archive", encryption: kms });
      expect(documentStatements((g) => b.grantRead(g, { keyPrefix: "positions/", sid: "ReadPositions" }))).toEqual([
        { sid: "ReadPositions", effect: "Allow", actions: ["s3:ListBucket"], resources: [b.bucketArn] },
        { sid: "ReadPositions2", effect: "Allow", actions: ["s3:GetObject", "s3:GetObjectVersion"], resources: [`${b.bucketArn}/positions/*`] },
        { sid: "ReadPositions3", effect: "Allow", actions: ["kms:Decrypt"], resources: [kmsKeyArn] },
      ]);
      const readWrite = documentStatements((g) => b.grantReadWrite(g, { sid: (i) => `S3Archive${i + 1}` }));
      expect(readWrite.map((x) => x.sid)).toEqual(["S3Archive1", "S3Archive2", "S3Archive3"]);
      expect(readWrite[2]!.actions).toEqual(["kms:Decrypt", "kms:GenerateDataKey"]);
      // The deprecated return form (kept while parallel branches merge): the same statements without sids.
      expect(b.grantReadWrite()).toEqual(readWrite.map(({ sid: _sid, ...rest }) => rest));
    });
  });

  it("adds CORS rules", () => {
    const cors = only(
      bucket({ corsRules: [{ allowedMethods: ["GET", "PUT"], allowedOrigins: ["https://aerologue.app"] }] }),
      "aws_s3_bucket_cors_configuration",
    );
    expect(cors.values.cors_rule).toEqual([{ allowed_methods: ["GET", "PUT"], allowed_origins: ["https://aerologue.app"], max_age_seconds: 3000 }]);
  });
});
