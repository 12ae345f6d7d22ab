import { WORKLOADS } from "@envs/envcommon";
import { env as prodEnv } from "@envs/prod";
import { root } from "@envs/root";
import { atlasFailoverPlan } from "@infra/atlas";
import { SERVICES } from "@infra/atlas-inputs";
import { resolveEnv } from "@infra/config";
import { failoverScriptPath } from "@infra/rds";
import { synthEnvOnce } from "@infra/testing";
import { type StackJson, resourcesOfType } from "@infra/workloads";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { FAILOVER_ENVS, FAILOVER_SCRIPTS, failoverScriptOf } from "../failover";
import { withAtlasPhase } from "../preflight-variants";
import { atlasOnly } from "./atlas-variant";

// ADR 0106: AccountabilityAtlas's DR activation (docs/runbooks/atlas-failover-prod.sh), generated from prod's
// config at phase 4 through the shared failover helpers (apps/ops/src/failover.ts --workload atlas).
const resolved = resolveEnv(root, withAtlasPhase(prodEnv, 4), WORKLOADS);
const plan = atlasFailoverPlan(resolved);
const script = failoverScriptOf("atlas", prodEnv);
const stacks = synthEnvOnce(atlasOnly(prodEnv, 4));
const named = (stack: string, type: string, field: string) =>
  Object.values(resourcesOfType((stacks.find((s) => s.stackName === stack) as StackJson).json, type)).map((r) => (r as Record<string, unknown>)[field]);

describe("AccountabilityAtlas DR activation script (docs/runbooks/atlas-failover-prod.sh)", () => {
  it("reads the seed's objectives, the database to restore and where, the secret, the services and the failover name from prod's config", () => {
    expect(plan).toEqual({
      env: "prod",
      accountId: "444444444444",
      primaryRegion: "us-east-1",
      drRegion: "us-west-2",
      // Seed "Region failure | 4 hours | 1 hour"; "RDS | Cross-region snapshot | Daily | 7 days | us-west-2".
      rtoHours: 4,
      rpoHours: 1,
      replicatedBackupDays: 7,
      sourceDbId: "acct-atlas-prod",
      restoredDbId: "acct-atlas-prod-dr",
      instanceClass: "db.r6g.large",
      multiAz: true,
      backupRetentionDays: 30,
      dbSubnetGroup: "prod-us-west-2-atlas-db",
      dbSecurityGroup: "acct-atlas-prod-dr-database",
      secretName: "acct-atlas-prod/master-credentials",
      appSecretName: "accountabilityatlas/prod/database-app",
      cluster: "acct-atlas-prod",
      services: [
        { name: "acct-atlas-api-gateway", desiredCount: 3, minCapacity: 2, maxCapacity: 10 },
        { name: "acct-atlas-user-service", desiredCount: 3, minCapacity: 2, maxCapacity: 10 },
        { name: "acct-atlas-video-service", desiredCount: 3, minCapacity: 2, maxCapacity: 10 },
        { name: "acct-atlas-location-service", desiredCount: 3, minCapacity: 2, maxCapacity: 10 },
        { name: "acct-atlas-search-service", desiredCount: 3, minCapacity: 2, maxCapacity: 10 },
        { name: "acct-atlas-moderation-service", desiredCount: 2, minCapacity: 1, maxCapacity: 5 },
        { name: "acct-atlas-notification-service", desiredCount: 2, minCapacity: 1, maxCapacity: 5 },
        { name: "acct-atlas-web-app", desiredCount: 2, minCapacity: 2, maxCapacity: 5 },
      ],
      repositories: SERVICES.map((s) => s.repository),
      imageTag: "1.0.0",
      zoneName: "accountabilityatlas.com",
      apiName: "api.accountabilityatlas.com",
    });
  });

  it("names only what the synthesized stacks create (and the backup replication the restore reads)", () => {
    expect(named("prod-us-east-1-atlas-data-rds", "aws_db_instance_automated_backups_replication", "retention_period")).toEqual([plan.replicatedBackupDays]);
    expect(named("prod-us-east-1-atlas-data-rds", "aws_db_instance", "identifier")).toContain(plan.sourceDbId);
    expect((named("prod-us-east-1-atlas-data-rds", "aws_secretsmanager_secret", "name") as string[]).sort()).toEqual(
      [plan.appSecretName, plan.secretName].sort(),
    );
    expect(named("prod-us-west-2-atlas-network-vpc", "aws_db_subnet_group", "name")).toEqual([plan.dbSubnetGroup]);
    expect(named("prod-us-west-2-atlas-services-ecs", "aws_security_group", "name")).toContain(plan.dbSecurityGroup);
    expect(named("prod-us-west-2-atlas-services-ecs", "aws_ecs_cluster", "name")).toEqual([plan.cluster]);
    expect((named("prod-us-west-2-atlas-services-ecs", "aws_ecs_service", "name") as string[]).sort()).toEqual(plan.services.map((s) => s.name).sort());
    expect((named("prod-us-west-2-atlas-services-ecr", "aws_ecr_repository", "name") as string[]).sort()).toEqual([...plan.repositories].sort());
    expect(named("prod-us-east-1-atlas-dns-records", "aws_route53_record", "name")).toContain(plan.apiName);
  });

  it("only the DR region and Route 53, no Terraform: checks images, restores into the DR VPC, promotes the secret, starts the services, checks DNS", () => {
    const commands = script.split("\n").filter((l) => /^\s*(aws |if .*then aws |[A-Z_]+=\$\(aws )/.test(l));
    expect(commands.every((c) => !c.includes("us-east-1"))).toBe(true);
    expect(script).not.toMatch(/terraform|cli\.ts (plan|deploy)/);
    const verbs = [...new Set(commands.map((c) => c.replace(/^.*?aws ([a-z0-9-]+ [a-z-]+).*$/, "$1")))];
    expect(verbs).toEqual([
      "sts get-caller-identity",
      "ecs describe-clusters",
      "ecr describe-images",
      "rds describe-db-instance-automated-backups",
      "ec2 describe-security-groups",
      "rds restore-db-instance-to-point-in-time",
      "rds wait",
      "secretsmanager describe-secret",
      "secretsmanager stop-replication-to-replica",
      "rds describe-db-instances",
      "secretsmanager get-secret-value",
      "secretsmanager put-secret-value",
      "rds modify-db-instance",
      "secretsmanager list-secret-version-ids",
      "application-autoscaling register-scalable-target",
      "ecs update-service",
      "ecs wait",
      "route53 list-hosted-zones-by-name",
      "route53 test-dns-answer",
    ]);
    expect(script).toContain(
      '--target-db-instance-identifier acct-atlas-prod-dr --db-instance-class db.r6g.large --multi-az --db-subnet-group-name prod-us-west-2-atlas-db --vpc-security-group-ids "$SG"',
    );
    expect(script).toContain('if [ "$AGE" -gt 3600 ]; then echo "WARNING: the latest restorable time is older than the 1 h RPO"');
    expect(script).toContain("min of the 4 h RTO");
    expect(script).toContain("--resource-id service/acct-atlas-prod/acct-atlas-api-gateway --min-capacity 2 --max-capacity 10");
    expect(script).toContain("--service acct-atlas-api-gateway --desired-count 3");
    // The password never appears on a command line: it goes through a file only the user can read.
    expect(script).toContain('--cli-input-json "file://$REQUEST"');
    expect(script).not.toMatch(/--master-user-password/);
    // ADR 0145: the services' login secret gets the restored host and a login the restored database knows.
    expect(script).toContain("--secret-id accountabilityatlas/prod/database-app --query 'PrimaryRegion'");
    expect(script).toContain(
      `if [ "$(date -d "$CURRENT_SINCE" +%s)" -gt "$(date -d "$LATEST" +%s)" ]; then LOGIN=$(aws secretsmanager get-secret-value --region us-west-2 --secret-id accountabilityatlas/prod/database-app --version-stage AWSPREVIOUS`,
    );
    // Before any task starts: the tasks read the secret once, at start.
    const put = script.indexOf("put-secret-value --region us-west-2 --secret-id accountabilityatlas/prod/database-app");
    expect(put).toBeGreaterThan(script.indexOf("aws rds modify-db-instance"));
    expect(put).toBeLessThan(script.indexOf("aws ecs update-service"));
  });

  it("the committed runbook script is what the failover CLI prints (generated from prod at phase 4)", () => {
    expect(failoverScriptPath("atlas", "prod")).toBe("docs/runbooks/atlas-failover-prod.sh");
    expect(readFileSync(resolve(__dirname, "../../../..", failoverScriptPath("atlas", "prod")), "utf8")).toBe(script);
    expect(script).toBe(FAILOVER_SCRIPTS["atlas"]!(resolveEnv(root, FAILOVER_ENVS["atlas"]!(prodEnv), WORKLOADS)));
  });

  it("refuses an env without the DR copy, and a primary whose secret or backups do not reach the DR region", () => {
    expect(() => atlasFailoverPlan(resolveEnv(root, prodEnv, WORKLOADS))).toThrow(
      "prod has no AccountabilityAtlas DR copy: it exists from phase 4 in prod only (ADR 0106); prod runs phase 1",
    );
    const withRds = (patch: object) => ({
      ...resolved,
      deployments: resolved.deployments.map((d) =>
        d.workload === "atlas" && d.region.name === "us-east-1" && d.module === "rds" ? { ...d, inputs: { ...(d.inputs as object), ...patch } } : d,
      ),
    });
    expect(() => atlasFailoverPlan(withRds({ masterCredentials: { mode: "rotated-secret", rotationDays: 30 } }))).toThrow(
      "prod: the primary database's secret is not replicated to us-west-2",
    );
    expect(() => atlasFailoverPlan(withRds({ backupReplication: undefined }))).toThrow(
      "prod: us-east-1/atlas-data/rds replicates no automated backups to us-west-2: there is nothing to restore",
    );
  });
});
