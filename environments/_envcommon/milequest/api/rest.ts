import { sumReservedConcurrency } from "@infra/config";
import { restApiInputs } from "@infra/milequest-inputs";
import { APP_DEPENDENCIES } from "../app-dependencies";
import { type Ctx, RELEASE_ALIAS, functionGroupDefaults, milequestModule } from "../common";
import { dns } from "../edge/dns";

const api = (memoryMb: number, timeoutSeconds = 10) => ({ memoryMb, timeoutSeconds, reservedConcurrency: 10 });

/** Seed 003 "REST API api.mile-quest.com" + "Lambda Authorizer JWT Validation" + the domain functions. Sizes are staging's; prod overrides concurrency. */
export const restApi = milequestModule("api/rest", {
  builder: "rest-api",
  schema: restApiInputs,
  // Counted against the account and region budget (region.ts reservedConcurrency, quotas).
  reservedConcurrency: (inputs) => sumReservedConcurrency(inputs.functions),
  dependencies: { ...APP_DEPENDENCIES, dns: { module: dns, region: "primary" } },
  defaults: (ctx: Ctx) => ({
    ...functionGroupDefaults(ctx),
    functions: {
      authorizer: api(256, 5),
      login: api(256),
      register: api(256),
      refresh: api(256),
      createTeam: api(512),
      updateTeam: api(512),
      inviteMembers: api(512),
      logActivity: api(512),
      syncActivity: api(256),
      // PostGIS routing and Mapbox round trips are the slowest calls (API Gateway's limit is 29 s).
      calculateRoute: api(1024, 25),
      geocodeAddress: api(512, 15),
      // Route 53 health checkers wait 2 s for an answer: the probe time-boxes its dependency checks.
      health: { memoryMb: 256, timeoutSeconds: 3, reservedConcurrency: 5 },
    },
    aliasName: RELEASE_ALIAS,
    originDomain: `api-origin.${ctx.workload.domain}`,
    stageName: "v1",
    throttle: { rateLimit: 100, burstLimit: 200 },
    // Failures (5xx, integration and authorizer errors) in every env; staging logs every request.
    executionLogLevel: "ERROR" as const,
    authorizerCacheSeconds: 300,
    wafRateLimitPer5Min: ctx.workload.rateLimitPer5Min,
  }),
});
