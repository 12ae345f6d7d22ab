import { defineModule } from "@infra/config";
import { routingInputs } from "@infra/milequest-inputs";
import type { Ctx } from "../common";

/** api-origin.<domain> and ws.<domain>: alias records, or in prod the seed 003 DR health checks and failover policy. */
export const routing = defineModule({
  workload: "milequest",
  category: "milequest-edge",
  module: "routing",
  builder: "milequest/routing",
  schema: routingInputs,
  source: "environments/_envcommon/milequest/edge/routing.ts",
  dependencies: {
    dns: { category: "milequest-edge", module: "dns" },
    rest: { category: "milequest-api", module: "rest" },
    websocket: { category: "milequest-api", module: "websocket" },
  },
  defaults: (_ctx: Ctx) => ({
    failover: false,
    healthCheckPath: "/health",
    healthCheckIntervalSeconds: 30 as const,
    failureThreshold: 3,
  }),
});
