import { describe, expect, it } from "vitest";
import type { Construct } from "constructs";
import { synthJson } from "@infra/testing-core/json";
import { DatabaseInstance, type DatabaseInstanceProps } from "../database-instance";
import { AlternatingLogins, type AlternatingLoginsProps, alternatingLoginsErrors } from "./alternating-logins";

const DATA_KEY = "arn:aws:kms:us-east-1:111122223333:key/data";
const LOGS_KEY = "arn:aws:kms:us-east-1:111122223333:key/logs";
const db: DatabaseInstanceProps = {
  name: "acct-atlas-prod",
  engineVersion: "16",
  instanceClass: "db.t3.medium",
  allocatedStorage: 50,
  multiAz: false,
  backupRetentionDays: 7,
  deletionProtection: true,
  enhancedMonitoringInterval: 0,
  forceSsl: true,
  vpcId: "vpc-1",
  subnetGroupName: "atlas-db",
  allowedSecurityGroupIds: [],
  dbName: "atlas",
  kmsKeyArn: DATA_KEY,
  masterUserSecretKmsKeyId: DATA_KEY,
};
const logins: Omit<AlternatingLoginsProps, "database"> = {
  name: "acct-atlas-prod-db-logins",
  region: "us-east-1",
  dbname: "atlas",
  username: "atlas_app",
  owner: "atlas_owner",
  secretName: "accountabilityatlas/prod/database-app",
  secretKmsKeyArn: DATA_KEY,
  kmsKeyArn: LOGS_KEY,
  rotationDays: 30,
  vpcId: "vpc-1",
  subnetIds: ["subnet-a", "subnet-b"],
  logRetentionDays: 30,
};

function build(dbProps: Partial<DatabaseInstanceProps> = {}, props: Partial<AlternatingLoginsProps> = {}) {
  let made: AlternatingLogins | undefined;
  const json = synthJson((scope: Construct) => {
    const database = new DatabaseInstance(scope, "rds", { ...db, ...dbProps });
    made = new AlternatingLogins(scope, "app-logins", { ...logins, database, ...props });
  });
  return { json, made: made! };
}

type Res = Record<string, unknown>;
const all = (json: { resource: Record<string, Record<string, Res>> }, type: string) => json.resource[type] ?? {};
const named = (json: { resource: Record<string, Record<string, Res>> }, type: string, prefix: string): [string, Res] => {
  const hit = Object.entries(all(json, type)).find(([k]) => k.startsWith(prefix));
  if (!hit) throw new Error(`no ${type} ${prefix}*: ${Object.keys(all(json, type)).join(", ")}`);
  return hit;
};

describe("AlternatingLogins (ADR 0145)", () => {
  const { json } = build();

  it("a secret for the application under the data key, with no value written by Terraform (the function writes it)", () => {
    const [, secret] = named(json, "aws_secretsmanager_secret", "app-logins_secret");
    expect(secret).toMatchObject({ name: "accountabilityatlas/prod/database-app", kms_key_id: DATA_KEY, recovery_window_in_days: 30 });
    expect(Object.keys(all(json, "aws_secretsmanager_secret_version"))).toEqual([]);
  });

  it("the function: the repo's code (index.mjs + pg-wire.mjs), nodejs24.x in the private subnets, the runtime's Amazon CA bundle, the pair of logins and their owner", () => {
    const [, fn] = named(json, "aws_lambda_function", "app-logins_function");
    expect(fn).toMatchObject({
      function_name: "acct-atlas-prod-db-logins",
      runtime: "nodejs24.x",
      handler: "index.handler",
      timeout: 300,
      kms_key_arn: LOGS_KEY,
      reserved_concurrent_executions: 1,
      tracing_config: { mode: "Active" },
      vpc_config: { subnet_ids: ["subnet-a", "subnet-b"] },
      environment: {
        variables: {
          OWNER: "atlas_owner",
          LOGINS: "atlas_app,atlas_app_clone",
          ATTEMPTS: "24",
          PAUSE_MS: "5000",
          NODE_EXTRA_CA_CERTS: "/var/runtime/ca-cert.pem",
        },
      },
    });
    expect(String(fn["filename"])).toMatch(/^assets\/.+\/[0-9a-f]{16}\/code\.zip$/);
    expect(fn["source_code_hash"]).toMatch(/^[A-Za-z0-9+/]{43}=$/);
  });

  it("network: HTTPS out (Secrets Manager) and PostgreSQL to the database's group, which admits the function", () => {
    const egress = Object.values(all(json, "aws_vpc_security_group_egress_rule"));
    expect(egress).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ cidr_ipv4: "0.0.0.0/0", from_port: 443, to_port: 443, ip_protocol: "tcp" }),
        expect.objectContaining({ referenced_security_group_id: expect.stringContaining("aws_security_group.rds_sg"), from_port: 5432, to_port: 5432 }),
      ]),
    );
    const [, ingress] = named(json, "aws_vpc_security_group_ingress_rule", "rds_ingress-0");
    expect(ingress).toMatchObject({ from_port: 5432, referenced_security_group_id: expect.stringContaining("aws_security_group.app-logins_sg") });
  });

  it("least privilege: manage exactly its secret, read exactly the master secret, the key only through Secrets Manager", () => {
    const docs = Object.values((json as unknown as { data: Record<string, Record<string, Res>> }).data["aws_iam_policy_document"] ?? {});
    const statements = docs.flatMap((d) => d["statement"] as Res[]);
    const bySid = Object.fromEntries(statements.map((s) => [s["sid"], s]));
    expect(bySid["ManageLoginSecret"]).toMatchObject({
      actions: ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"],
      resources: [expect.stringContaining("aws_secretsmanager_secret.app-logins_secret")],
    });
    expect(bySid["ReadMasterSecret"]).toMatchObject({ actions: ["secretsmanager:GetSecretValue"], resources: [expect.stringContaining("master_user_secret")] });
    expect(bySid["LoginSecretKey"]).toMatchObject({
      actions: ["kms:Decrypt", "kms:GenerateDataKey"],
      resources: [DATA_KEY],
      condition: [{ test: "StringEquals", variable: "kms:ViaService", values: ["secretsmanager.us-east-1.amazonaws.com"] }],
    });
    // The master secret shares the data key: no second key statement.
    expect(bySid["MasterSecretKey"]).toBeUndefined();
    const mine = ["ManageLoginSecret", "ReadMasterSecret", "LoginSecretKey"].flatMap((sid) => bySid[sid]!["resources"] as string[]);
    expect(mine).not.toContain("*");
  });

  it("first apply: the bootstrap runs once the instance, the network path and every policy exist; rotation waits for it and for Secrets Manager's permission", () => {
    const [, invocation] = named(json, "aws_lambda_invocation", "app-logins_bootstrap");
    // jsonencode at apply: every value is an attribute of this stack's resources, so a second plan has no diff.
    expect(String(invocation["input"]).replace(/_[0-9A-F]{8}\b/g, "")).toBe(
      '${jsonencode({"action" = "bootstrap", "secretId" = aws_secretsmanager_secret.app-logins_secret.arn, "host" = aws_db_instance.rds_instance.address, "port" = 5432, "dbname" = "atlas", "masterarn" = aws_db_instance.rds_instance.master_user_secret[0].secret_arn})}',
    );
    const deps = invocation["depends_on"] as string[];
    expect(deps).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^aws_db_instance\.rds_instance/),
        expect.stringMatching(/^aws_vpc_security_group_ingress_rule\.rds_ingress-0/),
      ]),
    );
    // Every policy of the function's role (its own base policy and the three grants).
    expect(deps.filter((d) => d.startsWith("aws_iam_role_policy.")).sort()).toEqual(
      Object.keys(all(json, "aws_iam_role_policy"))
        .map((k) => `aws_iam_role_policy.${k}`)
        .sort(),
    );
    expect(Object.keys(all(json, "aws_iam_role_policy")).length).toBeGreaterThanOrEqual(3);
    expect(deps.filter((d) => d.startsWith("aws_vpc_security_group_egress_rule."))).toHaveLength(2);
    const [, rotation] = named(json, "aws_secretsmanager_secret_rotation", "app-logins_rotation");
    expect(rotation).toMatchObject({ rotate_immediately: false, rotation_rules: { automatically_after_days: 30 } });
    expect(rotation["depends_on"]).toEqual([
      expect.stringMatching(/^aws_lambda_invocation\.app-logins_bootstrap/),
      expect.stringMatching(/^aws_lambda_permission\./),
    ]);
    const [, permission] = named(json, "aws_lambda_permission", "app-logins_function_allow-secretsmanager");
    expect(permission).toMatchObject({
      principal: "secretsmanager.amazonaws.com",
      source_arn: expect.stringContaining("aws_secretsmanager_secret.app-logins_secret"),
    });
  });

  it("with a rotated master secret: the bootstrap also waits for the version that holds the host, and may decrypt a master key of its own", () => {
    const rotated = build(
      {
        readReplicas: 1,
        masterUserSecretKmsKeyId: "arn:aws:kms:us-east-1:111122223333:key/master",
        masterCredentials: { mode: "rotated-secret", secretName: "acct-atlas-prod/master-credentials", rotationDays: 30, rotationSubnetIds: ["subnet-a"] },
      },
      { replicas: [{ region: "us-west-2", kmsKeyArn: "arn:aws:kms:us-west-2:111122223333:key/dr" }] },
    ).json;
    const [, invocation] = named(rotated, "aws_lambda_invocation", "app-logins_bootstrap");
    expect(invocation["depends_on"]).toEqual(
      expect.arrayContaining([expect.stringMatching(/^aws_secretsmanager_secret_version\.rds_master-credentials_connection/)]),
    );
    const [, secret] = named(rotated, "aws_secretsmanager_secret", "app-logins_secret");
    expect(secret["replica"]).toEqual([{ region: "us-west-2", kms_key_id: "arn:aws:kms:us-west-2:111122223333:key/dr" }]);
    const docs = Object.values((rotated as unknown as { data: Record<string, Record<string, Res>> }).data["aws_iam_policy_document"] ?? {});
    const masterKey = docs.flatMap((d) => d["statement"] as Res[]).find((s) => s["sid"] === "MasterSecretKey");
    expect(masterKey).toMatchObject({ actions: ["kms:Decrypt"], resources: ["arn:aws:kms:us-east-1:111122223333:key/master"] });
  });

  it("rejects bad props with every message, naming the field and the value", () => {
    expect(alternatingLoginsErrors({ ...logins, username: "Atlas-App", owner: "atlas_app_clone", dbname: "Atlas", rotationDays: 91, subnetIds: [] })).toEqual([
      'username must be a lower-case PostgreSQL name of at most 57 characters (its "_clone" twin fits in 63), got: "Atlas-App"',
      'dbname must be a lower-case PostgreSQL name, got: "Atlas"',
      "rotationDays must be an integer from 1 to 90, got: 91",
      "subnetIds must list at least one private subnet",
    ]);
    expect(alternatingLoginsErrors({ ...logins, owner: "atlas_app_clone" })).toEqual(['owner must differ from both logins, got: "atlas_app_clone"']);
    expect(alternatingLoginsErrors({ ...logins, username: "a".repeat(58) })[0]).toMatch(/at most 57 characters/);
  });
});
