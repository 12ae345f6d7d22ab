/**
 * Seed 001 (AccountabilityAtlas): the phase is the organizing idea. Everything that differs between
 * phases and envs is decided here, in one pure function, from the phase (workload config) and the env.
 * Module defaults in environments/_envcommon/atlas read it; constructs never look at the env name.
 */
import type { NatMode } from "@infra/config";

export const PHASES = [1, 2, 3, 4] as const;
export type Phase = (typeof PHASES)[number];

export const PHASE_NAMES: Readonly<Record<Phase, string>> = { 1: "Launch", 2: "Growth", 3: "Scale", 4: "Full Prod" };

/** The application's services: compose limits (phase 1) and the ECS task-definition table (phase 2+). */
export interface AtlasService {
  readonly name: ServiceName;
  /** ECR repository (seed: `${ECR_REGISTRY}/acct-atlas-<name>`). */
  readonly repository: string;
  /** Seed "ECS Task Definitions": CPU units, memory MiB, port, health check path. */
  readonly cpu: number;
  readonly memory: number;
  readonly port: number;
  readonly healthPath: string;
  /** Phase 1 docker-compose limits (vCPU, MiB). */
  readonly composeCpu: number;
  readonly composeMemoryMb: number;
  /** Seed phase 4 auto-scaling limits and the diagram's running count. */
  readonly scaling: { readonly min: number; readonly max: number; readonly desired: number };
  /** Secrets injected as env vars (seed "Secrets Management" → Used By). */
  readonly secrets: readonly SecretName[];
  /** SPRING_PROFILES_ACTIVE / NODE_ENV of the compose file. */
  readonly environment: Readonly<Record<string, string>>;
}

export const SERVICE_NAMES = [
  "api-gateway",
  "user-service",
  "video-service",
  "location-service",
  "search-service",
  "moderation-service",
  "notification-service",
  "web-app",
] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** The five secrets of the seed's table. `database-password` is the RDS-managed master secret. */
export const SECRET_NAMES = ["jwt-rsa-key-pair", "database-password", "mapbox-access-token", "youtube-api-key", "admin-password-hash"] as const;
export type SecretName = (typeof SECRET_NAMES)[number];

const spring = (profiles = "prod") => ({ SPRING_PROFILES_ACTIVE: profiles });
const java = (name: ServiceName, port: number, big: boolean, secrets: SecretName[], scaling: AtlasService["scaling"], profiles?: string): AtlasService => ({
  name,
  repository: `acct-atlas-${name}`,
  cpu: big ? 512 : 256,
  memory: big ? 1024 : 512,
  port,
  healthPath: "/actuator/health",
  composeCpu: big ? 0.5 : 0.25,
  composeMemoryMb: big ? 1024 : 512,
  scaling,
  secrets: ["database-password", ...secrets],
  environment: spring(profiles),
});

export const SERVICES: readonly AtlasService[] = [
  java("api-gateway", 8080, true, [], { min: 2, max: 10, desired: 3 }),
  java("user-service", 8081, true, ["jwt-rsa-key-pair", "admin-password-hash"], { min: 2, max: 10, desired: 3 }),
  java("video-service", 8082, true, ["youtube-api-key"], { min: 2, max: 10, desired: 3 }),
  java("location-service", 8083, true, [], { min: 2, max: 10, desired: 3 }),
  java("search-service", 8084, true, [], { min: 2, max: 10, desired: 3 }, "prod,fts"),
  java("moderation-service", 8085, false, [], { min: 1, max: 5, desired: 2 }),
  java("notification-service", 8086, false, [], { min: 1, max: 5, desired: 2 }),
  {
    name: "web-app",
    repository: "acct-atlas-web-app",
    cpu: 512,
    memory: 1024,
    port: 3000,
    healthPath: "/api/health",
    composeCpu: 0.5,
    composeMemoryMb: 1024,
    // Seed "Web Application Hosting": production 2-5 tasks.
    scaling: { min: 2, max: 5, desired: 2 },
    secrets: ["mapbox-access-token"],
    environment: { NODE_ENV: "production" },
  },
];

/** Services behind the load balancer (seed nginx: /api/ → api-gateway, the rest → web-app). */
export const PUBLIC_SERVICES: readonly ServiceName[] = ["api-gateway", "web-app"];

/**
 * SQS queues, named after the service that consumes them (the seed names no queues). Producers are
 * the services whose events the consumer acts on.
 */
export const QUEUES: readonly { readonly consumer: ServiceName; readonly producers: readonly ServiceName[]; readonly purpose: string }[] = [
  { consumer: "moderation-service", producers: ["video-service"], purpose: "submitted videos awaiting moderation" },
  { consumer: "search-service", producers: ["video-service", "moderation-service", "location-service"], purpose: "search index updates" },
  { consumer: "notification-service", producers: ["user-service", "moderation-service"], purpose: "user notifications" },
];

export interface RdsFeatures {
  readonly instanceClass: string;
  readonly allocatedStorageGb: number;
  readonly multiAz: boolean;
  readonly readReplicas: number;
  readonly backupRetentionDays: number;
  readonly performanceInsights: boolean;
  /** Cross-region automated-backup replication (phase 4 DR). */
  readonly backupReplication?: { readonly region: string; readonly retentionDays: number };
}

export interface PhaseFeatures {
  readonly phase: Phase;
  /** Does the env run AccountabilityAtlas at all in this phase (staging: phase 3+). */
  readonly deployed: boolean;
  readonly compute: "docker-host" | "ecs";
  readonly network: {
    readonly azCount: number;
    readonly offsets: { readonly public: readonly number[]; readonly private: readonly number[]; readonly database: readonly number[] };
    readonly nat: NatMode;
  };
  readonly rds: RdsFeatures;
  /** ElastiCache (phase 2+); phase 1 runs redis:7-alpine in the compose file. */
  readonly redis?: { readonly nodeType: string; readonly nodes: number };
  /** OpenSearch (phase 3+); before that search-service uses PostgreSQL FTS. */
  readonly search?: { readonly instanceType: string; readonly nodes: number; readonly volumeGiB: number };
  /** ECS task count per service (phase 2: 1, phase 3+: 2). */
  readonly desiredCount: number;
  /** Phase 4 prod: target tracking per the seed's per-service limits. */
  readonly autoScaling?: { readonly targetCpuPercent: number; readonly scaleInCooldown: number; readonly scaleOutCooldown: number };
  /** Phase 4: CodeDeploy blue/green (prod with canary). */
  readonly blueGreen?: { readonly deploymentConfig: string; readonly terminationWaitMinutes: number };
  readonly waf: boolean;
  readonly xray?: { readonly samplingRate: number };
  /**
   * Seed "Metrics, Phase 3+: CloudWatch Metrics + Prometheus": an Amazon Managed Service for
   * Prometheus workspace, fed by the ADOT collector beside every service (which also carries X-Ray).
   */
  readonly prometheus?: { readonly scrapeIntervalSeconds: number };
  /** CloudFront for static assets (phase 3+, prod only). */
  readonly cdn: boolean;
  readonly alarms: "phase1" | "full" | "full-sms";
  readonly dashboards: readonly ("overview" | "database" | "search")[];
  /**
   * Phase 4 prod: cross-region DR (ADR 0106 pilot light), with the seed's "Region failure" row: the
   * recovery time and point objectives the failover script reports against.
   */
  readonly dr?: { readonly region: string; readonly rtoHours: number; readonly rpoHours: number };
}

/** Envs AccountabilityAtlas knows: prod from phase 1, staging from phase 3. */
export type AtlasEnv = "dev" | "staging" | "uat" | "prod";

/**
 * What a phase means for an env: which deployments exist and how big they are. Pure and tested
 * (libs/workloads/atlas/src/inputs/phase.test.ts); every value cites the seed's table.
 */
export function phaseFeatures(phase: Phase, env: AtlasEnv, drRegion = "us-west-2"): PhaseFeatures {
  const prod = env === "prod";
  // Seed: phases 1-2 production only; phases 3-4 add staging. dev and uat never run the workload.
  const deployed = prod || (env === "staging" && phase >= 3);
  const rds: RdsFeatures =
    phase === 1
      ? { instanceClass: "db.t4g.micro", allocatedStorageGb: 20, multiAz: false, readReplicas: 0, backupRetentionDays: 7, performanceInsights: false }
      : phase === 2 || !prod
        ? // Phase 2 table; phase 3+ staging column (Performance Insights enabled from phase 3).
          { instanceClass: "db.t3.medium", allocatedStorageGb: 50, multiAz: false, readReplicas: 0, backupRetentionDays: 7, performanceInsights: phase >= 3 }
        : {
            instanceClass: "db.r6g.large",
            allocatedStorageGb: 100,
            multiAz: true,
            readReplicas: 1,
            backupRetentionDays: 30,
            performanceInsights: true,
            ...(phase === 4 ? { backupReplication: { region: drRegion, retentionDays: 7 } } : {}),
          };
  return {
    phase,
    deployed,
    compute: phase === 1 ? "docker-host" : "ecs",
    network:
      phase === 1
        ? // "Simplified VPC": one public subnet (1a), two data subnets (1a, 1b) for the RDS subnet group.
          { azCount: 2, offsets: { public: [1], private: [], database: [20, 21] }, nat: { mode: "none" } }
        : { azCount: 2, offsets: { public: [1, 2], private: [10, 11], database: [20, 21] }, nat: { mode: "single" } },
    rds,
    ...(phase >= 2 ? { redis: phase >= 3 && prod ? { nodeType: "cache.r6g.large", nodes: 2 } : { nodeType: "cache.t3.medium", nodes: 1 } } : {}),
    ...(phase >= 3
      ? { search: prod ? { instanceType: "r6g.large.search", nodes: 3, volumeGiB: 100 } : { instanceType: "t3.small.search", nodes: 1, volumeGiB: 20 } }
      : {}),
    desiredCount: phase >= 3 ? 2 : 1,
    ...(phase === 4 && prod ? { autoScaling: { targetCpuPercent: 70, scaleInCooldown: 300, scaleOutCooldown: 60 } } : {}),
    ...(phase === 4
      ? {
          blueGreen: {
            // "Staging: Blue-green deployment; Production: Blue-green deployment with canary".
            deploymentConfig: prod ? "CodeDeployDefault.ECSCanary10Percent5Minutes" : "CodeDeployDefault.ECSAllAtOnce",
            terminationWaitMinutes: 5,
          },
        }
      : {}),
    waf: phase >= 3,
    ...(phase >= 3 ? { xray: { samplingRate: 0.05 }, prometheus: { scrapeIntervalSeconds: 30 } } : {}),
    cdn: phase >= 3 && prod,
    alarms: phase === 1 ? "phase1" : phase === 2 ? "full" : "full-sms",
    dashboards: phase === 1 ? [] : phase === 2 ? ["overview"] : ["overview", "database", "search"],
    // Seed "Recovery Procedures": region failure, RTO 4 hours, RPO 1 hour, DR region activation.
    ...(phase === 4 && prod ? { dr: { region: drRegion, rtoHours: 4, rpoHours: 1 } } : {}),
  };
}

/**
 * PostgreSQL max_connections RDS derives from the instance memory: LEAST(DBInstanceClassMemory/9531392, 5000).
 * Used for "Database Connections > 80% max".
 */
export const INSTANCE_MEMORY_GIB: Readonly<Record<string, number>> = {
  "db.t4g.micro": 1,
  "db.t3.medium": 4,
  "db.r6g.large": 16,
};
export function maxConnections(instanceClass: string): number {
  const gib = INSTANCE_MEMORY_GIB[instanceClass];
  if (gib === undefined) throw new RangeError(`unknown memory size of ${instanceClass}; add it to INSTANCE_MEMORY_GIB`);
  return Math.min(Math.floor((gib * 1024 ** 3) / 9531392), 5000);
}
