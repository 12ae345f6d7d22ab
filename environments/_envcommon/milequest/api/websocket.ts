import { defineModule, sumReservedConcurrency } from "@infra/config";
import { websocketInputs } from "@infra/milequest-inputs";
import { APP_DEPENDENCIES, type Ctx, RELEASE_ALIAS, artifacts, regionalName, stackRole } from "../common";

/** Seed 003 "WebSocket API ws.mile-quest.com" → aggregateProgress, and the real-time path. */
export const websocket = defineModule({
  workload: "milequest",
  category: "milequest-api",
  module: "websocket",
  builder: "milequest/websocket",
  schema: websocketInputs,
  source: "environments/_envcommon/milequest/api/websocket.ts",
  // Counted against the account and region budget (region.ts reservedConcurrency, quotas).
  reservedConcurrency: (inputs) => sumReservedConcurrency(inputs.functions),
  dependencies: {
    ...APP_DEPENDENCIES,
    dns: { category: "milequest-edge", module: "dns", region: "primary" },
    rest: { category: "milequest-api", module: "rest" },
  },
  defaults: (ctx: Ctx) => ({
    name: `${regionalName(ctx)}-ws`,
    role: stackRole(ctx),
    runtime: "nodejs22.x" as const,
    artifacts: artifacts(ctx),
    logRetentionDays: ctx.settings.logRetentionDays,
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
