import type { ResolvedEnv } from "@infra/config";
import type { VpcInputs } from "@infra/platform-inputs";
import { detachSecretReplica, dnsAnswerCheck, failoverHeader } from "@infra/rds";
import type { AtlasEcrInputs, AtlasEcsInputs, AtlasRdsInputs, AtlasRecordsInputs } from "./inputs/modules";
import { type AtlasConfig, phaseFeatures } from "./inputs";

/** One ECS service of the DR copy and the size the failover gives it (the primary's). */
export interface AtlasFailoverService {
  readonly name: string;
  readonly desiredCount: number;
  readonly minCapacity: number;
  readonly maxCapacity: number;
}

/**
 * Everything AccountabilityAtlas's DR activation (ADR 0106) needs, read from the env's resolved config
 * at phase 4 (no AWS calls): the database to restore from its replicated automated backups and where
 * (the DR VPC's subnet group, the DR ECS stack's database security group, the DR data key), the master
 * secret's replica the services read, the services to start, and the name Route 53 fails over.
 */
export interface AtlasFailoverPlan {
  readonly env: string;
  readonly accountId: string;
  readonly primaryRegion: string;
  readonly drRegion: string;
  /** Seed "Region failure": recovery time and point objectives. */
  readonly rtoHours: number;
  readonly rpoHours: number;
  /** The primary instance, whose automated backups are replicated to the DR region. */
  readonly sourceDbId: string;
  /** The instance the failover restores (outside Terraform until the primary returns). */
  readonly restoredDbId: string;
  readonly instanceClass: string;
  readonly multiAz: boolean;
  readonly backupRetentionDays: number;
  /** Days the DR region keeps the replicated backups (seed: 7-day copies). */
  readonly replicatedBackupDays: number;
  readonly dbSubnetGroup: string;
  readonly dbSecurityGroup: string;
  /** The primary's rotated master secret; its DR replica becomes standalone and gets the restored host. */
  readonly secretName: string;
  /**
   * The services' login secret (ADR 0145); its DR replica becomes standalone with the restored host and
   * a login the restored database knows. Undefined when the services log in as the master user.
   */
  readonly appSecretName?: string;
  readonly cluster: string;
  readonly services: readonly AtlasFailoverService[];
  /** Images the DR services run: each must have been replicated before the failure. */
  readonly repositories: readonly string[];
  readonly imageTag: string;
  readonly zoneName: string;
  readonly apiName: string;
}

/** The AccountabilityAtlas failover plan of an env at phase 4, or an error naming what its config lacks. */
export function atlasFailoverPlan(env: ResolvedEnv): AtlasFailoverPlan {
  const config = env.workloads["atlas"] as AtlasConfig | undefined;
  const f = config ? phaseFeatures(config.phase, env.name, config.drRegion) : undefined;
  if (!config || !f?.dr) {
    throw new Error(
      `${env.name} has no AccountabilityAtlas DR copy: it exists from phase 4 in prod only (ADR 0106); ${env.name} runs ${config ? `phase ${config.phase}` : "no atlas"}`,
    );
  }
  const mine = env.deployments.filter((d) => d.workload === "atlas");
  const primaryRegion = env.regions.find((r) => r.role === "primary")!.name;
  const drRegion = f.dr.region;
  const find = <I>(region: string, category: string, module: string): I => {
    const d = mine.find((x) => x.region.name === region && x.category === category && x.module === module);
    if (!d) throw new Error(`${env.name}: AccountabilityAtlas's DR activation needs ${region}/${category}/${module}, which the env does not deploy`);
    return d.inputs as I;
  };
  const db = find<AtlasRdsInputs>(primaryRegion, "atlas-data", "rds");
  const primaryEcs = find<AtlasEcsInputs>(primaryRegion, "atlas-services", "ecs");
  const drEcs = find<AtlasEcsInputs>(drRegion, "atlas-services", "ecs");
  const drVpc = find<VpcInputs>(drRegion, "atlas-network", "vpc");
  const drEcr = find<AtlasEcrInputs>(drRegion, "atlas-services", "ecr");
  const records = find<AtlasRecordsInputs>(primaryRegion, "atlas-dns", "records");
  if (!drEcs.dr) throw new Error(`${env.name}: ${drRegion}/atlas-services/ecs is not a DR copy (inputs.dr unset)`);
  if (db.masterCredentials.mode !== "rotated-secret" || !(db.masterCredentials.replicaRegions ?? []).includes(drRegion)) {
    throw new Error(
      `${env.name}: the primary database's secret is not replicated to ${drRegion}: the restored database's clients could not log in (set masterCredentials.replicaRegions on ${primaryRegion}/atlas-data/rds)`,
    );
  }
  if (!db.backupReplication || db.backupReplication.region !== drRegion) {
    throw new Error(`${env.name}: ${primaryRegion}/atlas-data/rds replicates no automated backups to ${drRegion}: there is nothing to restore`);
  }
  return {
    env: env.name,
    accountId: env.accountId,
    primaryRegion,
    drRegion,
    rtoHours: f.dr.rtoHours,
    rpoHours: f.dr.rpoHours,
    sourceDbId: db.name,
    restoredDbId: `${db.name}-dr`,
    instanceClass: db.instanceClass,
    multiAz: db.multiAz,
    backupRetentionDays: db.backupRetentionDays,
    replicatedBackupDays: db.backupReplication.retentionDays,
    // The Vpc construct names its DB subnet group "<name>-db".
    dbSubnetGroup: `${drVpc.name}-db`,
    dbSecurityGroup: drEcs.dr.databaseSecurityGroupName,
    // DatabaseInstance names a rotated secret "<db>/master-credentials" (libs/rds masterCredentialsOf).
    secretName: `${db.name}/master-credentials`,
    ...(db.appLogins ? { appSecretName: db.appLogins.secretName } : {}),
    cluster: drEcs.cluster,
    services: primaryEcs.services.map((s) => {
      const drService = drEcs.services.find((d) => d.name === s.name);
      return {
        name: `${drEcs.servicePrefix}-${s.name}`,
        desiredCount: s.desiredCount,
        minCapacity: s.autoScaling?.min ?? s.desiredCount,
        maxCapacity: drService?.autoScaling?.max ?? s.autoScaling?.max ?? s.desiredCount,
      };
    }),
    repositories: [...drEcr.repositories],
    imageTag: drEcs.imageTag,
    zoneName: records.zone,
    apiName: `api.${records.zone}`,
  };
}

/**
 * AccountabilityAtlas's DR activation as a bash script of AWS CLI calls (and jq) that touch only the DR
 * region and the global Route 53: no Terraform (every stack's state is in us-east-1, the failed region).
 * Checks the replicated images, restores the database from the replicated automated backups into the
 * DR VPC at the latest restorable time (reporting its age against the RPO), makes the master secret's
 * replica standalone with the restored host and sets the instance's password to it, starts the
 * services at the primary's size, and checks that Route 53 answers with the DR load balancer.
 * Idempotent: a re-run after a partial failure continues where it stopped.
 */
/**
 * The services' login secret (ADR 0145) in the DR region: standalone, with the restored host, and a login
 * the restored database knows. The database holds the logins as they were at the restore point. The
 * login that was AWSPREVIOUS kept its password from the rotation before the last one until the next one,
 * so it is valid at any restore point within a rotation period; AWSCURRENT is, only if the rotation that
 * made it current happened before the restore point. A re-run finds the host already written and stops.
 */
function appLoginSteps(plan: AtlasFailoverPlan, name: string): string[] {
  const dr = `--region ${plan.drRegion}`;
  const secret = `--secret-id ${name}`;
  return [
    `# 4b. The services' login secret (ADR 0145): its replica becomes standalone with the restored host; if it rotated after the restore point, the previous login (unchanged for a whole period) is the one the restored database knows.`,
    ...detachSecretReplica(plan.drRegion, name, "APP_PRIMARY"),
    `LOGIN=$(aws secretsmanager get-secret-value ${dr} ${secret} --query SecretString --output text)`,
    `if [ "$(jq -r .host <<<"$LOGIN")" != "$WRITER" ]; then`,
    `  CURRENT_SINCE=$(aws secretsmanager list-secret-version-ids ${dr} ${secret} --query "Versions[?contains(VersionStages, 'AWSCURRENT')].CreatedDate | [0]" --output text)`,
    `  if [ "$(date -d "$CURRENT_SINCE" +%s)" -gt "$(date -d "$LATEST" +%s)" ]; then LOGIN=$(aws secretsmanager get-secret-value ${dr} ${secret} --version-stage AWSPREVIOUS --query SecretString --output text); fi`,
    `  aws secretsmanager put-secret-value ${dr} ${secret} --secret-string "$(jq -c --arg host "$WRITER" '.host = $host' <<<"$LOGIN")" --query VersionId --output text`,
    "fi",
    "",
  ];
}

export function atlasFailoverScript(plan: AtlasFailoverPlan): string {
  const dr = `--region ${plan.drRegion}`;
  const secret = `--secret-id ${plan.secretName}`;
  const db = `--db-instance-identifier ${plan.restoredDbId}`;
  return [
    ...failoverHeader({
      title: "AccountabilityAtlas (seed 001)",
      workload: "atlas",
      generator: "libs/workloads/atlas/src/failover.ts",
      env: plan.env,
      accountId: plan.accountId,
      primaryRegion: plan.primaryRegion,
      drRegion: plan.drRegion,
      runbook: "docs/runbooks/atlas-dr.md",
    }),
    "command -v jq >/dev/null || { echo 'jq is required' >&2; exit 1; }",
    "START=$(date +%s)",
    "",
    `# 1. The DR copy (phase 4, ADR 0106) stands, and every image the services run was replicated to ${plan.drRegion}.`,
    `STATUS=$(aws ecs describe-clusters ${dr} --clusters ${plan.cluster} --query 'clusters[0].status' --output text)`,
    `if [ "$STATUS" != "ACTIVE" ]; then echo "no ECS cluster ${plan.cluster} in ${plan.drRegion} ($STATUS): the DR copy exists from phase 4 only" >&2; exit 1; fi`,
    ...plan.repositories.map(
      (r) =>
        `aws ecr describe-images ${dr} --repository-name ${r} --image-ids imageTag=${plan.imageTag} --query 'imageDetails[0].imagePushedAt' --output text >/dev/null || { echo "${r}:${plan.imageTag} is not in ${plan.drRegion}: set imageTag to a replicated tag" >&2; exit 1; }`,
    ),
    "",
    `# 2. The restore point (RPO ${plan.rpoHours} h): the latest restorable time of ${plan.sourceDbId}'s backups replicated to ${plan.drRegion} (kept ${plan.replicatedBackupDays} days).`,
    // Listed and filtered by the source's identifier: the DBInstanceIdentifier parameter must name an instance of
    // the region it is asked in, and the source instance is in the failed one.
    `BACKUP=$(aws rds describe-db-instance-automated-backups ${dr} --query "DBInstanceAutomatedBackups[?DBInstanceIdentifier=='${plan.sourceDbId}'] | [0].DBInstanceAutomatedBackupsArn" --output text)`,
    `LATEST=$(aws rds describe-db-instance-automated-backups ${dr} --query "DBInstanceAutomatedBackups[?DBInstanceIdentifier=='${plan.sourceDbId}'] | [0].RestoreWindow.LatestTime" --output text)`,
    `if [ "$BACKUP" = "None" ] || [ -z "$BACKUP" ]; then echo "no automated backups of ${plan.sourceDbId} replicated to ${plan.drRegion}: nothing to restore" >&2; exit 1; fi`,
    `AGE=$(( $(date +%s) - $(date -d "$LATEST" +%s) ))`,
    `echo "restoring to $LATEST ($(( AGE / 60 )) min ago)"`,
    `if [ "$AGE" -gt ${plan.rpoHours * 3600} ]; then echo "WARNING: the latest restorable time is older than the ${plan.rpoHours} h RPO" >&2; fi`,
    `if [ "\${FAILOVER_CONFIRM:-}" != "yes" ]; then read -r -p "Restore ${plan.restoredDbId} in ${plan.drRegion} and serve from it? Type yes: " answer; [ "$answer" = "yes" ] || exit 1; fi`,
    "",
    `# 3. Restore into the DR VPC (skipped if ${plan.restoredDbId} exists): its DB subnet group, the DR services' database security group; encrypted with the key of the replicated backups (the DR data key).`,
    `SG=$(aws ec2 describe-security-groups ${dr} --filters Name=group-name,Values=${plan.dbSecurityGroup} --query 'SecurityGroups[0].GroupId' --output text)`,
    `if ! aws rds describe-db-instances ${dr} ${db} >/dev/null 2>&1; then`,
    `  aws rds restore-db-instance-to-point-in-time ${dr} --source-db-instance-automated-backups-arn "$BACKUP" --use-latest-restorable-time --target-db-instance-identifier ${plan.restoredDbId} --db-instance-class ${plan.instanceClass} ${plan.multiAz ? "--multi-az" : "--no-multi-az"} --db-subnet-group-name ${plan.dbSubnetGroup} --vpc-security-group-ids "$SG" --storage-type gp3 --backup-retention-period ${plan.backupRetentionDays} --no-publicly-accessible --deletion-protection --copy-tags-to-snapshot --query 'DBInstance.DBInstanceStatus' --output text`,
    "fi",
    `aws rds wait db-instance-available ${dr} ${db}`,
    "",
    `# 4. The master secret: its ${plan.drRegion} replica becomes standalone (skipped if it already is) with the restored host, and the instance takes its password (a rotation after the restore point cannot lock the services out).`,
    ...detachSecretReplica(plan.drRegion, plan.secretName),
    `WRITER=$(aws rds describe-db-instances ${dr} ${db} --query 'DBInstances[0].Endpoint.Address' --output text)`,
    `CURRENT=$(aws secretsmanager get-secret-value ${dr} ${secret} --query SecretString --output text)`,
    `if [ "$(jq -r .host <<<"$CURRENT")" != "$WRITER" ]; then aws secretsmanager put-secret-value ${dr} ${secret} --secret-string "$(jq -c --arg host "$WRITER" '.host = $host' <<<"$CURRENT")" --query VersionId --output text; fi`,
    `REQUEST=$(mktemp); trap 'rm -f "$REQUEST"' EXIT; chmod 600 "$REQUEST"`,
    `jq -n --arg id ${plan.restoredDbId} --arg pw "$(jq -r .password <<<"$CURRENT")" '{DBInstanceIdentifier: $id, MasterUserPassword: $pw, ApplyImmediately: true}' > "$REQUEST"`,
    `aws rds modify-db-instance ${dr} --cli-input-json "file://$REQUEST" --query 'DBInstance.DBInstanceStatus' --output text`,
    `sleep 30; aws rds wait db-instance-available ${dr} ${db}`,
    "",
    ...(plan.appSecretName ? appLoginSteps(plan, plan.appSecretName) : []),
    `# 5. The services in ${plan.drRegion}: from zero to the primary's size (auto-scaling takes over from its minimum).`,
    ...plan.services.flatMap((s) => [
      `aws application-autoscaling register-scalable-target ${dr} --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/${plan.cluster}/${s.name} --min-capacity ${s.minCapacity} --max-capacity ${s.maxCapacity}`,
      `aws ecs update-service ${dr} --cluster ${plan.cluster} --service ${s.name} --desired-count ${s.desiredCount} --query 'service.desiredCount' --output text`,
    ]),
    `aws ecs wait services-stable ${dr} --cluster ${plan.cluster} --services ${plan.services.map((s) => s.name).join(" ")}`,
    "",
    `# 6. Check: Route 53 answers ${plan.apiName} with the ${plan.drRegion} load balancer (SECONDARY) once the primary's health check fails and the DR targets are healthy.`,
    ...dnsAnswerCheck(plan.zoneName, plan.apiName),
    `echo "${plan.restoredDbId} serves at $WRITER; activation took $(( ($(date +%s) - START) / 60 )) min of the ${plan.rtoHours} h RTO."`,
    `echo "Next: docs/runbooks/atlas-dr.md#after-a-failover (the apex, config, failback)."`,
    "",
  ].join("\n");
}
