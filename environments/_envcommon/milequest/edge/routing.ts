import { routingInputs } from "@infra/milequest-inputs";
import { type Ctx, milequestModule } from "../common";
import { restApi } from "../api/rest";
import { websocket } from "../api/websocket";
import { dns } from "./dns";

/** api-origin.<domain> and ws.<domain>: alias records, or in prod the seed 003 DR health checks and failover policy. */
export const routing = milequestModule("edge/routing", {
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
