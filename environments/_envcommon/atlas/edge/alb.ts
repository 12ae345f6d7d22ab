import type { Dependency } from "@infra/config";
import { atlasAlbInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inDr, inPrimary, prefix, zoneName } from "../features";
import { buckets } from "../data/buckets";
import { zone as atlasDnsZone } from "../dns/zone";
import { waf } from "./waf";
import { vpc } from "../network/vpc";
import { atlasModule } from "../workload";

/**
 * Phase 2+: ALB with ACM, HTTPS, HTTP → HTTPS, /api/* → api-gateway, the rest → web-app. Phase 4 prod,
 * DR region (ADR 0106): the same, with WAF and a certificate for the same names validated in the prod
 * zone, so api.<domain> can fail over to it with no apply.
 */
export const alb = atlasModule("edge/alb", {
  schema: atlasAlbInputs,
  enabled: (ctx: AtlasContext) => (inPrimary(ctx) && features(ctx).compute === "ecs") || inDr(ctx),
  dependencies: (ctx: AtlasContext): Record<string, Dependency> => ({
    vpc,
    // The public zone lives in the primary region; the DR certificate validates in it.
    zone: inDr(ctx) ? { module: atlasDnsZone, region: "primary" } : atlasDnsZone,
    buckets,
    ...(features(ctx).waf ? { waf } : {}),
  }),
  waivers: (ctx: AtlasContext) => [
    ...(features(ctx).waf
      ? []
      : [
          {
            rule: "INF-LB-004",
            address: "aws_lb.*",
            reason: "Seed 001: WAF arrives in phase 3 (Key Changes from Phase 2: 'ALB + WAF + security groups'); phase 2 has the ALB and security groups only.",
          },
        ]),
    ...(ctx.settings.deletionProtection
      ? []
      : [
          {
            rule: "INF-LB-003",
            address: "aws_lb.*",
            reason: "The env has no deletion protection (settings.deletionProtection = false, staging): the ALB follows it.",
          },
        ]),
  ],
  defaults: (ctx: AtlasContext) => {
    const f = features(ctx);
    const zone = zoneName(ctx);
    const prod = ctx.env.name === "prod";
    return {
      name: prefix(ctx),
      // prod serves the apex, www and api; staging only api.staging.<apex> (seed phase 3 DNS table).
      certificateDomain: prod ? zone : `api.${zone}`,
      certificateAlternativeNames: prod ? [`www.${zone}`, `api.${zone}`] : [],
      apiPaths: ["/api/*"],
      api: {
        name: "api-gateway" as const,
        key: "api",
        port: 8080,
        healthPath: "/actuator/health",
      },
      web: {
        name: "web-app" as const,
        key: "web",
        port: 3000,
        healthPath: "/api/health",
      },
      deletionProtection: ctx.settings.deletionProtection,
      waf: f.waf,
      // The DR copy deploys by ECS rolling updates (no CodeDeploy in standby).
      blueGreen: f.blueGreen !== undefined && !inDr(ctx),
      accessLogs: true,
    };
  },
});
