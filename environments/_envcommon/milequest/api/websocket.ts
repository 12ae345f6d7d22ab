import { sumReservedConcurrency } from "@infra/config";
import { websocketInputs } from "@infra/milequest-inputs";
import { APP_DEPENDENCIES } from "../app-dependencies";
import { type Ctx, RELEASE_ALIAS, functionGroupDefaults, regionalName, milequestModule } from "../common";
import { restApi } from "./rest";
import { dns } from "../edge/dns";

/** Seed 003 "WebSocket API ws.mile-quest.com" → aggregateProgress, and the real-time path. */
export const websocket = milequestModule("api/websocket", {
  schema: websocketInputs,
  // Counted against the account and region budget (region.ts reservedConcurrency, quotas).
  reservedConcurrency: (inputs) => sumReservedConcurrency(inputs.functions),
  dependencies: {
    ...APP_DEPENDENCIES,
    dns: { module: dns, region: "primary" },
    rest: restApi,
  },
  defaults: (ctx: Ctx) => ({
    ...functionGroupDefaults(ctx, `${regionalName(ctx)}-ws`),
    functions: {
      aggregateProgress: { memoryMb: 512, timeoutSeconds: 10, reservedConcurrency: 10 },
      wsConnect: { memoryMb: 256, timeoutSeconds: 5, reservedConcurrency: 10 },
      wsDisconnect: { memoryMb: 256, timeoutSeconds: 5, reservedConcurrency: 10 },
      wsBroadcast: { memoryMb: 512, timeoutSeconds: 30, reservedConcurrency: 5 },
    },
    aliasName: RELEASE_ALIAS,
    domain: `ws.${ctx.workload.domain}`,
    stageName: "v1",
    throttle: { rateLimit: 50, burstLimit: 100 },
  }),
});
