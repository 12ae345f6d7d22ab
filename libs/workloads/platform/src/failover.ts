import type { ResolvedEnv } from "@infra/config";
import { type ReplicaFailoverPlan, detachSecretReplica, dnsAnswerCheck, failoverHeader, failoverScope, promoteReplicaSteps } from "@infra/rds";
import type { AppRecordInputs, BackupInputs, EcsInputs, RdsInputs, ZoneInputs } from "./inputs";

/** Everything the platform's DR failover of one env needs, read from its resolved config (no AWS calls). */
export interface PlatformFailoverPlan extends ReplicaFailoverPlan {
  /** The primary's rotated master secret, replicated to the DR region (masterCredentials.replicaRegions). */
  readonly secretName: string;
  /** The DR region's ECS hosts: pilot light until now, raised to the primary's minimum. */
  readonly autoScalingGroup: string;
  readonly minInstances: number;
  readonly maxInstances: number;
  /** The DR region's backup vault holding the copied EBS recovery points. @default none (no copy configured) */
  readonly drVault?: string;
  /** The public name Route 53 fails over (PRIMARY health-checked, SECONDARY the DR load balancer). */
  readonly zoneName: string;
  readonly appName: string;
}

/** The platform failover plan of an env, or an error naming what its config lacks. */
export function platformFailoverPlan(env: ResolvedEnv): PlatformFailoverPlan {
  const { primaryRegion, drRegion, replica, find } = failoverScope(env, "platform", "data", "the platform");
  const primaryDb = find(primaryRegion, "data", "rds")?.inputs as RdsInputs | undefined;
  const primaryEcs = find(primaryRegion, "services", "ecs-cluster")?.inputs as EcsInputs | undefined;
  const drEcs = find(drRegion, "services", "ecs-cluster")?.inputs as EcsInputs | undefined;
  const zone = find(primaryRegion, "dns", "zone")?.inputs as ZoneInputs | undefined;
  const record = find(primaryRegion, "dns", "app-record")?.inputs as AppRecordInputs | undefined;
  if (!primaryDb || !primaryEcs || !zone || !record)
    throw new Error(`${env.name}: the primary region ${primaryRegion} needs the platform's data/rds, services/ecs-cluster, dns/zone and dns/app-record`);
  if (!drEcs) throw new Error(`${env.name}: the DR region ${drRegion} needs the platform's services/ecs-cluster`);
  const credentials = primaryDb.masterCredentials;
  if (credentials.mode !== "rotated-secret" || !(credentials.replicaRegions ?? []).includes(drRegion)) {
    throw new Error(
      `${env.name}: the primary database's secret is not replicated to ${drRegion}: set masterCredentials { mode: "rotated-secret", replicaRegions: ["${drRegion}"] } on ${primaryRegion}/data/rds`,
    );
  }
  const drBackup = find(drRegion, "ops", "backup")?.inputs as BackupInputs | undefined;
  const copies = (find(primaryRegion, "ops", "backup")?.inputs as BackupInputs | undefined)?.drCopy?.region === drRegion;
  const drReplica = replica.inputs as RdsInputs;
  return {
    env: env.name,
    accountId: env.accountId,
    primaryRegion,
    drRegion,
    replicaId: drReplica.name,
    backupRetentionDays: primaryDb.backupRetentionDays,
    makeMultiAz: primaryDb.multiAz && !drReplica.multiAz,
    // DatabaseInstance names a rotated secret "<db>/master-credentials" (libs/rds masterCredentialsOf).
    secretName: `${primaryDb.name}/master-credentials`,
    // EcsEc2Cluster names its Auto Scaling group "<cluster>-ecs".
    autoScalingGroup: `${drEcs.name}-ecs`,
    minInstances: Math.max(primaryEcs.minInstances, drEcs.minInstances),
    maxInstances: Math.max(primaryEcs.maxInstances, drEcs.maxInstances),
    ...(copies && drBackup ? { drVault: drBackup.name } : {}),
    zoneName: zone.zoneName,
    appName: `${record.recordName}.${zone.zoneName}`,
  };
}

/**
 * The platform failover as a bash script of AWS CLI calls (and jq): promote the DR replica, make the
 * replicated database secret standalone in the DR region with the new writer's address, raise the DR
 * ECS hosts to the primary's minimum, show the latest copied EBS recovery point, and check that Route 53
 * already answers with the DR load balancer (the failover record switches by itself on the health check).
 * Idempotent: re-running after a partial failure continues where it stopped.
 */
export function platformFailoverScript(plan: PlatformFailoverPlan): string {
  const dr = `--region ${plan.drRegion}`;
  const secret = `--secret-id ${plan.secretName}`;
  return [
    ...failoverHeader({
      title: "Platform (seed 004)",
      workload: "platform",
      generator: "libs/workloads/platform/src/failover.ts",
      env: plan.env,
      accountId: plan.accountId,
      primaryRegion: plan.primaryRegion,
      drRegion: plan.drRegion,
      runbook: "docs/runbooks/platform.md#failover",
    }),
    "command -v jq >/dev/null || { echo 'jq is required' >&2; exit 1; }",
    "",
    ...promoteReplicaSteps(plan),
    "",
    `# 4. The database secret: its ${plan.drRegion} replica becomes a standalone secret there (skipped if it already is), holding the new writer's address.`,
    ...detachSecretReplica(plan.drRegion, plan.secretName),
    `WRITER=$(aws rds describe-db-instances ${dr} --db-instance-identifier ${plan.replicaId} --query 'DBInstances[0].Endpoint.Address' --output text)`,
    `CURRENT=$(aws secretsmanager get-secret-value ${dr} ${secret} --query SecretString --output text)`,
    `if [ "$(jq -r .host <<<"$CURRENT")" != "$WRITER" ]; then aws secretsmanager put-secret-value ${dr} ${secret} --secret-string "$(jq -c --arg host "$WRITER" '.host = $host' <<<"$CURRENT")" --query VersionId --output text; fi`,
    "",
    `# 5. The ECS hosts in ${plan.drRegion}: from pilot light to the primary's size (ECS managed scaling adds more as tasks need).`,
    `aws autoscaling update-auto-scaling-group ${dr} --auto-scaling-group-name ${plan.autoScalingGroup} --min-size ${plan.minInstances} --max-size ${plan.maxInstances}`,
    ...(plan.drVault
      ? [
          "",
          `# 6. EBS (RPO 1 hour): the latest recovery point copied into ${plan.drRegion}; restore from it only if a host's volume is needed.`,
          `aws backup list-recovery-points-by-backup-vault ${dr} --backup-vault-name ${plan.drVault} --by-resource-type EBS --query 'sort_by(RecoveryPoints,&CreationDate)[-1].[RecoveryPointArn,CreationDate,Status]' --output text`,
        ]
      : []),
    "",
    `# 7. Check: Route 53 already answers ${plan.appName} with the ${plan.drRegion} load balancer (SECONDARY) once the primary's health check fails.`,
    ...dnsAnswerCheck(plan.zoneName, plan.appName),
    `echo "${plan.replicaId} is the writer: $WRITER"`,
    `echo "Failover done. Next: docs/runbooks/platform.md#after-a-failover (config change, new DR replica, failback)."`,
    "",
  ].join("\n");
}
