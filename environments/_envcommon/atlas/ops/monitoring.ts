import { defineModule } from "@infra/config";
import { atlasMonitoringInputs, maxConnections } from "@infra/atlas-inputs";
import { type AtlasContext, dep, features, inPrimary, prefix } from "../features";

/** The phase's alarm table and dashboards (seed "Monitoring and Observability"). */
export const monitoring = defineModule({
  workload: "atlas",
  category: "atlas-ops",
  module: "monitoring",
  builder: "atlas/monitoring",
  schema: atlasMonitoringInputs,
  source: "environments/_envcommon/atlas/ops/monitoring.ts",
  enabled: inPrimary,
  dependencies: (ctx: AtlasContext) => {
    const f = features(ctx);
    return {
      rds: dep("data", "rds"),
      queues: dep("data", "queues"),
      alerts: dep("ops", "alerts"),
      ...(f.compute === "docker-host" ? { host: dep("services", "docker-host") } : { alb: dep("edge", "alb"), ecs: dep("services", "ecs") }),
      ...(f.search ? { search: dep("data", "opensearch") } : {}),
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
    };
  },
});
