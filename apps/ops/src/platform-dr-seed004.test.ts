/**
 * Seed 004's disaster-recovery section against the synthesized JSON of every env (platform workload):
 * the EBS snapshot table ("Hourly (prod), Daily (uat), Weekly (dev/staging)"), the retention per env,
 * and prod's cross-region parts in eu-west-1 (copied recovery points, the replicated database secret).
 * The rest of seed 004's tables: platform-seed004.test.ts.
 */
import { WORKLOADS } from "@envs/envcommon";
import { root } from "@envs/root";
import { resolveEnv } from "@infra/config";
import { platformFailoverPlan } from "@infra/platform";
import { failoverScriptPath } from "@infra/rds";
import { synthEnvOnce } from "@infra/testing";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ENVS } from "./envs";
import { type R, stackOf, values } from "./platform-stacks";
import { FAILOVER_SCRIPTS } from "./failover";

// Seed 004 "EBS Snapshots" frequency; retention = the env's backup retention (seed 004 "RDS Automated Backups").
const EBS = {
  dev: { schedule: "cron(0 5 ? * SUN *)", rule: "ebs-weekly", retention: 7, protected: false },
  staging: { schedule: "cron(0 5 ? * SUN *)", rule: "ebs-weekly", retention: 14, protected: false },
  uat: { schedule: "cron(0 5 ? * * *)", rule: "ebs-daily", retention: 14, protected: true },
  prod: { schedule: "cron(0 * ? * * *)", rule: "ebs-hourly", retention: 30, protected: true },
} as const;

describe.each(ENVS.map((e) => [e.name, e] as const))("seed 004 EBS snapshots in %s", (name, env) => {
  const row = EBS[name as keyof typeof EBS];
  const stacks = synthEnvOnce(env);
  const backup = stackOf(stacks, `${name}-us-east-1-ops-backup`);

  it("plan: the seed's frequency, the env's retention, into a vault encrypted with the platform's data key", () => {
    const [plan] = values(backup, "aws_backup_plan");
    const [rule] = plan!["rule"] as R[];
    expect(rule).toMatchObject({
      rule_name: row.rule,
      schedule: row.schedule,
      schedule_expression_timezone: "Etc/UTC",
      lifecycle: { delete_after: row.retention },
    });
    const [vault] = values(backup, "aws_backup_vault");
    expect(vault).toMatchObject({ name: `${name}-us-east-1-platform-ebs`, force_destroy: !row.protected, lifecycle: { prevent_destroy: row.protected } });
    expect(vault!["kms_key_arn"]).toMatch(new RegExp(`cross-stack-reference-input-${name}-us-east-1-security-kms\\.outputs\\..*data`));
    // Only prod copies to another region.
    expect(rule!["copy_action"]).toEqual(name === "prod" ? [expect.anything()] : []);
  });

  it("selection: the platform's EBS volumes tagged BackupRequired = true (the ECS hosts' root volumes, tagged by their launch template)", () => {
    const [selection] = values(backup, "aws_backup_selection");
    expect(selection).toMatchObject({
      resources: ["arn:aws:ec2:*:*:volume/*"],
      condition: [
        {
          string_equals: [
            { key: "aws:ResourceTag/Workload", value: "platform" },
            { key: "aws:ResourceTag/BackupRequired", value: "true" },
          ],
        },
      ],
    });
    expect(selection!["iam_role_arn"]).toMatch(/aws_iam_role\./);
    const launch = values(stackOf(stacks, `${name}-us-east-1-services-ecs-cluster`), "aws_launch_template")[0]!;
    const volumeTags = (launch["tag_specifications"] as R[]).find((t) => t["resource_type"] === "volume")!["tags"] as R;
    expect(volumeTags).toMatchObject({ Workload: "platform", BackupRequired: "true" });
  });
});

describe("seed 004 prod DR copies in eu-west-1", () => {
  const prod = ENVS.find((e) => e.name === "prod")!;
  const stacks = synthEnvOnce(prod);

  it("EBS: every hourly recovery point is copied to the eu-west-1 vault (its stack, applied first), kept 7 days there", () => {
    const [plan] = values(stackOf(stacks, "prod-us-east-1-ops-backup"), "aws_backup_plan");
    const [rule] = plan!["rule"] as R[];
    const [copy] = rule!["copy_action"] as R[];
    expect(copy!["lifecycle"]).toEqual({ delete_after: 7 });
    expect(copy!["destination_vault_arn"]).toMatch(/cross-stack-reference-input-prod-eu-west-1-ops-backup\.outputs\..*arn/);
    const dr = stackOf(stacks, "prod-eu-west-1-ops-backup");
    expect(values(dr, "aws_backup_vault")[0]).toMatchObject({ name: "prod-eu-west-1-platform-ebs", lifecycle: { prevent_destroy: true } });
    expect(values(dr, "aws_backup_vault")[0]!["kms_key_arn"]).toMatch(/prod-eu-west-1-security-kms/);
    // The DR region snapshots its own (pilot-light) hosts hourly too, without copying anywhere.
    const [drRule] = values(dr, "aws_backup_plan")[0]!["rule"] as R[];
    expect(drRule).toMatchObject({ schedule: "cron(0 * ? * * *)", lifecycle: { delete_after: 30 }, copy_action: [] });
  });

  it("secrets: the rotated master secret is replicated to eu-west-1 with the DR data key; the DR tasks may read the replica", () => {
    const data = stackOf(stacks, "prod-us-east-1-data-rds");
    const [secret] = values(data, "aws_secretsmanager_secret");
    expect(secret).toMatchObject({ name: "prod-us-east-1-platform/master-credentials" });
    const [replica] = secret!["replica"] as R[];
    expect(replica!["region"]).toBe("eu-west-1");
    expect(replica!["kms_key_id"]).toMatch(/cross-stack-reference-input-prod-eu-west-1-security-kms\.outputs\..*data/);
    const [policy] = values(stackOf(stacks, "prod-eu-west-1-data-rds"), "aws_iam_role_policy");
    expect(policy).toMatchObject({ name: "PlatformDatabaseSecret" });
    const docs = stackOf(stacks, "prod-eu-west-1-data-rds").json.data?.["aws_iam_policy_document"] ?? {};
    expect(JSON.stringify(docs)).toMatch(/replace\(.*prod-us-east-1-data-rds.*:us-east-1:.*:eu-west-1:/);
  });
});

describe("platform DR failover script (docs/runbooks/platform-failover-prod.sh)", () => {
  const prod = ENVS.find((e) => e.name === "prod")!;
  const resolved = resolveEnv(root, prod, WORKLOADS);
  const plan = platformFailoverPlan(resolved);
  const script = FAILOVER_SCRIPTS["platform"]!(resolved);
  const stacks = synthEnvOnce(prod);

  it("reads the replica, the replicated secret, the DR hosts, the DR vault and the failover name from prod's config", () => {
    expect(plan).toEqual({
      env: "prod",
      accountId: "444444444444",
      primaryRegion: "us-east-1",
      drRegion: "eu-west-1",
      replicaId: "prod-eu-west-1-platform",
      backupRetentionDays: 30,
      makeMultiAz: false,
      secretName: "prod-us-east-1-platform/master-credentials",
      autoScalingGroup: "prod-eu-west-1-platform-ecs",
      minInstances: 3,
      maxInstances: 10,
      drVault: "prod-eu-west-1-platform-ebs",
      zoneName: "acme-platform.com",
      appName: "app.acme-platform.com",
    });
  });

  it("names only what the synthesized stacks create", () => {
    const named = (stack: string, type: string, field: string) => values(stackOf(stacks, stack), type).map((r) => r[field]);
    expect(named("prod-eu-west-1-data-rds", "aws_db_instance", "identifier")).toEqual([plan.replicaId]);
    expect(named("prod-us-east-1-data-rds", "aws_secretsmanager_secret", "name")).toEqual([plan.secretName]);
    expect(named("prod-eu-west-1-services-ecs-cluster", "aws_autoscaling_group", "name")).toEqual([plan.autoScalingGroup]);
    expect(named("prod-eu-west-1-ops-backup", "aws_backup_vault", "name")).toEqual([plan.drVault]);
    expect(named("prod-us-east-1-dns-zone", "aws_route53_zone", "name")).toEqual([plan.zoneName]);
    expect(named("prod-us-east-1-dns-app-record", "aws_route53_record", "name")).toContain(plan.appName);
  });

  it("promotes the replica, makes the secret standalone with the new writer, scales the DR hosts, then checks EBS copies and DNS", () => {
    const commands = script.split("\n").filter((l) => /^(aws |if \[.*then aws )/.test(l));
    expect(commands.map((c) => c.replace(/^.*?(aws [a-z0-9-]+ [a-z-]+).*$/, "$1"))).toEqual([
      "aws rds describe-db-instances",
      "aws rds promote-read-replica",
      "aws rds wait",
      "aws secretsmanager stop-replication-to-replica",
      "aws secretsmanager put-secret-value",
      "aws autoscaling update-auto-scaling-group",
      "aws backup list-recovery-points-by-backup-vault",
      "aws route53 test-dns-answer",
    ]);
    expect(script).toContain("aws rds promote-read-replica --region eu-west-1 --db-instance-identifier prod-eu-west-1-platform --backup-retention-period 30");
    expect(script).toContain("aws secretsmanager stop-replication-to-replica --region eu-west-1 --secret-id prod-us-east-1-platform/master-credentials");
    expect(script).toContain(
      "aws autoscaling update-auto-scaling-group --region eu-west-1 --auto-scaling-group-name prod-eu-west-1-platform-ecs --min-size 3 --max-size 10",
    );
    expect(script).toContain('if [ "$ACCOUNT" != "444444444444" ]');
  });

  it("the committed runbook script is what the failover CLI prints", () => {
    expect(failoverScriptPath("platform", "prod")).toBe("docs/runbooks/platform-failover-prod.sh");
    expect(readFileSync(resolve(__dirname, "../../..", failoverScriptPath("platform", "prod")), "utf8")).toBe(script);
  });

  it("refuses an env without a DR replica, and a primary whose secret is not replicated to the DR region", () => {
    expect(() =>
      platformFailoverPlan(
        resolveEnv(
          root,
          ENVS.find((e) => e.name === "dev")!,
          WORKLOADS,
        ),
      ),
    ).toThrow("dev has no DR region for the platform: no data/rds deployment with replicaOfPrimary: true");
    const unreplicated = {
      ...resolved,
      deployments: resolved.deployments.map((d) =>
        d.workload === "platform" && d.region.name === "us-east-1" && d.module === "rds"
          ? { ...d, inputs: { ...(d.inputs as object), masterCredentials: { mode: "rotated-secret", rotationDays: 30 } } }
          : d,
      ),
    };
    expect(() => platformFailoverPlan(unreplicated)).toThrow(
      'prod: the primary database\'s secret is not replicated to eu-west-1: set masterCredentials { mode: "rotated-secret", replicaRegions: ["eu-west-1"] } on us-east-1/data/rds',
    );
  });
});
