import { defineModule } from "@infra/config";
import { routingInputs } from "@infra/milequest-inputs";
import type { Ctx } from "../common";
import { restApi } from "../api/rest";
import { websocket } from "../api/websocket";
import { dns } from "./dns";

/** api-origin.<domain> and ws.<domain>: alias records, or in prod the seed 003 DR health checks and failover policy. */
export const routing = defineModule({
  workload: "milequest",
  category: "milequest-edge",
  module: "routing",
  builder: "milequest/routing",
  schema: routingInputs,
  dependencies: {
    dns,
    rest: restApi,
    websocket,
  },
  defaults: (_ctx: Ctx) => ({
    failover: false,
    healthCheckPath: "/health",
    healthCheckIntervalSeconds: 30 as const,
    failureThreshold: 3,
  }),
});
