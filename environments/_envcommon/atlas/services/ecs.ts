import type { Dependency } from "@infra/config";
import { PUBLIC_SERVICES, SERVICES, atlasEcsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inDr, inPrimary, KMS, prefix } from "../features";
import { COMPUTE_DEPENDENCIES } from "./compute-dependencies";
import { ecr } from "./ecr";
import { buckets } from "../data/buckets";
import { queues } from "../data/queues";
import { rds } from "../data/rds";
import { vpc } from "../network/vpc";
import { secrets } from "../security/secrets";
import { opensearch } from "../data/opensearch";
import { redis } from "../data/redis";
import { alb } from "../edge/alb";
import { atlasModule } from "../workload";

/**
 * Phase 2+: ECS Fargate, one service per row of the seed's task-definition table. Phase 4 prod, DR
 * region (ADR 0106 pilot light): the same services at zero tasks (auto-scaling min 0), behind the DR
 * ALB, with this region's queues, buckets, images and cache and the replicas of the primary's secrets;
 * no standing database (the runbook restores one at activation) and no OpenSearch (search-service on
 * PostgreSQL FTS, the seed's phase 1-2 search).
 */
export const ecs = atlasModule("services/ecs", {
  schema: atlasEcsInputs,
  enabled: (ctx: AtlasContext) => (inPrimary(ctx) && features(ctx).compute === "ecs") || inDr(ctx),
  dependencies: (ctx: AtlasContext): Record<string, Dependency> => {
    const f = features(ctx);
    if (inDr(ctx)) {
      // The primary's secrets and database stacks only for their secrets' ARNs (the replicas here share them but for the region).
      return {
        kms: KMS,
        vpc,
        queues,
        buckets,
        ecr,
        secrets: { module: secrets, region: "primary" },
        rds: { module: rds, region: "primary" },
        alb,
        redis,
      };
    }
    return {
      ...COMPUTE_DEPENDENCIES,
      alb,
      ...(f.redis ? { redis } : {}),
      ...(f.search ? { search: opensearch } : {}),
    };
  },
  waivers: (ctx: AtlasContext) => [
    ...(ctx.settings.containerInsights
      ? []
      : [
          {
            rule: "INF-ECS-001",
            address: "aws_ecs_cluster.*",
            reason:
              "Container Insights is a prod-only setting in this env (settings.containerInsights = false); seed 001 asks for no staging metrics beyond the alarms.",
          },
        ]),
    ...(inDr(ctx)
      ? [
          {
            rule: "INF-LAMBDA-002",
            address: "aws_lambda_function.dr-readiness_function_*",
            reason:
              "ADR 0106: the hourly readiness probe only measures; a failed run publishes no data point, which the primary region's alarms treat as breaching, so a dead-letter queue would hold nothing anyone acts on",
          },
        ]
      : []),
  ],
  defaults: (ctx: AtlasContext) => {
    const f = features(ctx);
    const dr = inDr(ctx);
    return {
      cluster: prefix(ctx),
      namespace: "atlas.internal",
      servicePrefix: "acct-atlas",
      imageTag: ctx.workload.imageTag,
      services: SERVICES.map((s) => ({
        name: s.name,
        repository: s.repository,
        cpu: s.cpu,
        memory: s.memory,
        port: s.port,
        healthPath: s.healthPath,
        // Phase 2: 1 task; phase 3: 2 (HA); phase 4 prod: the diagram's running count within min..max.
        // The DR copy: none until the failover script raises min and desired count to the primary's.
        desiredCount: dr ? 0 : f.autoScaling ? s.scaling.desired : f.desiredCount,
        ...(f.autoScaling ? { autoScaling: { min: dr ? 0 : s.scaling.min, max: s.scaling.max } } : {}),
        secrets: [...s.secrets],
        environment: { ...s.environment },
        public: PUBLIC_SERVICES.includes(s.name),
      })),
      autoScaling: f.autoScaling,
      blueGreen: dr ? undefined : f.blueGreen,
      xray: f.xray,
      // Phase 3+: the ADOT collector beside every service carries X-Ray and Prometheus (ADR 0101).
      ...(f.xray || f.prometheus
        ? {
            collector: {
              image: "public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0",
              memoryReservation: 128,
              ...(f.prometheus ? { prometheus: { scrapeIntervalSeconds: f.prometheus.scrapeIntervalSeconds } } : {}),
            },
          }
        : {}),
      containerInsights: ctx.settings.containerInsights,
      logRetentionDays: ctx.settings.logRetentionDays,
      redis: f.redis !== undefined,
      search: f.search !== undefined && !dr,
      ...(dr ? { dr: { primaryRegion: ctx.primaryRegion.name, databaseSecurityGroupName: `${prefix(ctx)}-dr-database`, databaseName: "atlas" } } : {}),
    };
  },
});
