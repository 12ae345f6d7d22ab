import { defineModule } from "@infra/config";
import { atlasRecordsInputs } from "@infra/atlas-inputs";
import { type AtlasContext, dep, features, inPrimary, zoneName } from "../features";

/** The phase's DNS table: apex A → EIP (1) / ALB (2) / CloudFront (3+); www CNAME; api A → ALB (2+). */
export const records = defineModule({
  workload: "atlas",
  category: "atlas-dns",
  module: "records",
  builder: "atlas/records",
  schema: atlasRecordsInputs,
  source: "environments/_envcommon/atlas/dns/records.ts",
  enabled: inPrimary,
  dependencies: (ctx: AtlasContext) => {
    const f = features(ctx);
    return {
      zone: dep("dns", "zone"),
      ...(f.compute === "docker-host" ? { host: dep("services", "docker-host") } : { alb: dep("edge", "alb") }),
      ...(f.cdn ? { cdn: dep("edge", "cdn") } : {}),
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
    };
  },
});
