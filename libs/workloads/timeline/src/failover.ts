import type { ResolvedEnv } from "@infra/config";
import { type ReplicaFailoverPlan, failoverHeader, failoverScope, promoteReplicaSteps } from "@infra/rds";
import { CACHE_RECORD } from "./builders/cache";
import { READER_RECORD, WRITER_RECORD } from "./builders/rds";
import type { TimelineCacheInputs } from "./inputs/cache";
import type { TimelineAppInputs, TimelineZoneInputs } from "./inputs/compute";
import type { TimelineNetworkInputs } from "./inputs/network";
import type { TimelineRdsInputs } from "./inputs/rds";

/** Everything the DR failover of one env needs, read from its resolved config (no AWS calls). */
export interface FailoverPlan extends ReplicaFailoverPlan {
  /** Readers the application uses (weighted records re-pointed at the promoted instance). */
  readonly readerRecords: readonly string[];
  readonly zoneName: string;
  readonly writerRecord: string;
  readonly readerRecord: string;
  readonly cacheRecord: string;
  /** The DR region's Redis replication group. */
  readonly drCacheId: string;
  /** The API tier, when both regions deploy it: the standby is scaled up and the public name re-pointed. */
  readonly api?: {
    readonly cluster: string;
    readonly service: string;
    /** Task bounds the DR service gets: the primary's. */
    readonly minTasks: number;
    readonly maxTasks: number;
    readonly loadBalancerName: string;
    readonly publicZoneName: string;
    /** "api.<domain>": the name clients use. */
    readonly apiName: string;
  };
}

/** The failover plan of an env's timeline deployments, or an error naming what is missing. */
export function failoverPlan(env: ResolvedEnv): FailoverPlan {
  const { primaryRegion, drRegion, replica, find } = failoverScope(env, "timeline", "timeline-data", "the timeline app");
  const primaryDb = find(primaryRegion, "timeline-data", "rds");
  const network = find(primaryRegion, "timeline-network", "vpc");
  const drCache = find(drRegion, "timeline-data", "elasticache");
  const zone = (network?.inputs as TimelineNetworkInputs | undefined)?.privateZone;
  if (!primaryDb || !zone?.create)
    throw new Error(`${env.name}: the primary region ${primaryRegion} needs timeline-data/rds and a timeline-network/vpc with a private zone`);
  if (!drCache) throw new Error(`${env.name}: the DR region ${drRegion} needs a timeline-data/elasticache deployment`);
  const p = primaryDb.inputs as TimelineRdsInputs;
  const primaryApp = find(primaryRegion, "timeline-compute", "app")?.inputs as TimelineAppInputs | undefined;
  const drApp = find(drRegion, "timeline-compute", "app")?.inputs as TimelineAppInputs | undefined;
  const publicZone = find(primaryRegion, "timeline-dns", "zone")?.inputs as TimelineZoneInputs | undefined;
  const api =
    primaryApp && drApp && publicZone
      ? {
          cluster: drApp.name,
          service: `${drApp.name}-api`,
          minTasks: primaryApp.autoScaling.min,
          maxTasks: Math.max(primaryApp.autoScaling.max, drApp.autoScaling.max),
          loadBalancerName: `${drApp.name}-api`,
          publicZoneName: publicZone.domain,
          apiName: `${primaryApp.recordName}.${publicZone.domain}`,
        }
      : undefined;
  return {
    env: env.name,
    accountId: env.accountId,
    primaryRegion,
    drRegion,
    replicaId: (replica.inputs as TimelineRdsInputs).name,
    backupRetentionDays: p.backupRetentionDays,
    makeMultiAz: p.multiAz && !(replica.inputs as TimelineRdsInputs).multiAz,
    readerRecords: Array.from({ length: Math.max(1, p.readReplicas) }, (_, i) => `reader-${i + 1}`),
    zoneName: zone.name,
    writerRecord: `${WRITER_RECORD}.${zone.name}`,
    readerRecord: `${READER_RECORD}.${zone.name}`,
    cacheRecord: `${CACHE_RECORD}.${zone.name}`,
    drCacheId: (drCache.inputs as TimelineCacheInputs).name,
    ...(api ? { api } : {}),
  };
}

const change = (name: string, value: string, setIdentifier?: string) =>
  `{"Action":"UPSERT","ResourceRecordSet":{"Name":"${name}","Type":"CNAME","TTL":60,${setIdentifier ? `"SetIdentifier":"${setIdentifier}","Weight":1,` : ""}"ResourceRecords":[{"Value":"${value}"}]}}`;

/** Step 4b: start the standby API tier (zero tasks until now) and point the public API name at it. */
function apiSteps(plan: FailoverPlan, api: NonNullable<FailoverPlan["api"]>): string[] {
  const dr = `--region ${plan.drRegion}`;
  const alias = `{"Comment":"timeline API failover to ${plan.drRegion}","Changes":[{"Action":"UPSERT","ResourceRecordSet":{"Name":"${api.apiName}","Type":"A","AliasTarget":{"HostedZoneId":"$LB_ZONE","DNSName":"$LB_DNS","EvaluateTargetHealth":true}}}]}`;
  return [
    "",
    `# 4b. Start the standby API in ${plan.drRegion} with the primary's task bounds, wait until it is stable, then point ${api.apiName} at its load balancer.`,
    `aws application-autoscaling register-scalable-target ${dr} --service-namespace ecs --scalable-dimension ecs:service:DesiredCount --resource-id service/${api.cluster}/${api.service} --min-capacity ${api.minTasks} --max-capacity ${api.maxTasks}`,
    `aws ecs update-service ${dr} --cluster ${api.cluster} --service ${api.service} --desired-count ${api.minTasks} --query 'service.desiredCount' --output text`,
    `aws ecs wait services-stable ${dr} --cluster ${api.cluster} --services ${api.service}`,
    `PUBLIC_ZONE_ID=$(aws route53 list-hosted-zones-by-name --dns-name ${api.publicZoneName} --query "HostedZones[?Name=='${api.publicZoneName}.' && !Config.PrivateZone].Id | [0]" --output text)`,
    `read -r LB_DNS LB_ZONE < <(aws elbv2 describe-load-balancers ${dr} --names ${api.loadBalancerName} --query 'LoadBalancers[0].[DNSName,CanonicalHostedZoneId]' --output text)`,
    `aws route53 change-resource-record-sets --hosted-zone-id "$PUBLIC_ZONE_ID" --change-batch "${alias.replace(/"/g, '\\"')}"`,
    `echo "${api.apiName} -> $LB_DNS"`,
  ];
}

/**
 * The failover as a bash script of AWS CLI calls: promote the DR replica, wait for it, restore
 * Multi-AZ, and re-point the private DNS names the application uses (writer, readers, cache) at the
 * DR region. Idempotent: re-running after a partial failure continues where it stopped.
 */
export function failoverScript(plan: FailoverPlan): string {
  const dr = `--region ${plan.drRegion}`;
  const changes = [
    change(plan.writerRecord, "$WRITER"),
    ...plan.readerRecords.map((id) => change(plan.readerRecord, "$WRITER", id)),
    change(plan.cacheRecord, "$CACHE"),
  ];
  return [
    ...failoverHeader({
      title: "Timeline app (seed 002)",
      workload: "timeline",
      generator: "libs/workloads/timeline/src/failover.ts",
      env: plan.env,
      accountId: plan.accountId,
      primaryRegion: plan.primaryRegion,
      drRegion: plan.drRegion,
      runbook: "docs/runbooks/timeline.md#failover",
    }),
    "",
    ...promoteReplicaSteps(plan),
    "",
    "# 4. Re-point the application's private DNS names (TTL 60 s) at the DR region.",
    `ZONE_ID=$(aws route53 list-hosted-zones-by-name --dns-name ${plan.zoneName} --query "HostedZones[?Name=='${plan.zoneName}.' && Config.PrivateZone].Id | [0]" --output text)`,
    `WRITER=$(aws rds describe-db-instances ${dr} --db-instance-identifier ${plan.replicaId} --query 'DBInstances[0].Endpoint.Address' --output text)`,
    `CACHE=$(aws elasticache describe-replication-groups ${dr} --replication-group-id ${plan.drCacheId} --query 'ReplicationGroups[0].ConfigurationEndpoint.Address' --output text)`,
    `aws route53 change-resource-record-sets --hosted-zone-id "$ZONE_ID" --change-batch "{\\"Comment\\":\\"timeline failover to ${plan.drRegion}\\",\\"Changes\\":[${changes.map((c) => c.replace(/"/g, '\\"')).join(",")}]}"`,
    ...(plan.api ? apiSteps(plan, plan.api) : []),
    "",
    "# 5. Check: the names resolve to the DR region (from inside a VPC of the env).",
    `echo "${plan.writerRecord} -> $WRITER"`,
    `echo "${plan.cacheRecord} -> $CACHE"`,
    `echo "Failover done. Next: docs/runbooks/timeline.md#after-a-failover (config change, new DR replica, failback)."`,
    "",
  ].join("\n");
}
