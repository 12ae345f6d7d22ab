import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { accountRequirements } from "@infra/core";
import { documentStatements } from "@infra/iam";
import { TerraformStack, Testing } from "cdktf";
import { Construct } from "constructs";
import { describe, expect, it } from "vitest";
import { EncryptionKey, type EncryptionKeyProps, Secret, declareKeyUse } from "./index";
import { type Synth, all, only, synthStack, synthWith } from "@infra/testing-core/stack";

const base = { name: "aerologue-prod-data", accountId: "111111111111", region: "us-east-1" };
const keyWith = synthWith<EncryptionKeyProps>(EncryptionKey, "k", base);

describe("EncryptionKey", () => {
  it("makes a rotating key with an explicit policy, an alias and prevent_destroy by default", () => {
    let key!: EncryptionKey;
    const synth = synthStack((s) => {
      key = new EncryptionKey(s, "key", base);
    });
    const k = only(synth, "aws_kms_key");
    expect(k.values).toMatchObject({
      enable_key_rotation: true,
      rotation_period_in_days: 365,
      deletion_window_in_days: 30,
      multi_region: false,
      key_usage: "ENCRYPT_DECRYPT",
      customer_master_key_spec: "SYMMETRIC_DEFAULT",
      description: "Customer-managed key aerologue-prod-data",
      lifecycle: { prevent_destroy: true },
      tags: { Name: "aerologue-prod-data" },
    });
    const policyName = Object.keys(synth.data!["aws_iam_policy_document"]!)[0]!;
    expect(k.values.policy).toBe(`\${data.aws_iam_policy_document.${policyName}.json}`);
    expect(only(synth, "aws_kms_alias").values).toEqual({ name: "alias/aerologue-prod-data", target_key_id: `\${${k.address}.key_id}` });
    expect(key.aliasName).toBe("alias/aerologue-prod-data");
    const statements = synth.data!["aws_iam_policy_document"]![policyName].statement;
    expect(statements).toEqual([
      {
        sid: "AccountRootAdministers",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111111111111:root"] }],
        actions: ["kms:*"],
        resources: ["*"],
      },
    ]);
  });

  it("adds service principals with conditions: logs by encryption context, others by source account/ARN", () => {
    const synth = synthStack((s) => {
      new EncryptionKey(s, "key", {
        ...base,
        servicePrincipals: [
          { service: "logs" },
          { service: "sns" },
          { service: "cloudfront", sourceArns: ["arn:aws:cloudfront::111111111111:distribution/E1"] },
        ],
        administratorArns: ["arn:aws:iam::111111111111:role/platform-admin"],
      });
    });
    const statements = Object.values(synth.data!["aws_iam_policy_document"]!)[0].statement;
    // Services in name order, so a new user never reorders the others.
    expect(statements.map((s: { sid: string }) => s.sid)).toEqual([
      "AccountRootAdministers",
      "KeyAdministrators",
      "ServiceCloudfront",
      "ServiceLogs",
      "ServiceSns",
    ]);
    expect(statements[1].actions).not.toContain("kms:Decrypt");
    expect(statements[3]).toMatchObject({
      principals: [{ type: "Service", identifiers: ["logs.us-east-1.amazonaws.com"] }],
      condition: [{ test: "ArnLike", variable: "kms:EncryptionContext:aws:logs:arn", values: ["arn:aws:logs:us-east-1:111111111111:log-group:*"] }],
    });
    expect(statements[4]).toMatchObject({
      principals: [{ type: "Service", identifiers: ["sns.amazonaws.com"] }],
      actions: ["kms:Decrypt", "kms:GenerateDataKey*"],
      condition: [{ test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] }],
    });
    expect(statements[2].condition).toEqual([
      { test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] },
      { test: "ArnLike", variable: "aws:SourceArn", values: ["arn:aws:cloudfront::111111111111:distribution/E1"] },
    ]);
    // No statement is open to everyone.
    for (const s of statements) expect(JSON.stringify(s.principals)).not.toContain('"*"');
  });

  it("CloudTrail: encrypt with the trail encryption context, DescribeKey apart; scoped to named trails or the account; readers decrypt only", () => {
    const statementsOf = (props: Partial<EncryptionKeyProps>, readers: string[] = []) => {
      const synth = synthStack((s) => {
        const key = new EncryptionKey(s, "key", { ...base, ...props });
        if (readers.length > 0) key.addReaders(readers);
      });
      return Object.values(synth.data!["aws_iam_policy_document"]!)[0].statement;
    };
    const context = { test: "StringLike", variable: "kms:EncryptionContext:aws:cloudtrail:arn", values: ["arn:aws:cloudtrail:*:111111111111:trail/*"] };
    const account = { test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] };
    const anyTrail = statementsOf({ servicePrincipals: [{ service: "cloudtrail" }] });
    expect(anyTrail.slice(1)).toEqual([
      {
        sid: "ServiceCloudtrail",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
        actions: ["kms:GenerateDataKey*"],
        resources: ["*"],
        condition: [account, context],
      },
      {
        sid: "ServiceCloudtrailDescribeKey",
        effect: "Allow",
        principals: [{ type: "Service", identifiers: ["cloudtrail.amazonaws.com"] }],
        actions: ["kms:DescribeKey"],
        resources: ["*"],
        condition: [account],
      },
    ]);
    const trail = "arn:aws:cloudtrail:us-east-1:111111111111:trail/audit";
    const one = statementsOf({ servicePrincipals: [{ service: "cloudtrail", sourceArns: [trail] }] }, ["arn:aws:iam::111111111111:role/admin"]);
    expect(one.map((x: { sid: string }) => x.sid)).toEqual(["AccountRootAdministers", "KeyReaders", "ServiceCloudtrail", "ServiceCloudtrailDescribeKey"]);
    expect(one[1]).toMatchObject({
      principals: [{ type: "AWS", identifiers: ["arn:aws:iam::111111111111:role/admin"] }],
      actions: ["kms:Decrypt", "kms:DescribeKey"],
    });
    expect(one[2].condition).toEqual([{ test: "ArnLike", variable: "aws:SourceArn", values: [trail] }, context]);
    expect(one[3].condition).toEqual([{ test: "ArnLike", variable: "aws:SourceArn", values: [trail] }]);
  });

  it("derives its policy from the uses its users declare, from any stack of the app", () => {
    const app = Testing.app();
    const kms = new TerraformStack(app, "kms");
    new AwsProvider(kms, "aws", { region: "us-east-1" });
    const key = new EncryptionKey(kms, "app", base);
    const logs = new TerraformStack(app, "logs");
    new AwsProvider(logs, "aws", { region: "us-east-1" });
    // The log group only holds the key ARN string: it finds the key through the app's registry.
    const group = new Construct(logs, "log-group");
    expect(declareKeyUse(group, key.keyArn, { kind: "service", service: "logs" })).toBe(true);
    const bus = new Construct(logs, "event-bus");
    declareKeyUse(bus, key.keyId, { kind: "service", service: "events", extraActions: ["kms:DescribeKey"] });
    expect(declareKeyUse(bus, "alias/aws/sns", { kind: "service", service: "sns" })).toBe(false);
    expect(declareKeyUse(bus, undefined, { kind: "service", service: "sns" })).toBe(false);

    const statements = Object.values((JSON.parse(Testing.synth(kms)) as Synth).data!["aws_iam_policy_document"]!)[0].statement;
    expect(statements.map((x: { sid: string }) => x.sid)).toEqual(["AccountRootAdministers", "ServiceEvents", "ServiceLogs"]);
    expect(statements[1]).toMatchObject({
      principals: [{ type: "Service", identifiers: ["events.amazonaws.com"] }],
      actions: ["kms:Decrypt", "kms:DescribeKey", "kms:GenerateDataKey*"],
    });
    expect(key.uses()).toEqual([
      { use: "events", by: ["logs/event-bus"] },
      { use: "logs", by: ["logs/log-group"] },
    ]);
  });

  it("merges uses of one service: an unrestricted use widens a restricted one", () => {
    const synth = synthStack((s) => {
      const key = new EncryptionKey(s, "key", {
        ...base,
        servicePrincipals: [{ service: "cloudfront", sourceArns: ["arn:aws:cloudfront::111111111111:distribution/E1"] }],
      });
      key.allowService("cloudfront");
      expect(() => key.allow({ kind: "service", service: "s3" }, s)).not.toThrow();
    });
    const statements = Object.values(synth.data!["aws_iam_policy_document"]!)[0].statement;
    expect(statements.find((x: { sid: string }) => x.sid === "ServiceCloudfront").condition).toEqual([
      { test: "StringEquals", variable: "aws:SourceAccount", values: ["111111111111"] },
    ]);
    expect(() =>
      synthStack((s) => {
        const other = new EncryptionKey(s, "other", { ...base, name: "other" });
        new EncryptionKey(s, "k", { ...base, servicePrincipals: [{ service: "cloudfront", sourceArns: [other.keyArn] }] });
      }),
    ).toThrow("sourceArns of cloudfront must be static patterns");
  });

  it("lets Auto Scaling's service-linked role use the key and create grants for AWS resources, and asks the account for the role", () => {
    let key!: EncryptionKey;
    const synth = synthStack((s) => {
      key = new EncryptionKey(s, "key", base);
      key.allowServiceLinkedRole("autoscaling.amazonaws.com", new Construct(s, "capacity"));
    });
    const statements = Object.values(synth.data!["aws_iam_policy_document"]!)[0].statement;
    const role = "arn:aws:iam::111111111111:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
    expect(statements.slice(1)).toEqual([
      {
        sid: "ServiceLinkedRoleAutoscalingUse",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [role] }],
        actions: ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey*", "kms:ReEncrypt*"],
        resources: ["*"],
      },
      {
        sid: "ServiceLinkedRoleAutoscalingGrants",
        effect: "Allow",
        principals: [{ type: "AWS", identifiers: [role] }],
        actions: ["kms:CreateGrant"],
        resources: ["*"],
        condition: [{ test: "Bool", variable: "kms:GrantIsForAWSResource", values: ["true"] }],
      },
    ]);
    // KMS refuses a policy naming a role that does not exist yet: the role is an account requirement.
    expect(accountRequirements(key)).toEqual([{ serviceLinkedRole: "autoscaling.amazonaws.com", requiredBy: ["test/key"] }]);
    expect(key.uses()).toEqual([{ use: "slr:autoscaling.amazonaws.com", by: ["test/capacity"] }]);
  });

  it("supports multi-Region primaries, replicas, and relaxations as explicit props", () => {
    const synth = synthStack((s) => {
      new EncryptionKey(s, "primary", { ...base, multiRegion: true, deletionWindowInDays: 7, deletionProtection: false });
      new EncryptionKey(s, "replica", {
        ...base,
        name: "aerologue-prod-data-dr",
        region: "eu-west-1",
        replicaOf: { primaryKeyArn: "arn:aws:kms:us-east-1:111111111111:key/mrk-1" },
      });
    });
    expect(only(synth, "aws_kms_key").values).toMatchObject({ multi_region: true, deletion_window_in_days: 7, lifecycle: { prevent_destroy: false } });
    expect(only(synth, "aws_kms_replica_key").values).toMatchObject({
      primary_key_arn: "arn:aws:kms:us-east-1:111111111111:key/mrk-1",
      deletion_window_in_days: 30,
      lifecycle: { prevent_destroy: true },
    });
    expect(Object.keys(all(synth, "aws_kms_alias"))).toHaveLength(2);
  });

  it("grants scoped to the key ARN", () => {
    synthStack((s) => {
      const key = new EncryptionKey(s, "key", base);
      expect(documentStatements((g) => key.grantDecrypt(g))).toEqual([
        { sid: "DecryptKey", effect: "Allow", actions: ["kms:Decrypt", "kms:DescribeKey"], resources: [key.keyArn] },
      ]);
      expect(documentStatements((g) => key.grantEncryptDecrypt(g, { sid: "UseKey" }))[0]).toMatchObject({
        sid: "UseKey",
        actions: expect.arrayContaining(["kms:GenerateDataKey*"]),
      });
      expect(key.keyArn).toMatch(/^\$\{TfToken/);
    });
  });

  it("rejects bad windows and names", () => {
    expect(() => keyWith({ deletionWindowInDays: 5 })).toThrow("test/k: deletionWindowInDays 5 must be an integer from 7 to 30");
    expect(() => keyWith({ rotationPeriodInDays: 30 })).toThrow("rotationPeriodInDays 30 must be an integer from 90 to 2560");
    expect(() => keyWith({ name: "aws/foo" })).toThrow('name "aws/foo"');
  });
});

describe("Secret", () => {
  const kmsKeyArn = "arn:aws:kms:us-east-1:111111111111:key/abc";

  it("makes only the secret container, encrypted with the CMK, with a 30-day recovery window", () => {
    const synth = synthStack((s) => {
      new Secret(s, "db", { name: "aerologue/prod/api/airlabs", description: "AirLabs API key", kmsKeyArn });
    });
    expect(only(synth, "aws_secretsmanager_secret").values).toEqual({
      name: "aerologue/prod/api/airlabs",
      description: "AirLabs API key",
      kms_key_id: kmsKeyArn,
      recovery_window_in_days: 30,
      tags: { Name: "aerologue/prod/api/airlabs" },
      lifecycle: { prevent_destroy: true },
    });
    expect(synth.resource["aws_secretsmanager_secret_version"]).toBeUndefined();
    expect(synth.resource["aws_secretsmanager_secret_rotation"]).toBeUndefined();
  });

  it("rotates with a Lambda at most every 90 days and replicates to other regions", () => {
    const synth = synthStack((s) => {
      new Secret(s, "db", {
        name: "aerologue/prod/db",
        kmsKeyArn,
        rotation: { lambdaArn: "arn:aws:lambda:us-east-1:111111111111:function:rotate", days: 90 },
        replicas: [{ region: "us-west-2", kmsKeyArn: "arn:aws:kms:us-west-2:111111111111:key/dr" }],
      });
    });
    const secret = only(synth, "aws_secretsmanager_secret");
    expect(secret.values.replica).toEqual([{ region: "us-west-2", kms_key_id: "arn:aws:kms:us-west-2:111111111111:key/dr" }]);
    expect(only(synth, "aws_secretsmanager_secret_rotation").values).toEqual({
      secret_id: `\${${secret.address}.id}`,
      rotation_lambda_arn: "arn:aws:lambda:us-east-1:111111111111:function:rotate",
      rotate_immediately: false,
      rotation_rules: { automatically_after_days: 90 },
    });
  });

  it("grantRead scopes to the secret ARN and its key", () => {
    synthStack((s) => {
      const secret = new Secret(s, "db", { name: "x", kmsKeyArn });
      expect(documentStatements((g) => secret.grantRead(g))).toEqual([
        { sid: "ReadDb", effect: "Allow", actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"], resources: [secret.secretArn] },
        { sid: "ReadDbKey", effect: "Allow", actions: ["kms:Decrypt"], resources: [kmsKeyArn] },
      ]);
    });
  });

  it("rejects long rotations, bad recovery windows and duplicate replicas", () => {
    const lambdaArn = "arn:aws:lambda:us-east-1:1:function:r";
    expect(() => synthStack((s) => new Secret(s, "x", { name: "x", kmsKeyArn, rotation: { lambdaArn, days: 120 } }))).toThrow(
      "test/x: rotation.days 120 must be an integer from 1 to 90",
    );
    expect(() => synthStack((s) => new Secret(s, "x", { name: "x", kmsKeyArn, recoveryWindowInDays: 0 }))).toThrow("recoveryWindowInDays 0");
    expect(() =>
      synthStack(
        (s) =>
          new Secret(s, "x", {
            name: "x",
            kmsKeyArn,
            replicas: [
              { region: "us-west-2", kmsKeyArn },
              { region: "us-west-2", kmsKeyArn },
            ],
          }),
      ),
    ).toThrow("replica region us-west-2 is listed twice");
  });
});
