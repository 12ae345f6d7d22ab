import type { Dependency, RegionName } from "@infra/config";
import { atlasRecordsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, zoneName } from "../features";
import { zone } from "./zone";
import { alb } from "../edge/alb";
import { cdn } from "../edge/cdn";
import { dockerHost } from "../services/docker-host";
import { atlasModule } from "../workload";

/**
 * The phase's DNS table: apex A → EIP (1) / ALB (2) / CloudFront (3+); www CNAME; api A → ALB (2+);
 * phase 4 prod: api A as a failover pair, the us-east-1 ALB (health-checked) then the DR ALB (ADR 0106).
 */
export const records = atlasModule("dns/records", {
  schema: atlasRecordsInputs,
  enabled: inPrimary,
  dependencies: (ctx: AtlasContext): Record<string, Dependency> => {
    const f = features(ctx);
    return {
      zone,
      ...(f.compute === "docker-host" ? { host: dockerHost } : { alb }),
      ...(f.cdn ? { cdn } : {}),
      // Phase 4 (ADR 0106): api.<domain>'s SECONDARY answer is the DR region's ALB.
      ...(f.dr ? { drAlb: { module: alb, region: f.dr.region as RegionName } } : {}),
    };
  },
  defaults: (ctx: AtlasContext) => {
    const f = features(ctx);
    const prod = ctx.env.name === "prod";
    return {
      zone: zoneName(ctx),
      apex: !prod ? ("none" as const) : f.compute === "docker-host" ? ("host" as const) : f.cdn ? ("cdn" as const) : ("alb" as const),
      www: prod,
      api: f.compute === "ecs",
      ...(f.dr ? { apiFailover: { drRegion: f.dr.region, healthCheckPath: "/api/actuator/health", failureThreshold: 3 } } : {}),
    };
  },
});
