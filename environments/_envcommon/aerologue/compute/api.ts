import { apiInputs } from "@infra/aerologue-inputs";
import { PRIMARY, prefix } from "../names";
import { cognito } from "../auth/cognito";
import { functions } from "./functions";
import { dns } from "../edge/dns";
import { kms } from "../security/kms";
import { aerologueModule } from "../workload";

const REST_PREFIXES = ["flights", "airports", "crossings", "greetings", "games", "users", "vlogs", "wallet", "leaderboards"];
/** ARC-006 CORS methods; every one but OPTIONS is a route (see `routes`). */
const CORS_METHODS = ["GET", "POST", "PUT", "DELETE", "OPTIONS"];
const ROUTE_METHODS = CORS_METHODS.filter((m) => m !== "OPTIONS");

/** ARC-006: HTTP API (ten routes), WebSocket API, one stage named after the env. */
export const api = aerologueModule("compute/api", {
  schema: apiInputs,
  dependencies: {
    kms: { module: kms, region: PRIMARY },
    functions,
    cognito: { module: cognito, region: PRIMARY },
    dns: { module: dns, region: PRIMARY },
  },
  defaults: (ctx) => ({
    prefix: prefix(ctx),
    httpApiName: `${prefix(ctx)}-rest-api`,
    wsApiName: `${prefix(ctx)}-ws-api`,
    stageName: ctx.env.name,
    // "/api/v1/flights/*" is every path under the prefix ({proxy+}), one route per ARC-006 method.
    // Not ANY: an ANY route with the JWT authorizer also matches the browser's OPTIONS preflight,
    // which carries no token and got 401. With no OPTIONS route, API Gateway answers preflight
    // itself from the CORS configuration, before any authorizer or Lambda.
    routes: [...REST_PREFIXES.flatMap((p) => ROUTE_METHODS.map((m) => `${m} /api/v1/${p}/{proxy+}`)), "GET /api/v1/health"],
    publicRoutes: ["GET /api/v1/health"],
    throttle: { ...ctx.workload.apiThrottle },
    cors: {
      allowOrigins: [...ctx.workload.corsOrigins],
      allowMethods: [...CORS_METHODS],
      allowHeaders: ["Authorization", "Content-Type"],
      maxAgeSeconds: 3600,
    },
    wsRoutes: { $connect: "api-ws-connect", $disconnect: "api-ws-disconnect", $default: "api-ws-message" },
    broadcastFunction: "ws-broadcast",
    restFunction: "api-rest-handler",
    apiDomain: `api.${ctx.workload.domain}`,
    wsDomain: `ws.${ctx.workload.domain}`,
    // api./ws. are CloudFront aliases behind the web ACL (aerologue-edge/cdn); API Gateway answers
    // these origin names only (docs/adr/0075).
    originApiDomain: `origin-api.${ctx.workload.domain}`,
    originWsDomain: `origin-ws.${ctx.workload.domain}`,
    wsMappingKey: "ws",
    logRetentionDays: ctx.workload.logRetentionDays,
    latencyRouting: ctx.workload.globalRegions.length > 0,
  }),
});
