/**
 * Seed 004's tables, cell by cell, against the synthesized JSON of every env (the platform workload).
 * One row per env, as in the seed; the test reads like the tables it checks.
 */
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, resourcesOfType } from "@infra/workloads";
import { describe, expect, it } from "vitest";
import { ENVS } from "./envs";
import { type R, stackOf, values } from "./platform-stacks";

const TABLE = {
  dev: {
    cidr: "10.10.0.0/16",
    nat: 0,
    flowLogs: false,
    rdsClass: "db.t3.micro",
    storage: 20,
    multiAz: false,
    backups: 7,
    monitoring: 0,
    deletion: false,
    forceSsl: false,
    ecsType: "t3.micro",
    min: 1,
    max: 3,
    insights: "disabled",
    logs: 7,
    criticality: "low",
    dr: "disabled",
    alarmEmail: "platform-dev-alerts@example.com",
  },
  staging: {
    cidr: "10.20.0.0/16",
    nat: 1,
    flowLogs: false,
    rdsClass: "db.t3.small",
    storage: 30,
    multiAz: false,
    backups: 14,
    monitoring: 0,
    deletion: false,
    forceSsl: false,
    ecsType: "t3.small",
    min: 2,
    max: 3,
    insights: "disabled",
    logs: 14,
    criticality: "low",
    dr: "disabled",
    alarmEmail: "platform-staging-alerts@example.com",
  },
  uat: {
    cidr: "10.30.0.0/16",
    nat: 1,
    flowLogs: false,
    rdsClass: "db.t3.small",
    storage: 50,
    multiAz: false,
    backups: 14,
    monitoring: 0,
    deletion: true,
    forceSsl: true,
    ecsType: "t3.medium",
    min: 2,
    max: 3,
    insights: "disabled",
    logs: 30,
    criticality: "medium",
    dr: "disabled",
    alarmEmail: "platform-uat-alerts@example.com",
  },
  prod: {
    cidr: "10.40.0.0/16",
    nat: 3,
    flowLogs: true,
    rdsClass: "db.r6g.large",
    storage: 100,
    multiAz: true,
    backups: 30,
    monitoring: 60,
    deletion: true,
    forceSsl: true,
    ecsType: "m6g.large",
    min: 3,
    max: 10,
    insights: "enabled",
    logs: 30,
    criticality: "high",
    dr: "enabled",
    alarmEmail: "platform-oncall@example.com",
  },
} as const;

describe.each(ENVS.map((e) => [e.name, e] as const))("seed 004 platform in %s", (name, env) => {
  const row = TABLE[name as keyof typeof TABLE];
  const stacks = synthEnvOnce(env);
  const s = (suffix: string) => stackOf(stacks, `${name}-us-east-1-${suffix}`);

  it("VPC table: CIDR, 3 AZs, 3×/24 per tier at +1..3/+11..13/+21..23, NAT, flow logs, IGW, locked default SG", () => {
    const net = s("network-vpc");
    expect(values(net, "aws_vpc")).toEqual([expect.objectContaining({ cidr_block: row.cidr, enable_dns_hostnames: true, enable_dns_support: true })]);
    const base = row.cidr.split(".").slice(0, 2).join(".");
    const expected = [1, 2, 3, 11, 12, 13, 21, 22, 23].map((n) => `${base}.${n}.0/24`).sort();
    expect(
      values(net, "aws_subnet")
        .map((x) => x["cidr_block"])
        .sort(),
    ).toEqual(expected);
    expect(new Set(values(net, "aws_subnet").map((x) => x["availability_zone"]))).toEqual(new Set(["us-east-1a", "us-east-1b", "us-east-1c"]));
    expect(values(net, "aws_nat_gateway")).toHaveLength(row.nat);
    expect(values(net, "aws_flow_log")).toHaveLength(row.flowLogs ? 1 : 0);
    if (row.flowLogs) expect(values(net, "aws_cloudwatch_log_group")[0]).toMatchObject({ retention_in_days: 30 });
    expect(values(net, "aws_internet_gateway")).toHaveLength(1);
    expect(values(net, "aws_default_security_group")).toEqual([expect.objectContaining({ ingress: [], egress: [] })]);
  });

  it("RDS table: class, storage, Multi-AZ, backups, enhanced monitoring, deletion protection; encrypted; force_ssl per data protection", () => {
    const data = s("data-rds");
    const [db] = values(data, "aws_db_instance");
    expect(db).toMatchObject({
      instance_class: row.rdsClass,
      allocated_storage: row.storage,
      storage_type: "gp3",
      multi_az: row.multiAz,
      backup_retention_period: row.backups,
      monitoring_interval: row.monitoring,
      deletion_protection: row.deletion,
      storage_encrypted: true,
      engine: "postgres",
      publicly_accessible: false,
    });
    // prod's database is the source of the eu-west-1 replica: its password is a rotated secret (RDS refuses
    // replicas of a managed password; ADR 0011). Elsewhere RDS manages it. Never a plain password.
    if (name === "prod") {
      expect(db!["manage_master_user_password"]).toBeUndefined();
      expect(String(db!["password_wo"])).toMatch(/ephemeral\.aws_secretsmanager_secret_version\./);
      expect(values(data, "aws_secretsmanager_secret_rotation")).toEqual([expect.objectContaining({ rotation_rules: { automatically_after_days: 30 } })]);
    } else {
      expect(db!["manage_master_user_password"]).toBe(true);
    }
    expect(JSON.stringify(db)).not.toMatch(/"password"/);
    const params = JSON.stringify(values(data, "aws_db_parameter_group"));
    expect(params.includes('"name":"rds.force_ssl","value":"1"')).toBe(row.forceSsl);
    expect(db!["lifecycle"]).toEqual(row.deletion ? { prevent_destroy: true } : undefined);
  });

  it("ECS table and scaling section: instance type, min/max, Container Insights, 70 % target, logs", () => {
    const ecs = s("services-ecs-cluster");
    expect(values(ecs, "aws_launch_template")[0]).toMatchObject({ instance_type: row.ecsType });
    expect(values(ecs, "aws_autoscaling_group")[0]).toMatchObject({ min_size: row.min, max_size: row.max });
    expect(values(ecs, "aws_ecs_cluster")[0]).toMatchObject({ setting: [{ name: "containerInsights", value: row.insights }] });
    expect(JSON.stringify(values(ecs, "aws_ecs_capacity_provider"))).toContain('"target_capacity":70');
    expect(values(ecs, "aws_cloudwatch_log_group")[0]).toMatchObject({ retention_in_days: row.logs });
    // The CloudWatch agent: the seed's /aws/ec2/system log group, installed and started by the user data.
    expect(values(ecs, "aws_cloudwatch_log_group")).toContainEqual(expect.objectContaining({ name: "/aws/ec2/system", retention_in_days: row.logs }));
    const userData = Buffer.from(String(values(ecs, "aws_launch_template")[0]!["user_data"]), "base64").toString("utf8");
    expect(userData).toContain("dnf install -y amazon-cloudwatch-agent");
    expect(userData).toContain('"measurement":["used_percent"]');
  });

  it("IAM: the ECS task role reads and writes only the platform's own buckets, tables and secrets; the data key only through them", () => {
    const ecs = s("services-ecs-cluster");
    const prefix = `${name}-us-east-1-platform`;
    const account = (st: StackJson) => (st.json.provider as { aws: { allowed_account_ids: string[] }[] }).aws[0]!.allowed_account_ids[0]!;
    const docs = Object.entries(ecs.json.data as Record<string, Record<string, { statement: R[] }>>)
      .filter(([type]) => type === "aws_iam_policy_document")
      .flatMap(([, d]) => Object.entries(d))
      .filter(([key]) => key.startsWith("ecs_task-") && !key.startsWith("ecs_task-trust") && !key.startsWith("ecs_task-execution"))
      .map(([, doc]) => doc.statement[0]!);
    const bySid = Object.fromEntries(docs.map((st) => [st["sid"], st]));
    expect(Object.keys(bySid).sort()).toEqual(["AppBucketsList", "AppObjects", "AppSecrets", "AppTables", "DataKeyViaServices"]);
    expect(bySid["AppObjects"]!["resources"]).toEqual([`arn:aws:s3:::${prefix}-*/*`]);
    expect(bySid["AppTables"]!["resources"]).toEqual([
      `arn:aws:dynamodb:us-east-1:${account(ecs)}:table/${prefix}-*`,
      `arn:aws:dynamodb:us-east-1:${account(ecs)}:table/${prefix}-*/index/*`,
    ]);
    expect(bySid["AppSecrets"]!["resources"]).toEqual([`arn:aws:secretsmanager:us-east-1:${account(ecs)}:secret:${prefix}/*`]);
    expect(bySid["DataKeyViaServices"]).toMatchObject({
      actions: ["kms:Decrypt", "kms:GenerateDataKey"],
      resources: [expect.stringMatching(/security-kms/)],
      condition: [
        {
          test: "StringEquals",
          variable: "kms:ViaService",
          values: ["dynamodb.us-east-1.amazonaws.com", "s3.us-east-1.amazonaws.com", "secretsmanager.us-east-1.amazonaws.com"],
        },
      ],
    });
    // No resource wildcard beyond a name prefix, no service wildcard.
    for (const st of docs) {
      expect(
        (st["resources"] as string[]).every((r) => r !== "*"),
        String(st["sid"]),
      ).toBe(true);
      expect(
        (st["actions"] as string[]).every((a) => !a.endsWith(":*")),
        String(st["sid"]),
      ).toBe(true);
    }
    // The database credentials: granted by the data layer on the master secret, to the cluster's task role.
    const data = s("data-rds");
    const [grant] = values(data, "aws_iam_role_policy").filter((p) => p["name"] === "PlatformDatabaseSecret");
    expect(grant!["role"]).toMatch(/services-ecs-cluster.*task/i);
    const secretDoc = JSON.stringify(
      Object.values((data.json.data as Record<string, Record<string, unknown>>)["aws_iam_policy_document"]!).find((d) =>
        JSON.stringify(d).includes("DatabaseSecret"),
      ),
    );
    expect(secretDoc).toContain("secretsmanager:GetSecretValue");
    expect(secretDoc).toMatch(name === "prod" ? /aws_secretsmanager_secret\./ : /aws_db_instance\..*master_user_secret/);
  });

  it("observability: CPU > 80 %, free storage < 10 %, RDS failover, ECS task failures → an encrypted topic; a dashboard", () => {
    const ops = s("ops-monitoring");
    const alarms = values(ops, "aws_cloudwatch_metric_alarm");
    expect(
      alarms
        .filter((a) => a["metric_name"] === "CPUUtilization")
        .map((a) => [a["namespace"], a["threshold"]])
        .sort(),
    ).toEqual([
      ["AWS/EC2", 80],
      ["AWS/RDS", 80],
    ]);
    expect(alarms.find((a) => a["metric_name"] === "FreeStorageSpace")).toMatchObject({ threshold: row.storage * 0.1 * 1024 ** 3 });
    expect(values(ops, "aws_db_event_subscription")[0]).toMatchObject({ event_categories: ["failover"] });
    expect(JSON.stringify(values(ops, "aws_cloudwatch_event_rule"))).toContain("ECS Task State Change");
    // Prod's master secret is ours (rotated-secret, for the DR replica) and our function rotates it: a failed rotation
    // reaches the topic (ADR 0150). Elsewhere RDS manages the password and its rotation.
    const rotationFailed = values(ops, "aws_cloudwatch_event_rule")
      .map((r) => JSON.parse(String(r["event_pattern"])) as { detail: { eventName?: string[]; additionalEventData?: { SecretId: string[] } } })
      .filter((p) => p.detail.eventName?.[0] === "RotationFailed");
    expect(rotationFailed.map((p) => p.detail.additionalEventData!.SecretId)).toEqual(
      name === "prod" ? [[expect.stringMatching(/output-aws_secretsmanager_secret.*master-secret.*arn\}$/)]] : [],
    );
    expect(values(ops, "aws_sns_topic")[0]!["kms_master_key_id"]).toMatch(/aws_kms_key/);
    expect(values(ops, "aws_cloudwatch_dashboard")).toHaveLength(1);
    // Low disk space (< 10 % free) on the ECS hosts: the CloudWatch agent's roll-up over the cluster's ASG.
    expect(alarms.find((a) => a["metric_name"] === "disk_used_percent")).toMatchObject({
      namespace: "CWAgent",
      statistic: "Maximum",
      comparison_operator: "GreaterThanThreshold",
      threshold: 90,
      dimensions: { AutoScalingGroupName: expect.stringMatching(new RegExp(`${name}-us-east-1-services-ecs-cluster`)), path: "/" },
      alarm_actions: [expect.stringMatching(/aws_sns_topic\./)],
    });
    // The env's recipients (env.ts workloads.platform.alarmEmails), subscribed by email to the alert topic.
    const topic = Object.keys(resourcesOfType(ops.json, "aws_sns_topic"))[0]!;
    expect(values(ops, "aws_sns_topic_subscription")).toEqual([
      expect.objectContaining({ topic_arn: `\${aws_sns_topic.${topic}.arn}`, protocol: "email", endpoint: row.alarmEmail }),
    ]);
  });

  it("tagging strategy: Service, Criticality, BackupRequired, DisasterRecovery in the provider's default_tags of every platform stack", () => {
    const platformStacks = stacks.filter(
      (st) => (st.json.provider as { aws: { default_tags: { tags: R }[] }[] }).aws[0]!.default_tags[0]!.tags["Workload"] === "platform",
    );
    expect(platformStacks.length).toBeGreaterThanOrEqual(9);
    const SERVICE: Record<string, string> = {
      "security-kms": "kms",
      "network-vpc": "network",
      "network-vpc-peering": "network",
      "services-ecs-cluster": "ecs",
      "data-rds": "database",
      "ops-monitoring": "monitoring",
      "ops-backup": "backup",
      "dns-zone": "dns",
      "services-ingress": "ingress",
      "services-app": "app",
      "ops-log-shipping": "monitoring",
      "dns-app-record": "dns",
      "security-ci-access": "ci",
    };
    for (const st of platformStacks) {
      const module = st.stackName.replace(/^[a-z]+-[a-z]+-[a-z]+-\d-/, "");
      for (const provider of (st.json.provider as { aws: { default_tags: { tags: R }[] }[] }).aws) {
        expect(provider.default_tags[0]!.tags, st.stackName).toMatchObject({
          Service: SERVICE[module],
          Criticality: row.criticality,
          BackupRequired: String(module === "data-rds" || module === "services-ecs-cluster"),
          DisasterRecovery: row.dr,
          Deployment: module.replace("-", "/"),
        });
      }
    }
    // The instances and volumes the ASG launches are out of default_tags' reach: the cluster tags them itself.
    const ecs = s("services-ecs-cluster");
    expect(values(ecs, "aws_autoscaling_group")[0]!["tag"]).toContainEqual({ key: "Criticality", value: row.criticality, propagate_at_launch: true });
    expect(values(ecs, "aws_launch_template")[0]!["tag_specifications"]).toContainEqual({
      resource_type: "volume",
      tags: expect.objectContaining({ BackupRequired: "true", Service: "ecs" }),
    });
    // Tags are config, never resources: the seed's tags add no resource and no per-resource tag.
    expect(JSON.stringify(s("data-rds").json.resource)).not.toMatch(/"Criticality"/);
  });

  it("every stack: its state object at {env}/{region}/{category}/{module}/terraform.tfstate", () => {
    for (const st of stacks) {
      const backend = (st.json.terraform as { backend: { s3: R } }).backend.s3;
      expect(backend["key"]).toBe(`${name}/${st.deploymentId}/terraform.tfstate`);
    }
  });
});

describe("seed 004 prod DR (eu-west-1)", () => {
  const prod = ENVS.find((e) => e.name === "prod")!;
  const stacks = synthEnvOnce(prod);

  it("eu-west-1 has its own VPC 10.50.0.0/16, ECS cluster and a cross-region replica of the us-east-1 database", () => {
    expect(values(stackOf(stacks, "prod-eu-west-1-network-vpc"), "aws_vpc")[0]).toMatchObject({ cidr_block: "10.50.0.0/16" });
    expect(values(stackOf(stacks, "prod-eu-west-1-services-ecs-cluster"), "aws_ecs_cluster")).toHaveLength(1);
    const [replica] = values(stackOf(stacks, "prod-eu-west-1-data-rds"), "aws_db_instance");
    expect(replica!["replicate_source_db"]).toMatch(/cross-stack-reference-input-prod-us-east-1-data-rds\.outputs\..*arn/);
    expect(replica!["kms_key_id"]).toMatch(/prod-eu-west-1-security-kms/);
  });

  it("the two prod VPCs are peered, with routes both ways", () => {
    const peering = stackOf(stacks, "prod-us-east-1-network-vpc-peering");
    expect(values(peering, "aws_vpc_peering_connection")[0]).toMatchObject({ peer_region: "eu-west-1", peer_owner_id: "444444444444" });
    expect(values(peering, "aws_vpc_peering_connection_accepter")[0]).toMatchObject({ auto_accept: true, provider: "aws.eu_west_1" });
    const routes = values(peering, "aws_route");
    const toDr = routes.filter((r) => r["destination_cidr_block"] === "10.50.0.0/16");
    const toPrimary = routes.filter((r) => r["destination_cidr_block"] === "10.40.0.0/16");
    // private route tables (one per AZ with per-AZ NAT) + the database table, on each side
    expect(toDr).toHaveLength(4);
    expect(toPrimary).toHaveLength(4);
    expect(toPrimary.every((r) => r["provider"] === "aws.eu_west_1")).toBe(true);
  });

  it("Route 53 failover: PRIMARY (health-checked) in us-east-1, SECONDARY in eu-west-1", () => {
    const dns = stackOf(stacks, "prod-us-east-1-dns-app-record");
    const records = values(dns, "aws_route53_record");
    const primary = records.find((r) => (r["failover_routing_policy"] as R)["type"] === "PRIMARY")!;
    const secondary = records.find((r) => (r["failover_routing_policy"] as R)["type"] === "SECONDARY")!;
    expect(primary["health_check_id"]).toMatch(/aws_route53_health_check/);
    expect(JSON.stringify(primary["alias"])).toContain("prod-us-east-1-services-ingress");
    expect(JSON.stringify(secondary["alias"])).toContain("prod-eu-west-1-services-ingress");
    // A real endpoint: the service's /health through the primary ALB's own hostname (the listener rule forwards every path).
    expect(values(dns, "aws_route53_health_check")[0]).toMatchObject({
      type: "HTTPS",
      resource_path: "/health",
      port: 443,
      failure_threshold: 3,
      request_interval: 30,
    });
    expect(values(dns, "aws_route53_health_check")[0]!["fqdn"]).toMatch(/prod-us-east-1-services-ingress\.outputs\.cross-stack-output-aws_lbalb_.*dns_name/);
  });
});
