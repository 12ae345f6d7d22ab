import { describe, expect, it } from "vitest";
import { DatabaseInstance, type DatabaseInstanceProps } from "./database-instance";
import { only, onlyData, synthJson, synthWith } from "@infra/testing-core/json";

const KMS = "arn:aws:kms:us-east-1:111122223333:key/db";
const dev: DatabaseInstanceProps = {
  name: "dev-platform",
  engineVersion: "16",
  instanceClass: "db.t3.micro",
  allocatedStorage: 20,
  multiAz: false,
  backupRetentionDays: 7,
  deletionProtection: false,
  enhancedMonitoringInterval: 0,
  forceSsl: true,
  vpcId: "vpc-1",
  subnetGroupName: "dev-platform-db",
  allowedSecurityGroupIds: ["sg-ecs"],
};
const devDb = synthWith(DatabaseInstance, "db", dev);
const prod: DatabaseInstanceProps = {
  ...dev,
  name: "prod-platform",
  instanceClass: "db.r6g.large",
  allocatedStorage: 100,
  multiAz: true,
  backupRetentionDays: 30,
  deletionProtection: true,
  enhancedMonitoringInterval: 60,
  kmsKeyArn: KMS,
  masterUserSecretKmsKeyId: KMS,
};
const prodDb = synthWith(DatabaseInstance, "db", prod);

const ROTATED = { mode: "rotated-secret", secretName: "platform/prod/db/master", rotationDays: 30, rotationSubnetIds: ["subnet-a", "subnet-b"] } as const;

const resources = (json: { resource: Record<string, Record<string, unknown>> }, type: string) => json.resource[type] ?? {};
const key = (json: { resource: Record<string, Record<string, unknown>> }, type: string, prefix: string) =>
  Object.keys(resources(json, type)).find((k) => k.startsWith(prefix))!;

describe("DatabaseInstance (seed 004 dev)", () => {
  const json = devDb();
  const db = only(json, "aws_db_instance");

  it("is a private, encrypted, TLS-only postgres instance with an RDS-managed password", () => {
    expect(db).toMatchObject({
      identifier: "dev-platform",
      engine: "postgres",
      engine_version: "16",
      instance_class: "db.t3.micro",
      allocated_storage: 20,
      max_allocated_storage: 40,
      storage_type: "gp3",
      storage_encrypted: true,
      multi_az: false,
      backup_retention_period: 7,
      publicly_accessible: false,
      iam_database_authentication_enabled: true,
      ca_cert_identifier: "rds-ca-rsa2048-g1",
      auto_minor_version_upgrade: true,
      copy_tags_to_snapshot: true,
      username: "dbadmin",
      manage_master_user_password: true,
      db_subnet_group_name: "dev-platform-db",
      port: 5432,
      monitoring_interval: 0,
      enabled_cloudwatch_logs_exports: ["postgresql", "upgrade"],
    });
    expect(db.password).toBeUndefined();
    expect(db.kms_key_id).toBeUndefined();
  });

  it("without deletion protection still takes a final snapshot and has no prevent_destroy", () => {
    expect(db).toMatchObject({
      deletion_protection: false,
      skip_final_snapshot: false,
      final_snapshot_identifier: "dev-platform-final",
      delete_automated_backups: true,
    });
    expect(db.lifecycle).toBeUndefined();
  });

  it("has Performance Insights off on db.t3.micro and no monitoring role", () => {
    expect(db.performance_insights_enabled).toBe(false);
    expect(resources(json, "aws_iam_role")).toEqual({});
    expect(db.monitoring_role_arn).toBeUndefined();
  });

  it("opens 5432 only to the allowed security group, with a description, and no egress", () => {
    const sg = only(json, "aws_security_group");
    expect(sg).toEqual({
      name: "dev-platform-rds",
      description: "postgres instance dev-platform: engine port from allowed security groups only",
      vpc_id: "vpc-1",
      tags: { Name: "dev-platform-rds" },
    });
    const rule = only(json, "aws_vpc_security_group_ingress_rule");
    expect(rule).toEqual({
      security_group_id: `\${aws_security_group.${key(json, "aws_security_group", "db_sg")}.id}`,
      referenced_security_group_id: "sg-ecs",
      ip_protocol: "tcp",
      from_port: 5432,
      to_port: 5432,
      description: "postgres 5432 from an allowed application security group",
    });
    expect(db.vpc_security_group_ids).toEqual([`\${aws_security_group.${key(json, "aws_security_group", "db_sg")}.id}`]);
  });

  it("uses its own parameter group with rds.force_ssl=1 and statement logging", () => {
    const pg = only(json, "aws_db_parameter_group");
    expect(pg).toMatchObject({ name: "dev-platform-postgres16", family: "postgres16", lifecycle: { create_before_destroy: true } });
    expect(pg.parameter).toEqual([
      { name: "log_min_duration_statement", value: "1000", apply_method: "immediate" },
      { name: "log_statement", value: "ddl", apply_method: "immediate" },
      { name: "rds.force_ssl", value: "1", apply_method: "immediate" },
    ]);
    expect(db.parameter_group_name).toBe(`\${aws_db_parameter_group.${key(json, "aws_db_parameter_group", "db_parameters")}.name}`);
  });

  it("pre-creates the exported log groups with 7-day retention before the instance", () => {
    const groups = Object.entries(resources(json, "aws_cloudwatch_log_group")) as [string, { name: string; retention_in_days: number }][];
    expect(groups.map(([, g]) => [g.name, g.retention_in_days])).toEqual([
      ["/aws/rds/instance/dev-platform/postgresql", 7],
      ["/aws/rds/instance/dev-platform/upgrade", 7],
    ]);
    expect(db.depends_on).toEqual(groups.map(([k]) => `aws_cloudwatch_log_group.${k}`));
  });

  it("allowFrom adds a described ingress rule", () => {
    const j = synthJson((s) => {
      const d = new DatabaseInstance(s, "db", { ...dev, allowedSecurityGroupIds: [] });
      d.allowFrom("sg-bastion", "postgres from the bastion");
    });
    expect(only(j, "aws_vpc_security_group_ingress_rule")).toMatchObject({
      referenced_security_group_id: "sg-bastion",
      description: "postgres from the bastion",
      from_port: 5432,
    });
  });
});

describe("DatabaseInstance (seed 004 prod)", () => {
  const json = prodDb();
  const db = only(json, "aws_db_instance");

  it("is Multi-AZ with a CMK, 30-day backups, deletion protection and prevent_destroy", () => {
    expect(db).toMatchObject({
      instance_class: "db.r6g.large",
      allocated_storage: 100,
      max_allocated_storage: 200,
      multi_az: true,
      backup_retention_period: 30,
      kms_key_id: KMS,
      master_user_secret_kms_key_id: KMS,
      deletion_protection: true,
      skip_final_snapshot: false,
      delete_automated_backups: false,
      lifecycle: { prevent_destroy: true },
      performance_insights_enabled: true,
      performance_insights_kms_key_id: KMS,
      performance_insights_retention_period: 7,
    });
  });

  it("creates the Enhanced Monitoring role (60 s) with the AWS managed policy", () => {
    const role = only(json, "aws_iam_role");
    const roleKey = key(json, "aws_iam_role", "db_monitoring-role");
    expect(role.name).toBe("prod-platform-rds-monitoring");
    expect(db.monitoring_interval).toBe(60);
    expect(db.monitoring_role_arn).toBe(`\${aws_iam_role.${roleKey}.arn}`);
    expect(only(json, "aws_iam_role_policy_attachment")).toEqual({
      role: `\${aws_iam_role.${roleKey}.name}`,
      policy_arn: "arn:aws:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole",
    });
    const assume = onlyData(json, "aws_iam_policy_document");
    expect(assume.statement[0].principals).toEqual([{ type: "Service", identifiers: ["monitoring.rds.amazonaws.com"] }]);
  });
});

describe("read replicas and backup replication (seeds 001/002)", () => {
  const json = prodDb({
    masterCredentials: ROTATED,
    readReplicas: 1,
    backupReplication: { destinationRegion: "us-west-2", kmsKeyArn: "arn:aws:kms:us-west-2:111122223333:key/dr" },
  });
  const primaryKey = key(json, "aws_db_instance", "db_instance");
  const replica = resources(json, "aws_db_instance")[key(json, "aws_db_instance", "db_replica-1")] as Record<string, unknown>;

  it("a same-region replica follows the primary, without engine, storage size or credentials", () => {
    expect(replica).toMatchObject({
      identifier: "prod-platform-replica-1",
      replicate_source_db: `\${aws_db_instance.${primaryKey}.identifier}`,
      instance_class: "db.r6g.large",
      multi_az: false,
      storage_encrypted: true,
      kms_key_id: KMS,
      backup_retention_period: 30,
      skip_final_snapshot: true,
      deletion_protection: true,
      publicly_accessible: false,
      lifecycle: { prevent_destroy: true },
    });
    for (const absent of [
      "engine",
      "engine_version",
      "allocated_storage",
      "username",
      "manage_master_user_password",
      "db_subnet_group_name",
      "final_snapshot_identifier",
    ]) {
      expect(replica[absent]).toBeUndefined();
    }
    const names = Object.values(resources(json, "aws_cloudwatch_log_group")).map((g) => (g as { name: string }).name);
    expect(names).toContain("/aws/rds/instance/prod-platform-replica-1/postgresql");
  });

  it("replicaMultiAz gives replicas a standby", () => {
    const j = prodDb({ masterCredentials: ROTATED, readReplicas: 2, replicaMultiAz: true, replicaInstanceClass: "db.r6g.xlarge" });
    const replicas = Object.entries(resources(j, "aws_db_instance"))
      .filter(([k]) => k.startsWith("db_replica-"))
      .map(([, r]) => r as Record<string, unknown>);
    expect(replicas.map((r) => [r.identifier, r.multi_az, r.instance_class])).toEqual([
      ["prod-platform-replica-1", true, "db.r6g.xlarge"],
      ["prod-platform-replica-2", true, "db.r6g.xlarge"],
    ]);
  });

  it("copies automated backups to the DR region with a key there", () => {
    expect(only(json, "aws_db_instance_automated_backups_replication")).toEqual({
      region: "us-west-2",
      source_db_instance_arn: `\${aws_db_instance.${primaryKey}.arn}`,
      kms_key_id: "arn:aws:kms:us-west-2:111122223333:key/dr",
      retention_period: 7,
    });
  });

  it("a cross-region replica (seed 004 eu-west-1) has no credentials and needs a key in its region", () => {
    const src = "arn:aws:rds:us-east-1:111122223333:db:prod-platform";
    const j = prodDb({ name: "prod-platform-dr", kmsKeyArn: "arn:aws:kms:eu-west-1:111122223333:key/dr", replicateSourceDb: src });
    const r = only(j, "aws_db_instance");
    expect(r).toMatchObject({
      identifier: "prod-platform-dr",
      replicate_source_db: src,
      kms_key_id: "arn:aws:kms:eu-west-1:111122223333:key/dr",
      db_subnet_group_name: "dev-platform-db",
      skip_final_snapshot: true,
      backup_retention_period: 30,
    });
    expect(r.username).toBeUndefined();
    expect(r.allocated_storage).toBeUndefined();
    expect(r.engine).toBeUndefined();
    expect(() => devDb({ replicateSourceDb: src })).toThrow("replicateSourceDb: kmsKeyArn (a key in this region) is required");
  });
});

describe("master credentials of a replication source (RDS refuses replicas of a managed password)", () => {
  const json = prodDb({ dbName: "platform", masterCredentials: ROTATED, readReplicas: 1 });
  const primary = resources(json, "aws_db_instance")[key(json, "aws_db_instance", "db_instance")] as Record<string, unknown>;
  const secret = only(json, "aws_secretsmanager_secret");
  const secretKey = key(json, "aws_secretsmanager_secret", "db_master-secret");

  it("the primary takes a generated password write-only; RDS does not manage it", () => {
    expect(primary["manage_master_user_password"]).toBeUndefined();
    expect(primary["password"]).toBeUndefined();
    expect(String(primary["password_wo"])).toMatch(/^\$\{jsondecode\(ephemeral\.aws_secretsmanager_secret_version\.[^)]+\.secret_string\)\.password\}$/);
    expect(primary["password_wo_version"]).toBe(1);
    expect(secret).toMatchObject({ name: "platform/prod/db/master", kms_key_id: KMS, recovery_window_in_days: 30, lifecycle: { prevent_destroy: true } });
  });

  it("AWS's rotation function runs in the VPC, reaches the database, and rotates every rotationDays once the value, path and instance exist", () => {
    const app = only(json, "aws_serverlessapplicationrepository_cloudformation_stack");
    expect(app).toMatchObject({
      name: "prod-platform-rotation",
      application_id: "arn:aws:serverlessrepo:us-east-1:297356227824:applications/SecretsManagerRDSPostgreSQLRotationSingleUser",
      capabilities: ["CAPABILITY_IAM", "CAPABILITY_RESOURCE_POLICY"],
      parameters: { functionName: "prod-platform-rotation", vpcSubnetIds: '${join(",", ["subnet-a", "subnet-b"])}', kmsKeyArn: KMS },
    });
    const rotation = only(json, "aws_secretsmanager_secret_rotation");
    expect(rotation).toMatchObject({
      secret_id: `\${aws_secretsmanager_secret.${secretKey}.arn}`,
      rotate_immediately: false,
      rotation_rules: { automatically_after_days: 30 },
    });
    const deps = rotation["depends_on"] as string[];
    expect(deps.some((d) => d.startsWith("aws_secretsmanager_secret_version.db_master-credentials_connection"))).toBe(true);
    expect(deps.some((d) => d.startsWith("aws_vpc_security_group_ingress_rule."))).toBe(true);
    const ingress = Object.values(resources(json, "aws_vpc_security_group_ingress_rule")) as Record<string, unknown>[];
    expect(ingress.map((r) => r["description"])).toContain("the master password rotation function");
    const egress = Object.values(resources(json, "aws_vpc_security_group_egress_rule")) as Record<string, unknown>[];
    expect(egress.map((r) => [r["from_port"], r["cidr_ipv4"] ?? "sg"]).sort()).toEqual([
      [443, "0.0.0.0/0"],
      [5432, "sg"],
    ]);
  });

  it("the secret's connection version holds what the rotation function reads (engine, host, port, username, password, dbname)", () => {
    const versions = resources(json, "aws_secretsmanager_secret_version") as Record<string, Record<string, unknown>>;
    const initial = Object.entries(versions).find(([k]) => k.includes("_initial_"))![1];
    expect(String(initial["secret_string_wo"])).toMatch(
      /^\$\{jsonencode\(\{"engine" = "postgres", "username" = "dbadmin", "password" = ephemeral\.[^,]+, "port" = 5432, "dbname" = "platform"\}\)\}$/,
    );
    const connection = Object.entries(versions).find(([k]) => k.includes("_connection_"))![1];
    expect(String(connection["secret_string_wo"])).toContain(`{"host" = aws_db_instance.${key(json, "aws_db_instance", "db_instance")}.address}`);
  });

  it("refuses replicas of an RDS-managed password, credentials on a replica, and a rotation RDS policy would not accept", () => {
    const fails = (props: Partial<DatabaseInstanceProps>) => () => prodDb(props);
    expect(fails({ readReplicas: 1 })).toThrow(
      'readReplicas 1: RDS refuses read replicas of an instance whose master password it manages; use masterCredentials { mode: "rotated-secret" }',
    );
    expect(fails({ replicateSourceDb: "arn:src", masterCredentials: ROTATED })).toThrow(
      "masterCredentials: a replica inherits its source's master credentials",
    );
    expect(fails({ masterCredentials: { ...ROTATED, rotationDays: 120 } })).toThrow("masterCredentials.rotationDays 120 must be a whole number from 1 to 90");
    expect(fails({ masterCredentials: { ...ROTATED, rotationSubnetIds: [] } })).toThrow("masterCredentials.rotationSubnetIds must list the private subnets");
  });
});

describe("mysql", () => {
  it("uses 3306, require_secure_transport and the mysql log exports", () => {
    const json = devDb({ engine: "mysql", engineVersion: "8.0" });
    const db = only(json, "aws_db_instance");
    expect(db).toMatchObject({ engine: "mysql", port: 3306, enabled_cloudwatch_logs_exports: ["error", "general", "slowquery"] });
    const pg = only(json, "aws_db_parameter_group");
    expect(pg.family).toBe("mysql8.0");
    expect(pg.name).toBe("dev-platform-mysql8-0");
    expect(pg.parameter).toContainEqual({ name: "require_secure_transport", value: "1", apply_method: "immediate" });
    expect(only(json, "aws_vpc_security_group_ingress_rule")).toMatchObject({ from_port: 3306, to_port: 3306 });
  });
});

describe("validation", () => {
  const fails = (props: Partial<DatabaseInstanceProps>) => () => devDb(props);
  it.each([
    [{ instanceClass: "db.t3.nano" }, 'instance class "db.t3.nano": db.t3 sizes for postgres are'],
    [{ allocatedStorage: 10 }, "allocatedStorage 10 GB must be a whole number from 20 (postgres gp3) to 65536"],
    [{ maxAllocatedStorage: 20 }, "maxAllocatedStorage 20 GB must be 0 (no autoscaling) or above allocatedStorage (20 GB) and at most 65536"],
    [{ backupRetentionDays: 0 }, "backupRetentionDays 0 must be 1..35"],
    [{ enhancedMonitoringInterval: 2 as 1 }, "enhancedMonitoringInterval 2 must be one of 0, 1, 5, 10, 15, 30, 60"],
    [{ performanceInsights: true }, "performanceInsights: db.t3.micro does not support Performance Insights"],
    [{ logExports: ["slowquery"] }, "logExports slowquery not available for postgres"],
    [{ name: "Prod_DB" }, 'name "Prod_DB" must be lower-case letters'],
    [{ engineVersion: "latest" }, 'engine version "latest" must start with a version number'],
    [{ engineVersion: "16.4" }, 'engine version "16.4" must be the major version only (postgres: "16")'],
    [{ engine: "mysql" as const, engineVersion: "8.0.39" }, 'engine version "8.0.39" must be the major version only (mysql: "8.0")'],
    [
      { backupWindow: { start: "04:00", durationMinutes: 60 }, maintenanceWindow: { day: "sun" as const, start: "04:30", durationMinutes: 60 } },
      "backup window 04:00-05:00 overlaps maintenance window sun:04:30-sun:05:30 (AWS refuses overlapping windows)",
    ],
    [
      { maintenanceWindow: { day: "sun" as const, start: "04:30", durationMinutes: 20 } },
      "maintenance window sun:04:30-sun:04:50 is 20 minutes; the service minimum is 30",
    ],
  ])("rejects %o", (props, message) => {
    expect(fails(props)).toThrow(message);
  });
  it("lists every problem at once", () => {
    expect(fails({ allocatedStorage: 5, backupRetentionDays: 40 })).toThrow(
      /DatabaseInstance dev-platform:\n  - allocatedStorage 5 GB.*\n  - backupRetentionDays 40/,
    );
  });
  it("writes typed windows in the provider's formats on the primary; replicas share the maintenance window", () => {
    const json = prodDb({
      readReplicas: 1,
      masterCredentials: ROTATED,
      backupWindow: { start: "03:00", durationMinutes: 60 },
      maintenanceWindow: { day: "sun", start: "23:30", durationMinutes: 60 },
    });
    const instances = resources(json, "aws_db_instance") as Record<string, Record<string, unknown>>;
    expect(instances[key(json, "aws_db_instance", "db_instance")]).toMatchObject({ backup_window: "03:00-04:00", maintenance_window: "sun:23:30-mon:00:30" });
    expect(instances[key(json, "aws_db_instance", "db_replica-1")]).toMatchObject({ maintenance_window: "sun:23:30-mon:00:30" });
    // No windows given: RDS picks them (and never an overlapping pair).
    expect(only(devDb(), "aws_db_instance")).not.toHaveProperty("maintenance_window");
  });
  it("allowFrom needs a description", () => {
    expect(() => synthJson((s) => new DatabaseInstance(s, "db", dev).allowFrom("sg-x", " "))).toThrow("every ingress rule needs a description");
  });
});
