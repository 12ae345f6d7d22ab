import { documentStatements } from "@infra/iam";
import { allRules, evaluate, type TerraformJson } from "@infra/policy";
import { describe, expect, it } from "vitest";
import { AuroraGlobalDatabase, AuroraPostgresCluster, type AuroraPostgresClusterProps, validateServerlessCapacity } from "./index";
import { all, only, synthStack, synthWith } from "@infra/testing-core/stack";

const kmsKeyArn = "arn:aws:kms:us-east-1:111111111111:key/data";
const base: AuroraPostgresClusterProps = {
  clusterIdentifier: "aerologue-prod-aurora",
  engineVersion: "15.8",
  scaling: { minCapacity: 0.5, maxCapacity: 16 },
  availabilityZones: ["us-east-1a", "us-east-1b"],
  dbSubnetGroupName: "aerologue-prod-db",
  vpcId: "vpc-123",
  kmsKeyArn,
  databaseName: "aerologue",
};

const cluster = synthWith(AuroraPostgresCluster, "db", base);

describe("AuroraPostgresCluster", () => {
  it("makes seed 000's cluster: Serverless v2 0.5-16 ACU, encrypted, IAM auth, managed secret, protected", () => {
    const synth = cluster({ allowedSecurityGroups: [{ securityGroupId: "sg-lambda", description: "Lambda functions" }] });
    const c = only(synth, "aws_rds_cluster");
    const sg = only(synth, "aws_security_group");
    const pg = only(synth, "aws_rds_cluster_parameter_group");
    const logs = only(synth, "aws_cloudwatch_log_group");
    expect(c.values).toEqual({
      cluster_identifier: "aerologue-prod-aurora",
      engine: "aurora-postgresql",
      engine_mode: "provisioned",
      engine_version: "15.8",
      database_name: "aerologue",
      master_username: "postgres",
      manage_master_user_password: true,
      master_user_secret_kms_key_id: kmsKeyArn,
      port: 5432,
      db_subnet_group_name: "aerologue-prod-db",
      vpc_security_group_ids: [`\${${sg.address}.id}`],
      db_cluster_parameter_group_name: `\${${pg.address}.name}`,
      storage_encrypted: true,
      kms_key_id: kmsKeyArn,
      iam_database_authentication_enabled: true,
      copy_tags_to_snapshot: true,
      enabled_cloudwatch_logs_exports: ["postgresql"],
      backup_retention_period: 7,
      preferred_backup_window: "03:00-04:00",
      preferred_maintenance_window: "sun:04:30-sun:05:30",
      deletion_protection: true,
      skip_final_snapshot: false,
      final_snapshot_identifier: "aerologue-prod-aurora-final",
      serverlessv2_scaling_configuration: { min_capacity: 0.5, max_capacity: 16 },
      tags: { Name: "aerologue-prod-aurora" },
      depends_on: [logs.address],
      // AWS upgrades minors; the config's version is the one at creation (no downgrade plans).
      lifecycle: { prevent_destroy: true, ignore_changes: ["engine_version"] },
    });
    expect(synth.resource["aws_secretsmanager_secret_rotation"]).toBeUndefined();
    expect(logs.values).toEqual({
      name: "/aws/rds/cluster/aerologue-prod-aurora/postgresql",
      retention_in_days: 30,
      kms_key_id: kmsKeyArn,
      tags: { Name: "aerologue-prod-aurora" },
    });
    expect(pg.values.family).toBe("aurora-postgresql15");
    expect(pg.values.parameter).toEqual([
      { name: "log_connections", value: "1", apply_method: "immediate" },
      { name: "log_disconnections", value: "1", apply_method: "immediate" },
      { name: "log_min_duration_statement", value: "1000", apply_method: "immediate" },
      { name: "log_statement", value: "ddl", apply_method: "immediate" },
      { name: "rds.force_ssl", value: "1", apply_method: "immediate" },
      { name: "ssl_min_protocol_version", value: "TLSv1.2", apply_method: "immediate" },
    ]);
  });

  it("spreads db.serverless instances over AZs with PI (CMK), enhanced monitoring and no public access", () => {
    const synth = cluster({ instances: 3 });
    const c = only(synth, "aws_rds_cluster");
    const role = only(synth, "aws_iam_role");
    const instances = Object.values(all(synth, "aws_rds_cluster_instance"));
    expect(instances.map((i) => [i.identifier, i.availability_zone, i.promotion_tier])).toEqual([
      ["aerologue-prod-aurora-1", "us-east-1a", 0],
      ["aerologue-prod-aurora-2", "us-east-1b", 1],
      ["aerologue-prod-aurora-3", "us-east-1a", 1],
    ]);
    expect(instances[0]).toMatchObject({
      cluster_identifier: `\${${c.address}.id}`,
      engine: "aurora-postgresql",
      instance_class: "db.serverless",
      publicly_accessible: false,
      auto_minor_version_upgrade: true,
      ca_cert_identifier: "rds-ca-rsa2048-g1",
      copy_tags_to_snapshot: true,
      performance_insights_enabled: true,
      performance_insights_kms_key_id: kmsKeyArn,
      performance_insights_retention_period: 7,
      monitoring_interval: 60,
      monitoring_role_arn: `\${${role.address}.arn}`,
    });
    expect(role.values.name).toBe("aerologue-prod-aurora-rds-monitoring");
    expect(only(synth, "aws_iam_role_policy_attachment").values.policy_arn).toBe("arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole");
    expect(synth.resource["aws_iam_role"]).toBeDefined();
    const noMonitoring = cluster({ monitoringInterval: 0 });
    expect(noMonitoring.resource["aws_iam_role"]).toBeUndefined();
    expect(Object.values(all(noMonitoring, "aws_rds_cluster_instance"))[0].monitoring_interval).toBe(0);
  });

  it("owns a data-tier security group: 5432 only from referenced groups, described, no egress", () => {
    synthStack((s) => {
      const db = new AuroraPostgresCluster(s, "db", { ...base, allowedSecurityGroups: [{ securityGroupId: "sg-lambda", description: "Lambda functions" }] });
      db.allowFrom("sg-ecs", "ECS services");
      expect(() => db.allowFrom("sg-other", "Lambda functions")).toThrow('a rule described "Lambda functions" already exists');
    });
    const synth = synthStack((s) => {
      const db = new AuroraPostgresCluster(s, "db", base);
      db.allowFrom("sg-lambda", "Lambda functions");
    });
    const sg = only(synth, "aws_security_group");
    expect(sg.values).toEqual({
      name: "aerologue-prod-aurora-aurora",
      description: "Aurora PostgreSQL aerologue-prod-aurora: PostgreSQL from allowed security groups only",
      vpc_id: "vpc-123",
      revoke_rules_on_delete: true,
      tags: { Name: "aerologue-prod-aurora-aurora" },
    });
    const [ruleName, rule] = Object.entries(all(synth, "aws_vpc_security_group_ingress_rule"))[0]!;
    expect(ruleName).toMatch(/from-lambda-functions/);
    expect(rule).toEqual({
      security_group_id: `\${${sg.address}.id}`,
      referenced_security_group_id: "sg-lambda",
      ip_protocol: "tcp",
      from_port: 5432,
      to_port: 5432,
      description: "Lambda functions",
      tags: { Name: "aerologue-prod-aurora-aurora-lambda-functions" },
    });
    expect(synth.resource["aws_vpc_security_group_egress_rule"]).toBeUndefined();
  });

  it("sets the managed secret's rotation schedule without a Lambda (seed 000: 90 days)", () => {
    const synth = cluster({ masterCredentials: { mode: "rds-managed", rotationDays: 90 } });
    const c = only(synth, "aws_rds_cluster");
    expect(only(synth, "aws_secretsmanager_secret_rotation").values).toEqual({
      secret_id: `\${${c.address}.master_user_secret[0].secret_arn}`,
      rotate_immediately: false,
      rotation_rules: { automatically_after_days: 90 },
    });
    synthStack((s) => {
      const db = new AuroraPostgresCluster(s, "db", base);
      expect(db.masterUserSecretArn).toBeDefined();
      expect(db.port).toBe(5432);
      expect(documentStatements((g) => db.grantConnect(g, { dbUser: "app", region: "us-east-1", accountId: "111111111111" }))[0]!.resources![0]).toMatch(
        /^arn:aws:rds-db:us-east-1:111111111111:dbuser:\$\{TfToken.*\/app$/,
      );
    });
  });

  it("joins a global database as primary (password generated into a secret, write-only) and as secondary", () => {
    const primary = synthStack((s) => {
      const g = new AuroraGlobalDatabase(s, "global", { globalClusterIdentifier: "aerologue-prod-global", engineVersion: "15.8" });
      new AuroraPostgresCluster(s, "db", {
        ...base,
        masterCredentials: { mode: "secret", secret: { secretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db", name: "aerologue/db/aurora" } },
        global: { role: "primary", globalClusterIdentifier: g.globalClusterIdentifier },
      });
    });
    const g = only(primary, "aws_rds_global_cluster");
    expect(g.values).toEqual({
      global_cluster_identifier: "aerologue-prod-global",
      engine: "aurora-postgresql",
      engine_version: "15.8",
      storage_encrypted: true,
      deletion_protection: true,
      tags: { Name: "aerologue-prod-global" },
      lifecycle: { prevent_destroy: true, ignore_changes: ["engine_version"] },
    });
    const p = only(primary, "aws_rds_cluster").values;
    // Nothing is read at plan time: the password is generated, stored write-only, and read back ephemerally.
    expect(primary.data?.["aws_secretsmanager_secret_version"]).toBeUndefined();
    const stored = Object.keys(
      (primary as unknown as { ephemeral: Record<string, Record<string, unknown>> }).ephemeral["aws_secretsmanager_secret_version"]!,
    )[0];
    expect(p).toMatchObject({
      global_cluster_identifier: `\${${g.address}.id}`,
      master_username: "postgres",
      master_password_wo: `\${jsondecode(ephemeral.aws_secretsmanager_secret_version.${stored}.secret_string).password}`,
      master_password_wo_version: 1,
    });
    expect(p.master_password).toBeUndefined();
    // The secret's first version holds the generated password; the second adds the host for AWS's rotation function.
    const versions = all(primary, "aws_secretsmanager_secret_version");
    const [initial, connection] = ["initial", "connection"].map((n) => Object.entries(versions).find(([k]) => k.includes(`_${n}_`))![1]);
    expect(initial.secret_string_wo).toMatch(/"password" = ephemeral\.aws_secretsmanager_random_password\.[^,]+\.random_password/);
    expect(connection.secret_string_wo).toBe(
      `\${jsonencode(merge(jsondecode(ephemeral.aws_secretsmanager_secret_version.${stored}.secret_string), {"host" = ${only(primary, "aws_rds_cluster").address}.endpoint}))}`,
    );
    expect([initial.secret_string_wo_version, connection.secret_string_wo_version]).toEqual([1, 1]);
    expect(p.manage_master_user_password).toBeUndefined();

    const secondary = only(
      cluster({ databaseName: undefined, global: { role: "secondary", globalClusterIdentifier: "aerologue-prod-global", sourceRegion: "us-east-1" } }),
      "aws_rds_cluster",
    ).values;
    expect(secondary).toMatchObject({
      global_cluster_identifier: "aerologue-prod-global",
      source_region: "us-east-1",
      storage_encrypted: true,
      kms_key_id: kmsKeyArn,
      lifecycle: { prevent_destroy: true, ignore_changes: ["engine_version", "replication_source_identifier"] },
    });
    expect(secondary.master_username).toBeUndefined();
    expect(secondary.manage_master_user_password).toBeUndefined();
  });

  it("turns the Data API on only when asked, for versions that have it, and says what SQL must wait for", () => {
    expect(only(cluster(), "aws_rds_cluster").values.enable_http_endpoint).toBeUndefined();
    let made: AuroraPostgresCluster | undefined;
    const synth = synthStack((s) => {
      made = new AuroraPostgresCluster(s, "db", {
        ...base,
        engineVersion: "15.10",
        dataApi: true,
        masterCredentials: { mode: "secret", secret: { secretArn: "arn:aws:secretsmanager:us-east-1:111111111111:secret:db", name: "aerologue/db/aurora" } },
      });
    });
    expect(only(synth, "aws_rds_cluster").values.enable_http_endpoint).toBe(true);
    // Writer first (promotion tier 0), then the secret version that carries the host.
    expect(made!.readyForStatements.map((d) => (d as unknown as { node: { path: string } }).node.path)).toEqual([
      "test/db/instance-1",
      "test/db/master-credentials/connection",
    ]);
    expect(() => cluster({ engineVersion: "15.2", dataApi: true })).toThrow(
      /dataApi needs Aurora PostgreSQL 13\.11, 14\.8, 15\.3, 16\.1, 17\.4 or later in its major version; engineVersion is 15\.2/,
    );
    expect(() => cluster({ engineVersion: "12.22", dataApi: true })).toThrow(/engineVersion is 12\.22/);
    expect(() => cluster({ engineVersion: "16.1", dataApi: true })).not.toThrow();
  });

  it("rejects bad props with every message", () => {
    expect(() => cluster({ global: { role: "primary", globalClusterIdentifier: "g" } })).toThrow(
      'a global database primary cannot use RDS-managed master passwords: use masterCredentials { mode: "secret" }',
    );
    expect(() => cluster({ global: { role: "secondary", globalClusterIdentifier: "g", sourceRegion: "us-east-1" } })).toThrow(
      "a global secondary takes no masterCredentials or databaseName",
    );
    expect(() => cluster({ scaling: { minCapacity: 20, maxCapacity: 16 }, backupRetentionDays: 0, clusterIdentifier: "Bad_Name" })).toThrow(
      'test/db: minCapacity 20 is above maxCapacity 16; clusterIdentifier "Bad_Name" must start with a letter and use lowercase letters, digits and single hyphens (max 63); backupRetentionDays 0 must be a whole number from 1 to 35',
    );
    expect(() => cluster({ performanceInsightsRetentionDays: 14 })).toThrow("performanceInsightsRetentionDays 14 must be 7 or 31..731");
    expect(() => cluster({ engineVersion: "16" })).toThrow('engineVersion "16" must be an aurora-postgresql version with its minor, like "15.8"');
  });

  it("writes typed windows in the provider's formats, on the cluster and every instance, and refuses overlapping ones", () => {
    const synth = cluster({
      preferredBackupWindow: { start: "22:30", durationMinutes: 45 },
      preferredMaintenanceWindow: { day: "sat", start: "23:30", durationMinutes: 90 },
    });
    expect(only(synth, "aws_rds_cluster").values).toMatchObject({
      preferred_backup_window: "22:30-23:15",
      preferred_maintenance_window: "sat:23:30-sun:01:00",
    });
    for (const instance of Object.values(synth.resource["aws_rds_cluster_instance"]!))
      expect(instance["preferred_maintenance_window"]).toBe("sat:23:30-sun:01:00");
    expect(() => cluster({ preferredBackupWindow: { start: "04:00", durationMinutes: 60 } })).toThrow(
      "backup window 04:00-05:00 overlaps maintenance window sun:04:30-sun:05:30 (AWS refuses overlapping windows)",
    );
    expect(() => cluster({ preferredMaintenanceWindow: { day: "sun", start: "4:30", durationMinutes: 60 } })).toThrow(
      'maintenance window: window start "4:30" must be a UTC time',
    );
  });

  it("passes the repo's policy pack", () => {
    const synth = cluster({ allowedSecurityGroups: [{ securityGroupId: "sg-lambda", description: "Lambda functions" }] });
    const report = evaluate(synth as unknown as TerraformJson, { stack: "test", today: "2026-06-01", rules: allRules });
    expect(report.results.filter((r) => r.status === "passed").length).toBeGreaterThan(0);
    expect(report.results.filter((r) => r.status === "failed").map((r) => `${r.rule} ${r.address}`)).toEqual([]);
  });

  it("relaxations are explicit props (dev)", () => {
    const synth = cluster({
      deletionProtection: false,
      instances: 1,
      backupRetentionDays: 1,
      scaling: { minCapacity: 0, maxCapacity: 4, secondsUntilAutoPause: 600 },
    });
    expect(only(synth, "aws_rds_cluster").values).toMatchObject({
      deletion_protection: false,
      skip_final_snapshot: false,
      backup_retention_period: 1,
      serverlessv2_scaling_configuration: { min_capacity: 0, max_capacity: 4, seconds_until_auto_pause: 600 },
      lifecycle: { prevent_destroy: false },
    });
    expect(Object.keys(all(synth, "aws_rds_cluster_instance"))).toHaveLength(1);
  });
});

describe("validateServerlessCapacity", () => {
  it("accepts valid ranges", () => {
    expect(validateServerlessCapacity(0.5, 16)).toEqual([]);
    expect(validateServerlessCapacity(0, 4, 300)).toEqual([]);
    expect(validateServerlessCapacity(256, 256)).toEqual([]);
  });
  it("explains invalid ranges", () => {
    expect(validateServerlessCapacity(0.25, 300)).toEqual([
      "minCapacity 0.25 must be from 0 to 256 ACUs in steps of 0.5",
      "maxCapacity 300 must be from 1 to 256 ACUs in steps of 0.5",
    ]);
    expect(validateServerlessCapacity(8, 4)).toEqual(["minCapacity 8 is above maxCapacity 4"]);
    expect(validateServerlessCapacity(0, 4)).toEqual(["minCapacity 0 (auto-pause) needs secondsUntilAutoPause (300..86400)"]);
    expect(validateServerlessCapacity(1, 4, 100)).toEqual([
      "secondsUntilAutoPause only applies with minCapacity 0 (got 1)",
      "secondsUntilAutoPause 100 must be a whole number from 300 to 86400",
    ]);
  });
});
