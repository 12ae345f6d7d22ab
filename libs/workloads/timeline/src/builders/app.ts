import type { DataAwsIamPolicyDocumentStatement } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { ApplicationLoadBalancer } from "@infra/alb";
import type { StackBuilder } from "@infra/core";
import { AliasRecord, Certificate } from "@infra/dns";
import { FargateCluster, FargateService } from "@infra/ecs-service";
import { documentStatements } from "@infra/iam";
import { MetricAlarm } from "@infra/monitoring";
import { WebAcl } from "@infra/waf";
import type { TimelineAppInputs } from "../inputs/compute";
import { buildTimelineCache, CACHE_RECORD } from "./cache";
import { buildTimelineCdn } from "./cdn";
import { buildTimelineEcr } from "./ecr";
import { buildTimelineKms } from "./kms";
import { buildTimelineMonitoring } from "./monitoring";
import { buildTimelineNetwork } from "./network";
import { buildTimelineRds, READER_RECORD, WRITER_RECORD } from "./rds";
import { buildTimelineStorage } from "./storage";
import { buildTimelineZone } from "./zone";

export interface TimelineApp {
  readonly clusterName: string;
  readonly serviceName: string;
  /** The API's public name: "api.<domain>" (standby: "api-<region>.<domain>"). */
  readonly apiFqdn: string;
  readonly loadBalancer: { readonly dnsName: string; readonly zoneId: string; readonly arnSuffix: string };
  readonly taskRoleArn: string;
}

/** The X-Ray daemon listens here inside the task (awsvpc: one network namespace, so localhost). */
export const XRAY_DAEMON_ADDRESS = "127.0.0.1:2000";
const CONTAINER = "api";

/** Statements of the task role: exactly the timeline's buckets, its keys through S3 only, its cache user, X-Ray. */
export function appTaskStatements(p: {
  readonly region: string;
  readonly assetsBucketArn: string;
  readonly assetsKeyArn: string;
  readonly backupsBucketArn: string;
  readonly backupsKeyArn: string;
  readonly cacheConnect: readonly DataAwsIamPolicyDocumentStatement[];
}): DataAwsIamPolicyDocumentStatement[] {
  const viaS3 = [{ test: "StringEquals", variable: "kms:ViaService", values: [`s3.${p.region}.amazonaws.com`] }];
  return [
    // Website assets: the API publishes and reads them (CloudFront serves them).
    { sid: "AssetsList", effect: "Allow", actions: ["s3:ListBucket"], resources: [p.assetsBucketArn] },
    { sid: "AssetsObjects", effect: "Allow", actions: ["s3:GetObject", "s3:PutObject"], resources: [`${p.assetsBucketArn}/*`] },
    { sid: "AssetsKey", effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [p.assetsKeyArn], condition: viaS3 },
    // Backups are write-only for the application: it can add an export, never read, overwrite-delete or list them.
    { sid: "BackupsWrite", effect: "Allow", actions: ["s3:PutObject"], resources: [`${p.backupsBucketArn}/*`] },
    // Decrypt: multipart uploads read back their own parts' data key.
    { sid: "BackupsKey", effect: "Allow", actions: ["kms:Decrypt", "kms:GenerateDataKey"], resources: [p.backupsKeyArn], condition: viaS3 },
    ...p.cacheConnect.map((s, i) => ({ ...s, sid: `CacheConnect${i}` })),
    // X-Ray has no resource-level permissions for these actions (the daemon sidecar sends with the task role).
    {
      sid: "XRay",
      effect: "Allow",
      actions: ["xray:GetSamplingRules", "xray:GetSamplingStatisticSummaries", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"],
      resources: ["*"],
    },
  ];
}

/**
 * Seed 002's API servers: ECS Fargate in the private subnets behind an internet-facing ALB (HTTPS with
 * an ACM certificate, HTTP redirected, regional WAF, access logs, invalid headers dropped), target
 * tracking on CPU and memory, the database credentials from the RDS-managed secret as ECS secrets,
 * the cache through its IAM user, the buckets through a least-privilege task role, an X-Ray daemon
 * sidecar, and the logs in the central application log group.
 */
export const buildTimelineApp: StackBuilder<TimelineAppInputs, TimelineApp> = (stack, inputs, ctx) => {
  const where = ctx.deployment.stackName;
  const keys = ctx.dependencyOn("kms", buildTimelineKms);
  const network = ctx.dependencyOn("vpc", buildTimelineNetwork);
  const db = ctx.dependencyOn("rds", buildTimelineRds);
  const cache = ctx.dependencyOn("cache", buildTimelineCache);
  const storage = ctx.dependencyOn("storage", buildTimelineStorage);
  const registry = ctx.dependencyOn("ecr", buildTimelineEcr);
  const monitoring = ctx.dependencyOn("monitoring", buildTimelineMonitoring);
  const zone = ctx.dependencyOn("zone", buildTimelineZone);
  const region = ctx.deployment.region.name;
  const { vpc } = network;

  if (inputs.port !== network.ports.app) {
    throw new Error(
      `${where}: inputs.port ${inputs.port} must equal the network's app port ${network.ports.app} (timeline-network/vpc inputs.ports.app): its ACLs and security groups open that port only`,
    );
  }
  if (network.nat.mode === "none") {
    throw new Error(
      `${where}: the network has nat { mode: "none" }; Fargate tasks in private subnets need NAT to pull images and send logs and traces (set timeline-network/vpc inputs.nat to "single" or "perAz")`,
    );
  }
  // The data endpoints are names in the primary region's private zone, which the DR VPC resolves too:
  // after a failover the same names lead to the promoted replica and the DR cache.
  const privateZone = network.zone ?? ctx.dependencyOn("primary-vpc", buildTimelineNetwork).zone;
  if (!privateZone) throw new Error(`${where}: needs the private zone of timeline-network/vpc (primary region) for the data endpoints`);

  const assets = ctx.deployment.dependencies["cdn"] ? ctx.dependencyOn("cdn", buildTimelineCdn).assets : storage.assetsReplica;
  if (!assets) throw new Error(`${where}: needs the assets bucket: a "cdn" dependency (primary) or the storage replica (DR)`);
  const albLogs = storage.logs.albLogTarget;
  if (!albLogs) throw new Error(`${where}: the storage log bucket does not accept ALB logs`);

  const n = inputs.name;
  const standby = inputs.role === "standby";
  const recordName = standby ? `${inputs.recordName}-${region}` : inputs.recordName;
  const apiFqdn = `${recordName}.${zone.name}`;
  // The standby's certificate also names the primary's API, so the failover only re-points "api.<domain>".
  const certificate = new Certificate(stack, "certificate", {
    domainName: apiFqdn,
    subjectAlternativeNames: standby ? [`${inputs.recordName}.${zone.name}`] : [],
    zoneId: zone.zoneId,
  });
  const waf = new WebAcl(stack, "waf", {
    name: `${n}-api`,
    scope: "REGIONAL",
    rateLimit: { limit: inputs.rateLimitPer5Min },
    logging: { retentionDays: inputs.wafLogRetentionDays, kmsKeyArn: keys.logs.keyArn },
  });
  const alb = new ApplicationLoadBalancer(stack, "alb", {
    name: `${n}-api`,
    vpcId: vpc.vpcId,
    vpcCidr: vpc.cidr,
    subnetIds: vpc.publicSubnetIds,
    certificateArn: certificate.certificateArn,
    deletionProtection: inputs.deletionProtection,
    // The bucket's own target: the prefix its policy allows (an ELB test write at creation checks it).
    accessLogs: albLogs,
    targetGroups: [{ key: CONTAINER, name: `${n}-api`, port: inputs.port, targetType: "ip", healthCheck: { path: inputs.healthPath } }],
    defaultTargetGroup: CONTAINER,
    webAclArn: waf.webAclArn,
  });
  new AliasRecord(stack, "api-record", {
    zoneId: zone.zoneId,
    name: apiFqdn,
    target: { dnsName: alb.dnsName, hostedZoneId: alb.zoneId, evaluateTargetHealth: true },
    ipv6: false,
  });

  const cluster = new FargateCluster(stack, "cluster", { name: n, containerInsights: "enabled", capacityProviders: ["FARGATE"] });
  const service = new FargateService(stack, "api", {
    name: `${n}-api`,
    cluster,
    vpcId: vpc.vpcId,
    subnetIds: vpc.privateSubnetIds,
    // The tier group RDS and Redis already admit (their allowedSecurityGroupIds): no new data-tier rule,
    // and its egress (HTTPS, PostgreSQL and Redis to the database subnets) is all the tasks get.
    additionalSecurityGroupIds: [network.appSecurityGroupId],
    egress: { mode: "none" },
    cpu: inputs.cpu,
    memory: inputs.memory,
    cpuArchitecture: inputs.cpuArchitecture,
    container: {
      name: CONTAINER,
      image: `${registry.repositoryUrl}:${inputs.imageTag}`,
      port: inputs.port,
      environment: {
        DB_HOST: `${WRITER_RECORD}.${privateZone.name}`,
        DB_READER_HOST: `${READER_RECORD}.${privateZone.name}`,
        DB_PORT: String(network.ports.database),
        DB_NAME: "timeline",
        // rds.force_ssl = 1: TLS is required (the names are CNAMEs, so verify the CA, not the host).
        DB_SSLMODE: "verify-ca",
        REDIS_HOST: `${CACHE_RECORD}.${privateZone.name}`,
        REDIS_PORT: String(network.ports.cache),
        REDIS_USER: cache.appUserName,
        REDIS_TLS: "true",
        REDIS_CLUSTER_MODE: "true",
        ASSETS_BUCKET: assets.bucketName,
        BACKUPS_BUCKET: storage.backups.bucketName,
        AWS_XRAY_DAEMON_ADDRESS: XRAY_DAEMON_ADDRESS,
        AWS_XRAY_TRACING_NAME: monitoring.xrayServiceName,
      },
      secrets: {
        DB_USERNAME: { secretArn: db.secret.arn, jsonKey: "username" },
        DB_PASSWORD: { secretArn: db.secret.arn, jsonKey: "password" },
      },
      writablePaths: ["/tmp"],
    },
    sidecars: [
      {
        name: "xray-daemon",
        image: inputs.xray.daemonImage,
        ports: [{ port: 2000, protocol: "udp" }],
        memoryReservation: inputs.xray.memoryReservation,
        // Fargate has no instance metadata to read the region from.
        environment: { AWS_REGION: region },
        user: "1337",
      },
    ],
    ecrRepositoryArns: [registry.repositoryArn],
    secretsKmsKeyArn: db.secret.kmsKeyArn,
    secretsRegion: db.secret.region,
    taskPolicyStatements: appTaskStatements({
      region,
      assetsBucketArn: assets.bucketArn,
      assetsKeyArn: keys.assets.keyArn,
      backupsBucketArn: storage.backups.bucketArn,
      backupsKeyArn: keys.data.keyArn,
      cacheConnect: documentStatements((g) => cache.cache.grantConnect(g, { userName: cache.appUserName })),
    }),
    // Seed 002 "Log Aggregation: Centralized logging": every container writes to the application log
    // group of timeline-ops/monitoring (CMK, retention from config); these two describe that group.
    existingLogGroup: { name: monitoring.applicationLogGroup.logGroupName, arn: monitoring.applicationLogGroup.logGroupArn },
    logRetentionDays: ctx.settings.logRetentionDays,
    logKmsKeyArn: keys.logs.keyArn,
    desiredCount: inputs.desiredCount,
    loadBalancer: { securityGroupId: alb.securityGroupId, targetGroupArn: alb.targetGroupArns[CONTAINER]! },
    autoScaling: {
      min: inputs.autoScaling.min,
      max: inputs.autoScaling.max,
      targetCpuPercent: inputs.autoScaling.targetCpuPercent,
      targetMemoryPercent: inputs.autoScaling.targetMemoryPercent,
      scaleInCooldown: inputs.autoScaling.scaleInCooldownSeconds,
      scaleOutCooldown: inputs.autoScaling.scaleOutCooldownSeconds,
    },
  });

  const dims = { LoadBalancer: alb.arnSuffix, TargetGroup: alb.targetGroupArnSuffixes[CONTAINER]! };
  const topics = [monitoring.topic.topicArn];
  new MetricAlarm(stack, "target-5xx", {
    name: `${n}-api-target-5xx-high`,
    description: `Timeline API: more than ${inputs.alarms.target5xxPerMinute} target 5xx per minute for 5 minutes`,
    namespace: "AWS/ApplicationELB",
    metricName: "HTTPCode_Target_5XX_Count",
    dimensions: dims,
    statistic: "Sum",
    comparison: "GreaterThanThreshold",
    threshold: inputs.alarms.target5xxPerMinute,
    period: 60,
    evaluationPeriods: 5,
    treatMissingData: "notBreaching",
    alarmTopicArns: topics,
  });
  new MetricAlarm(stack, "unhealthy-targets", {
    name: `${n}-api-unhealthy-targets`,
    description: "Timeline API: a registered task fails the load balancer's health check for 5 minutes",
    namespace: "AWS/ApplicationELB",
    metricName: "UnHealthyHostCount",
    dimensions: dims,
    statistic: "Maximum",
    comparison: "GreaterThanThreshold",
    threshold: 0,
    period: 60,
    evaluationPeriods: 5,
    treatMissingData: "notBreaching",
    alarmTopicArns: topics,
  });

  return {
    clusterName: cluster.clusterName,
    serviceName: service.serviceName,
    apiFqdn,
    loadBalancer: { dnsName: alb.dnsName, zoneId: alb.zoneId, arnSuffix: alb.arnSuffix },
    taskRoleArn: service.taskRoleArn,
  };
};
