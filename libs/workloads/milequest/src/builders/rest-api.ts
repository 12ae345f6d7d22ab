import { RestApi } from "@infra/apigateway";
import type { StackBuilder } from "@infra/core";
import { Certificate } from "@infra/dns";
import type { LambdaAlias, LambdaFunction } from "@infra/lambda";
import { WebAcl } from "@infra/waf";
import type { RestApiInputs, RestFunction } from "../inputs";
import { EXTERNAL_API_SECRETS } from "../inputs";
import { SEED_WAF_RULES, buildZone } from "./edge";
import { FunctionFactory, appDependencies } from "./functions";
import { keepLegacyAddresses, legacyRouteId } from "./rest-api-moves";

type Method = "GET" | "POST" | "PATCH";

export interface MilequestRoute {
  readonly fn: Exclude<RestFunction, "authorizer">;
  readonly method: Method;
  readonly path: string;
  readonly auth: boolean;
  /** The route takes a JSON object body: API Gateway validates it (and the parameters) before the function runs. */
  readonly body: boolean;
}

/**
 * One REST route per domain function of seed 003's API diagram. `auth: false` only for the auth
 * domain (it issues the tokens). `body: true` where the function reads a JSON body; syncActivity
 * ("request a sync") and GETs are validated on their parameters only.
 */
export const REST_ROUTES: readonly MilequestRoute[] = [
  { fn: "login", method: "POST", path: "/auth/login", auth: false, body: true },
  { fn: "register", method: "POST", path: "/auth/register", auth: false, body: true },
  { fn: "refresh", method: "POST", path: "/auth/refresh", auth: false, body: true },
  { fn: "createTeam", method: "POST", path: "/teams", auth: true, body: true },
  { fn: "updateTeam", method: "PATCH", path: "/teams/{teamId}", auth: true, body: true },
  { fn: "inviteMembers", method: "POST", path: "/teams/{teamId}/invitations", auth: true, body: true },
  { fn: "logActivity", method: "POST", path: "/activities", auth: true, body: true },
  { fn: "syncActivity", method: "POST", path: "/activities/sync", auth: true, body: false },
  { fn: "calculateRoute", method: "POST", path: "/map/routes", auth: true, body: true },
  { fn: "geocodeAddress", method: "GET", path: "/map/geocode", auth: true, body: false },
];

/** The unauthenticated health route Route 53's health checks call (and the failover records follow). */
export const HEALTH_PATH = "/health";

/**
 * GET /health → the `health` function, which checks this region's dependencies (Aurora, Redis
 * where deployed, DynamoDB) and answers `{"status":"ok"}` or 503: a region whose API answers but
 * whose data path is down fails over, which a MOCK integration could never show.
 */
export const HEALTH_ROUTE: MilequestRoute = { fn: "health", method: "GET", path: HEALTH_PATH, auth: false, body: false };

/** Bodies must be one JSON object: the contract every Mile Quest write function shares (fields are the functions' to check). */
export const JSON_OBJECT_MODEL = { name: "JsonObject", description: "A JSON object body", schema: { type: "object" } } as const;

const DESCRIPTIONS: Record<RestFunction, string> = {
  authorizer: "Lambda authorizer: validates Cognito JWTs (REST TOKEN and WebSocket $connect REQUEST)",
  login: "auth: login",
  register: "auth: register",
  refresh: "auth: refresh tokens",
  createTeam: "team: create a team",
  updateTeam: "team: update a team",
  inviteMembers: "team: invite members",
  logActivity: "activity: log an activity (write path)",
  syncActivity: "activity: request a wearable sync",
  calculateRoute: "map: calculate a route (Mapbox, PostGIS)",
  geocodeAddress: "map: geocode an address (Mapbox)",
  health: "health probe for Route 53: checks Aurora, Redis and DynamoDB in this region",
};

export interface RestApiOutputs {
  readonly restApiId: string;
  readonly restApiName: string;
  readonly stageName: string;
  /** `<id>.execute-api.<region>.amazonaws.com`: what the health checks call. */
  readonly executeApiHost: string;
  /** The regional custom domain's target, for alias / failover records. */
  readonly regionalDomainName: string;
  readonly regionalZoneId: string;
  /** The authorizer's alias: what the WebSocket API's $connect authorizer invokes too. */
  readonly authorizer: LambdaAlias;
  readonly functions: Readonly<Record<RestFunction, LambdaFunction>>;
  /** The alias API Gateway invokes per function (seed 003 "Canary Deploy"): CodeDeploy shifts it. */
  readonly aliases: Readonly<Record<RestFunction, LambdaAlias>>;
  readonly region: string;
}

/**
 * Seed 003 "REST API api.mile-quest.com" on `@infra/apigateway`'s RestApi: routes invoke the domain
 * functions through the JWT Lambda authorizer, each method validates its request, /health probes
 * the region's dependencies through a function, access and execution logs, X-Ray, throttling, a
 * regional custom domain (the origin CloudFront and the failover records point at) and a regional
 * WAF (the regional endpoint is reachable without CloudFront).
 */
export const buildRestApi: StackBuilder<RestApiInputs, RestApiOutputs> = (stack, inputs, ctx) => {
  const deps = appDependencies(ctx);
  const zone = ctx.dependencyOn("dns", buildZone);
  const factory = new FunctionFactory(stack, inputs, deps, ctx);
  const { keys, messaging, storage, secrets } = deps;
  const region = ctx.deployment.region.name;

  const names = Object.keys(DESCRIPTIONS) as RestFunction[];
  const created = Object.fromEntries(names.map((fn) => [fn, factory.createAliased(fn, inputs.functions[fn], DESCRIPTIONS[fn], inputs.aliasName)]));
  const fns = Object.fromEntries(names.map((fn) => [fn, created[fn]!.fn])) as Record<RestFunction, LambdaFunction>;
  // API Gateway invokes the aliases, so a CodeDeploy traffic shift is what callers see.
  const aliases = Object.fromEntries(names.map((fn) => [fn, created[fn]!.alias])) as Record<RestFunction, LambdaAlias>;

  // Least privilege, function by function (seed 003 "IAM Roles").
  factory.grantUserPool(fns.login, ["cognito-idp:AdminInitiateAuth", "cognito-idp:AdminGetUser"]);
  factory.grantTable(fns.login, "sessions", "readWrite");
  factory.grantUserPool(fns.register, ["cognito-idp:AdminGetUser"]);
  factory.grantTable(fns.register, "sessions", "readWrite");
  factory.grantDatabase(fns.register);
  factory.grantUserPool(fns.refresh, ["cognito-idp:AdminInitiateAuth"]);
  factory.grantTable(fns.refresh, "sessions", "readWrite");
  for (const fn of [fns.createTeam, fns.updateTeam]) {
    factory.grantDatabase(fn);
    factory.grantCache(fn);
    factory.grantPutEvents(fn);
  }
  factory.grantDatabase(fns.inviteMembers);
  messaging.teamEvents.grantPublish(fns.inviteMembers, { sid: "PublishTeamEvents" });
  factory.grantDatabase(fns.logActivity);
  factory.grantPutEvents(fns.logActivity);
  messaging.activityQueue.grantSend(fns.logActivity, { sid: "SendActivity" });
  storage.userData.grantReadWrite(fns.logActivity, { keyPrefix: "users/", sid: "UserDataUploads" });
  factory.grantDatabase(fns.syncActivity);
  messaging.activityQueue.grantSend(fns.syncActivity, { sid: "SendActivity" });
  for (const fn of [fns.calculateRoute, fns.geocodeAddress]) {
    factory.grantDatabase(fn);
    factory.grantCache(fn);
    factory.grantSecret(fn, "ReadMapbox", `${secrets.prefix}/external/${EXTERNAL_API_SECRETS[2]}`);
  }
  // The health probe reads only: a connection to the reader, a Redis PING, a DescribeTable.
  factory.grantDatabase(fns.health);
  factory.grantCache(fns.health);
  factory.grantTable(fns.health, "sessions", "read");

  // The regional custom domain: CloudFront's origin and the failover records' target.
  const certificate = new Certificate(stack, "origin-certificate", { domainName: inputs.originDomain, zoneId: zone.zoneId });
  const routes = [...REST_ROUTES, HEALTH_ROUTE];
  const api = new RestApi(stack, "rest", {
    name: inputs.name,
    description: "Mile Quest REST API (seed 003)",
    integrations: aliases,
    routes: routes.map((r) => ({
      path: r.path,
      method: r.method,
      integration: r.fn,
      public: !r.auth,
      ...(r.body ? { requestModel: JSON_OBJECT_MODEL } : {}),
      permissionStatementId: `Allow-rest-${legacyRouteId(r)}`,
    })),
    authorizer: {
      type: "TOKEN",
      name: "jwt",
      function: aliases.authorizer,
      identitySource: "method.request.header.Authorization",
      resultTtlSeconds: inputs.authorizerCacheSeconds,
      permissionStatementId: "Allow-rest-authorizer",
    },
    stageName: inputs.stageName,
    throttling: { rateLimit: inputs.throttle.rateLimit, burstLimit: inputs.throttle.burstLimit },
    // Access logging needs the account's API Gateway CloudWatch role: a per-region account setting
    // owned by the account foundation (which this stack deploys after), never by a workload.
    accessLogs: { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn, logGroupName: `/aws/apigateway/${inputs.name}/access` },
    loggingLevel: inputs.executionLogLevel,
    xrayTracing: true,
    customDomain: { domainName: inputs.originDomain, certificateArn: certificate.certificateArn },
  });
  keepLegacyAddresses(api, routes);

  const waf = new WebAcl(stack, "regional-waf", {
    name: `${inputs.name}-regional`,
    scope: "REGIONAL",
    description: "Mile Quest REST API stage, regional endpoint",
    ...SEED_WAF_RULES,
    rateLimit: { limit: inputs.wafRateLimitPer5Min },
    logging: { retentionDays: inputs.logRetentionDays, kmsKeyArn: keys.logs.keyArn },
  });
  waf.associate("stage", api.stageArn);

  return {
    restApiId: api.restApiId,
    restApiName: inputs.name,
    stageName: api.stageName,
    executeApiHost: `${api.restApiId}.execute-api.${region}.amazonaws.com`,
    regionalDomainName: api.customDomainTarget!.dnsName,
    regionalZoneId: api.customDomainTarget!.hostedZoneId,
    authorizer: aliases.authorizer,
    functions: fns,
    aliases,
    region,
  };
};
