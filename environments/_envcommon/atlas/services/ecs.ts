import { defineModule } from "@infra/config";
import { PUBLIC_SERVICES, SERVICES, atlasEcsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, dep, features, inPrimary, KMS, prefix } from "../features";

/** Phase 2+: ECS Fargate, one service per row of the seed's task-definition table. */
export const ecs = defineModule({
  workload: "atlas",
  category: "atlas-services",
  module: "ecs",
  builder: "atlas/ecs",
  schema: atlasEcsInputs,
  source: "environments/_envcommon/atlas/services/ecs.ts",
  enabled: (ctx: AtlasContext) => inPrimary(ctx) && features(ctx).compute === "ecs",
  dependencies: (ctx: AtlasContext) => {
    const f = features(ctx);
    return {
      kms: KMS,
      vpc: dep("network", "vpc"),
      rds: dep("data", "rds"),
      queues: dep("data", "queues"),
      buckets: dep("data", "buckets"),
      ecr: dep("services", "ecr"),
      secrets: dep("security", "secrets"),
      alerts: dep("ops", "alerts"),
      alb: dep("edge", "alb"),
      ...(f.redis ? { redis: dep("data", "redis") } : {}),
      ...(f.search ? { search: dep("data", "opensearch") } : {}),
    };
  },
  waivers: (ctx: AtlasContext) =>
    ctx.settings.containerInsights
      ? []
      : [
          {
            rule: "INF-ECS-001",
            address: "*-atlas-services-ecs/aws_ecs_cluster.*",
            reason:
              "Container Insights is a prod-only setting in this env (settings.containerInsights = false); seed 001 asks for no staging metrics beyond the alarms.",
          },
        ],
  defaults: (ctx: AtlasContext) => {
    const f = features(ctx);
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
        desiredCount: f.autoScaling ? s.scaling.desired : f.desiredCount,
        ...(f.autoScaling ? { autoScaling: { min: s.scaling.min, max: s.scaling.max } } : {}),
        secrets: [...s.secrets],
        environment: { ...s.environment },
        public: PUBLIC_SERVICES.includes(s.name),
      })),
      autoScaling: f.autoScaling,
      blueGreen: f.blueGreen,
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
      search: f.search !== undefined,
    };
  },
});
