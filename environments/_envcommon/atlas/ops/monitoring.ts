import { atlasMonitoringInputs, maxConnections } from "@infra/atlas-inputs";
import { type AtlasContext, features, inPrimary, prefix } from "../features";
import { opensearch } from "../data/opensearch";
import { queues } from "../data/queues";
import { rds } from "../data/rds";
import { alb } from "../edge/alb";
import { alerts } from "./alerts";
import { dockerHost } from "../services/docker-host";
import { ecs } from "../services/ecs";
import { atlasModule } from "../workload";

/** The phase's alarm table and dashboards (seed "Monitoring and Observability"). */
export const monitoring = atlasModule("ops/monitoring", {
  schema: atlasMonitoringInputs,
  enabled: inPrimary,
  dependencies: (ctx: AtlasContext) => {
    const f = features(ctx);
    return {
      rds,
      queues,
      alerts,
      ...(f.compute === "docker-host" ? { host: dockerHost } : { alb, ecs }),
      ...(f.search ? { search: opensearch } : {}),
    };
  },
  defaults: (ctx: AtlasContext) => {
    const f = features(ctx);
    return {
      name: prefix(ctx),
      alarms: f.alarms,
      compute: f.compute,
      dashboards: [...f.dashboards],
      search: f.search !== undefined,
      minHealthyHosts: f.desiredCount >= 2 ? 2 : 1,
      rdsMaxConnections: maxConnections(f.rds.instanceClass),
      metricsNamespace: "CWAgent",
      // Seed "Region failure | RPO 1 hour": the standby's probe (ADR 0106) must show a restore point within it.
      ...(f.dr ? { drReadiness: { env: ctx.env.name, region: f.dr.region, rpoSeconds: f.dr.rpoHours * 3600 } } : {}),
    };
  },
});
