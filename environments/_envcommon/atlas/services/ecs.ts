import { defineModule } from "@infra/config";
import { PUBLIC_SERVICES, SERVICES, atlasEcsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, prefix } from "../features";
import { COMPUTE_DEPENDENCIES } from "./compute-dependencies";
import { opensearch } from "../data/opensearch";
import { redis } from "../data/redis";
import { alb } from "../edge/alb";

/** Phase 2+: ECS Fargate, one service per row of the seed's task-definition table. */
export const ecs = defineModule({
  workload: "atlas",
  category: "atlas-services",
  module: "ecs",
  builder: "atlas/ecs",
  schema: atlasEcsInputs,
  enabled: (ctx: AtlasContext) => inPrimary(ctx) && features(ctx).compute === "ecs",
  dependencies: (ctx: AtlasContext) => {
    const f = features(ctx);
    return {
      ...COMPUTE_DEPENDENCIES,
      alb,
      ...(f.redis ? { redis } : {}),
      ...(f.search ? { search: opensearch } : {}),
    };
  },
  waivers: (ctx: AtlasContext) =>
    ctx.settings.containerInsights
      ? []
      : [
          {
            rule: "INF-ECS-001",
            address: "aws_ecs_cluster.*",
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
