import { synthJson } from "@infra/testing-core/json";
import { describe, expect, it } from "vitest";
import { AuditTrail, type AuditTrailProps } from "./audit-trail";

const ACCOUNT = "444444444444";
const TRAIL = `arn:aws:cloudtrail:us-east-1:${ACCOUNT}:trail/prod-audit`;
const BASE: AuditTrailProps = {
  name: "prod-audit",
  accountId: ACCOUNT,
  region: "us-east-1",
  bucketName: "acme-prod-cloudtrail-444444444444",
  retentionDays: 365,
  dataEventBuckets: ["acme-infra-tfstate-444444444444"],
  accessLogBucketName: "acme-infra-tfstate-444444444444-access-logs",
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;
const one = (json: J, type: string): [string, J] => {
  const entries = Object.entries(json.resource?.[type] ?? {});
  expect(entries, type).toHaveLength(1);
  return entries[0] as [string, J];
};
const doc = (json: J, prefix: string): J => Object.entries(json.data.aws_iam_policy_document).find(([k]) => k.startsWith(prefix))![1];
const sid = (statements: J[], id: string): J => statements.find((s) => s.sid === id);

function synth(props: Partial<AuditTrailProps> = {}, readers?: string[]): J {
  return synthJson((s) => {
    const t = new AuditTrail(s, "audit-trail", { ...BASE, ...props });
    if (readers) t.allowLogReaders(readers);
  });
}

describe("AuditTrail", () => {
  it("is a multi-Region trail with global service events, log file validation, its CMK and CloudWatch Logs", () => {
    const json = synth();
    const [, trail] = one(json, "aws_cloudtrail");
    const [keyName] = one(json, "aws_kms_key");
    const [groupName] = one(json, "aws_cloudwatch_log_group");
    const [roleName] = one(json, "aws_iam_role");
    const [bucketName] = one(json, "aws_s3_bucket");
    expect(trail).toMatchObject({
      name: "prod-audit",
      s3_bucket_name: `\${aws_s3_bucket.${bucketName}.bucket}`,
      is_multi_region_trail: true,
      include_global_service_events: true,
      enable_log_file_validation: true,
      enable_logging: true,
      kms_key_id: `\${aws_kms_key.${keyName}.arn}`,
      cloud_watch_logs_group_arn: `\${aws_cloudwatch_log_group.${groupName}.arn}:*`,
      cloud_watch_logs_role_arn: `\${aws_iam_role.${roleName}.arn}`,
    });
    // CreateTrail validates the bucket policy and the delivery role when it is called.
    const [policyName] = one(json, "aws_s3_bucket_policy");
    const [rolePolicyName] = one(json, "aws_iam_role_policy");
    expect(trail.depends_on).toEqual([`aws_s3_bucket_policy.${policyName}`, `aws_iam_role_policy.${rolePolicyName}`]);
  });

  it("records management events and S3 object events of the audited buckets only", () => {
    const [, trail] = one(synth(), "aws_cloudtrail");
    expect(trail.advanced_event_selector).toEqual([
      { name: "Management events", field_selector: [{ field: "eventCategory", equals: ["Management"] }] },
      {
        name: "S3 object events of audited buckets",
        field_selector: [
          { field: "eventCategory", equals: ["Data"] },
          { field: "resources.type", equals: ["AWS::S3::Object"] },
          { field: "resources.ARN", starts_with: ["arn:aws:s3:::acme-infra-tfstate-444444444444/"] },
        ],
      },
    ]);
    const [, none] = one(synth({ dataEventBuckets: [] }), "aws_cloudtrail");
    expect(none.advanced_event_selector).toHaveLength(1);
  });

  it("key policy: CloudTrail encrypts only for this trail and this account's trail context, describes the key, readers decrypt", () => {
    const json = synth({}, ["arn:aws:iam::444444444444:role/prod-admin"]);
    const [, key] = one(json, "aws_kms_key");
    expect(key).toMatchObject({ enable_key_rotation: true, lifecycle: { prevent_destroy: true } });
    const statements = doc(json, "audit-trail_key_policy").statement;
    const cloudtrail = [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }];
    expect(sid(statements, "ServiceCloudtrail")).toEqual({
      sid: "ServiceCloudtrail",
      effect: "Allow",
      principals: cloudtrail,
      actions: ["kms:GenerateDataKey*"],
      resources: ["*"],
      condition: [
        { test: "ArnLike", variable: "aws:SourceArn", values: [TRAIL] },
        { test: "StringLike", variable: "kms:EncryptionContext:aws:cloudtrail:arn", values: [`arn:aws:cloudtrail:*:${ACCOUNT}:trail/*`] },
      ],
    });
    expect(sid(statements, "ServiceCloudtrailDescribeKey")).toEqual({
      sid: "ServiceCloudtrailDescribeKey",
      effect: "Allow",
      principals: cloudtrail,
      actions: ["kms:DescribeKey"],
      resources: ["*"],
      condition: [{ test: "ArnLike", variable: "aws:SourceArn", values: [TRAIL] }],
    });
    expect(sid(statements, "KeyReaders")).toEqual({
      sid: "KeyReaders",
      effect: "Allow",
      principals: [{ type: "AWS", identifiers: ["arn:aws:iam::444444444444:role/prod-admin"] }],
      actions: ["kms:Decrypt", "kms:DescribeKey"],
      resources: ["*"],
    });
    // CloudWatch Logs encrypts the trail's log group with the same key.
    expect(sid(statements, "ServiceLogs").principals).toEqual([{ type: "Service", identifiers: ["logs.us-east-1.amazonaws.com"] }]);
    // No other statement lets a service in, and none without a condition but the account root.
    expect(statements.map((s: J) => s.sid)).toEqual([
      "AccountRootAdministers",
      "KeyReaders",
      "ServiceCloudtrail",
      "ServiceCloudtrailDescribeKey",
      "ServiceLogs",
    ]);
  });

  it("bucket: write-once for the retention, versioned, private, TLS-only, CloudTrail writes only for this trail", () => {
    const json = synth();
    const [bucketName, bucket] = one(json, "aws_s3_bucket");
    expect(bucket).toMatchObject({
      bucket: "acme-prod-cloudtrail-444444444444",
      object_lock_enabled: true,
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
    });
    expect(one(json, "aws_s3_bucket_object_lock_configuration")[1]).toMatchObject({
      bucket: `\${aws_s3_bucket.${bucketName}.id}`,
      rule: { default_retention: { mode: "COMPLIANCE", days: 365 } },
    });
    expect(one(json, "aws_s3_bucket_versioning")[1].versioning_configuration).toEqual({ status: "Enabled" });
    expect(one(json, "aws_s3_bucket_public_access_block")[1]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(one(json, "aws_s3_bucket_logging")[1]).toMatchObject({
      target_bucket: "acme-infra-tfstate-444444444444-access-logs",
      target_prefix: "acme-prod-cloudtrail-444444444444/",
    });
    const rules = one(json, "aws_s3_bucket_lifecycle_configuration")[1].rule;
    expect(rules.find((r: J) => r.id === "audit-retention")).toMatchObject({ status: "Enabled", expiration: [{ days: 365 }] });
    expect(rules.find((r: J) => r.id === "bucket-hygiene")).toMatchObject({ noncurrent_version_expiration: [{ noncurrent_days: 1 }] });

    const statements = doc(json, "audit-trail_bucket_policy-document").statement;
    const arn = `\${aws_s3_bucket.${bucketName}.arn}`;
    expect(sid(statements, "DenyInsecureTransport")).toMatchObject({
      effect: "Deny",
      condition: [{ test: "Bool", variable: "aws:SecureTransport", values: ["false"] }],
    });
    const source = { test: "StringEquals", variable: "aws:SourceArn", values: [TRAIL] };
    expect(sid(statements, "CloudTrailAclCheck")).toMatchObject({ actions: ["s3:GetBucketAcl"], resources: [arn], condition: [source] });
    expect(sid(statements, "CloudTrailWrite")).toMatchObject({
      principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
      actions: ["s3:PutObject"],
      resources: [`${arn}/AWSLogs/${ACCOUNT}/*`],
      condition: [{ test: "StringEquals", variable: "s3:x-amz-acl", values: ["bucket-owner-full-control"] }, source],
    });
  });

  it("log group: the retention, the CMK, deletion protection; the delivery role writes only its streams", () => {
    const json = synth({ retentionDays: 731, lockMode: "GOVERNANCE" });
    const [groupName, group] = one(json, "aws_cloudwatch_log_group");
    expect(group).toMatchObject({
      name: "/aws/cloudtrail/prod-audit",
      retention_in_days: 731,
      deletion_protection_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
    expect(one(json, "aws_s3_bucket_object_lock_configuration")[1].rule).toEqual({ default_retention: { mode: "GOVERNANCE", days: 731 } });
    expect(one(json, "aws_iam_role")[1].name).toBe("prod-audit-cloudwatch-logs");
    expect(doc(json, "audit-trail_assume").statement).toEqual([
      { effect: "Allow", actions: ["sts:AssumeRole"], principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }] },
    ]);
    expect(doc(json, "audit-trail_logs-delivery").statement).toEqual([
      {
        sid: "DeliverTrailEvents",
        effect: "Allow",
        actions: ["logs:CreateLogStream", "logs:PutLogEvents"],
        resources: [`\${aws_cloudwatch_log_group.${groupName}.arn}:log-stream:${ACCOUNT}_CloudTrail_*`],
      },
    ]);
  });

  it("refuses what AWS or the audit would not survive", () => {
    expect(() => synth({ retentionDays: 366 })).toThrow(/retentionDays: log retention 366 days is not a CloudWatch Logs retention value/);
    expect(() => synth({ dataEventBuckets: [BASE.bucketName] })).toThrow(
      /dataEventBuckets must not contain the trail's own bucket "acme-prod-cloudtrail-444444444444"/,
    );
    expect(() => synth({ dataEventBuckets: ["a-b-c", "a-b-c"] })).toThrow(/dataEventBuckets lists "a-b-c" twice/);
    expect(() => synth({ name: "bad name" })).toThrow(/name "bad name" must be 3-128 letters/);
  });
});
