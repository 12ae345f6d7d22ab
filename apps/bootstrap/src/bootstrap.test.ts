import { Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import { buildBootstrap } from "./main";

type Json = {
  terraform: { backend: Record<string, Record<string, unknown>> };
  resource: Record<string, Record<string, Record<string, unknown>>>;
  data: Record<string, Record<string, { statement: Record<string, unknown>[] }>>;
  provider: { aws: Record<string, unknown>[] };
};

function synth(backend: "local" | "s3" = "local"): Record<string, Json> {
  const stacks = buildBootstrap(Testing.app(), backend);
  return Object.fromEntries(stacks.map((s) => [s.node.id, JSON.parse(Testing.synth(s)) as Json]));
}

const one = (json: Json, type: string, match: (v: Record<string, unknown>) => boolean = () => true) =>
  Object.entries(json.resource[type] ?? {}).filter(([, v]) => match(v));

describe("bootstrap", () => {
  const stacks = synth();
  const prod = stacks["bootstrap-prod"]!;

  it("makes one stack per env account, each on local state beside the app and pinned to its account", () => {
    expect(Object.keys(stacks).sort()).toEqual(["bootstrap-dev", "bootstrap-prod", "bootstrap-staging", "bootstrap-uat"]);
    expect(prod.terraform.backend).toEqual({ local: { path: "../../../state/prod.tfstate" } });
    expect(prod.provider.aws[0]).toMatchObject({ region: "us-east-1", allowed_account_ids: ["444444444444"] });
  });

  it("the state bucket: named from root.ts, versioned, KMS-encrypted with a bucket key, private, access-logged", () => {
    const [[name, bucket]] = one(prod, "aws_s3_bucket", (b) => b["bucket"] === "acme-infra-tfstate-444444444444") as [[string, Record<string, unknown>]];
    expect(bucket).toMatchObject({
      force_destroy: false,
      lifecycle: { prevent_destroy: true },
      tags: expect.objectContaining({ InfraRole: "terraform-state" }),
    });
    const id = `\${aws_s3_bucket.${name}.id}`;
    expect(one(prod, "aws_s3_bucket_versioning", (v) => v["bucket"] === id)[0]![1]).toMatchObject({ versioning_configuration: { status: "Enabled" } });
    const sse = one(prod, "aws_s3_bucket_server_side_encryption_configuration", (v) => v["bucket"] === id)[0]![1];
    expect(sse["rule"]).toEqual([
      expect.objectContaining({
        bucket_key_enabled: true,
        apply_server_side_encryption_by_default: expect.objectContaining({
          sse_algorithm: "aws:kms",
          kms_master_key_id: expect.stringContaining("aws_kms_key."),
        }),
      }),
    ]);
    expect(one(prod, "aws_s3_bucket_public_access_block", (v) => v["bucket"] === id)[0]![1]).toMatchObject({
      block_public_acls: true,
      block_public_policy: true,
      ignore_public_acls: true,
      restrict_public_buckets: true,
    });
    expect(one(prod, "aws_s3_bucket_logging", (v) => v["bucket"] === id)).toHaveLength(1);
    // The account foundation's CloudTrail bucket logs its access here too, by this name (libs/workloads/account audit.ts).
    const logs = one(prod, "aws_s3_bucket", (b) => b["bucket"] === "acme-infra-tfstate-444444444444-access-logs");
    expect(logs).toHaveLength(1);
    expect(one(prod, "aws_s3_bucket_logging", (v) => v["bucket"] === id)[0]![1]["target_bucket"]).toBe(`\${aws_s3_bucket.${logs[0]![0]}.bucket}`);
    const lifecycle = JSON.stringify(one(prod, "aws_s3_bucket_lifecycle_configuration", (v) => v["bucket"] === id)[0]![1]["rule"]);
    expect(lifecycle).toContain('"noncurrent_days":30');
  });

  it("the state bucket denies every request without TLS", () => {
    const docs = Object.values(prod.data["aws_iam_policy_document"] ?? {});
    const denies = docs.flatMap((d) => d.statement).filter((s) => s["effect"] === "Deny");
    expect(denies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          actions: ["s3:*"],
          condition: [expect.objectContaining({ test: "Bool", variable: "aws:SecureTransport", values: ["false"] })],
        }),
      ]),
    );
  });

  it("the lock table: LockID string hash key, on demand, PITR, encrypted with the key, protected", () => {
    const table = one(prod, "aws_dynamodb_table")[0]![1];
    expect(table).toMatchObject({
      name: "acme-infra-tf-locks",
      hash_key: "LockID",
      attribute: [{ name: "LockID", type: "S" }],
      billing_mode: "PAY_PER_REQUEST",
      point_in_time_recovery: expect.objectContaining({ enabled: true }),
      server_side_encryption: { enabled: true, kms_key_arn: expect.stringContaining("aws_kms_key.") },
      deletion_protection_enabled: true,
      lifecycle: { prevent_destroy: true },
    });
  });

  it("the key rotates and the accounts are distinct per env", () => {
    expect(one(prod, "aws_kms_key")[0]![1]).toMatchObject({ enable_key_rotation: true, deletion_window_in_days: 30 });
    const accounts = Object.values(stacks).map((s) => (s.provider.aws[0]!["allowed_account_ids"] as string[])[0]);
    expect(new Set(accounts).size).toBe(4);
  });

  it("after migration the bootstrap state lives in its own bucket under <env>/bootstrap/", () => {
    const migrated = synth("s3")["bootstrap-dev"]!;
    expect(migrated.terraform.backend).toEqual({
      s3: {
        bucket: "acme-infra-tfstate-111111111111",
        key: "dev/bootstrap/terraform.tfstate",
        region: "us-east-1",
        encrypt: true,
        dynamodb_table: "acme-infra-tf-locks",
      },
    });
  });
});
